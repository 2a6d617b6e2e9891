/**
 * The related-articles index in IndexedDB (tables `terms`, `docs`, `meta` of lib/db/schema.ts): writes.
 * Queries are in query.ts.
 *
 * Layout — an inverted index:
 * - `terms[t]`  = { df, postings: [articleId, w / |d|] for every article d holding t }, where w is
 *                 t's TF-IDF weight in d and |d| the norm of d's whole vector (vector.ts).
 *                 A measure is a row too, `measure:<id>`, weighted the same way over the article's
 *                 measures (binary, IDF-weighted).
 * - `docs[id]`  = the article's TOP_TERMS heaviest terms (its query when it is the article being
 *                 read), the norm, every distinct term with its count (to unindex or re-weigh it
 *                 without the article, which may be gone) and its measure ids.
 * - `meta`      = N for IDF (`related.docCount`), and N when all weights were last recomputed.
 *
 * Because postings hold weights already divided by the article's norm, the cosine of a query with
 * an article is a sum over the query's terms of query weight × posting weight: a query reads the rows
 * of its own top terms (one bulkGet) and never an article. Only the query side is cut to its top
 * terms; each article's side is complete, so a score is the exact cosine restricted to those terms.
 *
 * Weights and IDF drift: an article's weights, and the top terms that are its query, use the IDF of
 * the moment it is indexed. While the corpus is small that IDF moves fast (the first seed indexed
 * alone sees N = 1, every term equally rare), so whenever N has grown by a quarter since the last
 * time, and N ≤ REWEIGH_UP_TO, a write re-weighs every article from its stored term counts.
 * Geometric growth makes that amortised O(1) per article written (about five articles re-weighed per
 * article added); above the cap IDF moves slowly (it is logarithmic in N) and weights stay as they are.
 *
 * Every write is one transaction over terms + docs + meta: an interrupted write leaves the index as
 * it was. Called inside a caller's transaction, that transaction must include these three tables.
 */
import type { DocVector, LensDB, TermPostings } from '../db/schema';
import { decodeVocab, DOC_COUNT_KEY, encodeVocab, indexedText, measureKey, measureWeights, readCount, unique, WEIGHED_AT_KEY } from './layout';
import { termCounts } from './tokenize';
import { norm, TOP_TERMS, topTerms, weighTerms } from './vector';

/**
 * Largest corpus re-weighed in full when N has grown by a quarter: 512 articles are about half a
 * million postings, a second or so of IndexedDB writes, paid once per 25 % growth.
 */
export const REWEIGH_UP_TO = 512;
const reweighDue = (docCount: number, weighedAt: number) => docCount <= REWEIGH_UP_TO && 4 * docCount >= 5 * weighedAt;

export type IndexableArticle = { id: string; text: string; title?: string | undefined };
export type IndexEntry = { article: IndexableArticle; measureIds: readonly string[] };

/** An article as the writer needs it: term counts and measures, whether from its text or from `docs`. */
type Counted = { id: string; counts: Map<string, number>; measureIds: string[] };

/** Term rows read once per transaction, changed in memory, written back together. */
class TermRows {
  private readonly rows = new Map<string, TermPostings>();
  private readonly dirty = new Set<string>();
  constructor(private readonly db: LensDB) {}

  async load(terms: Iterable<string>): Promise<void> {
    const missing = [...new Set(terms)].filter((t) => !this.rows.has(t));
    const found = await this.db.terms.bulkGet(missing);
    missing.forEach((term, i) => this.rows.set(term, found[i] ?? { term, df: 0, postings: [] }));
  }

  /** A row to change, created empty if the table does not hold it; marked for writing. */
  edit(term: string): TermPostings {
    let row = this.rows.get(term);
    if (!row) this.rows.set(term, (row = { term, df: 0, postings: [] }));
    this.dirty.add(term);
    return row;
  }

  df(term: string): number {
    return this.rows.get(term)?.df ?? 0;
  }

  async flush(): Promise<void> {
    const keep: TermPostings[] = [];
    const drop: string[] = [];
    for (const term of this.dirty) {
      const row = this.rows.get(term)!;
      if (row.df > 0 || row.postings.length) keep.push(row);
      else drop.push(term);
    }
    await this.db.terms.bulkPut(keep);
    await this.db.terms.bulkDelete(drop);
    this.dirty.clear();
  }
}

const rowKeysOf = (doc: DocVector) => [...decodeVocab(doc.vocab).keys(), ...doc.measureIds.map(measureKey)];

