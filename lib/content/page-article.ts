/** What the content script sends the background: the extracted article, trimmed to the contract. */
import { articleTextLength, MAX_PARAGRAPHS, MAX_TEXT } from '../messages/content-request';
import type { PageArticle } from '../messages/contract';
import type { ExtractedArticle } from '../sina/extract';

export function toPageArticle(a: ExtractedArticle): PageArticle {
  return {
    key: a.key,
    id: a.id,
    url: a.url,
    mobileUrl: a.mobileUrl,
    title: a.title,
    publishedAt: a.publishedAt,
    source: a.source,
    editor: a.editor,
    originalTitle: a.originalTitle,
    paragraphs: a.paragraphs,
  };
}

/**
 * Whether the article is beyond what the background analyses (lib/messages/contract.ts): checked here
 * so the reader gets a plain reason and megabytes are not sent only to be refused.
 */
export function isTooLarge(a: Pick<ExtractedArticle, 'paragraphs'>): boolean {
  return a.paragraphs.length > MAX_PARAGRAPHS || articleTextLength(a.paragraphs) > MAX_TEXT;
}
