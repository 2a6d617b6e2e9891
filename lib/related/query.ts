/**
 * Related articles for the article being read: a ranking over the whole corpus that reads only the
 * index rows of the query's own key terms and topics (layout in index-store.ts, weights in weights.ts).
 *
 * Each side is BM25 with the article as the query: every key term the two share adds
 * idf² · s(query) · s(candidate), s being the stored saturated frequency; the sum is divided by what
 * the query would score against itself, so a similarity is the share of the query's weight that the
 * candidate covers (1: it has all of it, as strongly). The same for topics (measures and categories).
 *
 *   score = SCORE_WEIGHTS.text · text + SCORE_WEIGHTS.topics · topics
 *
 * Text finds what is written alike; topics find what is about the same policy in other words (two
 * articles on 医保 fund supervision, one on a crackdown and one on smart monitoring). An article the
 * catalogue finds no measure in can only relate by text, so it needs more of it.
 */
import type { DocVector, LensDB, PostingBlock, TermStats } from '../db/schema';
import { articleTerms, articleTopics, DOC_COUNT_KEY, isMeasureKey, measureIdOf, measureKey, readCount, unique, type IndexedText, type TopicInput } from './layout';
import { policyWordsIn } from './policy-words';
import { forEachPosting } from './postings';
import { idf, type WeightedTerm } from './weights';

export const SCORE_WEIGHTS = { text: 0.6, topics: 0.4 } as const;
/**
 * Most postings a query reads. A key term most articles hold (医保 in a corpus of 医保 news) has as
 * many postings as there are articles yet, by its IDF, adds almost nothing to any score: the query
 * reads its keys' postings from the most to the least a posting can add, and stops at this many.
 * Skipped keys still count in what the query would score against itself, so scores stay comparable.
 */
export const QUERY_POSTINGS = 20_000;
/** Reasons shown per related article: shared words. */
const MAX_WORDS = 5;

export type RelatedQuery = IndexedText &
  TopicInput & {
    /** The article being read, if the corpus holds it: its stored vector is the query, and it is excluded. */
    id?: string | undefined;
  };

export type RelatedHit = {
  id: string;
  /** 0–1. */
  score: number;
  /** Share of the query's term weight the candidate covers, 0–1. */
  textSimilarity: number;
  /** Share of the query's topic weight (measures, categories) the candidate covers, 0–1. */
  topicSimilarity: number;
  reasons: {
    /** Shared measure ids, the rarest (most telling) first. */
    sharedMeasures: string[];
    /** Policy words both use (whole words, policy-words.ts), the most telling first. */
    sharedTerms: string[];
  };
};

export type RelatedOptions = { limit?: number; minScore?: number };

/**
 * The articles most like the query, best first, the query's own article excluded.
 *
 * Reads: meta (N), the query's stored vector when `id` is indexed, one terms.bulkGet of its keys (df
 * and last block), one postings.bulkGet of their blocks (at most QUERY_POSTINGS postings), and the
 * `docs` rows of the articles returned (for the reasons) — never an article, never a scan.
 */
