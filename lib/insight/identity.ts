/**
 * Is the article on this page already in the corpus? Asked of IndexedDB's indexes, never by scanning:
 * the Sina key (a URL seen before), then the normalised title (seed titles had quotes replaced by `_`),
 * then the body fingerprint (same text under a changed title or markup). A title match also needs the
 * bodies to agree, so two different articles that share a headline are not merged.
 */
import type { Article } from '../corpus/article';
import type { LensDB, StoredArticle } from '../db/schema';
import { bodyFingerprint, fingerprintsMatch } from '../identity';

export type IdentityMatch = { article: StoredArticle; by: 'key' | 'title' | 'fingerprint' };

export async function findSameArticle(db: LensDB, candidate: Article): Promise<IdentityMatch | null> {
  if (candidate.key) {
    const byKey = await db.articles.where('key').equals(candidate.key).first();
    if (byKey) return { article: byKey, by: 'key' };
  }
  const fingerprint = bodyFingerprint(candidate.text);
  const byTitle = await db.articles.where('titleNorm').equals(candidate.titleNorm).toArray();
  const titled = byTitle.find((a) => fingerprintsMatch(a.fingerprint ?? bodyFingerprint(a.text), fingerprint));
  if (titled) return { article: titled, by: 'title' };
  const byFingerprint = await db.articles.where('fingerprint').equals(fingerprint).first();
  if (byFingerprint) return { article: byFingerprint, by: 'fingerprint' };
  return null;
}
