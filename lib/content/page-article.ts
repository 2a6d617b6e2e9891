/** What the content script sends the background: the extracted article, trimmed to the contract. */
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
