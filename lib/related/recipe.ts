/**
 * INDEX_FORMAT names everything that decides what the index stores for an article: the tokenizer and
 * stop list, the key-term count, the weights, the policy words. lib/insight/index-queue.ts rebuilds
 * the index from the stored articles when it changes, so a new release never ranks with weights made
 * by an old one. Constants are hashed in; a change to the code that uses them bumps TOKENIZER.
 */
import { fnv1a64 } from '../text/hash';
import { RELATED_PARAMS } from './params';
import { POLICY_TOPIC_THRESHOLD, POLICY_WORDS } from './policy-words';
import { STOP_BIGRAMS } from './stop-terms';

/** Bump on any change to tokenize.ts, normalize.ts, or how layout.ts counts or weights.ts weighs. */
const TOKENIZER = 3;

/** What the index stores depends on these; the score weights and the query budget only change how it is read. */
const { keyTerms, titleWeight, breadth } = RELATED_PARAMS;

export const INDEX_FORMAT = `4.${TOKENIZER}.${fnv1a64(
  JSON.stringify({ keyTerms, titleWeight, breadth, policy: POLICY_TOPIC_THRESHOLD, stop: [...STOP_BIGRAMS], words: POLICY_WORDS }),
)}`;