export async function queryRelated(db: LensDB, query: RelatedQuery, options: RelatedOptions = {}): Promise<RelatedHit[]> {
  const { limit = 10, minScore = 0 } = options;
  return db.transaction('r', db.terms, db.postings, db.docs, db.meta, async () => {
    const docCount = await readCount(db, DOC_COUNT_KEY);
    if (docCount === 0 || limit <= 0) return [];
    const stored = query.id === undefined ? undefined : await db.docs.get(query.id);
    const terms = stored?.terms ?? articleTerms(query);
    const topics = stored?.topics ?? articleTopics(query);
    const stats = await readStats(db, [...terms, ...topics].map(([k]) => k));
    // A query not in the index is weighed as if it were (df + 1 of N + 1).
    const self = stored ? 0 : 1;
    const weigh = (vector: WeightedTerm[]) => new Map(vector.map(([key, s]) => [key, s * idf((stats.get(key)?.df ?? 0) + self, docCount + self) ** 2]));
    const textWeights = weigh(terms);
    const topicWeights = weigh(topics);
    const selfScore = (vector: WeightedTerm[], weights: Map<string, number>) => vector.reduce((sum, [key, s]) => sum + weights.get(key)! * s, 0);
    const textSelf = selfScore(terms, textWeights);
    const topicSelf = selfScore(topics, topicWeights);
    const read = withinBudget(stats, [
      ...[...textWeights].map(([key, w]): [string, number] => [key, (SCORE_WEIGHTS.text * w) / textSelf]),
      ...[...topicWeights].map(([key, w]): [string, number] => [key, (SCORE_WEIGHTS.topics * w) / topicSelf]),
    ]);
    const rows = await readPostings(db, stats, read);

    const ranked = rank(rows, textWeights, topicWeights, textSelf, topicSelf, query.id, limit, minScore);
    const words = stored?.words ?? policyWordsIn(query.title ? `${query.title}\n${query.text}` : query.text);
    const docs = await db.docs.bulkGet(ranked.map((r) => r.id));
    return ranked.map((hit, i) => ({
      id: hit.id,
      score: hit.score,
      textSimilarity: hit.textSimilarity,
      topicSimilarity: hit.topicSimilarity,
      reasons: {
        // The rarest shared measure first: it says the most about why the two belong together.
        sharedMeasures: hit.topics.filter(([key]) => isMeasureKey(key)).sort((a, b) => b[1] - a[1]).map(([key]) => measureIdOf(key)),
        sharedTerms: sharedWords(words, docs[i], hit.terms),
      },
    }));
  });
}

type Ranked = {
  id: string;
  score: number;
  textSimilarity: number;
  topicSimilarity: number;
  /** Shared key term → its contribution to textSimilarity. */
  terms: Map<string, number>;
  /** Shared topic key and its contribution to topicSimilarity. */
  topics: [key: string, contribution: number][];
};

/**
 * Sum query weight × posting weight per candidate, then keep the best. A common term or measure can
 * make every article a candidate, so the sums live in flat arrays (not an object per candidate), and
 * the shared keys that become reasons are gathered for the returned few only.
 */
function rank(
  rows: ReadonlyMap<string, PostingBlock[]>,
  terms: ReadonlyMap<string, number>,
  topics: ReadonlyMap<string, number>,
  textSelf: number,
  topicSelf: number,
  exclude: string | undefined,
  limit: number,
  minScore: number,
): Ranked[] {
  const slotOf = new Map<string, number>();
  const ids: string[] = [];
  const textDot: number[] = [];
  const topicDot: number[] = [];
  // Every (candidate slot, key, contribution) visited, for the reasons.
  const sharedSlot: number[] = [];
  const sharedKey: string[] = [];
  const sharedValue: number[] = [];
  const visit = (key: string, queryWeight: number, sums: number[], selfScore: number) => {
    for (const block of rows.get(key) ?? []) {
      forEachPosting(block, (id, weight) => {
        if (id === exclude) return;
        let slot = slotOf.get(id);
        if (slot === undefined) {
          slot = ids.push(id) - 1;
          slotOf.set(id, slot);
          textDot.push(0);
          topicDot.push(0);
        }
        const contribution = (queryWeight * weight) / selfScore;
        sums[slot] = sums[slot]! + contribution;
        sharedSlot.push(slot);
        sharedKey.push(key);
        sharedValue.push(contribution);
      });
    }
  };
  if (textSelf > 0) for (const [term, w] of terms) visit(term, w, textDot, textSelf);
  if (topicSelf > 0) for (const [key, w] of topics) visit(key, w, topicDot, topicSelf);

  // A candidate stronger on a term than the query itself covers more than all of it: counted as all.
  const textSimilarity = textDot.map((d) => Math.min(1, d));
  const topicSimilarity = topicDot.map((d) => Math.min(1, d));
  const score = ids.map((_, s) => SCORE_WEIGHTS.text * textSimilarity[s]! + SCORE_WEIGHTS.topics * topicSimilarity[s]!);
  const best = ids
    .map((_, s) => s)
    .filter((s) => score[s]! > minScore)
    .sort((a, b) => score[b]! - score[a]! || (ids[a]! < ids[b]! ? -1 : 1))
    .slice(0, limit);

  const ranked: Ranked[] = best.map((s) => ({
    id: ids[s]!,
    score: score[s]!,
    textSimilarity: textSimilarity[s]!,
    topicSimilarity: topicSimilarity[s]!,
    terms: new Map(),
    topics: [],
  }));
  const rankOf = new Map(best.map((s, r) => [s, r]));
  for (let i = 0; i < sharedSlot.length; i++) {
    const hit = ranked[rankOf.get(sharedSlot[i]!) ?? -1];
    if (!hit) continue;
    if (terms.has(sharedKey[i]!)) hit.terms.set(sharedKey[i]!, sharedValue[i]!);
    else hit.topics.push([sharedKey[i]!, sharedValue[i]!]);
  }
  return ranked;
}

