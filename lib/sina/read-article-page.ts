/**
 * The whole page-side sequence for the content script, in one call: URL check, page check, a bounded
 * wait when the body arrives late, then extraction — by Sina's own markup, or, when the page's meta
 * tags say it is an article but no known template holds its body, by the extraction fallback, loaded
 * only then.
 */
import { extractArticle, type ExtractedArticle, type ExtractionFallback } from './extract';
import { locateLiveBody } from './locate-body';
import { rememberLocatedBody } from './markup';
import { recognizeArticlePage, type PendingReason, type RefusalReason } from './recognize';
import { parseArticleUrl } from './url';
import { waitForBody, type WaitForBodyOptions } from './wait-for-body';

export type ReadOptions = WaitForBodyOptions & {
  /**
   * Gives the extraction fallback when a page needs it (the content script has it injected on demand,
   * Node passes Readability directly); null when it cannot be had.
   */
  loadFallback?: () => Promise<ExtractionFallback | null>;
  /**
   * How long to wait for a body element that is not on the page at all before reading the page with
   * the fallback (default 2 000 ms). A known body that is there but empty gets the full `timeoutMs`.
   */
  missingTimeoutMs?: number;
};

export type ReadResult =
  | { ok: true; article: ExtractedArticle; waited: boolean }
  | { ok: false; reason: RefusalReason | PendingReason | 'url-not-article' | 'no-key' | 'fallback-found-nothing' };

export async function readArticlePage(doc: Document, url: string, options: ReadOptions = {}): Promise<ReadResult> {
  if (!parseArticleUrl(url)) return { ok: false, reason: 'url-not-article' };
  let recognition = recognizeArticlePage(doc);
  let waited = false;
  if (recognition.status === 'pending') {
    waited = true;
    const timeoutMs = recognition.reason === 'body-missing' ? (options.missingTimeoutMs ?? 2_000) : options.timeoutMs;
    await waitForBody(doc, { ...options, ...(timeoutMs !== undefined && { timeoutMs }) });
    recognition = recognizeArticlePage(doc);
  }
  if (recognition.status === 'article') {
    const article = extractArticle(doc, url);
    return article ? { ok: true, article, waited } : { ok: false, reason: 'no-key' };
  }
  if (recognition.status === 'refused') return { ok: false, reason: recognition.reason };

  // Still pending: the page says it is an article, but no known body ever held anything.
  if (!recognition.fallbackAllowed || options.signal?.aborted) return { ok: false, reason: recognition.reason };
  const fallback = await options.loadFallback?.();
  if (!fallback) return { ok: false, reason: recognition.reason };
  const article = extractArticle(doc, url, fallback);
  if (!article) return { ok: false, reason: 'no-key' };
  if (article.bodyFrom !== 'readability' || (!article.paragraphs.length && !article.images.length && !article.videos.length)) {
    return { ok: false, reason: 'fallback-found-nothing' };
  }
  const live = locateLiveBody(doc, article.paragraphs);
  if (live) rememberLocatedBody(doc, live);
  return { ok: true, article, waited };
}