function unpost(rows: TermRows, doc: DocVector): void {
  for (const key of rowKeysOf(doc)) {
    const row = rows.edit(key);
    row.postings = row.postings.filter(([id]) => id !== doc.id);
    row.df = row.postings.length;
  }
}

/** Count the articles into df first (the whole batch), then weigh each and post its weights. */
function post(rows: TermRows, articles: readonly Counted[], docCount: number): DocVector[] {
  for (const a of articles) {
    for (const term of a.counts.keys()) rows.edit(term).df++;
    for (const m of a.measureIds) rows.edit(measureKey(m)).df++;
  }
  return articles.map((a) => {
    const weighted = weighTerms(a.counts, (t) => rows.df(t), docCount);
    const vectorNorm = norm(weighted);
    if (vectorNorm > 0) for (const [term, w] of weighted) rows.edit(term).postings.push([a.id, w / vectorNorm]);
    for (const [key, w] of measureWeights(a.measureIds, (k) => rows.df(k), docCount)) rows.edit(key).postings.push([a.id, w]);
    return {
      id: a.id,
      // Prefer terms another article holds: a term only this one holds links it to nothing yet.
      terms: topTerms(weighted, TOP_TERMS, (t) => rows.df(t) > 1),
      norm: vectorNorm,
      vocab: encodeVocab(a.counts),
      measureIds: a.measureIds,
    };
  });
}

/**
 * Add or replace articles in the index, all in one transaction. Prefer one call for many articles
 * (seeding, import): the IDF that weighs each article then already counts the whole batch.
 */
export async function indexArticles(db: LensDB, entries: readonly IndexEntry[]): Promise<void> {
  const byId = new Map(entries.map((e) => [e.article.id, e]));
  if (!byId.size) return;
  const fresh: Counted[] = [...byId.values()].map((e) => ({
    id: e.article.id,
    counts: termCounts(indexedText(e.article)),
    measureIds: unique(e.measureIds),
  }));
  await db.transaction('rw', db.terms, db.docs, db.meta, async () => {
    const previous = (await db.docs.bulkGet([...byId.keys()])).filter((d): d is DocVector => d !== undefined);
    const docCount = (await readCount(db, DOC_COUNT_KEY)) - previous.length + fresh.length;
    const weighedAt = await readCount(db, WEIGHED_AT_KEY);
    const rows = new TermRows(db);
    let docs: DocVector[];
    if (reweighDue(docCount, weighedAt)) {
      // Re-weigh everything: rebuild every row from the stored counts plus the new articles.
      const others = (await db.docs.toArray())
        .filter((d) => !byId.has(d.id))
        .map((d): Counted => ({ id: d.id, counts: decodeVocab(d.vocab), measureIds: d.measureIds }));
      await db.terms.clear();
      docs = post(rows, [...others, ...fresh], docCount);
      await db.meta.put({ key: WEIGHED_AT_KEY, value: docCount });
    } else {
      await rows.load([...previous.flatMap(rowKeysOf), ...fresh.flatMap((f) => [...f.counts.keys(), ...f.measureIds.map(measureKey)])]);
      for (const doc of previous) unpost(rows, doc);
      docs = post(rows, fresh, docCount);
    }
    await rows.flush();
    await db.docs.bulkPut(docs);
    await db.meta.put({ key: DOC_COUNT_KEY, value: docCount });
  });
}

/** Add or replace one article (the article being read, an imported file). */
export function indexArticle(db: LensDB, article: IndexableArticle, measureIds: readonly string[]): Promise<void> {
  return indexArticles(db, [{ article, measureIds }]);
}

/** Take an article out of the index; a no-op for an id the index does not hold. Needs no article text. */
export async function removeFromIndex(db: LensDB, id: string): Promise<void> {
  await db.transaction('rw', db.terms, db.docs, db.meta, async () => {
    const doc = await db.docs.get(id);
    if (!doc) return;
    const rows = new TermRows(db);
    await rows.load(rowKeysOf(doc));
    unpost(rows, doc);
    await rows.flush();
    await db.docs.delete(id);
    await db.meta.put({ key: DOC_COUNT_KEY, value: Math.max(0, (await readCount(db, DOC_COUNT_KEY)) - 1) });
  });
}

/** Empty the index. */
export async function clearIndex(db: LensDB): Promise<void> {
  await db.transaction('rw', db.terms, db.docs, db.meta, async () => {
    await db.terms.clear();
    await db.docs.clear();
    await db.meta.bulkDelete([DOC_COUNT_KEY, WEIGHED_AT_KEY]);
  });
}
