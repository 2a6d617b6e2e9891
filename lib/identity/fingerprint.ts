/**
 * A body fingerprint that survives what changes between two copies of one article — markup, indentation,
 * punctuation, full/half-width forms, the URL — and tolerates small edits.
 *
 * Format `fp1.<chars>.<exact>.<sketch>`:
 * - chars:  length of the body reduced to Han characters, ASCII letters and digits (folded, see
 *           lib/related/normalize.ts) — spaces, punctuation and markup leave no trace;
 * - exact:  64-bit hash of that reduced body (two MurmurHash3 lanes): equal means the same text;
 * - sketch: MinHash of the reduced body's 4-character shingles, 64 minima of 16 bits each. The share
 *           of equal minima estimates the Jaccard similarity of the two shingle sets (±0.06).
 *
 * Why 4-character shingles and not the bigrams of the related index: two different articles on one
 * policy share many bigrams (医保 基金 监管 …) but few 4-grams, so a near-duplicate threshold on
 * 4-grams separates "the same article, edited" from "an article on the same topic" by a wide margin.
 *
 * The string is exact-match indexable (articles.fingerprint in lib/db): equal strings mean equal text.
 */
import { foldText, isHan, isWordChar } from '../related/normalize';
import { fmix32, hash32, hex } from './hash';

const VERSION = 'fp1';
export const SHINGLE_CHARS = 4;
const SKETCH_SIZE = 64;
/** One salt per MinHash permutation; fixed forever, since stored fingerprints depend on them. */
const SALTS = Array.from({ length: SKETCH_SIZE }, (_, i) => fmix32(0x9e3779b9 + i * 0x7f4a7c15));

/** The body reduced to the characters that carry its content, as code points. */
export function reducedBody(body: string | readonly string[]): string[] {
  const text = typeof body === 'string' ? body : body.join('\n');
  const kept: string[] = [];
  for (const ch of foldText(text)) {
    const cp = ch.codePointAt(0)!;
    if (isHan(cp) || isWordChar(cp)) kept.push(ch);
  }
  return kept;
}

/** Fingerprint of an article body, given as its text or its paragraphs. */
export function bodyFingerprint(body: string | readonly string[]): string {
  const chars = reducedBody(body);
  const reduced = chars.join('');
  const exact = hex(hash32(reduced, 0x1b873593), 8) + hex(hash32(reduced, 0xcc9e2d51), 8);
  const minima = new Array<number>(SKETCH_SIZE).fill(0xffffffff);
  const shingles = Math.max(chars.length - SHINGLE_CHARS + 1, chars.length ? 1 : 0);
  for (let i = 0; i < shingles; i++) {
    const h = hash32(chars.slice(i, i + SHINGLE_CHARS).join(''), 0);
    for (let j = 0; j < SKETCH_SIZE; j++) {
      const v = fmix32(h ^ SALTS[j]!);
      if (v < minima[j]!) minima[j] = v;
    }
  }
  const sketch = chars.length ? minima.map((m) => hex(m, 4)).join('') : '';
  return `${VERSION}.${chars.length}.${exact}.${sketch}`;
}

type Parsed = { chars: number; exact: string; sketch: string };

function parse(fingerprint: string): Parsed | null {
  const [version, chars, exact, sketch] = fingerprint.split('.');
  if (version !== VERSION || chars === undefined || exact === undefined || sketch === undefined) return null;
  return { chars: Number(chars), exact, sketch };
}

/**
 * Estimated share of content two bodies have in common, 0–1: 1 for the same text, about 0.7–0.9 for
 * one paragraph edited, near 0 for different articles. 0 when either body is empty or either
 * fingerprint is of an unknown format (an older version is never silently compared).
 */
export function fingerprintSimilarity(a: string, b: string): number {
  const pa = parse(a);
  const pb = parse(b);
  if (!pa || !pb || !pa.chars || !pb.chars) return 0;
  if (pa.exact === pb.exact && pa.chars === pb.chars) return 1;
  let equal = 0;
  for (let j = 0; j < SKETCH_SIZE; j++) {
    if (pa.sketch.slice(j * 4, j * 4 + 4) === pb.sketch.slice(j * 4, j * 4 + 4)) equal++;
  }
  return equal / SKETCH_SIZE;
}

/**
 * At or above this similarity two bodies are one article. Chosen from the seeds (fingerprint.test.ts):
 * the five seeds compared with each other score 0.00–0.05; a seed with a sentence rewritten scores
 * 0.73–0.94, with its last paragraph dropped 0.75–0.97, with its longest paragraph dropped 0.55–0.77.
 */
export const SAME_BODY_THRESHOLD = 0.5;

/** Same article by body: identical text, or near-identical (edited) text. */
export function fingerprintsMatch(a: string, b: string): boolean {
  return fingerprintSimilarity(a, b) >= SAME_BODY_THRESHOLD;
}

/** Minima per LSH band: two 16-bit minima, 32 bands over the 64 of the sketch. */
export const BAND_ROWS = 2;

/**
 * Locality-sensitive keys of a fingerprint, for a multi-entry index: two bodies share at least one
 * band key with probability 1 − (1 − s²)³² for a resemblance s — above 0.9999 at the same-article
 * threshold 0.5, about 8% at 0.05 (two articles on one topic). Not yet stored: an index on them
 * needs a schema version; until then the near-duplicate lookup compares the articles published
 * within days (lib/identity/find-same-article.ts nearDuplicateCandidates). Empty for an empty body or an
 * unknown format.
 */
export function fingerprintBands(fingerprint: string): string[] {
  const parsed = parse(fingerprint);
  if (!parsed || !parsed.chars) return [];
  const width = 4 * BAND_ROWS;
  const bands: string[] = [];
  for (let i = 0; i * width < parsed.sketch.length; i++) bands.push(`${i}:${parsed.sketch.slice(i * width, (i + 1) * width)}`);
  return bands;
}
