/**
 * INDEX_FORMAT names everything that decides what the index stores for an article: the tokenizer and
 * stop list, the key-term count, the weights, the policy words. lib/insight/index-queue.ts rebuilds
 * the index from the stored articles when it changes, so a new release never ranks with weights made
 * by an old one. Constants are hashed in; a change to the code that uses them bumps TOKENIZER.
 */
import { fnv1a64 } from '../text/hash';
import { CATEGORY_WEIGHT, TOPIC_BM25 } from './layout';
import { POLICY_WORDS } from './policy-words';
import { STOP_BIGRAMS } from './stop-terms';
import { KEY_TERMS, TEXT_BM25, TITLE_WEIGHT } from './weights';

/** Bump on any change to tokenize.ts, normalize.ts or how layout.ts counts and weighs. */
const TOKENIZER = 1;

export const INDEX_FORMAT = `4.${TOKENIZER}.${fnv1a64(
  JSON.stringify({ KEY_TERMS, TITLE_WEIGHT, TEXT_BM25, TOPIC_BM25, CATEGORY_WEIGHT, stop: [...STOP_BIGRAMS], words: POLICY_WORDS }),
)}`;
