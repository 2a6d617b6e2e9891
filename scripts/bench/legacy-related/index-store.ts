// Copied unchanged from lib/related at c03d002 (the v3 layout), except imports; see db.ts.
/**
 * The related-articles index in IndexedDB (tables `terms`, `docs`, `meta` of lib/db/schema.ts): writes.
 * Queries are in query.ts.
 *
 * Each article is represented by its TOP_TERMS heaviest TF-IDF terms (vector.ts); similarity is the
 * cosine of two such vectors. Layout — an inverted index over those top terms:
 * - `terms[t]`  = { df: articles holding t anywhere (for IDF), postings: (articleId, w / |d|) for
 *                 the articles whose top terms include t, packed (postings.ts) }, w being t's weight in
 *                 d and |d| the norm of d's top-term vector. A measure is a row too, `measure:<id>`,
 *                 weighted the same way over the article's measures (binary, IDF-weighted).
 * - `docs[id]`  = the article's top terms with their weights (its query when it is the article being
 *                 read), their norm, every distinct term with its count (to unindex or re-weigh it
 *                 without the article, which may be gone) and its measure ids.
 * - `meta`      = N for IDF (`related.docCount`), and N when all weights were last recomputed.
 *
 * Because postings hold weights already divided by the norm, a cosine is a sum of query weight ×
 * posting weight over the query's top terms: a query reads those rows (one bulkGet) and never an
 * article. Why top terms and not every term: at 10,000 articles every term would be ~7 million
 * postings, which IndexedDB must structured-clone on every read and write; cutting both sides to
 * 128 terms keeps the index at ~1.3 million, and on the synthetic bench corpus costs little quality
 * (same-topic@10 0.94 against 0.97 for full vectors, in memory).
 *
 * Weights and IDF drift: an article's weights, and which terms are its top terms, use the IDF of
 * the moment it is indexed. While the corpus is small that IDF moves fast (the first seed indexed
 * alone sees N = 1, every term equally rare), so whenever N has grown by a quarter since the last
 * time, and N ≤ REWEIGH_UP_TO, a write re-weighs every article from its stored term counts.
 * Geometric growth makes that amortised O(1) per article written (about five articles re-weighed per
 * article added); above the cap IDF moves slowly (it is logarithmic in N) and weights stay as they are.
 *
 * Every write is one transaction over terms + docs + meta: an interrupted write leaves the index as
 * it was. Called inside a caller's transaction, that transaction must include these three tables.
 */
import type { DocVector, LensDB, TermPostings } from './db';
import { decodeVocab, DOC_COUNT_KEY, encodeVocab, indexedText, measureKey, measureWeights, readCount, unique, WEIGHED_AT_KEY } from './layout';
import { ID_SEPARATOR, pack, unpack, type Postings } from './postings';
import { termCounts } from './tokenize';
import { norm, TOP_TERMS, topTerms, unitWeights, weighTerms } from './vector';

/**
 * Largest corpus re-weighed in full when N has grown by a quarter. Re-weighing 512 articles rewrites
 * some 12,000 term rows holding 65,000 postings (about two seconds in fake-indexeddb), paid once per
 * 25 % growth; beyond that a full pass would cost more than the drift it corrects.
 */
export const REWEIGH_UP_TO = 512;
const reweighDue = (docCount: number, weighedAt: number) => docCount <= REWEIGH_UP_TO && 4 * docCount >= 5 * weighedAt;

export type IndexableArticle = { id: string; text: string; title?: string | undefined };
export type IndexEntry = { article: IndexableArticle; measureIds: readonly string[] };

/** An article as the writer needs it: term counts and measures, whether from its text or from `docs`. */
type Counted = { id: string; counts: Map<string, number>; measureIds: string[] };

/** A term row being changed: postings unpacked only when they change (most rows only get df ± 1). */
type EditableRow = { term: string; df: number; packed: Pick<TermPostings, 'ids' | 'weights'> | null; postings: Postings | null };

const EMPTY = (): Postings => ({ ids: [], weights: [] });

