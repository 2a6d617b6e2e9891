// Copied unchanged from lib/related at c03d002 (the v3 layout), except imports; see db.ts.
/**
 * Related articles for the article being read: a ranking over the whole corpus that reads only the
 * index rows of the query's own top terms (layout in index-store.ts).
 */
import type { LensDB, TermPostings } from './db';
import { DOC_COUNT_KEY, indexedText, measureIdOf, measureKey, measureWeights, readCount, unique } from './layout';
import { sharedPhrases } from './phrases';
import { forEachPosting } from './postings';
import { termCounts } from './tokenize';
import { mostFrequentTerms, norm, TOP_TERMS, topTerms, unitWeights, weighTerms } from './vector';

/**
 * score = 0.7 · cosine(text TF-IDF vectors) + 0.3 · cosine(IDF-weighted measure sets).
 * Text carries most of the weight because every article has text while measure detection covers only
 * the catalogue; the measure share lifts an article that names the same policies above one that merely
 * shares wording. Measures are IDF-weighted like terms rather than compared by plain Jaccard: in the
 * seeds 集采 is in all five articles and says nothing, and Jaccard would favour an article for naming
 * few measures (the COVID-19 seed, six) over one that names many (the 医改 task list, nineteen).
 */
export const SCORE_WEIGHTS = { text: 0.7, measures: 0.3 } as const;

/**
 * Rows a query that is not in the index reads: its most frequent terms (2 × TOP_TERMS covers every
 * repeated term of a 3,000-character article), of which it keeps the TOP_TERMS heaviest by TF-IDF.
 * It cannot pick them before reading, because the df it needs is in those rows.
 */
export const QUERY_CANDIDATE_TERMS = 2 * TOP_TERMS;

export type RelatedQuery = {
  /** The article being read, if the corpus holds it: its stored top terms are the query, and it is excluded. */
  id?: string | undefined;
  /** The article's text: the query when it is not indexed, and the source of the readable reasons. */
  text: string;
  title?: string | undefined;
  measureIds: readonly string[];
};

export type RelatedHit = {
  id: string;
  score: number;
  /** Cosine of the two top-term TF-IDF vectors, 0–1. */
  textSimilarity: number;
  /** Cosine of the two IDF-weighted measure sets, 0–1. */
  measureSimilarity: number;
  reasons: {
    /** Shared measure ids, the rarest (most telling) first. */
    sharedMeasures: string[];
    /** Readable phrases from the query text made of shared key terms, strongest first. */
    sharedTerms: string[];
  };
};

export type RelatedOptions = { limit?: number; minScore?: number };

/**
 * The articles most like the query, best first, the query's own article excluded.
 *
 * Reads: meta (N), the query's stored top terms when `id` is indexed, then one terms.bulkGet of
 * those terms plus its measures — never an article, never a scan. A query not in the index reads
 * QUERY_CANDIDATE_TERMS rows instead of TOP_TERMS.
 */
export async function queryRelated(db: LensDB, query: RelatedQuery, options: RelatedOptions = {}): Promise<RelatedHit[]> {
  const { limit = 10, minScore = 0 } = options;
  return db.transaction('r', db.terms, db.docs, db.meta, async () => {
    const docCount = await readCount(db, DOC_COUNT_KEY);
    if (docCount === 0 || limit <= 0) return [];
    const measureIds = unique(query.measureIds);
    const stored = query.id === undefined ? undefined : await db.docs.get(query.id);
    // A query not in the index is weighed as if it were (df + 1 of N + 1), so its vector is the one
    // indexArticle would store for the same text.
    const selfCount = stored ? 0 : 1;

    let weights: Map<string, number>;
    let rows: Map<string, TermPostings>;
    if (stored && stored.norm > 0) {
      rows = await readRows(db, [...stored.terms.map(([t]) => t), ...measureIds.map(measureKey)]);
      weights = unitWeights(stored);
    } else {
      const counts = termCounts(indexedText(query));
      const candidates = new Map(mostFrequentTerms(counts, QUERY_CANDIDATE_TERMS).map((t) => [t, counts.get(t)!]));
      rows = await readRows(db, [...candidates.keys(), ...measureIds.map(measureKey)]);
      const dfOf = (t: string) => (rows.get(t)?.df ?? 0) + selfCount;
      // As indexArticle would pick them: terms another article holds first.
      const top = topTerms(weighTerms(candidates, dfOf, docCount + selfCount), TOP_TERMS, (t) => rows.has(t));
      weights = unitWeights({ terms: top, norm: norm(top) });
    }
    const measures = measureWeights(measureIds, (key) => (rows.get(key)?.df ?? 0) + selfCount, docCount + selfCount);

    const text = indexedText(query);
    return rank(rows, weights, measures, query.id, limit, minScore).map((hit) => ({
      id: hit.id,
      score: hit.score,
      textSimilarity: hit.textSimilarity,
      measureSimilarity: hit.measureSimilarity,
      reasons: {
        // The rarest shared measure first: it says the most about why the two belong together.
        sharedMeasures: [...hit.measures].sort((a, b) => b[1] - a[1]).map(([key]) => measureIdOf(key)),
        sharedTerms: readableTerms(text, hit.terms),
      },
    }));
  });
}

