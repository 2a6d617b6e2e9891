/** What the content script sends the background: the extracted article, trimmed to the contract. */
import { hasNoBodyText } from '../../corpus/media-post';
import { articleTextLength, MAX_PARAGRAPHS, MAX_TEXT } from '../../messages/content-request';
import type { PageArticle } from '../../messages/contract';
import type { ExtractedArticle } from '../../sina/extract';
import type { ArticleSummary } from '../../messages/tab-state';

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
    ...(a.images.length ? { images: a.images.slice(0, 200) } : {}),
    ...(a.videos.length ? { videos: a.videos.slice(0, 50) } : {}),
    ...(a.bodyFrom === 'readability' ? { readBy: 'fallback' as const } : {}),
  };
}

/**
 * Whether the article is beyond what the background analyses (lib/messages/contract.ts): checked here
 * so the reader gets a plain reason and megabytes are not sent only to be refused.
 */
export function isTooLarge(a: Pick<ExtractedArticle, 'paragraphs'>): boolean {
  return a.paragraphs.length > MAX_PARAGRAPHS || articleTextLength(a.paragraphs) > MAX_TEXT;
}

/** What the panel says about how the article was read: by the fallback, and whether it has body text. */
export function extractionNotes(
  a: Pick<ExtractedArticle, 'bodyFrom' | 'paragraphs' | 'images' | 'videos'>,
): Pick<ArticleSummary, 'readBy' | 'noBodyText'> {
  return {
    ...(a.bodyFrom === 'readability' ? { readBy: 'fallback' as const } : {}),
    ...(hasNoBodyText({ text: a.paragraphs.join('\n'), images: a.images, videos: a.videos }) ? { noBodyText: true as const } : {}),
  };
}
