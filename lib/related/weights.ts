/**
 * How features are weighed, part by part, each part of an article's vector (terms, words, measures,
 * threads) then scaled to unit length on its own, so a cosine per part is a sum of products.
 *
 * - What is written (terms, words): sublinear TF-IDF, w = (1 + ln tf) · ln(1 + N / df). The log damps
 *   a term repeated in a long article; the IDF tells 集采 from 工作; this IDF stays positive even for a
 *   feature every article has. BM25's saturation with document-length normalisation ranked no better
 *   on any writer's part of dev (docs/related-articles.md), and would need the corpus's mean length.
 * - What it is about (measures, threads): the mention counts as they are, w = tf, no IDF. A unit
 *   vector of counts is the article's share of attention per measure and per policy thread, so the
 *   thread that 34 of 40 mentions are about outweighs one named once in passing. The log and the IDF
 *   did the opposite: a passing mention of a rare thread (3 coding-standard mentions in a DRG article)
 *   counted nearly as much as the subject. Measured across the three writers of dev, counts as they are
 *   ranked best (against their log or square root, with or without IDF; docs/related-articles.md).
 *   The topic parts also need no corpus statistics, so their weights never drift as the corpus grows.
 * - How broad it is (scope): not a cosine. A candidate's posting is its breadth (0 for an article on
 *   one or two threads, 1 for an overview naming five or more evenly); the query's weight per thread
 *   is its share of the query's mentions. Their product summed is the share of the query's threads a
 *   broad candidate names, times its breadth: a year-end review naming procurement comes up for a
 *   procurement article, as the labelling rules grade it (related to every thread it names), where
 *   the cosine of a spread profile with a focused one keeps it below a focused neighbour thread.
 */
import { RELATED_PARAMS, type Part } from './params';

export type WeightedKey = [key: string, weight: number];

export function idf(df: number, docCount: number): number {
  return Math.log(1 + Math.max(docCount, 1) / Math.max(df, 1));
}

/** The weight of a feature counted `count` times in the article, of a part weighed by TF-IDF. */
export function featureWeight(count: number, keyIdf: number): number {
  return (1 + Math.log(count)) * keyIdf;
}

/** Parts weighed by what the article says about its topic (counts as they are), not by TF-IDF. */
const TOPIC_PARTS: ReadonlySet<Part> = new Set<Part>(['measures', 'threads']);

export const isTopicPart = (part: Part): boolean => TOPIC_PARTS.has(part);

/**
 * How much of an overview an article is, 0–1, from its mentions per policy thread: the effective
 * number of threads (exp of the entropy of the mentions) between RELATED_PARAMS.breadth.from and
 * .full, linearly. One thread gives 0, five named evenly give 1.
 */
export function breadth(threadMentions: readonly number[]): number {
  const total = threadMentions.reduce((a, b) => a + b, 0);
  if (total <= 0) return 0;
  const entropy = -threadMentions.reduce((h, n) => (n > 0 ? h + (n / total) * Math.log(n / total) : h), 0);
  const { from, full } = RELATED_PARAMS.breadth;
  return Math.min(1, Math.max(0, (Math.exp(entropy) - from) / (full - from)));
}

/** Whose vector: an article as it is posted in the index (a candidate), or the article being read. */
export type Side = 'candidate' | 'query';

/**
 * Features weighed and each part scaled to unit length, but the scope part (see above), which is a
 * breadth on the candidate's side and shares on the query's. `dfOf` counts the article itself when it
 * is indexed; `partOf` says which part a key belongs to.
 */
export function unitVector(
  features: readonly [string, number][],
  dfOf: (key: string) => number,
  docCount: number,
  partOf: (key: string) => Part,
  side: Side,
): Map<string, number> {
  const scope = features.filter(([key]) => partOf(key) === 'scope');
  const scopeTotal = scope.reduce((sum, [, n]) => sum + n, 0);
  const scopeBreadth = side === 'candidate' ? breadth(scope.map(([, n]) => n)) : 0;
  const weights = features.map(([key, count]): WeightedKey => {
    const part = partOf(key);
    if (part === 'scope') return [key, side === 'candidate' ? scopeBreadth : count / scopeTotal];
    return [key, isTopicPart(part) ? count : featureWeight(count, idf(dfOf(key), docCount))];
  });
  const norms = new Map<Part, number>();
  for (const [key, w] of weights) norms.set(partOf(key), (norms.get(partOf(key)) ?? 0) + w * w);
  return new Map(weights.map(([key, w]) => [key, partOf(key) === 'scope' ? w : w / Math.sqrt(norms.get(partOf(key))!)]));
}
