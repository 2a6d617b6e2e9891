/**
 * The related index's entries in the `meta` table. Kept apart from the index code so that the schema
 * upgrade (lib/db/schema.ts) can name them without pulling the index into every page's bundle.
 */

/** N, the number of indexed articles, for IDF. */
export const DOC_COUNT_KEY = 'related.docCount';
/** N when every article was last re-weighed (see index-store.ts, "Weights and IDF drift"). */
export const WEIGHED_AT_KEY = 'related.weighedAt';
/**
 * What the index was built with (index format and measure catalogue, see lib/insight/index-queue.ts):
 * when it differs from the running code's, the index is emptied and rebuilt from the stored articles.
 */
export const RECIPE_KEY = 'related.recipe';

export const RELATED_META_KEYS = [DOC_COUNT_KEY, WEIGHED_AT_KEY, RECIPE_KEY] as const;
