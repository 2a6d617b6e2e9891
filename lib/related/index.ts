/** Public API of the related-articles index. DOM-free: safe in the background and extension pages. */
export { clearIndex, indexArticle, indexArticles, indexTables, removeFromIndex, type IndexableArticle, type IndexEntry } from './index-store';
export { DOC_COUNT_KEY, RECIPE_KEY, type TopicInput } from './layout';
export { countMentioning, queryRelated, SCORE_WEIGHTS, type RelatedHit, type RelatedOptions, type RelatedQuery } from './query';
export { termCounts, tokenize } from './tokenize';
export { INDEX_FORMAT } from './recipe';
export { KEY_TERMS } from './weights';
