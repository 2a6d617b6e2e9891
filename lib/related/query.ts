/**
 * Related articles for the article being read: a ranking over the whole corpus that reads only the
 * index rows of the query's own top terms (layout in index-store.ts).
 */
import type { LensDB, TermPostings } from '../db/schema';
import { DOC_COUNT_KEY, indexedText, measureKey, measureWeights, readCount, unique } from './layout';
import { sharedPhrases } from './phrases';
import { termCounts } from './tokenize';
import { mostFrequentTerms, norm, TOP_TERMS, unitWeights, weighTerms } from './vector';

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
 * Rows a query that is not in the index reads: its most frequent terms (4 × TOP_TERMS covers every
 * repeated term of a 3,000-character article). It cannot pick its top terms by TF-IDF before reading,
 * because the df it needs is in those rows.
 */
export const QUERY_CANDIDATE_TERMS = 4 * TOP_TERMS;

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
  /** Cosine of the two TF-IDF vectors over the query's top terms, 0–1. */
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

type Candidate = { dot: number; contributions: Map<string, number>; measureDot: number; sharedMeasures: [id: string, weight: number][] };

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
      const candidates = new Set(mostFrequentTerms(counts, QUERY_CANDIDATE_TERMS));
      rows = await readRows(db, [...candidates, ...measureIds.map(measureKey)]);
      // Terms not read count as held by the query alone; they still belong in its norm.
      const weighted = weighTerms(counts, (t) => (rows.get(t)?.df ?? 0) + selfCount, docCount + selfCount);
      weights = unitWeights({ terms: weighted.filter(([t]) => candidates.has(t)), norm: norm(weighted) });
    }
    const measures = measureWeights(measureIds, (key) => (rows.get(key)?.df ?? 0) + selfCount, docCount + selfCount);

    const found = new Map<string, Candidate>();
    const candidate = (id: string): Candidate => {
      let c = found.get(id);
      if (!c) found.set(id, (c = { dot: 0, contributions: new Map(), measureDot: 0, sharedMeasures: [] }));
      return c;
    };
    for (const [term, queryWeight] of weights) {
      for (const [id, docWeight] of rows.get(term)?.postings ?? []) {
        if (id === query.id) continue;
        const c = candidate(id);
        c.dot += queryWeight * docWeight;
        c.contributions.set(term, queryWeight * docWeight);
      }
    }
    for (const m of measureIds) {
      const queryWeight = measures.get(measureKey(m)) ?? 0;
      for (const [id, docWeight] of rows.get(measureKey(m))?.postings ?? []) {
        if (id === query.id) continue;
        const c = candidate(id);
        c.measureDot += queryWeight * docWeight;
        c.sharedMeasures.push([m, queryWeight * docWeight]);
      }
    }

    const best = [...found]
      .map(([id, c]) => {
        // Rounding can overshoot 1 for identical texts.
        const textSimilarity = Math.min(1, c.dot);
        const measureSimilarity = Math.min(1, c.measureDot);
        const score = SCORE_WEIGHTS.text * textSimilarity + SCORE_WEIGHTS.measures * measureSimilarity;
        return { id, c, score, textSimilarity, measureSimilarity };
      })
      .filter((s) => s.score > minScore)
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, limit);

    const text = indexedText(query);
    return best.map(({ id, c, score, textSimilarity, measureSimilarity }) => ({
      id,
      score,
      textSimilarity,
      measureSimilarity,
      reasons: {
        sharedMeasures: [...c.sharedMeasures].sort((a, b) => b[1] - a[1]).map(([m]) => m),
        sharedTerms: readableTerms(text, c.contributions),
      },
    }));
  });
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
function readableTerms(text: string, contributions: Map<string, number>): string[] {
  const phrases = sharedPhrases(text, contributions);
  if (phrases.length) return phrases;
  return [...contributions].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([t]) => t);
}
