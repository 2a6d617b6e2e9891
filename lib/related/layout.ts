/**
 * What the index's writer and its reader must agree on: the keys of topic rows, the meta keys, and how
 * an article becomes weighted key terms and topics. The layout itself is described in index-store.ts.
 */
import type { LensDB } from '../db/schema';
import { termCounts } from './tokenize';
import { saturate, TEXT_BM25, TITLE_WEIGHT, weighKeyTerms, type Bm25, type WeightedTerm } from './weights';

export { DOC_COUNT_KEY, RECIPE_KEY } from './meta-keys';

/** Topic rows share the terms table; terms never contain ':' so the keys cannot clash. */
const MEASURE_PREFIX = 'measure:';
const CATEGORY_PREFIX = 'category:';
export const measureKey = (id: string) => MEASURE_PREFIX + id;
export const categoryKey = (id: string) => CATEGORY_PREFIX + id;
export const isMeasureKey = (key: string) => key.startsWith(MEASURE_PREFIX);
export const measureIdOf = (key: string) => key.slice(MEASURE_PREFIX.length);

export const unique = <T>(xs: readonly T[]) => [...new Set(xs)];

export async function readCount(db: LensDB, key: string): Promise<number> {
  const value = (await db.meta.get(key))?.value;
  return typeof value === 'number' ? value : 0;
}

/** An article's text as the index sees it: the body, and the title apart (it weighs more). */
export type IndexedText = { text: string; title?: string | undefined };

/** Term counts with title terms counted TITLE_WEIGHT times, and the total of those counts. */
export function articleCounts(a: IndexedText): { counts: Map<string, number>; length: number } {
  const counts = new Map<string, number>();
  // Title first: on a tie in frequency, a title term is the more telling one.
  for (const [term, tf] of a.title ? termCounts(a.title) : []) counts.set(term, tf * TITLE_WEIGHT);
  for (const [term, tf] of termCounts(a.text)) counts.set(term, (counts.get(term) ?? 0) + tf);
  let length = 0;
  for (const tf of counts.values()) length += tf;
  return { counts, length };
}

/** The weighted key terms of an article, as stored and as a query. */
export function articleTerms(a: IndexedText): WeightedTerm[] {
  const { counts, length } = articleCounts(a);
  return weighKeyTerms(counts, length);
}

/**
 * An article's policy topics: each measure it mentions, and each category of those measures, counted
 * once per measure in it (two fund-supervision measures make fund supervision a stronger topic than
 * one). Two articles on the same kind of policy relate through the category even when they name
 * different measures of it.
 */
export type TopicInput = { measureIds: readonly string[]; categories?: readonly string[] | undefined };

/**
 * Topic weights, saturated like terms and normalised by how many topics the article has: an article
 * listing nineteen measures (a reform task list) does not outweigh one about two of them.
 */
export const TOPIC_BM25: Bm25 = { k1: 1.2, b: 0.75, averageLength: 6 };
/** A category shared counts for this much of a measure shared: related, but less specific. */
export const CATEGORY_WEIGHT = 0.5;

export function articleTopics(t: TopicInput): WeightedTerm[] {
  const counts = new Map<string, number>();
  for (const id of unique(t.measureIds)) counts.set(measureKey(id), 1);
  for (const c of t.categories ?? []) counts.set(categoryKey(c), (counts.get(categoryKey(c)) ?? 0) + CATEGORY_WEIGHT);
  const length = unique(t.measureIds).length;
  return [...counts].map(([key, tf]) => [key, saturate(tf, length, TOPIC_BM25)]);
}
