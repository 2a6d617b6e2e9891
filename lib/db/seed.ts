/**
 * Seeds the bundled corpus into IndexedDB on install, update and start-up. One transaction does it all,
 * so a seeding interrupted halfway (the worker killed, the browser closed) leaves nothing half-written
 * and simply runs again next time. Only records with origin 'seed' are ever written or removed here:
 * highlights, notes, imported and read articles are not touched.
 */
import type { Article } from '../corpus/article';
import type { LensDB, StoredArticle } from './schema';

export type BundledCorpus = { version: string; articles: Article[] };

export type SeedOutcome =
  | { status: 'unchanged'; version: string }
  | { status: 'seeded'; version: string; previous: string | null; added: number; updated: number; removed: number; kept: number };

export const CORPUS_VERSION_KEY = 'corpus.version';

export type SeedOptions = {
  now?: () => Date;
  /** Indexes a stored seed (measures, related articles) inside the seeding transaction. */
  index?: (article: StoredArticle) => Promise<unknown>;
  unindex?: (id: string) => Promise<unknown>;
};

export async function seedCorpus(db: LensDB, corpus: BundledCorpus, opts: SeedOptions = {}): Promise<SeedOutcome> {
  const now = opts.now ?? (() => new Date());
  return db.transaction('rw', db.tables, async () => {
    const previous = (await db.meta.get(CORPUS_VERSION_KEY))?.value as string | undefined;
    if (previous === corpus.version) return { status: 'unchanged', version: corpus.version };

    const bundledIds = new Set(corpus.articles.map((a) => a.id));
    const existing = new Map((await db.articles.bulkGet([...bundledIds])).flatMap((a) => (a ? [[a.id, a]] : [])));
    const stamp = now().toISOString();
    let added = 0;
    let updated = 0;
    let kept = 0;
    const puts: StoredArticle[] = [];
    for (const article of corpus.articles) {
      const old = existing.get(article.id);
      if (old && old.origin !== 'seed') {
        // The reader imported or read this article before it shipped: their record stays theirs.
        kept++;
        continue;
      }
      // A URL learned when the reader opened the live page outlives corpus updates.
      const learned = old?.url ? { key: old.key, url: old.url } : {};
      puts.push({ ...article, ...learned, origin: 'seed', addedAt: old?.addedAt ?? stamp });
      if (old) updated++;
      else added++;
    }
    await db.articles.bulkPut(puts);
    for (const article of puts) await opts.index?.(article);

    const staleSeeds = await db.articles
      .where('origin')
      .equals('seed')
      .filter((a) => !bundledIds.has(a.id))
      .primaryKeys();
    await db.articles.bulkDelete(staleSeeds);
    for (const id of staleSeeds) await opts.unindex?.(id);

    await db.meta.put({ key: CORPUS_VERSION_KEY, value: corpus.version });
    return { status: 'seeded', version: corpus.version, previous: previous ?? null, added, updated, removed: staleSeeds.length, kept };
  });
}
