/**
 * How an article's terms and topics are weighed: BM25's pieces, split between index time and query
 * time so that nothing stored depends on the rest of the corpus.
 *
 * - Which terms stand for an article (its key terms): its KEY_TERMS most frequent terms, title terms
 *   counting TITLE_WEIGHT times (the headline is the densest statement of the topic), ties in order of
 *   first occurrence. The choice needs no document frequency, so it never goes stale as the corpus
 *   grows, and an article is only ever counted in the df of its own key terms: one write touches
 *   KEY_TERMS rows however many distinct terms it has (a thousand bigrams for a long article).
 * - The weight stored for a key term: BM25's saturated, length-normalised term frequency,
 *   tf·(k1+1) / (tf + k1·(1 − b + b·length/AVERAGE_LENGTH)); a term repeated ten times does not
 *   count ten times, and a long article does not win by being long.
 * - IDF, from the df of the key term at query time: ln(1 + (N − df + ½)/(df + ½)), BM25's, kept
 *   positive. Applying it at query time means the stored weights never need re-weighing.
 */

/** Key terms per article, in the index and as a query. */
export const KEY_TERMS = 128;
/** A title term counts as this many occurrences in the body. */
export const TITLE_WEIGHT = 3;

export type Bm25 = { k1: number; b: number; averageLength: number };
/**
 * For terms: the usual k1 and b; the average length (key-term occurrences of a news article of about
 * 2,000 characters) is fixed rather than the corpus's running mean, so no stored weight drifts.
 */
export const TEXT_BM25: Bm25 = { k1: 1.2, b: 0.75, averageLength: 900 };

export type WeightedTerm = [term: string, weight: number];

export function idf(df: number, docCount: number): number {
  const n = Math.max(docCount, df, 1);
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

export function saturate(tf: number, length: number, p: Bm25): number {
  return (tf * (p.k1 + 1)) / (tf + p.k1 * (1 - p.b + (p.b * length) / p.averageLength));
}

/** The k most frequent terms, ties in order of first occurrence (Array.prototype.sort is stable). */
export function keyTerms(counts: ReadonlyMap<string, number>, k: number = KEY_TERMS): [term: string, tf: number][] {
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, k);
}

/** The key terms with their stored weights. `length`: all term occurrences of the article. */
export function weighKeyTerms(counts: ReadonlyMap<string, number>, length: number, k: number = KEY_TERMS, p: Bm25 = TEXT_BM25): WeightedTerm[] {
  return keyTerms(counts, k).map(([term, tf]) => [term, saturate(tf, length, p)]);
}
