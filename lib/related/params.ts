/**
 * Every number that decides how related two articles are, in one place. Tuned and calibrated on the
 * labelled dev split (tests/eval/dev.json and the seeds, never the test split) with
 * scripts/eval/related-calibrate.ts, which tries other values of these in its own process. The index
 * recipe (recipe.ts) hashes them: a change rebuilds the stored index.
 */
export type Part = 'terms' | 'words' | 'measures' | 'threads';

export const RELATED_PARAMS = {
  /** Key terms per article: its most frequent terms (layout.ts). */
  keyTerms: 64,
  /** A title term, word or measure counts as this many occurrences in the body. */
  titleWeight: 3,
  /** score = Σ over parts of weight × cosine of the two articles' vectors of that part (query.ts). */
  score: { terms: 0.4, words: 0.2, measures: 0.2, threads: 0.2 } as Record<Part, number>,
  /** Most postings a query reads (query.ts). */
  queryPostings: 20_000,
};
