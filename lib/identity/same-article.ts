/**
 * Is this page an article the corpus already holds, under another URL, another headline or with
 * changed markup? The body decides, not the title: an article re-published under a new headline,
 * minutes later, with a lead paragraph added or dropped, is the same article; two articles that
 * share a headline (重要通知, a recurring conference, a yearly notice) are not.
 *
 * Two bodies are one article when the exact resemblance of their reduced text (resemblance.ts,
 * Jaccard of 4-character shingles) reaches SAME_BODY_JACCARD. Where only fingerprints are at hand,
 * their MinHash estimate stands in for it. The title decides alone only when no body is known.
 * The URL is never consulted: the same article lives under desktop, mobile and syndicated URLs.
 */
import { bodyFingerprint, fingerprintSimilarity } from './fingerprint';
import { normalizeTitle } from '../text/normalize';
import { bodyResemblance } from './resemblance';

/**
 * At or above this exact resemblance two bodies are one article. Calibrated on labelled pairs of
 * whole articles (tests/eval/identity-own.json, and tests/eval/identity.json when present; see
 * lib/identity/calibration.test.ts): the same article re-posted, re-titled, with a lead added or
 * removed, abridged or lightly edited scores 0.64–1; different articles on one topic — another
 * outlet's report of the same press conference, successive procurement batches, a yearly notice
 * and the next year's, a flash and the full story — score at most 0.35.
 */
export const SAME_BODY_JACCARD = 0.5;

/**
 * A stored fingerprint whose MinHash estimate is below this is not worth reading the article for:
 * the estimate's error is about ±0.06, so a body at SAME_BODY_JACCARD estimates above 0.3 all but
 * always (over three standard errors).
 */
export const NEAR_CANDIDATE_ESTIMATE = 0.3;

/** Are these two bodies one article's (the same text, or the same text edited)? Exact, not estimated. */
export function sameBody(a: string | readonly string[], b: string | readonly string[]): boolean {
  return bodyResemblance(a, b).jaccard >= SAME_BODY_JACCARD;
}

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
  /** 'both': the same title and body; 'fingerprint': the same body under another title; 'title': no body to compare. */
  by: 'title' | 'fingerprint' | 'both';
  /** Body resemblance 0–1 (exact when both texts were given, else estimated), or null when a body is missing. */
  similarity: number | null;
};

type BodySource = { fingerprint?: string | undefined; text?: string | undefined; paragraphs?: readonly string[] | undefined };

function textOf(x: BodySource): string | readonly string[] | null {
  return x.paragraphs ?? x.text ?? null;
}

function fingerprintOf(x: BodySource): string | null {
  if (x.fingerprint) return x.fingerprint;
  const body = textOf(x);
  return body === null ? null : bodyFingerprint(body);
}

/** Exact resemblance when both texts are known, the fingerprints' estimate otherwise, null without a body. */
function similarityOf(a: BodySource, b: BodySource): number | null {
  const ta = textOf(a);
  const tb = textOf(b);
  if (ta !== null && tb !== null) return bodyResemblance(ta, tb).jaccard;
  const fa = fingerprintOf(a);
  const fb = fingerprintOf(b);
  return fa && fb ? fingerprintSimilarity(fa, fb) : null;
}

const RANK = { both: 3, fingerprint: 2, title: 1 } as const;

/** The corpus entry the candidate is, with how it was recognised; null when it is none of them. */
export function sameArticle(candidate: IdentityCandidate, entries: Iterable<CorpusEntry>): SameArticleMatch | null {
  const key = normalizeTitle(candidate.title);
  let best: SameArticleMatch | null = null;
  for (const entry of entries) {
    const similarity = similarityOf(candidate, entry);
    const sameTitle = key !== '' && key === normalizeTitle(entry.title ?? entry.titleNorm ?? '');
    const bodyMatch = similarity !== null && similarity >= SAME_BODY_JACCARD;
    const titleOnly = sameTitle && similarity === null;
    if (!bodyMatch && !titleOnly) continue;
    const match: SameArticleMatch = { id: entry.id, by: bodyMatch ? (sameTitle ? 'both' : 'fingerprint') : 'title', similarity };
    if (!best || RANK[match.by] > RANK[best.by] || (RANK[match.by] === RANK[best.by] && (match.similarity ?? 0) > (best.similarity ?? 0))) {
      best = match;
    }
  }
  return best;
}
