/** Public API of article identity: body fingerprints and same-article recognition. DOM-free, pure. */
export { bodyFingerprint, fingerprintSimilarity, fingerprintsMatch, SAME_BODY_THRESHOLD } from './fingerprint';
export { bodyResemblance, type Resemblance } from './resemblance';
export {
  sameArticle,
  sameBody,
  SAME_BODY_JACCARD,
  TITLE_BODY_AGREEMENT,
  type CorpusEntry,
  type IdentityCandidate,
  type SameArticleMatch,
} from './same-article';