/**
 * The policy words both articles use, the most telling first: by how much their bigrams added to the
 * text similarity, then longer (more specific) first, then in the query's order.
 */
function sharedWords(words: readonly string[], doc: DocVector | undefined, contributions: ReadonlyMap<string, number>): string[] {
  if (!doc) return [];
  const theirs = new Set(doc.words);
  const weight = (word: string) => {
    let sum = 0;
    for (let i = 0; i + 2 <= word.length; i++) sum += contributions.get(word.slice(i, i + 2)) ?? 0;
    return sum;
  };
  return words
    .filter((w) => theirs.has(w))
    .map((w, i) => ({ w, i, weight: weight(w) }))
    .sort((a, b) => b.weight - a.weight || b.w.length - a.w.length || a.i - b.i)
    .slice(0, MAX_WORDS)
    .map(({ w }) => w);
}

/**
 * The keys whose postings a query reads: by the most a posting of each can add to a score (`reach`),
 * highest first, until QUERY_POSTINGS postings (df counts them) are taken.
 */
function withinBudget(stats: ReadonlyMap<string, TermStats>, reach: [key: string, reach: number][]): string[] {
  const keys: string[] = [];
  let postings = 0;
  for (const [key] of reach.filter(([, r]) => r > 0).sort((a, b) => b[1] - a[1])) {
    const df = stats.get(key)?.df ?? 0;
    if (df === 0) continue;
    if (postings + df > QUERY_POSTINGS && keys.length > 0) continue;
    keys.push(key);
    postings += df;
  }
  return keys;
}

/**
 * How many indexed articles mention each measure: the df of its row. Counting the measure's entries in
 * an IndexedDB index instead scans them all (about 80 ms a measure at 10,000 articles in Chromium).
 * Articles stored but not yet indexed (lib/insight/index-queue.ts) are not counted until they are.
 */
export async function countMentioning(db: LensDB, measureIds: readonly string[]): Promise<Map<string, number>> {
  const stats = await readStats(db, measureIds.map(measureKey));
  return new Map(measureIds.map((id) => [id, stats.get(measureKey(id))?.df ?? 0]));
}

async function readStats(db: LensDB, keys: string[]): Promise<Map<string, TermStats>> {
  const wanted = unique(keys);
  const found = await db.terms.bulkGet(wanted);
  const stats = new Map<string, TermStats>();
  wanted.forEach((key, i) => {
    const row = found[i];
    if (row) stats.set(key, row);
  });
  return stats;
}

/** Every postings block of these keys, in one read: blocks 0 to each key's tail (a missing one was emptied). */
async function readPostings(db: LensDB, stats: ReadonlyMap<string, TermStats>, keys: readonly string[]): Promise<Map<string, PostingBlock[]>> {
  const refs: [string, number][] = [];
  for (const key of unique(keys)) {
    const tail = stats.get(key)?.tail;
    if (tail !== undefined) for (let b = 0; b <= tail; b++) refs.push([key, b]);
  }
  const found = refs.length ? await db.postings.bulkGet(refs) : [];
  const rows = new Map<string, PostingBlock[]>();
  for (const block of found) {
    if (!block) continue;
    const list = rows.get(block.term);
    if (list) list.push(block);
    else rows.set(block.term, [block]);
  }
  return rows;
}
