/**
 * Sina article URL recognition: decides from the URL alone, before any heavy code runs.
 * One canonical key per article, shared by its desktop and mobile URLs, whatever the host, query,
 * fragment, scheme or port.
 *
 * Forms recognised (paths are matched whole, hosts exactly — `finance.sina.com.cn.evil.com` is not Sina):
 *   desktop  https://{finance|news|tech|health}.sina.com.cn/{channel/…/}YYYY-MM-DD/doc-i{id}.shtml   (2014 on)
 *   mobile   https://{finance|news}.sina.cn/{channel/…/}YYYY-MM-DD/detail-i{id}.d.html
 *   old      https://{finance|news|tech|health}.sina.com.cn/{channel/…/}YYYYMMDD/{HHMM}{digits}.shtml (to 2014;
 *            news and tech wrote the date YYYY-MM-DD)
 *   头条      https://{cj|t.cj}.sina.com.cn/articles/view/{uid}/{id}, mobile cj.sina.cn
 *   看点      https://k.sina.com.cn/article_{uid}_{id}.html, mobile k.sina.cn: the same 自媒体 article ids
 *            as 头条 (the id starts with the author's uid in hex), so both share the key `sina-cj:<id>`.
 */

export type ArticleUrl = {
  /** `sina:<id>` for comos (and old numbered) articles, `sina-cj:<id>` for 头条/看点 — equal for every URL of one article. */
  key: string;
  /** The id after `doc-i` / `detail-i` (lowercase, without the `i`), the old page number, or the 头条 article id. */
  id: string;
  layout: 'desktop' | 'mobile';
  /** Host as written in the URL, lowercased, without port. */
  host: string;
  /** `YYYY-MM-DD` from the path (Beijing date of publication); absent for 头条 and 看点 URLs. */
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

/**
 * Desktop hosts and their mobile twin. Only finance keeps the channel path on both sides
 * (`china/gncj` ↔ `china/gncj`); news.sina.cn names its channels differently (`/c/` ↔ `/gn/`), so a
 * news twin is never derived from the other's path.
 */
const DESKTOP_HOSTS: Record<string, { mobile?: string }> = {
  'finance.sina.com.cn': { mobile: 'finance.sina.cn' },
  'news.sina.com.cn': {},
  'tech.sina.com.cn': {},
  'health.sina.com.cn': {},
};
const MOBILE_HOSTS: Record<string, { desktop?: string }> = { 'finance.sina.cn': { desktop: 'finance.sina.com.cn' }, 'news.sina.cn': {} };

const DESKTOP_PATH = new RegExp(`^/${CHANNEL}${DATE}/doc-i${ID}\\.shtml$`, 'i');
const MOBILE_PATH = new RegExp(`^/${CHANNEL}${DATE}/detail-i${ID}\\.d\\.html$`, 'i');
/**
 * Before the comos ids (about 2014): the day, then the time and a serial number —
 * `/china/20120510/155612034567.shtml` on finance, `/c/2012-05-10/155624378123.shtml` on news.
 */
const OLD_PATH = new RegExp(`^/${CHANNEL}(\\d{4}-?\\d{2}-?\\d{2})/(\\d{10,16})\\.shtml$`, 'i');
const CJ_PATH = /^\/articles\/view\/(\d{5,12})\/([a-z0-9]{8,32})\/?$/i;
const CJ_HOSTS: Record<string, 'desktop' | 'mobile'> = {
  'cj.sina.com.cn': 'desktop',
  't.cj.sina.com.cn': 'desktop',
  'cj.sina.cn': 'mobile',
};
const K_PATH = /^\/article_(\d{5,12})_([a-z0-9]{8,32})\.html$/i;
const K_HOSTS: Record<string, 'desktop' | 'mobile'> = { 'k.sina.com.cn': 'desktop', 'k.sina.cn': 'mobile' };

/** What every dated article path (desktop, mobile, old) says: its key, where it is, its day and its channel. */
function dated(id: string, layout: 'desktop' | 'mobile', host: string, date: string, channel: string) {
  return { key: `sina:${id}`, id, layout, host, date, channel: channel.replace(/\/$/, '') } as const;
}

export function parseArticleUrl(href: string): ArticleUrl | null {
  const url = toUrl(href);
  if (!url) return null;
  // hostname, not host: a port (local test servers) does not change which article this is.
  const host = url.hostname.toLowerCase();
  const path = url.pathname;

  const desktop = DESKTOP_HOSTS[host];
  if (desktop) {
    const m = DESKTOP_PATH.exec(path);
    if (m) {
      if (!isCalendarDate(m[2]!)) return null;
      const [channel, date, id] = [m[1]!.toLowerCase(), m[2]!, m[3]!.toLowerCase()];
      return {
        ...dated(id, 'desktop', host, date, channel),
        desktopUrl: `https://${host}/${channel}${date}/doc-i${id}.shtml`,
        ...(desktop.mobile ? { mobileUrl: `https://${desktop.mobile}/${channel}${date}/detail-i${id}.d.html` } : {}),
      };
    }
    const old = OLD_PATH.exec(path);
    if (!old) return null;
    const [channel, day, serial] = [old[1]!.toLowerCase(), old[2]!, old[3]!];
    const ymd = day.replace(/-/g, '');
    const date = `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6)}`;
    if (!isCalendarDate(date) || !channel) return null;
    const id = `${ymd}${serial}`;
    return { ...dated(id, 'desktop', host, date, channel), desktopUrl: `https://${host}/${channel}${day}/${serial}.shtml` };
  }

  const mobile = MOBILE_HOSTS[host];
  if (mobile) {
    const m = MOBILE_PATH.exec(path);
    if (!m || !isCalendarDate(m[2]!)) return null;
    const [channel, date, id] = [m[1]!.toLowerCase(), m[2]!, m[3]!.toLowerCase()];
    return {
      ...dated(id, 'mobile', host, date, channel),
      // Mobile URLs often drop the channel; the desktop URL needs it, so only a channelled path gives one.
      ...(channel && mobile.desktop ? { desktopUrl: `https://${mobile.desktop}/${channel}${date}/doc-i${id}.shtml` } : {}),
      mobileUrl: `https://${host}/${channel}${date}/detail-i${id}.d.html`,
    };
  }

  const cjLayout = CJ_HOSTS[host];
  if (cjLayout) {
    const m = CJ_PATH.exec(path);
    return m ? selfMedia(m[1]!, m[2]!, cjLayout, host) : null;
  }
  const kLayout = K_HOSTS[host];
  if (kLayout) {
    const m = K_PATH.exec(path);
    if (!m) return null;
    const [uid, id] = [m[1]!, m[2]!.toLowerCase()];
    return {
      ...selfMedia(uid, id, kLayout, host),
      desktopUrl: `https://k.sina.com.cn/article_${uid}_${id}.html`,
      mobileUrl: `https://k.sina.cn/article_${uid}_${id}.html`,
    };
  }
  return null;
}

/** A 头条 / 看点 article: self-media (自媒体) ids, one key whichever of the four hosts shows it. */
function selfMedia(uid: string, rawId: string, layout: 'desktop' | 'mobile', host: string): ArticleUrl {
  const id = rawId.toLowerCase();
  return {
    key: `sina-cj:${id}`,
    id,
    layout,
    host,
    desktopUrl: `https://cj.sina.com.cn/articles/view/${uid}/${id}`,
    mobileUrl: `https://cj.sina.cn/articles/view/${uid}/${id}`,
  };
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
