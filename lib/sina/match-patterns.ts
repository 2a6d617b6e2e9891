/**
 * Manifest match patterns for Sina article pages. The browser itself filters on these, so pages
 * that are not articles (channel fronts, roll lists, quotes, search) never load the content script.
 * `lib/sina/url.ts` applies the exact rules inside the script.
 */
export const ARTICLE_MATCHES = [
  '*://finance.sina.com.cn/*doc-i*',
  '*://news.sina.com.cn/*doc-i*',
  '*://tech.sina.com.cn/*doc-i*',
  '*://health.sina.com.cn/*doc-i*',
  '*://finance.sina.cn/*detail-i*',
  '*://cj.sina.cn/articles/view/*',
  '*://cj.sina.com.cn/articles/view/*',
];
