/**
 * Adding an article to the related-articles index rewrites the row of every term it holds: in a corpus
 * of 10,000 that takes seconds (scripts/bench/suites/load.ts). An article read for the first time must
 * not keep its panel waiting for that, so it is stored at once (lib/insight/store-read.ts: identity and
 * timelines work straight away) and indexed here, after the answer, one article at a time.
 *
 * If the worker stops in between, the article is stored but not indexed: `recover()` at each start of
 * the background finds such articles (ids in `articles` without a row in `docs`) and indexes them.
 */
import type { LensDB } from '../db/schema';
import { indexArticle, removeFromIndex } from '../related';

export type IndexQueue = {
  /** Index this stored article after whatever is queued. */
  add(id: string): Promise<void>;
  /** Queue every stored article the index lacks; resolves with how many. */
  recover(): Promise<number>;
  /** Resolves when the queue is empty. */
  idle(): Promise<void>;
};

export function createIndexQueue(db: LensDB, onError: (id: string, error: Error) => void = () => undefined): IndexQueue {
  let tail: Promise<void> = Promise.resolve();
  const add = (id: string) => {
    tail = tail.then(() => indexOne(db, id).catch((error: Error) => onError(id, error)));
    return tail;
  };
  return {
    add,
    async recover() {
      const missing = await unindexedArticleIds(db);
      for (const id of missing) void add(id);
      return missing.length;
    },
    idle: () => tail,
  };
}

export async function unindexedArticleIds(db: LensDB): Promise<string[]> {
  const [articles, indexed] = await Promise.all([db.articles.toCollection().primaryKeys(), db.docs.toCollection().primaryKeys()]);
  const have = new Set<string>(indexed);
  return articles.filter((id) => !have.has(id));
}

async function indexOne(db: LensDB, id: string): Promise<void> {
  const article = await db.articles.get(id);
  if (!article || (await db.docs.get(id))) return;
  // The index transaction leaves `articles` out so that reading and storing articles never waits on it.
  await indexArticle(db, article, article.measureIds ?? []);
  // Deleted meanwhile: take it out again rather than leave an entry for nothing.
  if (!(await db.articles.get(id))) await removeFromIndex(db, id);
}
