/** Public API of the related-articles index. DOM-free: safe in the background and extension pages. */
export { clearIndex, indexArticle, indexArticles, indexTables, removeFromIndex, REWEIGH_UP_TO } from './index-store';
export { DOC_COUNT_KEY, isPolicyText, RECIPE_KEY, type IndexableArticle, type IndexEntry, type TopicInput } from './layout';
export { RELATED_PARAMS } from './params';
export { POLICY_TOPIC_THRESHOLD, policyTopicScore } from './policy-words';
export { countMentioning, queryRelated, type RelatedHit, type RelatedOptions, type RelatedQuery } from './query';
export { INDEX_FORMAT } from './recipe';
export { termCounts, tokenize } from './tokenize';
