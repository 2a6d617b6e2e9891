// Copied unchanged from lib/related at c03d002 (the v3 layout), except imports; see db.ts.
/**
 * A term row's postings, packed. IndexedDB structured-clones every row on every read and write; with
 * one [id, weight] array per posting that cloning was most of a query's time (10,000 articles: a
 * query reads ~130 rows holding ~100,000 postings). Packed, a row is one string and one Float32Array,
 * each cloned in a single copy. Float32 keeps 7 significant digits, far more than a ranking needs.
 */
import type { TermPostings } from './db';

/** Between article ids in `ids`; an article id must not contain it (indexArticles checks). */
export const ID_SEPARATOR = '\u001f';

export type Postings = { ids: string[]; weights: number[] };

export function unpack(row: Pick<TermPostings, 'ids' | 'weights'>): Postings {
  return { ids: row.ids ? row.ids.split(ID_SEPARATOR) : [], weights: Array.from(row.weights) };
}

export function pack(postings: Postings): Pick<TermPostings, 'ids' | 'weights'> {
  return { ids: postings.ids.join(ID_SEPARATOR), weights: Float32Array.from(postings.weights) };
}

/** Visit each (article id, weight) of a row without building more than the id list. */
export function forEachPosting(row: Pick<TermPostings, 'ids' | 'weights'>, visit: (id: string, weight: number) => void): void {
  if (!row.ids) return;
  const ids = row.ids.split(ID_SEPARATOR);
  for (let i = 0; i < ids.length; i++) visit(ids[i]!, row.weights[i]!);
}

/** The postings as pairs, for tests and diagnostics. */
export function postingPairs(row: Pick<TermPostings, 'ids' | 'weights'>): [id: string, weight: number][] {
  const pairs: [string, number][] = [];
  forEachPosting(row, (id, w) => pairs.push([id, w]));
  return pairs;
}
