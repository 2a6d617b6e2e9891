/**
 * Where the injected fallback file leaves the fallback for the content script: a property of the
 * isolated world's global object, which the page's own scripts never see (they live in another world).
 */
export const FALLBACK_GLOBAL = '__policyLensExtractionFallback';
