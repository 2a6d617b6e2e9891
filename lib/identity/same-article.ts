/**
 * Is this page an article the corpus already holds, under another URL or with changed markup?
 * Two independent signals, either of which is enough:
 * - the title: equal normalizeTitle keys (lib/text: the corpus's `_` for quotes and the live page's
 *   “ ” meet, whitespace and width do not matter), provided the bodies do not contradict it — two
 *   different articles can share a headline (重要通知, a recurring column), so when both bodies are
 *   known they must share at least TITLE_BODY_AGREEMENT of their content;
 * - the body: fingerprint similarity at or above SAME_BODY_THRESHOLD (a re-titled or edited copy).
 * The URL is never consulted: the same article lives under desktop, mobile and syndicated URLs.
 */
import { bodyFingerprint, fingerprintSimilarity, SAME_BODY_THRESHOLD } from './fingerprint';
import { normalizeTitle } from '../text/normalize';
import { bodyResemblance } from './resemblance';

/**
 * Least body similarity for a title match. A copy of the same article with its lead or a promo block
 * extracted differently still shares far more; the five seeds compared with each other share ≤ 0.05.
 */
export const TITLE_BODY_AGREEMENT = 0.2;

export type IdentityCandidate = {
  title: string;
  /** The body, as text or paragraphs; or its precomputed fingerprint. */
  text?: string;
  paragraphs?: readonly string[];
  fingerprint?: string;
};

export type CorpusEntry = {
  id: string;
  title?: string;
  /** The corpus's normalised title (normalizeTitle), used when `title` is absent. */
  titleNorm?: string;
  fingerprint?: string;
  text?: string;
};

export type SameArticleMatch = {
  id: string;
  by: 'title' | 'fingerprint' | 'both';
  /** Body similarity 0–1, or null when one of the bodies was not given. */
  similarity: number | null;
};

function fingerprintOf(x: { fingerprint?: string | undefined; text?: string | undefined; paragraphs?: readonly string[] | undefined }): string | null {
  if (x.fingerprint) return x.fingerprint;
  if (x.paragraphs) return bodyFingerprint(x.paragraphs);
  if (x.text !== undefined) return bodyFingerprint(x.text);
  return null;
}

const RANK = { both: 3, fingerprint: 2, title: 1 } as const;

/** The corpus entry the candidate is, with how it was recognised; null when it is none of them. */
export function sameArticle(candidate: IdentityCandidate, entries: Iterable<CorpusEntry>): SameArticleMatch | null {
  const key = normalizeTitle(candidate.title);
  const fingerprint = fingerprintOf(candidate);
  let best: SameArticleMatch | null = null;
  for (const entry of entries) {
    const entryFingerprint = fingerprintOf(entry);
    const similarity = fingerprint && entryFingerprint ? fingerprintSimilarity(fingerprint, entryFingerprint) : null;
    const sameTitle = key !== '' && key === normalizeTitle(entry.title ?? entry.titleNorm ?? '');
    const titleMatch = sameTitle && (similarity === null || similarity >= TITLE_BODY_AGREEMENT);
    const bodyMatch = similarity !== null && similarity >= SAME_BODY_THRESHOLD;
    if (!titleMatch && !bodyMatch) continue;
    const match: SameArticleMatch = { id: entry.id, by: titleMatch && bodyMatch ? 'both' : bodyMatch ? 'fingerprint' : 'title', similarity };
    if (!best || RANK[match.by] > RANK[best.by] || (RANK[match.by] === RANK[best.by] && (match.similarity ?? 0) > (best.similarity ?? 0))) {
      best = match;
    }
  }
  return best;
}

/**
 * At or above this exact resemblance (lib/identity/resemblance.ts, Jaccard of 4-character shingles)
 * two bodies are one article. Calibrated on labelled pairs (tests/eval/identity*.json, see
 * identity-calibration.test.ts).
 */
export const SAME_BODY_JACCARD = 0.5;

/** Are these two bodies one article's (the same text, or the same text edited)? Exact, not estimated. */
export function sameBody(a: string | readonly string[], b: string | readonly string[]): boolean {
  return bodyResemblance(a, b).jaccard >= SAME_BODY_JACCARD;
}
