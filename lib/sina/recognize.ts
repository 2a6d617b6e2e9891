/**
 * Confirms from the page itself that an article-looking URL really holds an article. Sina serves
 * its 404 page, video pages and topic lists under `doc-i…` URLs too; the lens must stay out of those.
 *
 * Three outcomes, because a page can be an article whose body has not arrived yet:
 *   article  — title, article markers and a body with text (or the media of an image or video post);
 *   pending  — everything says article but no known body holds anything yet: wait (wait-for-body.ts),
 *              then ask again; when no known body element is there at all (a template this module
 *              does not know), the page's own meta tags decide whether the extraction fallback may
 *              read it (`fallbackAllowed`);
 *   refused  — not an article, with the reason.
 */
import { bodyArrived, DATE_SELECTORS, findBody, first, meta, squash, TITLE_SELECTORS, type PageLayout } from './markup';

export type RefusalReason =
  /** Sina's "页面没有找到" page or another error page. */
  | 'error-page'
  /** `og:type` says video, website, … — anything but a news article. */
  | 'not-news'
  /** No article heading: none of Sina's, no `og:title`, no single `<h1>`. */
  | 'no-title'
  /** Neither article meta tags nor a visible publication time. */
  | 'no-article-markers';

export type PendingReason = 'body-missing' | 'body-empty';

export type Recognition =
  | { status: 'article'; layout: PageLayout }
  | { status: 'pending'; reason: PendingReason; layout?: PageLayout; fallbackAllowed: boolean }
  | { status: 'refused'; reason: RefusalReason; detail?: string };

const ERROR_TITLES = /页面没有找到|页面不存在|404 Not Found|^404$|访问的页面不存在/i;
const ARTICLE_OG_TYPES = new Set(['news', 'article']);

export function recognizeArticlePage(doc: Document): Recognition {
  const title = squash(doc.title);
  if (ERROR_TITLES.test(title)) return { status: 'refused', reason: 'error-page', detail: title };

  const ogType = meta(doc, 'property', 'og:type')?.toLowerCase();
  // Old templates may carry no og:type at all; only a present, different type refuses.
  if (ogType && !ARTICLE_OG_TYPES.has(ogType)) return { status: 'refused', reason: 'not-news', detail: `og:type=${ogType}` };

  const declared = declaresArticle(doc);
  if (!articleHeading(doc, declared)) return { status: 'refused', reason: 'no-title' };
  if (!declared && !first(doc, DATE_SELECTORS)?.textContent?.trim()) return { status: 'refused', reason: 'no-article-markers' };

  const body = findBody(doc);
  // A body the fallback located is not one of Sina's: recognition answers for Sina's markup only.
  if (!body || body.layout === 'unknown') return { status: 'pending', reason: 'body-missing', fallbackAllowed: declared };
  // A known body that stays empty is a page still loading (or broken), not an unknown template: the
  // fallback would only read the page's lists and widgets.
  if (!bodyArrived(body.el)) return { status: 'pending', reason: 'body-empty', layout: body.layout, fallbackAllowed: false };
  return { status: 'article', layout: body.layout };
}

/** True only for a complete article page (a pending one answers false). */
export function confirmArticlePage(doc: Document): boolean {
  return recognizeArticlePage(doc).status === 'article';
}

/**
 * The page's own meta tags say it is an article: `og:type` news/article, `article:published_time`,
 * the weibo `create_at`, `publishid`, or a comos comment id. A visible date alone is not enough to let
 * the fallback read a page whose body no known template holds.
 */
export function declaresArticle(doc: Document): boolean {
  const ogType = meta(doc, 'property', 'og:type')?.toLowerCase();
  return Boolean(
    (ogType && ARTICLE_OG_TYPES.has(ogType)) ||
    meta(doc, 'property', 'article:published_time') ||
    meta(doc, 'name', 'weibo: article:create_at') ||
    meta(doc, 'name', 'publishid') ||
    meta(doc, 'name', 'comment')?.includes('comos-'),
  );
}

/**
 * The article's heading: one of Sina's, or — when the meta tags declare an article — its `og:title`
 * or the page's only `<h1>` (a template this module does not know yet still names its article).
 */
export function articleHeading(doc: Document, declared = declaresArticle(doc)): string {
  const sina = squash(first(doc, TITLE_SELECTORS)?.textContent);
  if (sina || !declared) return sina;
  const h1s = doc.querySelectorAll('h1');
  const only = h1s.length === 1 ? squash(h1s[0]!.textContent) : '';
  return only || squash(meta(doc, 'property', 'og:title'));
}
