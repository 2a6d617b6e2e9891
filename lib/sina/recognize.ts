/**
 * Confirms from the page itself that an article-looking URL really holds an article. Sina serves
 * its 404 page, video pages and topic lists under `doc-i…` URLs too; the lens must stay out of those.
 *
 * Three outcomes, because a page can be an article whose body has not arrived yet:
 *   article  — title, article markers and a body with text are all there;
 *   pending  — everything says article but the body is missing or empty: wait (wait-for-body.ts), then ask again;
 *   refused  — not an article, with the reason.
 */
import { bodyTextLength, DATE_SELECTORS, findBody, first, meta, MIN_BODY_TEXT, squash, TITLE_SELECTORS, type PageLayout } from './markup';

export type RefusalReason =
  /** Sina's "页面没有找到" page or another error page. */
  | 'error-page'
  /** `og:type` says video, website, … — anything but a news article. */
  | 'not-news'
  /** No article heading (`h1.main-title`, `h1.art_tit_h1`, `h1#artibodyTitle`). */
  | 'no-title'
  /** Neither article meta tags nor a visible publication time. */
  | 'no-article-markers';

export type PendingReason = 'body-missing' | 'body-empty';

export type Recognition =
  | { status: 'article'; layout: PageLayout }
  | { status: 'pending'; reason: PendingReason; layout?: PageLayout }
  | { status: 'refused'; reason: RefusalReason; detail?: string };

const ERROR_TITLES = /页面没有找到|页面不存在|404 Not Found|^404$|访问的页面不存在/i;
const ARTICLE_OG_TYPES = new Set(['news', 'article']);

export function recognizeArticlePage(doc: Document): Recognition {
  const title = squash(doc.title);
  if (ERROR_TITLES.test(title)) return { status: 'refused', reason: 'error-page', detail: title };

  const ogType = meta(doc, 'property', 'og:type')?.toLowerCase();
  // Old templates may carry no og:type at all; only a present, different type refuses.
  if (ogType && !ARTICLE_OG_TYPES.has(ogType)) return { status: 'refused', reason: 'not-news', detail: `og:type=${ogType}` };

  const heading = first(doc, TITLE_SELECTORS);
  if (!heading || !squash(heading.textContent)) return { status: 'refused', reason: 'no-title' };

  if (!hasArticleMarkers(doc)) return { status: 'refused', reason: 'no-article-markers' };

  const body = findBody(doc);
  if (!body) return { status: 'pending', reason: 'body-missing' };
  if (bodyTextLength(body.el) < MIN_BODY_TEXT) return { status: 'pending', reason: 'body-empty', layout: body.layout };
  return { status: 'article', layout: body.layout };
}

/** True only for a complete article page (a pending one answers false). */
export function confirmArticlePage(doc: Document): boolean {
  return recognizeArticlePage(doc).status === 'article';
}

function hasArticleMarkers(doc: Document): boolean {
  return Boolean(
    meta(doc, 'property', 'article:published_time') ||
      meta(doc, 'name', 'weibo: article:create_at') ||
      meta(doc, 'name', 'publishid') ||
      meta(doc, 'name', 'comment')?.includes('comos-') ||
      first(doc, DATE_SELECTORS)?.textContent?.trim(),
  );
}
