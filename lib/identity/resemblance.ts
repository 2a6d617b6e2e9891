/**
 * Exact resemblance of two bodies, for the final word on "is this the same article?" once the
 * fingerprints' MinHash sketches (an estimate, ±0.06) have named a candidate. Both texts are in hand
 * then: the page's, and the stored article's, read for the few candidates the sketches let through.
 *
 * The measure is the one the sketch estimates — the Jaccard similarity of the two bodies' sets of
 * 4-character shingles over their reduced text (Han characters, ASCII letters and digits, folded) —
 * computed exactly, so an article that merely shares a topic, a quoted statement or a boilerplate
 * paragraph with a stored one is never called the same because the estimate happened to run high.
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
  /** |A ∩ B| / |A ∪ B|: 1 for the same text, near 0 for different articles. */
  jaccard: number;
  /** |A ∩ B| / min(|A|, |B|): how much of the shorter body the longer one holds. */
  containment: number;
};

/** Exact resemblance of two bodies (text or paragraphs); 0 and 0 when either is empty. */
export function bodyResemblance(a: string | readonly string[], b: string | readonly string[]): Resemblance {
  const sa = shingles(a);
  const sb = shingles(b);
  if (sa.size === 0 || sb.size === 0) return { jaccard: 0, containment: 0 };
  const [small, large] = sa.size <= sb.size ? [sa, sb] : [sb, sa];
  let common = 0;
  for (const s of small) if (large.has(s)) common++;
  return { jaccard: common / (sa.size + sb.size - common), containment: common / small.size };
}
