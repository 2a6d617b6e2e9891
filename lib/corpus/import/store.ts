/**
 * Stores a batch of parsed posts and indexes them, all in one transaction: an import stopped at any
 * moment (cancelled, the tab closed, the browser quit) leaves every batch before it stored and indexed
 * and nothing of the one it was in. Posts the corpus already holds, or that came earlier in this
 * import, are reported as already there (identity.ts) and not stored twice; a post whose id another
 * article holds is stored apart under the next of its candidate ids (lib/corpus/article.ts
 * articleIdCandidates), as lib/db/articles.ts addArticleApart does for one article.
 */
import { LensError } from '../../i18n/errors';
import { articleIdCandidates, type ArticleNote } from '../article';
import type { LensDB, StoredArticle } from '../../db/schema';
import { indexArticles, type IndexEntry, type TopicInput } from '../../related';
import { fingerprintCanIdentify, sameArticleAs, type Known } from './identity';

/** A post parsed and ready to store, with its derived fields (measures, fingerprint) and its topics for the related index. */
export type ParsedPost = { path: string; article: StoredArticle; notes: ArticleNote[]; topics: TopicInput };

/**
 * A refusal as plain data: it is made in a worker and crosses to the page, which words it in the
 * interface language (lib/i18n/errors.ts describeError reads `name`, `code`, `params`, `file`, `line`).
 * `message` is the English wording, for logs, tools and tests.
 */
export type Refusal = {
  name: string;
  code: string;
  params: Record<string, string | number>;
  message: string;
  file?: string;
  line?: number;
  field?: string;
};

export type ImportOutcome =
  | { path: string; status: 'imported'; title: string; notes: ArticleNote[] }
  | { path: string; status: 'duplicate'; title: string; sameAs: string }
  | { path: string; status: 'refused'; title?: string; refusal: Refusal };

/** A refusal of ours (a CorpusError, a LensError) as plain data. */
export function refusalOf(error: unknown): Refusal {
  const e = error as {
    name?: unknown;
    code?: unknown;
    params?: unknown;
    message?: unknown;
    file?: unknown;
    line?: unknown;
    field?: unknown;
  };
  return {
    name: typeof e.name === 'string' ? e.name : 'Error',
    code: typeof e.code === 'string' ? e.code : '',
    params: typeof e.params === 'object' && e.params !== null ? { ...(e.params as Record<string, string | number>) } : {},
    message: typeof e.message === 'string' ? e.message : String(error),
    ...(typeof e.file === 'string' && { file: e.file }),
    ...(typeof e.line === 'number' && { line: e.line }),
    ...(typeof e.field === 'string' && { field: e.field }),
  };
}

/**
 * `index` adds the stored articles to the related-articles index; it runs inside the batch's
 * transaction (it must only touch IndexedDB), once for the whole batch.
 */
export type IndexBatch = (db: LensDB, entries: readonly IndexEntry[]) => Promise<void>;

/** The related index in one call for many articles (lib/related's bulk entry point). */
export const indexBatchInRelated: IndexBatch = (db, entries) => indexArticles(db, entries);

export async function storeBatch(
  db: LensDB,
  batch: readonly ParsedPost[],
  index: IndexBatch = indexBatchInRelated,
): Promise<ImportOutcome[]> {
  if (!batch.length) return [];
  return db.transaction('rw', db.tables, async () => {
    const known = new Candidates(
      await knownLike(
        db,
        batch.map((p) => p.article),
      ),
    );
    const outcomes: ImportOutcome[] = [];
    const accepted: ParsedPost[] = [];
    for (const post of batch) {
      const same = known.sameAs(post.article);
      if (same) {
        outcomes.push({ path: post.path, status: 'duplicate', title: post.article.title, sameAs: same.title });
        continue;
      }
      const article = { ...post.article, id: await freeId(db, post.article, known) };
      accepted.push({ ...post, article });
      known.add(article);
      outcomes.push({ path: post.path, status: 'imported', title: article.title, notes: post.notes });
    }
    await db.articles.bulkAdd(accepted.map((p) => p.article));
    await index(
      db,
      accepted.map((p) => ({ article: p.article, ...p.topics })),
    );
    return outcomes;
  });
}

/** The article's own id, or, when another article holds it, the first of its candidate ids that is free. */
async function freeId(db: LensDB, article: StoredArticle, known: Candidates): Promise<string> {
  for (const id of new Set([article.id, ...articleIdCandidates(article.titleNorm, article.date, article.text)])) {
    if (!known.holds(id) && !(await db.articles.get(id))) return id;
  }
  throw new LensError('corpus.no-free-id', { title: article.title });
}

/**
 * The stored articles the batch could duplicate, found through the indexes (never by scanning): one
 * request per key, all in flight at once (an anyOf over a thousand keys walks a cursor key by key).
 */
async function knownLike(db: LensDB, articles: readonly StoredArticle[]): Promise<Known[]> {
  const equal = (index: 'titleNorm' | 'fingerprint', keys: string[]) =>
    Promise.all(keys.map((k) => db.articles.where(index).equals(k).toArray()));
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

  holds(id: string): boolean {
    return this.byId.has(id);
  }

  sameAs(a: Known): Known | undefined {
    const pool = [
      this.byId.get(a.id),
      ...(this.byTitle.get(a.titleNorm) ?? []),
      ...(a.fingerprint ? (this.byFingerprint.get(a.fingerprint) ?? []) : []),
    ];
    return pool.find((k): k is Known => k !== undefined && sameArticleAs(a, k));
  }
}
