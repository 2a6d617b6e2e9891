/**
 * Is the article on this page already in the corpus? Asked of IndexedDB's indexes: the Sina key (a
 * URL seen before), then the normalised title (seed titles had quotes replaced by `_`), then the body
 * fingerprint (the same text under another headline or markup), then a near-duplicate of the body
 * among the articles published within days of it (re-published under another headline with a lead
 * paragraph added or dropped, lightly edited).
 * Except for the key, the body decides (lib/identity sameBody): a title match whose body is another
 * article's is no match, so two articles that share a headline are never merged.
 */
import type { Article } from '../corpus/article';
import type { LensDB, StoredArticle } from '../db/schema';
import { bodyFingerprint, bodyResemblance, fingerprintSimilarity, isSameBody, NEAR_CANDIDATE_ESTIMATE } from './';

export type IdentityMatch = { article: StoredArticle; by: 'key' | 'title' | 'fingerprint' };

export async function findSameArticle(db: LensDB, candidate: Article): Promise<IdentityMatch | null> {
  if (candidate.key) {
    const byKey = await db.articles.where('key').equals(candidate.key).first();
    if (byKey) return { article: byKey, by: 'key' };
  }
  const byTitle = await db.articles.where('titleNorm').equals(candidate.titleNorm).toArray();
  const titled = closest(candidate, byTitle);
  if (titled) return { article: titled, by: 'title' };
  const fingerprint = bodyFingerprint(candidate.text);
  const identical = await db.articles.where('fingerprint').equals(fingerprint).first();
  if (identical) return { article: identical, by: 'fingerprint' };
  const near = closest(candidate, await nearDuplicateCandidates(db, candidate, fingerprint));
  if (near) return { article: near, by: 'fingerprint' };
  return null;
}

/** The stored article whose body is most like the candidate's, if any is the same article's. */
function closest(candidate: Article, stored: readonly (StoredArticle | undefined)[]): StoredArticle | null {
  let best: StoredArticle | null = null;
  let bestScore = -1;
  for (const article of stored) {
    if (!article) continue;
    const resemblance = bodyResemblance(candidate.text, article.text);
    // Ties keep the first (index order), as copies of one text are equally the article.
    if (isSameBody(resemblance) && resemblance.jaccard > bestScore) {
      best = article;
      bestScore = resemblance.jaccard;
    }
  }
  return best;
}

/**
 * How far apart in publication time a re-post may be and still be looked for by its body alone.
 * Re-posts under a new headline come minutes to hours apart; a day either side of a weekend is
 * three. An identical copy is found at any date (the fingerprint index), and a same-titled one too.
 */
export const NEAR_WINDOW_MS = 3 * 24 * 3600_000;
/** At most this many articles of the window are compared (a window is ~30 in a 10,000-article corpus). */
export const NEAR_WINDOW_LIMIT = 400;

/**
 * Stored articles published near the candidate whose fingerprint estimates a resemblance worth
 * checking exactly. One read of the date index's range: IndexedDB has no index that finds
 * near-duplicates at any date, and reading every fingerprint (a key cursor over the fingerprint
 * index) took 0.5–1.7 s for 10,000 articles in Chromium on the 2-core test machine. A multi-entry
 * index of the sketch's LSH bands (lib/identity fingerprintBands) would lift the window; it needs a
 * schema version.
 */
export async function nearDuplicateCandidates(db: LensDB, candidate: Pick<Article, 'date'>, fingerprint: string): Promise<StoredArticle[]> {
  const at = Date.parse(candidate.date);
  if (!Number.isFinite(at)) return [];
  const from = new Date(at - NEAR_WINDOW_MS).toISOString();
  const to = new Date(at + NEAR_WINDOW_MS).toISOString();
  const window = await db.articles.where('date').between(from, to, true, true).limit(NEAR_WINDOW_LIMIT).toArray();
  return window.filter((a) => fingerprintSimilarity(a.fingerprint ?? bodyFingerprint(a.text), fingerprint) >= NEAR_CANDIDATE_ESTIMATE);
}
