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
  // Pages from before the comos ids (`/china/20120510/155612034567.shtml`); url.ts keeps only the numbered ones.
  'https://finance.sina.com.cn/*/20*.shtml',
  'https://news.sina.com.cn/*/20*.shtml',
  'https://tech.sina.com.cn/*/20*.shtml',
  'https://health.sina.com.cn/*/20*.shtml',
  'https://finance.sina.cn/*detail-i*',
  'https://news.sina.cn/*detail-i*',
  'https://cj.sina.cn/articles/view/*',
  'https://cj.sina.com.cn/articles/view/*',
  'https://t.cj.sina.com.cn/articles/view/*',
  'https://k.sina.com.cn/article_*',
  'https://k.sina.cn/article_*',
];

/** The origins of those patterns (`https://finance.sina.com.cn/*`), for manifest keys that take whole hosts. */
export const ARTICLE_ORIGINS = [...new Set(ARTICLE_MATCHES.map((m) => m.replace(/^(https:\/\/[^/]+)\/.*$/, '$1/*')))];
