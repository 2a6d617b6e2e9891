/**
 * The two layouts of the related-articles index the `index` bench compares, behind one small interface
 * so the same driver runs them in Node (fake-indexeddb) and in a browser page (bundled by esbuild):
 *  - `v3`: up to schema v3 (scripts/bench/legacy-related, copied from c03d002): df and every posting
 *    of a term in one row;
 *  - `v4`: the current lib/related on the extension's schema: df in `terms`, postings in blocks.
 */
import { openLensDB } from '../../../lib/db/schema';
import { indexArticle, indexArticles, queryRelated, removeFromIndex, type TopicInput } from '../../../lib/related';
import { openLegacyIndexDB } from '../legacy-related/db';
import * as legacy from '../legacy-related/index-store';
import { queryRelated as legacyQuery } from '../legacy-related/query';

export type LayoutName = 'v3' | 'v4';
/** `measureIds` for the v3 layout, `topics` (the same measures with their counts and threads) for v4. */
export type BenchEntry = { article: { id: string; title: string; text: string }; measureIds: string[]; topics: TopicInput };

export type Layout = {
  indexBatch(entries: BenchEntry[]): Promise<void>;
  indexOne(entry: BenchEntry): Promise<void>;
  remove(id: string): Promise<void>;
  /** Related articles of an indexed article, by id: what the panel asks for an article in the corpus. */
  query(entry: BenchEntry): Promise<number>;
  rows(): Promise<Record<string, number>>;
  close(): Promise<void>;
};

export function openLayout(name: LayoutName, dbName: string): Layout {
  const asQuery = (e: BenchEntry) => ({ id: e.article.id, title: e.article.title, text: e.article.text, measureIds: e.measureIds });
  if (name === 'v3') {
    const db = openLegacyIndexDB(dbName);
    return {
      indexBatch: (entries) => legacy.indexArticles(db, entries),
      indexOne: (e) => legacy.indexArticle(db, e.article, e.measureIds),
      remove: (id) => legacy.removeFromIndex(db, id),
      query: async (e) => (await legacyQuery(db, asQuery(e), { limit: 8 })).length,
      rows: async () => ({ terms: await db.terms.count(), docs: await db.docs.count() }),
      close: () => db.delete(),
    };
  }
  const db = openLensDB(dbName);
  return {
    indexBatch: (entries) => indexArticles(db, entries.map((e) => ({ article: e.article, ...e.topics }))),
    indexOne: (e) => indexArticle(db, e.article, e.topics),
    remove: (id) => removeFromIndex(db, id),
    query: async (e) => (await queryRelated(db, { ...e.article, ...e.topics }, { limit: 8 })).length,
    rows: async () => ({ terms: await db.terms.count(), postings: await db.postings.count(), docs: await db.docs.count() }),
    close: () => db.delete(),
  };
}

/** Times each call, in ms. */
export async function timeEach<T>(items: readonly T[], run: (item: T) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (const item of items) {
    const t0 = performance.now();
    await run(item);
    times.push(performance.now() - t0);
  }
  return times;
}