type Ranked = {
  id: string;
  score: number;
  textSimilarity: number;
  measureSimilarity: number;
  /** Shared term → its contribution to textSimilarity. */
  terms: Map<string, number>;
  /** Shared measure row key and its contribution to measureSimilarity. */
  measures: [key: string, contribution: number][];
};

/**
 * Sum query weight × posting weight per candidate, then keep the best. A common term or measure can
 * make every article a candidate, so the sums live in flat arrays (not an object per candidate), and
 * the shared terms that become reasons are gathered for the returned few only.
 */
function rank(
  rows: ReadonlyMap<string, TermPostings>,
  terms: ReadonlyMap<string, number>,
  measures: ReadonlyMap<string, number>,
  exclude: string | undefined,
  limit: number,
  minScore: number,
): Ranked[] {
  const slotOf = new Map<string, number>();
  const ids: string[] = [];
  const textDot: number[] = [];
  const measureDot: number[] = [];
  // Every (candidate slot, row key, contribution) visited, for the reasons.
  const sharedSlot: number[] = [];
  const sharedKey: string[] = [];
  const sharedValue: number[] = [];
  const visit = (key: string, queryWeight: number, sums: number[]) => {
    const row = rows.get(key);
    if (!row) return;
    forEachPosting(row, (id, weight) => {
      if (id === exclude) return;
      let slot = slotOf.get(id);
      if (slot === undefined) {
        slot = ids.push(id) - 1;
        slotOf.set(id, slot);
        textDot.push(0);
        measureDot.push(0);
      }
      sums[slot] = sums[slot]! + queryWeight * weight;
      sharedSlot.push(slot);
      sharedKey.push(key);
      sharedValue.push(queryWeight * weight);
    });
  };
  for (const [term, w] of terms) visit(term, w, textDot);
  for (const [key, w] of measures) visit(key, w, measureDot);

  // Rounding can overshoot 1 for identical texts.
  const textSimilarity = textDot.map((d) => Math.min(1, d));
  const measureSimilarity = measureDot.map((d) => Math.min(1, d));
  const score = ids.map((_, s) => SCORE_WEIGHTS.text * textSimilarity[s]! + SCORE_WEIGHTS.measures * measureSimilarity[s]!);
  const best = ids
    .map((_, s) => s)
    .filter((s) => score[s]! > minScore)
    .sort((a, b) => score[b]! - score[a]! || (ids[a]! < ids[b]! ? -1 : 1))
    .slice(0, limit);

  const ranked: Ranked[] = best.map((s) => ({
    id: ids[s]!,
    score: score[s]!,
    textSimilarity: textSimilarity[s]!,
    measureSimilarity: measureSimilarity[s]!,
    terms: new Map(),
    measures: [],
  }));
  const rankOf = new Map(best.map((s, r) => [s, r]));
  for (let i = 0; i < sharedSlot.length; i++) {
    const hit = ranked[rankOf.get(sharedSlot[i]!) ?? -1];
    if (!hit) continue;
    if (terms.has(sharedKey[i]!)) hit.terms.set(sharedKey[i]!, sharedValue[i]!);
    else hit.measures.push([sharedKey[i]!, sharedValue[i]!]);
  }
  return ranked;
}

/**
 * How many indexed articles mention each measure: the df of its row. Counting the measure's entries in
 * an IndexedDB index instead scans them all (about 80 ms a measure at 10,000 articles in Chromium).
 * Articles stored but not yet indexed (lib/insight/index-queue.ts) are not counted until they are.
 */
export async function countMentioning(db: LensDB, measureIds: readonly string[]): Promise<Map<string, number>> {
  const rows = await readRows(db, measureIds.map(measureKey));
  return new Map(measureIds.map((id) => [id, rows.get(measureKey(id))?.df ?? 0]));
}

async function readRows(db: LensDB, keys: string[]): Promise<Map<string, TermPostings>> {
  const wanted = unique(keys);
  const found = await db.terms.bulkGet(wanted);
  const rows = new Map<string, TermPostings>();
  wanted.forEach((key, i) => {
    const row = found[i];
    if (row) rows.set(key, row);
  });
  return rows;
}

/** Phrases from the query text; the bare terms when the caller gave no text (a query by id alone). */
function readableTerms(text: string, contributions: ReadonlyMap<string, number>): string[] {
  const phrases = sharedPhrases(text, contributions);
  if (phrases.length) return phrases;
  return [...contributions].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([t]) => t);
}
