/** Public API of the related-articles index. DOM-free: safe in the background and extension pages. */
export { clearIndex, indexArticle, indexArticles, indexTables, isPolicyText, removeFromIndex, REWEIGH_UP_TO, type IndexableArticle, type IndexEntry } from './index-store';
export { DOC_COUNT_KEY, RECIPE_KEY, type TopicInput } from './layout';
export { RELATED_PARAMS } from './params';
export { POLICY_TOPIC_THRESHOLD, policyTopicScore } from './policy-words';
export { countMentioning, queryRelated, type RelatedHit, type RelatedOptions, type RelatedQuery } from './query';
export { INDEX_FORMAT } from './recipe';
export { termCounts, tokenize } from './tokenize';
