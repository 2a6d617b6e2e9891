/**
 * The related-articles index in IndexedDB (tables `terms`, `postings`, `docs`, `meta` of
 * lib/db/schema.ts, layout of schema v4): writes. Queries are in query.ts, features in layout.ts,
 * weights in weights.ts.
 *
 * An article is a vector of features in four parts (key terms, policy words, measures, threads), each
 * part scaled to unit length, so that the cosine of a part is a sum of products. Layout — an inverted
 * index over those features:
 * - `terms[k]`      = { df: articles holding feature k (for IDF), tail: k's last postings block }.
 *                     A measure's df is the number of indexed articles that mention it (the measure
 *                     timelines count with it).
 * - `postings[k,b]` = block b of k's postings: (articleId, k's weight in the article's unit vector),
 *                     at most POSTING_BLOCK of them, packed (postings.ts). A new article appends to the
 *                     last block of each of its features.
 * - `docs[id]`      = the article's features with their counts (its query when it is the article being
 *                     read, and what re-weighing needs), the block each is posted in, whether it is a
 *                     policy article, its measure ids.
 * - `meta`          = N (`related.docCount`), N when all weights were last recomputed, and what the
 *                     index was built with (`related.recipe`).
 *
 * What a write costs: one `terms` row and one postings block per feature (about a hundred), its
 * `docs` row and N; nothing else is read or written, however large the corpus. Up to schema v3 a term
 * row held the df of every distinct term of every article together with all its postings, so a new
 * article rewrote a thousand rows whose lists grow with the corpus: 1.6–4 s at 10,000 articles in
 * Chromium. `npm run bench -- index` measures both layouts side by side.
 *
 * Articles outside the policy family (policy-words.ts policyTopicScore below POLICY_TOPIC_THRESHOLD:
 * a stock market wrap, a 5G tender) are indexed but not posted: they relate to nothing and nothing
 * to them. Their measures still count in the measures' df.
 *
 * Weights and IDF drift: an article's weights use the IDF of the moment it is indexed. While the
 * corpus is small that IDF moves fast (the first seed indexed alone sees N = 1), so whenever N has
 * grown by a quarter since the last time, and N ≤ REWEIGH_UP_TO, a write re-weighs every article from
 * its stored counts. Geometric growth makes that amortised O(1) per article written; above the cap
 * IDF moves slowly (it is logarithmic in N) and weights stay as they are. Which features an article
 * has never depends on other articles, so a re-weigh changes weights, never rows.
 *
 * Every write is one transaction over terms + postings + docs + meta: an interrupted write leaves the
 * index as it was. Called inside a caller's transaction, that transaction must include these four
 * (`indexTables`).
 */
import type { DocVector, LensDB } from '../db/schema';
import { IndexRows } from './index-rows';
import {
  articleEntry,
  DOC_COUNT_KEY,
  measureKey,
  partOf,
  readCount,
  WEIGHED_AT_KEY,
  type IndexableArticle,
  type IndexEntry,
  type TopicInput,
  type Unposted,
} from './layout';
import { ID_SEPARATOR } from './postings';
import { unitVector } from './weights';

/**
 * Largest corpus re-weighed in full when N has grown by a quarter: about 60,000 postings rewritten
 * (a second or two), paid once per 25 % growth; beyond that a full pass would cost more than the
 * drift it corrects.
 */
export const REWEIGH_UP_TO = 512;
const reweighDue = (docCount: number, weighedAt: number) => docCount <= REWEIGH_UP_TO && 4 * docCount >= 5 * weighedAt;

/** The index tables, for a caller's transaction that writes the index. */
export const indexTables = (db: LensDB) => [db.terms, db.postings, db.docs, db.meta];

/** The keys whose df counts the article: every feature of a policy article, only the measures of another. */
const countedKeys = (doc: Unposted) => (doc.policy ? doc.features.map(([k]) => k) : doc.measureIds.map(measureKey));
/** The blocks an article is posted in, to read before unposting it. */
const blocksOf = (doc: DocVector) => doc.blocks.map((block, i): [string, number] => [doc.features[i]![0], block]);

function unpost(rows: IndexRows, doc: DocVector): void {
  for (const key of countedKeys(doc)) rows.changeDf(key, -1);
  for (const [key, block] of blocksOf(doc)) rows.remove(key, block, doc.id);
}

/** Counts the batch into df first, then weighs each article with that df and posts it. */
async function post(rows: IndexRows, docs: readonly Unposted[], docCount: number): Promise<DocVector[]> {
  for (const doc of docs) for (const key of countedKeys(doc)) rows.changeDf(key, 1);
  // The last block of every key about to get a posting, read in one go.
  await rows.loadBlocks(
    docs.flatMap((d) =>
      (d.policy ? d.features : []).flatMap(([key]): [string, number][] => (rows.tail(key) === undefined ? [] : [[key, rows.tail(key)!]])),
    ),
  );
  return docs.map((doc) => {
    if (!doc.policy) return { ...doc, blocks: [] };
    const vector = unitVector(doc.features, (key) => rows.df(key), docCount, partOf, 'candidate');
    return { ...doc, blocks: doc.features.map(([key]) => rows.append(key, doc.id, vector.get(key)!)) };
  });
}

/**
 * Add or replace articles in the index, all in one transaction. One call for many articles (seeding,
 * import, a rebuild) reads and writes each feature's rows once for the whole batch, and weighs every
 * article of it with the IDF that counts the whole batch.
 */
export async function indexArticles(db: LensDB, entries: readonly IndexEntry[]): Promise<void> {
  const byId = new Map(entries.map((e) => [e.article.id, e]));
  if (!byId.size) return;
  for (const id of byId.keys())
    if (id.includes(ID_SEPARATOR)) throw new Error(`related index: article id ${JSON.stringify(id)} contains U+001F`);
  // Tokenizing needs no database: done before the transaction opens.
  const fresh = [...byId.values()].map(articleEntry);
  await db.transaction('rw', indexTables(db), async () => {
    const previous = (await db.docs.bulkGet([...byId.keys()])).filter((d): d is DocVector => d !== undefined);
    const docCount = (await readCount(db, DOC_COUNT_KEY)) - previous.length + fresh.length;
    const rows = new IndexRows(db);
    let docs: DocVector[];
    if (reweighDue(docCount, await readCount(db, WEIGHED_AT_KEY))) {
      // Every article again, from its stored counts, with today's IDF.
      const others = (await db.docs.toArray()).filter((d) => !byId.has(d.id)).map(({ blocks: _, ...doc }): Unposted => doc);
      await db.terms.clear();
      await db.postings.clear();
      docs = await post(rows, [...others, ...fresh], docCount);
      await db.meta.put({ key: WEIGHED_AT_KEY, value: docCount });
    } else {
      await rows.loadStats([...previous.flatMap(countedKeys), ...fresh.flatMap(countedKeys)]);
      await rows.loadBlocks(previous.flatMap(blocksOf));
      for (const doc of previous) unpost(rows, doc);
      docs = await post(rows, fresh, docCount);
    }
    await rows.flush();
    await db.docs.bulkPut(docs);
    await db.meta.put({ key: DOC_COUNT_KEY, value: docCount });
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
    await rows.loadStats(countedKeys(doc));
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
    await db.meta.bulkDelete([DOC_COUNT_KEY, WEIGHED_AT_KEY]);
  });
}
