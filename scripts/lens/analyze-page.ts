/**
 * Node-side analysis of a saved Sina page, for `npm run lens -- analyze page.html --url URL --json`:
 * the same recognition and extraction the content script runs, on linkedom's DOM instead of a browser's.
 */
import { DOMParser } from 'linkedom';
import { extractArticle, type ExtractedArticle } from '../../lib/sina/extract';
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
  // A saved page never gets its late body: "pending" is final here.
  if (recognition.status !== 'article') {
    return { recognized: false, reason: recognition.reason, recognition, key: parsedUrl.key };
  }
  const article = extractArticle(doc, url);
  if (!article) return { recognized: false, reason: 'no-key', recognition };
  return { recognized: true, recognition, ...article };
}
