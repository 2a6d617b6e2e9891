/**
 * Stores one of the reader's articles the way lib/db/articles.ts stores an imported file: skip an id
 * the corpus already holds (a seed stays a seed, the reader's own copy stays theirs), else add it and
 * index it in the same transaction, so an article is never stored unindexed.
 *
 * A copy of that module's write step, which is not exported; an exported `storeArticle` there would
 * let both share it.
 */
import type { LensDB, StoredArticle } from '../db/schema';

/**
 * Indexes a stored article (measures, fingerprint, related-articles index), e.g.
 * `(a) => indexStoredArticle(db, a, catalogue)` from lib/insight/indexer. Runs inside the caller's
 * transaction; it must only touch IndexedDB.
 */
export type IndexArticle = (article: StoredArticle) => Promise<unknown>;

/** Whether it was added. Call inside a 'rw' transaction over db.tables (the indexer writes several tables). */
export async function storeArticle(db: LensDB, article: StoredArticle, index?: IndexArticle): Promise<boolean> {
  return db.transaction('rw', db.tables, async () => {
    if (await db.articles.get(article.id)) return false;
    await db.articles.add(article);
    await index?.(article);
    return true;
  });
}
