/**
 * Sina article URL recognition: decides from the URL alone, before any heavy code runs.
 * One canonical key per article, shared by its desktop and mobile URLs, whatever the query,
 * fragment, scheme or port.
 *
 * Forms recognised (paths are matched whole, hosts exactly — `finance.sina.com.cn.evil.com` is not Sina):
 *   desktop  https://{finance|news|tech|health}.sina.com.cn/{channel/…/}YYYY-MM-DD/doc-i{id}.shtml
 *   mobile   https://finance.sina.cn/{channel/…/}YYYY-MM-DD/detail-i{id}.d.html
 *   头条      https://cj.sina.cn/articles/view/{uid}/{id}  (desktop twin on cj.sina.com.cn)
 */

export type ArticleUrl = {
  /** `sina:<id>` for comos articles, `sina-cj:<id>` for 新浪财经头条 — equal for desktop and mobile URLs of one article. */
  key: string;
  /** The id after `doc-i` / `detail-i` (lowercase, without the `i`), or the cj article id. */
  id: string;
  layout: 'desktop' | 'mobile';
  /** Host as written in the URL, lowercased, without port. */
  host: string;
  /** `YYYY-MM-DD` from the path (Beijing date of publication); absent for cj URLs. */
  date?: string;
  /** Path segments before the date, e.g. `china/gncj`; empty string when none. */
  channel?: string;
  /** The https desktop URL of this article when the URL determines it. */
  desktopUrl?: string;
  /** The https mobile URL of this article when the URL determines it. */
  mobileUrl?: string;
};

/** comos ids on Sina: 7 letters + 7 digits today; older eras were similar. Bounded to refuse junk. */
const ID = '([a-z0-9]{8,24})';
const CHANNEL = '((?:[a-z0-9_-]+/)*)';
const DATE = '(\\d{4}-\\d{2}-\\d{2})';

const DESKTOP_HOSTS: Record<string, string> = {
  'finance.sina.com.cn': 'finance.sina.cn',
  'news.sina.com.cn': 'news.sina.cn',
  'tech.sina.com.cn': 'tech.sina.cn',
  'health.sina.com.cn': 'health.sina.cn',
};
const MOBILE_HOSTS: Record<string, string> = { 'finance.sina.cn': 'finance.sina.com.cn' };

const DESKTOP_PATH = new RegExp(`^/${CHANNEL}${DATE}/doc-i${ID}\\.shtml$`, 'i');
const MOBILE_PATH = new RegExp(`^/${CHANNEL}${DATE}/detail-i${ID}\\.d\\.html$`, 'i');
const CJ_PATH = /^\/articles\/view\/(\d{5,12})\/([a-z0-9]{8,32})\/?$/i;
const CJ_HOSTS: Record<string, 'desktop' | 'mobile'> = { 'cj.sina.com.cn': 'desktop', 'cj.sina.cn': 'mobile' };

export function parseArticleUrl(href: string): ArticleUrl | null {
  const url = toUrl(href);
  if (!url) return null;
  // hostname, not host: a port (local test servers) does not change which article this is.
  const host = url.hostname.toLowerCase();
  const path = url.pathname;

  const mobileTwin = DESKTOP_HOSTS[host];
  if (mobileTwin) {
    const m = DESKTOP_PATH.exec(path);
    if (!m || !isCalendarDate(m[2]!)) return null;
    const [channel, date, id] = [m[1]!.toLowerCase(), m[2]!, m[3]!.toLowerCase()];
    return {
      key: `sina:${id}`,
      id,
      layout: 'desktop',
      host,
      date,
      channel: channel.replace(/\/$/, ''),
      desktopUrl: `https://${host}/${channel}${date}/doc-i${id}.shtml`,
      mobileUrl: `https://${mobileTwin}/${channel}${date}/detail-i${id}.d.html`,
    };
  }

  const desktopTwin = MOBILE_HOSTS[host];
  if (desktopTwin) {
    const m = MOBILE_PATH.exec(path);
    if (!m || !isCalendarDate(m[2]!)) return null;
    const [channel, date, id] = [m[1]!.toLowerCase(), m[2]!, m[3]!.toLowerCase()];
    return {
      key: `sina:${id}`,
      id,
      layout: 'mobile',
      host,
      date,
      channel: channel.replace(/\/$/, ''),
      // Mobile URLs often drop the channel; the desktop URL needs it, so only a channelled path gives one.
      ...(channel ? { desktopUrl: `https://${desktopTwin}/${channel}${date}/doc-i${id}.shtml` } : {}),
      mobileUrl: `https://${host}/${channel}${date}/detail-i${id}.d.html`,
    };
  }

  const cjLayout = CJ_HOSTS[host];
  if (cjLayout) {
    const m = CJ_PATH.exec(path);
    if (!m) return null;
    const [uid, id] = [m[1]!, m[2]!.toLowerCase()];
    return {
      key: `sina-cj:${id}`,
      id,
      layout: cjLayout,
      host,
      desktopUrl: `https://cj.sina.com.cn/articles/view/${uid}/${id}`,
      mobileUrl: `https://cj.sina.cn/articles/view/${uid}/${id}`,
    };
  }
  return null;
}

/** The key shared by every URL of one article, or null when the URL is not a Sina article. */
export function canonicalKey(href: string): string | null {
  return parseArticleUrl(href)?.key ?? null;
}

/** Two URLs name the same article (e.g. desktop and mobile, or with different tracking queries). */
export function sameArticle(a: string, b: string): boolean {
  const ka = canonicalKey(a);
  return ka !== null && ka === canonicalKey(b);
}

function toUrl(href: string): URL | null {
  let url: URL;
  try {
    url = new URL(href.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  // `https://finance.sina.com.cn@evil.com/…` parses with hostname evil.com and is refused by the host
  // check; credentials on a real Sina host are no page a reader visits either.
  if (url.username || url.password) return null;
  return url;
}

/** `2021-02-30` matches the pattern but is no date Sina publishes under. */
function isCalendarDate(ymd: string): boolean {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return y >= 1999 && t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}
