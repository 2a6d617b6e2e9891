/** Public API of the related-articles index. DOM-free: safe in the background and extension pages. */
export { clearIndex, indexArticle, indexArticles, removeFromIndex, REWEIGH_UP_TO, type IndexableArticle, type IndexEntry } from './index-store';
export { DOC_COUNT_KEY } from './layout';
export { countMentioning, queryRelated, QUERY_CANDIDATE_TERMS, SCORE_WEIGHTS, type RelatedHit, type RelatedOptions, type RelatedQuery } from './query';
export { termCounts, tokenize } from './tokenize';
export { TOP_TERMS } from './vector';
