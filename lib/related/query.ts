/**
 * Related articles for the article being read: a ranking over the whole corpus that reads only the
 * index rows of the query's own features (layout in index-store.ts, features in layout.ts).
 *
 *   score = Σ over parts of RELATED_PARAMS.score[part] · cosine(query part, candidate part)
 *
 * with the parts key terms (what is written alike), policy words (the field's own vocabulary, whole
 * words), measures and threads (what policy it is about, in whatever words), and scope (not a cosine:
 * how much of the query's threads a broad candidate names, times its breadth; weights.ts). An article the catalogue
 * finds no measure in can only relate by its words, so it needs more of them. An article outside the
 * policy family (layout.ts isPolicyText) gets no related articles and is never one.
 */
import type { DocVector, LensDB, PostingBlock, TermStats } from '../db/schema';
import {
  articleEntry,
  DOC_COUNT_KEY,
  isPolicyText,
  measureIdOf,
  measureKey,
  partOf,
  readCount,
  unique,
  wordOf,
  type IndexedText,
  type TopicInput,
} from './layout';
import { RELATED_PARAMS, type Part } from './params';
import { forEachPosting } from './postings';
import { unitVector } from './weights';

/** Reasons shown per related article: shared policy words. */
const MAX_WORDS = 5;

export type RelatedQuery = IndexedText &
  TopicInput & {
    /** The article being read, if the corpus holds it: its stored features are the query, and it is excluded. */
    id?: string | undefined;
  };

export type RelatedHit = {
  id: string;
  /** 0–1. */
  score: number;
  /** The cosine of each part, 0–1 (scope: the share of the query's threads named, times breadth). */
  similarity: Record<Part, number>;
  reasons: {
    /** Shared measure ids, the most telling first. */
    sharedMeasures: string[];
    /** Policy words both use (whole words, policy-words.ts), the most telling first. */
    sharedTerms: string[];
  };
};

export type RelatedOptions = { limit?: number; minScore?: number };

/**
 * The articles most like the query, best first, the query's own article excluded.
 *
 * Reads: meta (N), the query's stored features when `id` is indexed, one terms.bulkGet of its keys
 * (df and last block), then one postings.bulkGet of their blocks (at most
 * RELATED_PARAMS.queryPostings postings) — never an article, never a scan.
 */
export async function queryRelated(db: LensDB, query: RelatedQuery, options: RelatedOptions = {}): Promise<RelatedHit[]> {
  const { limit = 10, minScore = 0 } = options;
  return db.transaction('r', db.terms, db.postings, db.docs, db.meta, async () => {
    const docCount = await readCount(db, DOC_COUNT_KEY);
    if (docCount === 0 || limit <= 0) return [];
    const stored: Pick<DocVector, 'features' | 'policy'> | undefined = query.id === undefined ? undefined : await db.docs.get(query.id);
    const { features, policy } = stored ?? {
      features: articleEntry({ article: { id: '', ...query }, ...query }).features,
      policy: isPolicyText(query),
    };
    if (!policy) return [];
    const stats = await readStats(
      db,
      features.map(([k]) => k),
    );
    // A query not in the index is weighed as if it were (df + 1 of N + 1).
    const self = stored ? 0 : 1;
    const weights = unitVector(features, (key) => (stats.get(key)?.df ?? 0) + self, docCount + self, partOf, 'query');
    const reach = new Map([...weights].map(([key, w]) => [key, RELATED_PARAMS.score[partOf(key)] * w]));
    const rows = await readPostings(db, stats, withinBudget(stats, reach));
    return rank(rows, reach, query.id, limit, minScore);
  });
}

/**
 * Sum query weight × posting weight per candidate, then keep the best. A common feature can make
 * every article a candidate, so the sums live in a flat array (not an object per candidate), and the
 * shared features that become reasons are gathered for the returned few only.
 */
function rank(
  rows: ReadonlyMap<string, PostingBlock[]>,
  reach: ReadonlyMap<string, number>,
  exclude: string | undefined,
  limit: number,
  minScore: number,
): RelatedHit[] {
  const slotOf = new Map<string, number>();
  const ids: string[] = [];
  const sums: number[] = [];
  // Every (candidate slot, key, contribution) visited, for the parts and the reasons.
  const sharedSlot: number[] = [];
  const sharedKey: string[] = [];
  const sharedValue: number[] = [];
  for (const [key, weight] of reach) {
    for (const block of rows.get(key) ?? []) {
      forEachPosting(block, (id, w) => {
        if (id === exclude) return;
        let slot = slotOf.get(id);
        if (slot === undefined) {
          slot = ids.push(id) - 1;
          slotOf.set(id, slot);
          sums.push(0);
        }
        const contribution = weight * w;
        sums[slot] = sums[slot]! + contribution;
        sharedSlot.push(slot);
        sharedKey.push(key);
        sharedValue.push(contribution);
      });
    }
  }
  const best = ids
    .map((_, s) => s)
    // Rounding can overshoot 1 for identical texts.
    .filter((s) => Math.min(1, sums[s]!) > minScore)
    .sort((a, b) => sums[b]! - sums[a]! || (ids[a]! < ids[b]! ? -1 : 1))
    .slice(0, limit);

  const shared = best.map(() => new Map<string, number>());
  const rankOf = new Map(best.map((s, r) => [s, r]));
  for (let i = 0; i < sharedSlot.length; i++) shared[rankOf.get(sharedSlot[i]!) ?? -1]?.set(sharedKey[i]!, sharedValue[i]!);
  return best.map((s, r) => {
    const similarity: Record<Part, number> = { terms: 0, words: 0, measures: 0, threads: 0, scope: 0 };
    for (const [key, value] of shared[r]!) similarity[partOf(key)] += value / RELATED_PARAMS.score[partOf(key)];
    const strongest = (part: 'words' | 'measures') =>
      [...shared[r]!]
        .filter(([key]) => partOf(key) === part)
        .sort((a, b) => b[1] - a[1])
        .map(([key]) => key);
    return {
      id: ids[s]!,
      score: Math.min(1, sums[s]!),
      similarity: Object.fromEntries(Object.entries(similarity).map(([part, value]) => [part, Math.min(1, value)])) as Record<Part, number>,
      reasons: { sharedMeasures: strongest('measures').map(measureIdOf), sharedTerms: strongest('words').map(wordOf).slice(0, MAX_WORDS) },
    };
  });
}

/**
 * The keys whose postings a query reads. A feature most articles have (医保 in a corpus of 医保 news)
 * has as many postings as there are articles yet, by its IDF, adds almost nothing to any score: keys
 * are read from the most a posting of each can add to the least, until queryPostings postings (df
 * counts them) are taken. The rest still count in the query's norm, so scores stay comparable.
 */
function withinBudget(stats: ReadonlyMap<string, TermStats>, reach: ReadonlyMap<string, number>): string[] {
  const keys: string[] = [];
  let postings = 0;
  for (const [key] of [...reach].sort((a, b) => b[1] - a[1])) {
    const df = stats.get(key)?.df ?? 0;
    if (df === 0 || stats.get(key)?.tail === undefined) continue;
    if (postings + df > RELATED_PARAMS.queryPostings && keys.length > 0) continue;
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
  const keys = measureIds.map(measureKey);
  const stats = await readStats(db, keys);
  return new Map(measureIds.map((id, i) => [id, stats.get(keys[i]!)?.df ?? 0]));
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
async function readPostings(
  db: LensDB,
  stats: ReadonlyMap<string, TermStats>,
  keys: readonly string[],
): Promise<Map<string, PostingBlock[]>> {
  const refs: [string, number][] = [];
  for (const key of keys) {
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
