/**
 * Node-side analysis of a saved Sina page, for `npm run lens -- analyze page.html --url URL --json`:
 * the same recognition and extraction the content script runs, on linkedom's DOM instead of a browser's,
 * with the same extraction fallback (Readability) for a page whose meta tags declare an article but
 * whose body no known template holds.
 */
import { DOMParser } from 'linkedom';
import { extractArticle, type ExtractedArticle } from '../../lib/sina/extract';
import { readWithReadability } from '../../lib/sina/readability-fallback';
import { recognizeArticlePage, type Recognition } from '../../lib/sina/recognize';
import { parseArticleUrl } from '../../lib/sina/url';

export type PageAnalysis =
  | ({ recognized: true; recognition: Recognition } & ExtractedArticle)
  | { recognized: false; reason: string; recognition?: Recognition; key?: string };

export function analyzePage(html: string, url: string): PageAnalysis {
  const parsedUrl = parseArticleUrl(url);
  if (!parsedUrl) return { recognized: false, reason: 'url-not-article' };
  const doc = new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  const recognition = recognizeArticlePage(doc);
  if (recognition.status === 'refused') return { recognized: false, reason: recognition.reason, recognition, key: parsedUrl.key };
  // A saved page never gets its late body: "pending" is final here, and the fallback reads it if its
  // meta tags say it is an article, as the content script does after its wait.
  if (recognition.status === 'pending' && !recognition.fallbackAllowed) {
    return { recognized: false, reason: recognition.reason, recognition, key: parsedUrl.key };
  }
  const article = extractArticle(doc, url, recognition.status === 'pending' ? readWithReadability : undefined);
  if (!article) return { recognized: false, reason: 'no-key', recognition };
  if (article.bodyFrom === 'none' || (!article.paragraphs.length && !article.images.length && !article.videos.length)) {
    return { recognized: false, reason: 'fallback-found-nothing', recognition, key: parsedUrl.key };
  }
  return { recognized: true, recognition, ...article };
}
