/**
 * Where each field sits in each Sina article template, in one place so recognition, extraction and
 * waiting agree. The templates, and where knowledge of each comes from, are listed in
 * lib/sina/TEMPLATES.md. Order matters within each list: the most specific selector first.
 */
export type PageLayout = 'desktop' | 'mobile' | 'old';

/**
 * The article body of each template:
 * - `div.article#artibody`: finance (2014 on), tech, health, 头条 (cj.sina.com.cn), and the 2014–2017
 *   news template (`div.article.article_16#artibody`);
 * - `div.article#article`: news.sina.com.cn from 2017 (the `/c/` pages) and 看点 (k.sina.com.cn);
 * - `section.art_content` (`section.art_pic_card.art_content` with `p.art_p`): finance.sina.cn and news.sina.cn;
 * - `.blkContainerSblkCon#artibody`: the 2012-era desktop template; bare `#artibody` last.
 */
export const BODY_SELECTORS: readonly [string, PageLayout][] = [
  ['div.article#artibody', 'desktop'],
  ['div.article#article', 'desktop'],
  ['section.art_pic_card.art_content', 'mobile'],
  ['section.art_content', 'mobile'],
  ['.blkContainerSblkCon#artibody', 'old'],
  ['#artibody', 'old'],
];

/**
 * Sina's app promos inside the body (`.appendQr_wrap`, `.app-kaihu-qr`), re-rendered with different
 * copy from visit to visit: never article text, for the corpus cleaner and for highlights alike.
 */
export const PROMO_CLASSES = ['appendQr_wrap', 'app-kaihu-qr'] as const;

/** The editor line (责任编辑) on finance pages; news.sina.com.cn and k.sina.com.cn write it as `p.show_author`. */
export const FINANCE_EDITOR_CLASS = 'article-editor';
export const EDITOR_CLASSES = [FINANCE_EDITOR_CLASS, 'show_author'] as const;

/**
 * Other boxes inside the body that are never text: the tech channel's stock quotes, the mobile pages'
 * follow-on-weibo and "more in the app" boxes, and the video slot (a player filled by script).
 */
export const NOT_TEXT_BOX_CLASSES = ['tech-quotation', 'weibo_info', 'look_sub', 'j_article_wbreco', 'art_video_box'] as const;

/**
 * The heading: `h1.main-title` (2017 on, every desktop host), `h1.art_tit_h1` (mobile),
 * `h1#artibodyTitle` (2012–2017 finance and news), `h1#main_title` (tech before 2017).
 */
export const TITLE_SELECTORS = ['h1.main-title', 'h1.art_tit_h1', 'h1#artibodyTitle', 'h1#main_title'];

/**
 * Visible publication time: `2021年06月04日 20:30` (desktop, old), `2021-06-04 20:30` or
 * `2018.05.09 12:52:37` (mobile). `#navtimeSource` and `.time-source` (2014–2017) hold the time and then
 * the source in one line; the time comes first, which is all toBeijingIso reads.
 */
export const DATE_SELECTORS = [
  '.date-source .date',
  'span#pub_date',
  'span#navtimeSource',
  '.page-info .time-source',
  '.time-source',
  'time.art_time',
  'time.weibo_time',
  '.date-source .time',
];

/**
 * 来源: `.date-source .source` (a link or a span), the 看点 author link, the 2014–2017 `media_name`
 * span inside the time line, the 2012 `span#media_name`, mobile `cite.art_cite` and `h2.weibo_user`.
 */
export const SOURCE_SELECTORS = [
  '.date-source .source',
  '.date-source .author a',
  '.date-source .author',
  '[data-sudaclick="media_name"] a',
  '[data-sudaclick="media_name"]',
  'span#media_name a',
  'span#media_name',
  'cite.art_cite',
  'h2.weibo_user',
];

/**
 * What makes a body with little text still an article: an image (一图看懂), a `<video>`, or Sina's
 * video player slot (`.art_video_box` / `figure.art_video` on mobile pages, filled by script).
 */
export const MEDIA_SELECTOR = 'img[src], img[data-src], video, .art_video_box, figure.art_video, [data-videotype]';

export function first(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const s of selectors) {
    const el = root.querySelector(s);
    if (el) return el;
  }
  return null;
}

/**
 * Bodies found by the extraction fallback (Readability on a clone) have no selector; the content script
 * remembers the live element it located, so highlighting and "scroll to this measure" find it too. Kept
 * in this script's own memory, never marked on the page.
 */
const locatedBodies = new WeakMap<Document, Element>();

export function rememberLocatedBody(doc: Document, el: Element): void {
  locatedBodies.set(doc, el);
}

export function findBody(root: ParentNode): { el: Element; layout: PageLayout | 'unknown' } | null {
  for (const [s, layout] of BODY_SELECTORS) {
    const el = root.querySelector(s);
    if (el) return { el, layout };
  }
  const located = locatedBodies.get(root as Document);
  return located?.isConnected ? { el: located, layout: 'unknown' } : null;
}

export function meta(doc: Document, attr: 'name' | 'property', key: string): string | null {
  // Attribute selectors with a quoted value cope with names like `weibo: article:create_at`.
  const el = doc.querySelector(`meta[${attr}="${key}"]`);
  const v = el?.getAttribute('content')?.trim();
  return v ? v : null;
}

export function allMeta(doc: Document, attr: 'name' | 'property', key: string): string[] {
  return [...doc.querySelectorAll(`meta[${attr}="${key}"]`)].map((el) => el.getAttribute('content')?.trim() ?? '').filter(Boolean);
}

/** Text with whitespace (including the full-width space) collapsed and trimmed. */
export function squash(s: string | null | undefined): string {
  return (s ?? '').replace(/[\s\u3000]+/g, ' ').trim();
}

/** Enough body text to call it an article and not a placeholder ("加载中…"). */
export const MIN_BODY_TEXT = 40;

export function bodyTextLength(el: Element): number {
  return squash(el.textContent).length;
}

/** The body holds an image or a video: an image or video post, whatever its text. */
export function hasMedia(el: Element): boolean {
  return el.querySelector(MEDIA_SELECTOR) !== null;
}

/** A body that has arrived: enough text, or the media of an image or video post. */
export function bodyArrived(el: Element, minText = MIN_BODY_TEXT): boolean {
  return bodyTextLength(el) >= minText || hasMedia(el);
}
