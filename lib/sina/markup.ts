/**
 * Where each field sits in each Sina template, in one place so recognition, extraction and
 * waiting agree. Order matters: the current desktop template first, then mobile, then the
 * 2012-era desktop template.
 */
export type PageLayout = 'desktop' | 'mobile' | 'old';

export const BODY_SELECTORS: readonly [string, PageLayout][] = [
  ['div.article#artibody', 'desktop'],
  ['section.art_pic_card.art_content', 'mobile'],
  ['section.art_content', 'mobile'],
  ['.blkContainerSblkCon#artibody', 'old'],
  ['#artibody', 'old'],
];

export const TITLE_SELECTORS = ['h1.main-title', 'h1.art_tit_h1', 'h1#artibodyTitle'];

/** Visible publication time: `2021年06月04日 20:30` (desktop, old) or `2021-06-04 20:30` (mobile). */
export const DATE_SELECTORS = ['.date-source .date', 'span#pub_date', 'time.art_time', 'time.weibo_time', '.date-source .time'];

export const SOURCE_SELECTORS = ['.date-source .source', 'span#media_name a', 'span#media_name', 'cite.art_cite', 'h2.weibo_user'];

export function first(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const s of selectors) {
    const el = root.querySelector(s);
    if (el) return el;
  }
  return null;
}

export function findBody(root: ParentNode): { el: Element; layout: PageLayout } | null {
  for (const [s, layout] of BODY_SELECTORS) {
    const el = root.querySelector(s);
    if (el) return { el, layout };
  }
  return null;
}

export function meta(doc: Document, attr: 'name' | 'property', key: string): string | null {
  // Attribute selectors with a quoted value cope with names like `weibo: article:create_at`.
  const el = doc.querySelector(`meta[${attr}="${key}"]`);
  const v = el?.getAttribute('content')?.trim();
  return v ? v : null;
}

export function allMeta(doc: Document, attr: 'name' | 'property', key: string): string[] {
  return [...doc.querySelectorAll(`meta[${attr}="${key}"]`)]
    .map((el) => el.getAttribute('content')?.trim() ?? '')
    .filter(Boolean);
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
