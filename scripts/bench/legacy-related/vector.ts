// Copied unchanged from lib/related at c03d002 (the v3 layout), except imports; see db.ts.
/**
 * An article as a short weighted term vector: its TOP_TERMS heaviest terms and their norm.
 *
 * Weighting is sublinear TF-IDF, w = (1 + ln tf) · ln(1 + N / df): the log damps a term repeated in
 * a long article, and this IDF stays positive even for a term every article holds (BM25's classic
 * IDF goes negative there). Length normalisation is the cosine's.
 */

/**
 * How many terms stand for an article, in the index and as a query. 128 rather than 64: on the bench
 * corpus (in memory, 3,000 articles) 64 terms a side put 0.90 of the top 10 on the query's topic,
 * 128 put 0.94, full vectors 0.97; each doubling doubles the postings and the rows a query reads.
 */
export const TOP_TERMS = 128;

export type WeightedTerm = [term: string, weight: number];

/** Top terms, heaviest first, and the Euclidean norm of exactly those weights. */
export type TermVector = { terms: WeightedTerm[]; norm: number };

export function idf(df: number, docCount: number): number {
  return Math.log(1 + Math.max(docCount, 1) / Math.max(df, 1));
}

export function termWeight(tf: number, termIdf: number): number {
  return (1 + Math.log(tf)) * termIdf;
}

/** Every term weighed, in the counts' order. */
export function weighTerms(counts: ReadonlyMap<string, number>, dfOf: (term: string) => number, docCount: number): WeightedTerm[] {
  const weighted: WeightedTerm[] = [];
  for (const [term, tf] of counts) weighted.push([term, termWeight(tf, idf(dfOf(term), docCount))]);
  return weighted;
}

export function norm(weighted: readonly WeightedTerm[]): number {
  let sum = 0;
  for (const [, w] of weighted) sum += w * w;
  return Math.sqrt(sum);
}

/**
 * The k heaviest terms, preferring terms `canMatch` accepts (held by another article): a term only
 * this article holds has the highest IDF of all yet links it to nothing, and bigram tokenization
 * makes many such terms (the 正在 of 韩正在, names, figures). Ties keep the input order (first
 * occurrence, see termCounts), since Array.prototype.sort is stable in every engine.
 */
export function topTerms(weighted: readonly WeightedTerm[], k: number = TOP_TERMS, canMatch: (term: string) => boolean = () => true): WeightedTerm[] {
  const byWeight = [...weighted].sort((a, b) => b[1] - a[1]);
  const matching = byWeight.filter(([t]) => canMatch(t));
  if (matching.length >= k) return matching.slice(0, k);
  return [...matching, ...byWeight.filter(([t]) => !canMatch(t))].slice(0, k);
}

/** The vector scaled to unit length, as a map; empty for an empty vector. */
export function unitWeights(vector: TermVector): Map<string, number> {
  const unit = new Map<string, number>();
  if (vector.norm > 0) for (const [term, w] of vector.terms) unit.set(term, w / vector.norm);
  return unit;
}

/**
 * The k most frequent terms, ties in order of first occurrence: what a query that is not in the
 * index reads rows for, since the document frequencies that IDF needs are in those same rows.
 */
export function mostFrequentTerms(counts: ReadonlyMap<string, number>, k: number): string[] {
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, k).map(([term]) => term);
}
