/**
 * Is this page an article the corpus already holds, under another URL, another headline or with
 * changed markup? The body decides, not the title: an article re-published under a new headline,
 * minutes later, with a lead paragraph added or dropped, is the same article; two articles that
 * share a headline (重要通知, a recurring conference, a yearly notice) are not.
 *
 * Two bodies are one article when their exact resemblance (resemblance.ts) reaches both thresholds
 * below. Where only fingerprints are at hand, their MinHash estimate of the shingle Jaccard stands in.
 * The title decides alone only when no body is known.
 * The URL is never consulted: the same article lives under desktop, mobile and syndicated URLs.
 */
import { bodyFingerprint, fingerprintSimilarity } from './fingerprint';
import { normalizeTitle } from '../text/normalize';
import { bodyResemblance, type Resemblance } from './resemblance';

/**
 * Two bodies are one article when both measures of lib/identity/resemblance.ts reach these:
 * - SAME_BODY_JACCARD: the share of 4-character shingles they have in common. Below half, the two
 *   differ by more than a lead, a closing paragraph or an editor's line: a roundup that quotes the
 *   article, a flash and the full story, an abridged half.
 * - SAME_SENTENCES: the share of the shorter body in sentences the other has word for word. A re-post
 *   keeps its sentences; articles written from one template (a monthly list of cases, two provinces'
 *   rules) share most shingles and few whole sentences.
 * Chosen on the dev pairs (tests/eval/identity.json from eval-dev, and the dev half of
 * tests/eval/identity-own.json; lib/identity/calibration.test.ts): every same pair scores J ≥ 0.78 and
 * S ≥ 0.78; every different pair is below one of them — the closest, two provinces' rules in
 * near-identical wording, J 0.79 but S 0.27, and two monthly exposures from one template, J 0.48 and
 * S 0.40. The held-out half was not looked at while choosing.
 */
export const SAME_BODY_JACCARD = 0.5;
export const SAME_SENTENCES = 0.6;

/**
 * A stored fingerprint whose MinHash estimate is below this is not worth reading the article for:
 * the estimate's error is about ±0.06, so a body at SAME_BODY_JACCARD estimates above 0.3 all but
 * always (over three standard errors).
 */
export const NEAR_CANDIDATE_ESTIMATE = 0.3;

/** Does this resemblance make the two bodies one article's? */
export function isSameBody(r: Resemblance): boolean {
  return r.jaccard >= SAME_BODY_JACCARD && r.sentences >= SAME_SENTENCES;
}

/** Are these two bodies one article's (the same text, or the same text edited)? Exact, not estimated. */
export function sameBody(a: string | readonly string[], b: string | readonly string[]): boolean {
  return isSameBody(bodyResemblance(a, b));
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

/**
 * Whether the bodies are one article's and how alike they are: exact when both texts are known, the
 * fingerprints' estimate otherwise (no sentences to compare then), null without a body.
 */
function compareBodies(a: BodySource, b: BodySource): { same: boolean; similarity: number } | null {
  const ta = textOf(a);
  const tb = textOf(b);
  if (ta !== null && tb !== null) {
    const r = bodyResemblance(ta, tb);
    return { same: isSameBody(r), similarity: r.jaccard };
  }
  const fa = fingerprintOf(a);
  const fb = fingerprintOf(b);
  if (!fa || !fb) return null;
  const similarity = fingerprintSimilarity(fa, fb);
  return { same: similarity >= SAME_BODY_JACCARD, similarity };
}

const RANK = { both: 3, fingerprint: 2, title: 1 } as const;

/** The corpus entry the candidate is, with how it was recognised; null when it is none of them. */
export function sameArticle(candidate: IdentityCandidate, entries: Iterable<CorpusEntry>): SameArticleMatch | null {
  const key = normalizeTitle(candidate.title);
  let best: SameArticleMatch | null = null;
  for (const entry of entries) {
    const bodies = compareBodies(candidate, entry);
    const similarity = bodies?.similarity ?? null;
    const sameTitle = key !== '' && key === normalizeTitle(entry.title ?? entry.titleNorm ?? '');
    const bodyMatch = bodies?.same ?? false;
    const titleOnly = sameTitle && bodies === null;
    if (!bodyMatch && !titleOnly) continue;
    const match: SameArticleMatch = { id: entry.id, by: bodyMatch ? (sameTitle ? 'both' : 'fingerprint') : 'title', similarity };
    if (!best || RANK[match.by] > RANK[best.by] || (RANK[match.by] === RANK[best.by] && (match.similarity ?? 0) > (best.similarity ?? 0))) {
      best = match;
    }
  }
  return best;
}
