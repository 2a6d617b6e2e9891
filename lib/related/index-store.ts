/**
 * The related-articles index in IndexedDB (tables `terms`, `postings`, `docs`, `meta` of
 * lib/db/schema.ts, layout of schema v4): writes. Queries are in query.ts, weighting in weights.ts.
 *
 * An article is represented by its key terms (its KEY_TERMS most frequent terms, title counting
 * more) and its topics (the measures it mentions and their categories), each with a weight that
 * depends on the article alone (BM25's saturated term frequency). Layout — an inverted index:
 * - `terms[k]`      = { df: articles posted under k (for IDF at query time), tail: k's last block }.
 *                     k is a term, `measure:<id>` or `category:<id>`; a measure's df is the number of
 *                     indexed articles that mention it (the measure timelines count with it).
 * - `postings[k,b]` = block b of k's postings: (articleId, weight), at most POSTING_BLOCK of them,
 *                     packed (postings.ts). A new article appends to the last block of each of its keys.
 * - `docs[id]`      = the article's key terms and topics with their weights (its query when it is the
 *                     article being read), the block each is posted in, its length, its measure ids
 *                     and the policy words it uses (policy-words.ts, the readable reasons).
 * - `meta`          = N (`related.docCount`), and what the index was built with (`related.recipe`).
 *
 * What a write costs: one `terms` row and one postings block per key of the article (about 130),
 * its `docs` row and N: nothing else is read or written, however large the corpus. Up to schema v3
 * a term row held the term's df over every distinct term of every article and all its postings, so a
 * new article rewrote a thousand rows whose lists grow with the corpus: 1.6–4 s at 10,000 articles in
 * Chromium. `npm run bench -- index` measures both layouts side by side.
 *
 * Nothing stored depends on N or on other articles (IDF is applied at query time), so the index never
 * needs re-weighing as it grows; a change of weighting or tokenizing is a new recipe, and the index is
 * rebuilt from the stored articles (lib/insight/index-queue.ts).
 *
 * Every write is one transaction over terms + postings + docs + meta: an interrupted write leaves the
 * index as it was. Called inside a caller's transaction, that transaction must include these four
 * (`indexTables`).
 */
import type { DocVector, LensDB } from '../db/schema';
import { IndexRows } from './index-rows';
import { articleCounts, articleTopics, DOC_COUNT_KEY, readCount, type TopicInput } from './layout';
import { policyWordsIn } from './policy-words';
import { ID_SEPARATOR } from './postings';
import { weighKeyTerms } from './weights';

export type IndexableArticle = { id: string; text: string; title?: string | undefined };
/** An article and its topics: the measures found in it and, for each, its category. */
export type IndexEntry = { article: IndexableArticle } & TopicInput;

/** The index tables, for a caller's transaction that writes the index. */
export const indexTables = (db: LensDB) => [db.terms, db.postings, db.docs, db.meta];

/** The keys an article is posted under, in the order of `DocVector.blocks`. */
const postedKeys = (doc: Pick<DocVector, 'terms' | 'topics'>) => [...doc.terms.map(([t]) => t), ...doc.topics.map(([k]) => k)];
/** The blocks an article is posted in, to read before unposting it. */
const blocksOf = (doc: DocVector) => postedKeys(doc).map((key, i): [string, number] => [key, doc.blocks[i]!]);

/** An article's index entry before it is posted: everything but its blocks. */
type Vector = Omit<DocVector, 'blocks'>;

export function articleVector(entry: IndexEntry): Vector {
  const { counts, length } = articleCounts(entry.article);
  const text = entry.article.title ? `${entry.article.title}\n${entry.article.text}` : entry.article.text;
  return {
    id: entry.article.id,
    terms: weighKeyTerms(counts, length),
    topics: articleTopics(entry),
    length,
    measureIds: [...new Set(entry.measureIds)],
    words: policyWordsIn(text),
  };
}

function unpost(rows: IndexRows, doc: DocVector): void {
  blocksOf(doc).forEach(([key, block]) => {
    rows.changeDf(key, -1);
    rows.remove(key, block, doc.id);
  });
}

async function post(rows: IndexRows, vectors: readonly Vector[]): Promise<DocVector[]> {
  // The last block of every key about to get a posting, read in one go.
  await rows.loadBlocks(vectors.flatMap((v) => postedKeys(v).flatMap((key): [string, number][] => (rows.tail(key) === undefined ? [] : [[key, rows.tail(key)!]]))));
  return vectors.map((v) => {
    const blocks = [...v.terms, ...v.topics].map(([key, weight]) => {
      rows.changeDf(key, 1);
      return rows.append(key, v.id, weight);
    });
    return { ...v, blocks };
  });
}

/**
 * Add or replace articles in the index, all in one transaction. One call for many articles (seeding,
 * import, a rebuild) reads and writes each key's rows once for the whole batch.
 */
export async function indexArticles(db: LensDB, entries: readonly IndexEntry[]): Promise<void> {
  const byId = new Map(entries.map((e) => [e.article.id, e]));
  if (!byId.size) return;
  for (const id of byId.keys()) if (id.includes(ID_SEPARATOR)) throw new Error(`related index: article id ${JSON.stringify(id)} contains U+001F`);
  // Tokenizing and weighing need no database: done before the transaction opens.
  const fresh = [...byId.values()].map(articleVector);
  await db.transaction('rw', indexTables(db), async () => {
    const previous = (await db.docs.bulkGet([...byId.keys()])).filter((d): d is DocVector => d !== undefined);
    const rows = new IndexRows(db);
    await rows.loadStats([...previous.flatMap(postedKeys), ...fresh.flatMap(postedKeys)]);
    await rows.loadBlocks(previous.flatMap(blocksOf));
    for (const doc of previous) unpost(rows, doc);
    const docs = await post(rows, fresh);
    await rows.flush();
    await db.docs.bulkPut(docs);
    await db.meta.put({ key: DOC_COUNT_KEY, value: (await readCount(db, DOC_COUNT_KEY)) - previous.length + fresh.length });
  });
}

/** Add or replace one article (the article being read, an imported file). */
export function indexArticle(db: LensDB, article: IndexableArticle, topics: TopicInput): Promise<void> {
  return indexArticles(db, [{ article, ...topics }]);
}

/** Take an article out of the index; a no-op for an id the index does not hold. Needs no article text. */
export async function removeFromIndex(db: LensDB, id: string): Promise<void> {
  await db.transaction('rw', indexTables(db), async () => {
    const doc = await db.docs.get(id);
    if (!doc) return;
    const rows = new IndexRows(db);
    await rows.loadStats(postedKeys(doc));
    await rows.loadBlocks(blocksOf(doc));
    unpost(rows, doc);
    await rows.flush();
    await db.docs.delete(id);
    await db.meta.put({ key: DOC_COUNT_KEY, value: Math.max(0, (await readCount(db, DOC_COUNT_KEY)) - 1) });
  });
}

/** Empty the index (its recipe stays: an empty index is built with any). */
export async function clearIndex(db: LensDB): Promise<void> {
  await db.transaction('rw', indexTables(db), async () => {
    await db.terms.clear();
    await db.postings.clear();
    await db.docs.clear();
    await db.meta.delete(DOC_COUNT_KEY);
  });
}
