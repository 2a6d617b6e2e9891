/**
 * Sina article URL recognition: decides from the URL alone, before any heavy code runs.
 * One canonical key per article, shared by its desktop and mobile URLs.
 */
export type ArticleUrl = {
  /** `sina:<id>` — the same for desktop and mobile URLs of one article. */
  key: string;
  /** The id after `doc-i` / `detail-i`, e.g. `kqfymhv0212345`. */
  id: string;
  layout: 'desktop' | 'mobile';
};

const DESKTOP = /^https?:\/\/(?:finance|news|tech|health)\.sina\.com\.cn\/(?:[\w-]+\/)*\d{4}-\d{2}-\d{2}\/doc-i([a-z0-9]+)\.shtml$/i;
const MOBILE = /^https?:\/\/finance\.sina\.cn\/(?:[\w-]+\/)*\d{4}-\d{2}-\d{2}\/detail-i([a-z0-9]+)\.d\.html$/i;
const CJ = /^https?:\/\/cj\.sina\.cn\/articles\/view\/(\d+)\/([a-z0-9]+)\/?$/i;

export function parseArticleUrl(href: string): ArticleUrl | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  const bare = `${url.protocol}//${url.host.toLowerCase()}${url.pathname}`;
  const desktop = DESKTOP.exec(bare);
  if (desktop?.[1]) return { key: `sina:${desktop[1].toLowerCase()}`, id: desktop[1].toLowerCase(), layout: 'desktop' };
  const mobile = MOBILE.exec(bare);
  if (mobile?.[1]) return { key: `sina:${mobile[1].toLowerCase()}`, id: mobile[1].toLowerCase(), layout: 'mobile' };
  const cj = CJ.exec(bare);
  if (cj?.[1] && cj[2]) return { key: `sina-cj:${cj[1]}/${cj[2].toLowerCase()}`, id: cj[2].toLowerCase(), layout: 'mobile' };
  return null;
}
