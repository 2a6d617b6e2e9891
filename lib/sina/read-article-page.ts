/**
 * The whole page-side sequence for the content script, in one call: URL check, page check,
 * a bounded wait when the body arrives late, then extraction.
 */
import { extractArticle, type ExtractedArticle } from './extract';
import { recognizeArticlePage, type PendingReason, type RefusalReason } from './recognize';
import { parseArticleUrl } from './url';
import { waitForBody, type WaitForBodyOptions } from './wait-for-body';

export type ReadResult =
  | { ok: true; article: ExtractedArticle; waited: boolean }
  | { ok: false; reason: RefusalReason | PendingReason | 'url-not-article' | 'no-key' };

export async function readArticlePage(doc: Document, url: string, options: WaitForBodyOptions = {}): Promise<ReadResult> {
  if (!parseArticleUrl(url)) return { ok: false, reason: 'url-not-article' };
  let recognition = recognizeArticlePage(doc);
  let waited = false;
  if (recognition.status === 'pending') {
    waited = true;
    await waitForBody(doc, options);
    recognition = recognizeArticlePage(doc);
  }
  // Still pending after the wait: the body never came, and an empty article helps nobody.
  if (recognition.status !== 'article') return { ok: false, reason: recognition.reason };
  const article = extractArticle(doc, url);
  return article ? { ok: true, article, waited } : { ok: false, reason: 'no-key' };
}
