// Copied unchanged from lib/related at c03d002 (the v3 layout), except imports; see db.ts.
/**
 * What the index's writer and its reader must agree on: row keys, the meta keys, the text an article
 * is indexed by, and how a measure set becomes a vector. The layout itself is described in index-store.ts.
 */
import type { LensDB } from './db';
import { norm, unitWeights, weighTerms } from './vector';

export const DOC_COUNT_KEY = 'related.docCount';
/** N when every article was last re-weighed (see index-store.ts, "Weights and IDF drift"). */
export const WEIGHED_AT_KEY = 'related.weighedAt';

/** Measure rows share the terms table; terms never contain ':' so the keys cannot clash. */
const MEASURE_PREFIX = 'measure:';
export const measureKey = (id: string) => MEASURE_PREFIX + id;
export const measureIdOf = (key: string) => key.slice(MEASURE_PREFIX.length);

/** An article is indexed by its title and body together: the title is the densest statement of its topic. */
export const indexedText = (a: { text: string; title?: string | undefined }) => (a.title ? `${a.title}\n${a.text}` : a.text);

export const unique = (xs: readonly string[]) => [...new Set(xs)];

export async function readCount(db: LensDB, key: string): Promise<number> {
  const value = (await db.meta.get(key))?.value;
  return typeof value === 'number' ? value : 0;
}

/**
 * A measure set as a unit vector keyed by row key. Each measure weighs its IDF, like a term of tf 1:
 * a measure every article names (集采 is in all five seeds) says little about why two belong together.
 */
export function measureWeights(measureIds: readonly string[], dfOf: (key: string) => number, docCount: number): Map<string, number> {
  const weighted = weighTerms(new Map(measureIds.map((m) => [measureKey(m), 1])), dfOf, docCount);
  return unitWeights({ terms: weighted, norm: norm(weighted) });
}

/** `docs.vocab`: every distinct term with its count, `term:count` separated by spaces. */
export function encodeVocab(counts: ReadonlyMap<string, number>): string {
  return [...counts].map(([term, tf]) => `${term}:${tf}`).join(' ');
}

export function decodeVocab(vocab: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of vocab ? vocab.split(' ') : []) {
    const colon = entry.lastIndexOf(':');
    counts.set(entry.slice(0, colon), Number(entry.slice(colon + 1)));
  }
  return counts;
}
