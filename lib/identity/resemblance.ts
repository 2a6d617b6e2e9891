/**
 * Exact resemblance of two bodies, for the final word on "is this the same article?" once the
 * fingerprints' MinHash sketches (an estimate, ±0.06) have named a candidate. Both texts are in hand
 * then: the page's, and the stored article's, read for the few candidates the sketches let through.
 *
 * Two measures:
 * - jaccard: the one the sketch estimates — the Jaccard similarity of the two bodies' sets of
 *   4-character shingles over their reduced text (Han characters, ASCII letters and digits, folded) —
 *   computed exactly, so an article that merely shares a topic, a quoted statement or a boilerplate
 *   paragraph with a stored one is never called the same because the estimate happened to run high;
 * - sentences: how much of the shorter body (by characters) is in sentences the other body has word
 *   for word. A re-post keeps its sentences and adds or drops whole ones (a lead, an editor line, a
 *   closing paragraph); two articles written from one template (a monthly exposure, two provinces'
 *   rules) share most shingles yet differ in nearly every sentence — a name, a month, a figure.
 */
import { reducedBody, SHINGLE_CHARS } from './fingerprint';

function shingles(body: string | readonly string[]): Set<string> {
  const chars = reducedBody(body);
  const set = new Set<string>();
  if (chars.length === 0) return set;
  if (chars.length < SHINGLE_CHARS) {
    set.add(chars.join(''));
    return set;
  }
  for (let i = 0; i + SHINGLE_CHARS <= chars.length; i++) set.add(chars.slice(i, i + SHINGLE_CHARS).join(''));
  return set;
}

export type Resemblance = {
  /** |A ∩ B| / |A ∪ B| over shingles: 1 for the same text, near 0 for different articles. */
  jaccard: number;
  /** |A ∩ B| / min(|A|, |B|) over shingles: how much of the shorter body the longer one holds. */
  containment: number;
  /** Share of the shorter body's characters in sentences the other body has word for word. */
  sentences: number;
};

/** Sentence ends, and paragraph ends: a sentence is compared whole, by its reduced text. */
const SENTENCE_END = /[。！？!?；;\n]+/;

function sentencesOf(body: string | readonly string[]): string[] {
  const text = typeof body === 'string' ? body : body.join('\n');
  return text
    .split(SENTENCE_END)
    .map((s) => reducedBody(s).join(''))
    .filter((s) => s.length > 0);
}

function sharedSentences(a: string | readonly string[], b: string | readonly string[]): number {
  const sa = sentencesOf(a);
  const sb = sentencesOf(b);
  const length = (list: string[]) => list.reduce((n, s) => n + s.length, 0);
  const [small, large] = length(sa) <= length(sb) ? [sa, sb] : [sb, sa];
  const total = length(small);
  if (total === 0) return 0;
  const have = new Set(large);
  return small.reduce((n, s) => n + (have.has(s) ? s.length : 0), 0) / total;
}

/** Exact resemblance of two bodies (text or paragraphs); all 0 when either is empty. */
export function bodyResemblance(a: string | readonly string[], b: string | readonly string[]): Resemblance {
  const sa = shingles(a);
  const sb = shingles(b);
  if (sa.size === 0 || sb.size === 0) return { jaccard: 0, containment: 0, sentences: 0 };
  const [small, large] = sa.size <= sb.size ? [sa, sb] : [sb, sa];
  let common = 0;
  for (const s of small) if (large.has(s)) common++;
  return { jaccard: common / (sa.size + sb.size - common), containment: common / small.size, sentences: sharedSentences(a, b) };
}
