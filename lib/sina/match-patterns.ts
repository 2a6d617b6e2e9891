/**
 * Manifest match patterns for Sina article pages. The browser itself filters on these, so pages
 * that are not articles (channel fronts, roll lists, quotes, search) never load the content script.
 * `lib/sina/url.ts` applies the exact rules inside the script.
 *
 * https only: over plain http anyone on the network path could serve a page that drives the content
 * script (and through it the reader's highlights of that article). Sina serves every article over https.
 */
export const ARTICLE_MATCHES = [
  'https://finance.sina.com.cn/*doc-i*',
  'https://news.sina.com.cn/*doc-i*',
  'https://tech.sina.com.cn/*doc-i*',
  'https://health.sina.com.cn/*doc-i*',
  'https://finance.sina.cn/*detail-i*',
  'https://cj.sina.cn/articles/view/*',
  'https://cj.sina.com.cn/articles/view/*',
];

/** The origins of those patterns (`https://finance.sina.com.cn/*`), for manifest keys that take whole hosts. */
export const ARTICLE_ORIGINS = [...new Set(ARTICLE_MATCHES.map((m) => m.replace(/^(https:\/\/[^/]+)\/.*$/, '$1/*')))];
