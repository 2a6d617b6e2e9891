/**
 * Every number that decides how related two articles are, in one place. Fitted on the labelled dev
 * split (its four writers' parts and the seeds, never the test split) by leave-one-writer-out with
 * scripts/eval/related-calibrate.ts: fitted on three writers' parts, checked on the fourth's
 * (docs/related-articles.md has the folds). The index recipe (recipe.ts) hashes keyTerms and
 * titleWeight: a change rebuilds the stored index.
 */
export type Part = 'terms' | 'words' | 'measures' | 'threads' | 'scope';

/**
 * The five part weights from three shares: `scope` for how broad a candidate is and how much of the
 * query's threads it names (weights.ts); of the rest, `topic` for what the article is about (its policy
 * threads, and within them its measures, `measure` of that share) against what is written (key terms
 * and policy words, equally). Three numbers to fit instead of four, each with a meaning.
 */
export function partWeights(topic: number, measure: number, scope = 0): Record<Part, number> {
  const rest = 1 - scope;
  return {
    terms: (rest * (1 - topic)) / 2,
    words: (rest * (1 - topic)) / 2,
    measures: rest * topic * measure,
    threads: rest * topic * (1 - measure),
    scope,
  };
}

export const RELATED_PARAMS = {
  /** Key terms per article: its most frequent terms (layout.ts). */
  keyTerms: 64,
  /** A title term, word or measure counts as this many occurrences in the body. */
  titleWeight: 3,
  /**
   * score = Σ over parts of weight × similarity of that part (query.ts). A little more than half is
   * what the article is about: its policy threads, with the measures themselves a tenth of that, which
   * puts an article naming the same measure above one on the same thread in other measures; a
   * twentieth is scope: how much of the query's threads a broad candidate names, times its breadth
   * (weights.ts), because the labelling rules grade an overview related to every thread it names while
   * the threads' cosine ranks a spread profile below a focused article on a neighbouring thread.
   * Leaving one of dev's four writers out at a time, every fold chose topic 0.55, measure 0.1 and
   * scope 0.05, as did the fit on all four (docs/related-articles.md).
   */
  score: partWeights(0.55, 0.1, 0.05),
  /**
   * How broad an article is, by the effective number of policy threads it names (the exponential of
   * the entropy of its thread mentions): from `from` threads it starts to count as an overview, from
   * `full` it is one (weights.ts breadth). A plan, a year-end review or a government-work-report
   * round-up names 8–12 threads evenly; an article on one policy names 1–2. The ramps 2–5 and 2–6
   * ranked alike across the folds; starting at 3 or ending at 8 ranked a little worse.
   */
  breadth: { from: 2, full: 5 },
  /** Most postings a query reads (query.ts). */
  queryPostings: 20_000,
};