/** Term rows read once per transaction, changed in memory, written back together. */
class TermRows {
  private readonly rows = new Map<string, EditableRow>();
  private readonly dirty = new Set<string>();
  constructor(private readonly db: LensDB) {}

  async load(terms: Iterable<string>): Promise<void> {
    const missing = [...new Set(terms)].filter((t) => !this.rows.has(t));
    const found = await this.db.terms.bulkGet(missing);
    missing.forEach((term, i) => {
      const row = found[i];
      this.rows.set(term, row ? { term, df: row.df, packed: row, postings: null } : { term, df: 0, packed: null, postings: EMPTY() });
    });
  }

  /** A row to change, created empty if the table does not hold it; marked for writing. */
  edit(term: string): EditableRow {
    let row = this.rows.get(term);
    if (!row) this.rows.set(term, (row = { term, df: 0, packed: null, postings: EMPTY() }));
    this.dirty.add(term);
    return row;
  }

  /** The row's postings, unpacked for change. */
  postings(term: string): Postings {
    const row = this.edit(term);
    row.postings ??= row.packed ? unpack(row.packed) : EMPTY();
    row.packed = null;
    return row.postings;
  }

  df(term: string): number {
    return this.rows.get(term)?.df ?? 0;
  }

  async flush(): Promise<void> {
    const keep: TermPostings[] = [];
    const drop: string[] = [];
    for (const term of this.dirty) {
      const row = this.rows.get(term)!;
      const packed = row.packed ?? pack(row.postings ?? EMPTY());
      if (row.df > 0 || packed.ids) keep.push({ term, df: row.df, ...packed });
      else drop.push(term);
    }
    await this.db.terms.bulkPut(keep);
    await this.db.terms.bulkDelete(drop);
    this.dirty.clear();
  }
}

const rowKeysOf = (doc: DocVector) => [...decodeVocab(doc.vocab).keys(), ...doc.measureIds.map(measureKey)];

function unpost(rows: TermRows, doc: DocVector): void {
  for (const term of decodeVocab(doc.vocab).keys()) rows.edit(term).df--;
  for (const m of doc.measureIds) rows.edit(measureKey(m)).df--;
  for (const key of [...doc.terms.map(([t]) => t), ...doc.measureIds.map(measureKey)]) {
    const postings = rows.postings(key);
    const at = postings.ids.indexOf(doc.id);
    if (at >= 0) {
      postings.ids.splice(at, 1);
      postings.weights.splice(at, 1);
    }
  }
}

/** Count the articles into df first (the whole batch), then weigh each and post its weights. */
function post(rows: TermRows, articles: readonly Counted[], docCount: number): DocVector[] {
  for (const a of articles) {
    for (const term of a.counts.keys()) rows.edit(term).df++;
    for (const m of a.measureIds) rows.edit(measureKey(m)).df++;
  }
  const append = (key: string, id: string, weight: number) => {
    const postings = rows.postings(key);
    postings.ids.push(id);
    postings.weights.push(weight);
  };
  return articles.map((a) => {
    // Prefer terms another article holds: a term only this one holds links it to nothing yet.
    const top = topTerms(weighTerms(a.counts, (t) => rows.df(t), docCount), TOP_TERMS, (t) => rows.df(t) > 1);
    const vector = { terms: top, norm: norm(top) };
    for (const [term, w] of unitWeights(vector)) append(term, a.id, w);
    for (const [key, w] of measureWeights(a.measureIds, (k) => rows.df(k), docCount)) append(key, a.id, w);
    return { id: a.id, ...vector, vocab: encodeVocab(a.counts), measureIds: a.measureIds };
  });
}

/**
 * Add or replace articles in the index, all in one transaction. Prefer one call for many articles
 * (seeding, import): the IDF that weighs each article then already counts the whole batch.
 */
export async function indexArticles(db: LensDB, entries: readonly IndexEntry[]): Promise<void> {
  const byId = new Map(entries.map((e) => [e.article.id, e]));
  if (!byId.size) return;
  for (const id of byId.keys()) if (id.includes(ID_SEPARATOR)) throw new Error(`related index: article id ${JSON.stringify(id)} contains U+001F`);
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
