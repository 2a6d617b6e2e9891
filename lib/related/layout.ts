/**
 * What the index's writer and its reader must agree on: an article's features and their keys, and the
 * meta keys. The layout itself is described in index-store.ts.
 *
 * An article has four parts, each a set of features with counts (title occurrences counting
 * titleWeight times, the headline being the densest statement of the topic):
 * - terms: its keyTerms most frequent index terms (tokenize.ts), ties in order of first occurrence.
 *   Chosen by frequency alone, so the choice never goes stale, and an article is counted in the df of
 *   these only: one write touches keyTerms rows, not the thousand distinct bigrams of a long article.
 * - words: every policy word it uses (policy-words.ts), keyed `w:<word>`: whole words of the field,
 *   which find two articles on one policy written in different phrases;
 * - measures: each catalogue measure it mentions, keyed `measure:<id>`, counted by mentions;
 * - threads: the policy thread of each of those (lib/insight/topic-groups.ts), keyed `topic:<thread>`,
 *   counted by the mentions of its measures: articles about fund supervision relate even when one
 *   names a crackdown and the other smart monitoring.
 * - scope: the same thread mentions again, keyed `scope:<thread>`, weighed not as a cosine but as how
 *   broad the article is (weights.ts): what lets an overview come up for each thread it names.
 */
import type { DocVector, LensDB } from '../db/schema';
import { foldText } from './normalize';
import { RELATED_PARAMS, type Part } from './params';
import { POLICY_TOPIC_THRESHOLD, policyTopicScore, policyWordsIn } from './policy-words';
import { termCounts } from './tokenize';

export { DOC_COUNT_KEY, RECIPE_KEY, WEIGHED_AT_KEY } from './meta-keys';

/** Feature keys share the terms table; index terms never contain ':' so the keys cannot clash. */
const WORD_PREFIX = 'w:';
const MEASURE_PREFIX = 'measure:';
const THREAD_PREFIX = 'topic:';
const SCOPE_PREFIX = 'scope:';
export const wordKey = (word: string) => WORD_PREFIX + word;
export const measureKey = (id: string) => MEASURE_PREFIX + id;
export const threadKey = (thread: string) => THREAD_PREFIX + thread;
export const scopeKey = (thread: string) => SCOPE_PREFIX + thread;
export const measureIdOf = (key: string) => key.slice(MEASURE_PREFIX.length);
export const wordOf = (key: string) => key.slice(WORD_PREFIX.length);

export function partOf(key: string): Part {
  if (key.startsWith(WORD_PREFIX)) return 'words';
  if (key.startsWith(MEASURE_PREFIX)) return 'measures';
  if (key.startsWith(THREAD_PREFIX)) return 'threads';
  if (key.startsWith(SCOPE_PREFIX)) return 'scope';
  return 'terms';
}

export const unique = <T>(xs: readonly T[]) => [...new Set(xs)];

export async function readCount(db: LensDB, key: string): Promise<number> {
  const value = (await db.meta.get(key))?.value;
  return typeof value === 'number' ? value : 0;
}

/** An article's text as the index sees it: the body, and the title apart (it weighs more). */
export type IndexedText = { text: string; title?: string | undefined };

/**
 * An article's measures and threads, with how often each is mentioned (lib/insight/related.ts
 * `topicsOf` derives them with the catalogue; the index knows no catalogue).
 */
export type TopicInput = { measures: Readonly<Record<string, number>>; threads?: Readonly<Record<string, number>> | undefined };

/** Term counts with title terms counted titleWeight times. */
function weightedTermCounts(a: IndexedText): Map<string, number> {
  const counts = new Map<string, number>();
  // Title first: on a tie in frequency, a title term is the more telling one.
  for (const [term, tf] of a.title ? termCounts(a.title) : []) counts.set(term, tf * RELATED_PARAMS.titleWeight);
  for (const [term, tf] of termCounts(a.text)) counts.set(term, (counts.get(term) ?? 0) + tf);
  return counts;
}

/** How often each policy word occurs, title occurrences counting titleWeight times. */
function policyWordCounts(a: IndexedText): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (text: string, weight: number) => {
    const folded = foldText(text);
    for (const word of policyWordsIn(text)) {
      let n = 0;
      for (let at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + word.length)) n++;
      counts.set(word, (counts.get(word) ?? 0) + weight * Math.max(1, n));
    }
  };
  if (a.title) add(a.title, RELATED_PARAMS.titleWeight);
  add(a.text, 1);
  return counts;
}

/** All of an article's features with their counts, parts in a fixed order (terms, words, measures, threads, scope). */
export function articleFeatures(a: IndexedText & TopicInput): [key: string, count: number][] {
  const terms = [...weightedTermCounts(a)].sort((x, y) => y[1] - x[1]).slice(0, RELATED_PARAMS.keyTerms);
  const words = [...policyWordCounts(a)].map(([w, n]): [string, number] => [wordKey(w), n]);
  const measures = Object.entries(a.measures).map(([id, n]): [string, number] => [measureKey(id), n]);
  const threads = Object.entries(a.threads ?? {}).map(([t, n]): [string, number] => [threadKey(t), n]);
  const scope = Object.entries(a.threads ?? {}).map(([t, n]): [string, number] => [scopeKey(t), n]);
  return [...terms, ...words, ...measures, ...threads, ...scope].filter(([, n]) => n > 0);
}

export type IndexableArticle = { id: string; text: string; title?: string | undefined };
/** An article and its topics: the measures found in it and their threads, with mention counts. */
export type IndexEntry = { article: IndexableArticle } & TopicInput;
/** An article's index entry before it is posted: everything but its blocks. */
export type Unposted = Omit<DocVector, 'blocks'>;

/** Whether an article's text belongs to the policy family, by its policy words (title and body). */
export function isPolicyText(a: { text: string; title?: string | undefined }): boolean {
  return policyTopicScore(a.title ? `${a.title}\n${a.text}` : a.text) >= POLICY_TOPIC_THRESHOLD;
}

/** What the index stores for an article, but where it is posted. */
export function articleEntry(entry: IndexEntry): Unposted {
  return {
    id: entry.article.id,
    features: articleFeatures({ ...entry.article, measures: entry.measures, threads: entry.threads }),
    policy: isPolicyText(entry.article),
    measureIds: Object.keys(entry.measures),
  };
}
