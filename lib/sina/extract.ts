/**
 * Extracts one article from a Sina page: identity (key, canonical URLs), heading fields and the
 * body paragraphs. Sina's own markup is read first because it is exact (the heading, the 来源, the
 * Beijing time, `#artibody`); the fallback (Readability, lib/sina/readability-fallback.ts) runs only
 * when no Sina body holds anything, and only when the caller passes it: the content script loads it
 * on demand (lib/contexts/sina-page/fallback.ts), so the script every article page evaluates stays small.
 *
 * Paragraphs come from `cleanBody` (lib/corpus), the same function that cleans seed bodies, so a
 * page and its corpus record give equal text.
 */
import { cleanBody, type CleanBody } from '../corpus/clean-body';
import { toBeijingIso } from './beijing-time';
import { allMeta, bodyArrived, DATE_SELECTORS, findBody, first, meta, SOURCE_SELECTORS, squash, type PageLayout } from './markup';
import { articleHeading } from './recognize';
import { parseArticleUrl, type ArticleUrl } from './url';

/** What the extraction fallback found on a clone of the page: the article's content, and what else it read. */
export type FallbackReading = { content: ParentNode; title?: string | null; publishedTime?: string | null };
/** Reads the article out of a page whose body no known template holds; must leave `doc` untouched. */
export type ExtractionFallback = (doc: Document) => FallbackReading | null;

export type ExtractedArticle = {
  /** `sina:<id>` — equal for the desktop and mobile pages of one article. */
  key: string;
  id: string;
  /** Canonical desktop URL (https, no query); a mobile URL only when no desktop one is known. */
  url: string;
  mobileUrl: string | null;
  title: string;
  /** ISO 8601 in Beijing time, e.g. `2021-06-04T20:30:57+08:00`. */
  publishedAt: string | null;
  /** 来源: the outlet the article comes from (央视网, 新华社, …). */
  source: string | null;
  sourceUrl: string | null;
  /** 责任编辑 name and code (`刘万里`, `SF014`). */
  editor: string | null;
  editorCode: string | null;
  /** 原标题 / 原题 when the body names one. */
  originalTitle: string | null;
  paragraphs: string[];
  images: CleanBody['images'];
  videos: CleanBody['videos'];
  keywords: string[];
  /** Which template the body came from; `unknown` when Readability had to find it. */
  layout: PageLayout | 'unknown';
  bodyFrom: 'sina' | 'readability' | 'none';
};

/**
 * `url` is where the page was loaded from (location.href). Returns null when neither it nor the
 * page's canonical/og:url names a Sina article, since then there is no key to file it under.
 * `fallback` reads the body when no Sina body holds text or media; without it such a page gives no paragraphs.
 */
export function extractArticle(doc: Document, url: string, fallback?: ExtractionFallback): ExtractedArticle | null {
  const where = identify(doc, url);
  if (!where) return null;

  let readable: FallbackReading | null | undefined;
  const reading = () => (readable === undefined ? (readable = fallback?.(doc) ?? null) : readable);

  const sinaBody = findBody(doc);
  let body: CleanBody | null = null;
  let bodyFrom: ExtractedArticle['bodyFrom'] = 'none';
  if (sinaBody && sinaBody.layout !== 'unknown' && bodyArrived(sinaBody.el, 1)) {
    body = cleanBody(sinaBody.el);
    bodyFrom = 'sina';
  } else {
    const content = reading()?.content;
    if (content) {
      body = cleanBody(content);
      bodyFrom = 'readability';
    }
  }

  const title = articleHeading(doc) || meta(doc, 'property', 'og:title') || stripSiteSuffix(doc.title) || squash(reading()?.title) || '';

  const sourceEl = first(doc, SOURCE_SELECTORS);
  const sourceLink = sourceEl?.closest('a') ?? sourceEl?.querySelector('a');
  const source = squash(sourceEl?.textContent) || meta(doc, 'name', 'mediaid') || null;

  return {
    key: where.parsed.key,
    id: where.parsed.id,
    url: where.desktopUrl,
    mobileUrl: where.mobileUrl,
    title,
    publishedAt: publishedAt(doc) ?? toBeijingIso(bodyFrom === 'readability' ? reading()?.publishedTime : null),
    source,
    sourceUrl: httpUrl(sourceLink?.getAttribute('href')),
    editor: body?.editor ?? null,
    editorCode: body?.editorCode ?? null,
    originalTitle: body?.originalTitle ?? null,
    paragraphs: body?.paragraphs ?? [],
    images: body?.images ?? [],
    videos: body?.videos ?? [],
    keywords: keywords(doc),
    layout: bodyFrom === 'sina' && sinaBody ? sinaBody.layout : 'unknown',
    bodyFrom,
  };
}

type Identity = { parsed: ArticleUrl; desktopUrl: string; mobileUrl: string | null };

/** The article's key and URLs, from the load URL first, then what the page says about itself. */
function identify(doc: Document, url: string): Identity | null {
  const declared = [
    doc.querySelector('link[rel="canonical"]')?.getAttribute('href'),
    meta(doc, 'property', 'og:url'),
    ...allMeta(doc, 'name', 'mobile-agent').map((c) => /url=(\S+)/.exec(c)?.[1]),
    doc.querySelector('link[rel="alternate"][media]')?.getAttribute('href'),
  ]
    .map((u) => (u ? parseArticleUrl(u) : null))
    .filter((p): p is ArticleUrl => p !== null);

  const parsed = parseArticleUrl(url) ?? declared[0];
  if (!parsed) return null;
  const twins = [parsed, ...declared].filter((p) => p.key === parsed.key);
  // A desktop URL the page declares beats one derived from a mobile path.
  const desktopUrl =
    twins.find((p) => p.layout === 'desktop')?.desktopUrl ?? twins.find((p) => p.desktopUrl)?.desktopUrl ?? parsed.mobileUrl ?? url;
  const mobileUrl = twins.find((p) => p.layout === 'mobile')?.mobileUrl ?? parsed.mobileUrl ?? null;
  return { parsed, desktopUrl, mobileUrl };
}

/** The most precise time the page gives: meta tags carry seconds, the visible date only minutes. */
function publishedAt(doc: Document): string | null {
  return (
    toBeijingIso(meta(doc, 'property', 'article:published_time')) ??
    toBeijingIso(meta(doc, 'name', 'weibo: article:create_at')) ??
    toBeijingIso(first(doc, DATE_SELECTORS)?.textContent)
  );
}

function keywords(doc: Document): string[] {
  const fromMeta = (meta(doc, 'name', 'keywords') ?? '')
    .split(/[,，]/)
    .map((k) => k.trim())
    .filter(Boolean);
  if (fromMeta.length) return fromMeta;
  return [...doc.querySelectorAll('#keywords a, .keywords a')].map((a) => squash(a.textContent)).filter(Boolean);
}

/** Only absolute http(s) links leave the page: the panel may render this one (no `javascript:`). */
function httpUrl(href: string | null | undefined): string | null {
  if (!href) return null;
  try {
    const u = new URL(href.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function stripSiteSuffix(title: string): string {
  return squash(title.replace(/_(新浪财经|手机新浪网|新浪网|新浪科技|新浪新闻|新浪健康|新浪看点|新浪财经头条).*$/, ''));
}
