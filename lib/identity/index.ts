/** Public API of article identity: body fingerprints and same-article recognition. DOM-free, pure. */
export { bodyFingerprint, fingerprintBands, fingerprintSimilarity, fingerprintsMatch, SAME_BODY_THRESHOLD } from './fingerprint';
export { bodyResemblance, type Resemblance } from './resemblance';
export {
  sameArticle,
  isSameBody,
  sameBody,
  SAME_BODY_JACCARD,
  SAME_SENTENCES,
  NEAR_CANDIDATE_ESTIMATE,
  type CorpusEntry,
  type IdentityCandidate,
  type SameArticleMatch,
} from './same-article';
