/**
 * Every number that decides how related two articles are, in one place. Fitted on the labelled dev
 * split (its three writers' parts and the seeds, never the test split) by cross-validation across
 * writers with scripts/eval/related-calibrate.ts: fitted on two writers' parts, checked on the third's
 * (docs/related-articles.md has the folds). The index recipe (recipe.ts) hashes keyTerms and
 * titleWeight: a change rebuilds the stored index.
 */
export type Part = 'terms' | 'words' | 'measures' | 'threads';

/**
 * The four part weights from two shares: `topic` for what the article is about (its policy threads,
 * and within them its measures, `measure` of that share) against what is written (key terms and policy
 * words, equally). Two numbers to fit instead of three, each with a meaning.
 */
export function partWeights(topic: number, measure: number): Record<Part, number> {
  return { terms: (1 - topic) / 2, words: (1 - topic) / 2, measures: topic * measure, threads: topic * (1 - measure) };
}

export const RELATED_PARAMS = {
  /** Key terms per article: its most frequent terms (layout.ts). */
  keyTerms: 64,
  /** A title term, word or measure counts as this many occurrences in the body. */
  titleWeight: 3,
  /**
   * score = Σ over parts of weight × cosine of the two articles' vectors of that part (query.ts).
   * A little more than half is what the article is about: its policy threads, with the measures
   * themselves a tenth of that, which puts an article naming the same measure above one on the same
   * thread in other measures. Fitted on all three writers (topic 0.55, measure 0.1); fitted on two
   * and checked on the third, every fold chose measure 0.1 and a topic share between 0.35 and 0.7
   * (the optimum is flat: from 0.45 to 0.7 every writer's part is within 0.01 nDCG@5 of its best).
   */
  score: partWeights(0.55, 0.1),
  /** Most postings a query reads (query.ts). */
  queryPostings: 20_000,
};
