/**
 * Stores a batch of parsed posts and indexes them, all in one transaction: an import stopped at any
 * moment (cancelled, the tab closed, the browser quit) leaves every batch before it stored and indexed
 * and nothing of the one it was in. Posts the corpus already holds, or that came earlier in this
 * import, are reported as already there (identity.ts) and not stored twice.
 */
import type { ArticleNote } from '../article';
import type { LensDB, StoredArticle } from '../../db/schema';
import { indexArticles } from '../../related';
import { fingerprintCanIdentify, sameArticleAs, type Known } from './identity';

/** A post parsed and ready to store, with its derived fields (measures, fingerprint). */
export type ParsedPost = { path: string; article: StoredArticle; notes: ArticleNote[] };

export type ImportOutcome =
  | { path: string; status: 'imported'; title: string; notes: ArticleNote[] }
  | { path: string; status: 'duplicate'; title: string; sameAs: string }
  | { path: string; status: 'refused'; title?: string; reason: string };

/**
 * `index` adds the stored articles to the related-articles index; it runs inside the batch's
 * transaction (it must only touch IndexedDB), once for the whole batch.
 */
export type IndexBatch = (db: LensDB, articles: readonly StoredArticle[]) => Promise<void>;

/** The related index in one call for many articles (lib/related's bulk entry point). */
export const indexBatchInRelated: IndexBatch = (db, articles) => indexArticles(db, articles.map((article) => ({ article, measureIds: article.measureIds ?? [] })));

export async function storeBatch(db: LensDB, batch: readonly ParsedPost[], index: IndexBatch = indexBatchInRelated): Promise<ImportOutcome[]> {
  if (!batch.length) return [];
  return db.transaction('rw', db.tables, async () => {
    const known = new Candidates(await knownLike(db, batch.map((p) => p.article)));
    const outcomes: ImportOutcome[] = [];
    const accepted: StoredArticle[] = [];
    for (const post of batch) {
      const a = post.article;
      const same = known.sameAs(a);
      if (same) {
        outcomes.push({ path: post.path, status: 'duplicate', title: a.title, sameAs: same.title });
        continue;
      }
      accepted.push(a);
      known.add(a);
      outcomes.push({ path: post.path, status: 'imported', title: a.title, notes: post.notes });
    }
    await db.articles.bulkAdd(accepted);
    await index(db, accepted);
    return outcomes;
  });
}

/**
 * The stored articles the batch could duplicate, found through the indexes (never by scanning): one
 * request per key, all in flight at once (an anyOf over a thousand keys walks a cursor key by key).
 */
async function knownLike(db: LensDB, articles: readonly StoredArticle[]): Promise<Known[]> {
  const equal = (index: 'titleNorm' | 'fingerprint', keys: string[]) => Promise.all(keys.map((k) => db.articles.where(index).equals(k).toArray()));
  const fingerprints = [...new Set(articles.filter(fingerprintCanIdentify).map((a) => a.fingerprint!))];
  const [byId, byTitle, byFingerprint] = await Promise.all([
    db.articles.bulkGet(articles.map((a) => a.id)),
    equal('titleNorm', [...new Set(articles.map((a) => a.titleNorm).filter(Boolean))]),
    equal('fingerprint', fingerprints),
  ]);
  const seen = new Map<string, StoredArticle>();
  for (const a of [...byId, ...byTitle.flat(), ...byFingerprint.flat()]) if (a) seen.set(a.id, a);
  return [...seen.values()];
}

/** Articles a post may be the same as, looked up by what identity compares (id, title, body). */
class Candidates {
  private readonly byId = new Map<string, Known>();
  private readonly byTitle = new Map<string, Known[]>();
  private readonly byFingerprint = new Map<string, Known[]>();

  constructor(known: Known[]) {
    for (const k of known) this.add(k);
  }

  add(k: Known): void {
    this.byId.set(k.id, k);
    if (k.titleNorm) this.byTitle.set(k.titleNorm, [...(this.byTitle.get(k.titleNorm) ?? []), k]);
    if (k.fingerprint) this.byFingerprint.set(k.fingerprint, [...(this.byFingerprint.get(k.fingerprint) ?? []), k]);
  }

  sameAs(a: Known): Known | undefined {
    const pool = [this.byId.get(a.id), ...(this.byTitle.get(a.titleNorm) ?? []), ...(a.fingerprint ? (this.byFingerprint.get(a.fingerprint) ?? []) : [])];
    return pool.find((k): k is Known => k !== undefined && sameArticleAs(a, k));
  }
}
