import { describe, expect, it } from 'vitest';
import { canonicalKey, parseArticleUrl, sameArticle } from './url';

const DESKTOP = 'https://finance.sina.com.cn/china/gncj/2021-06-04/doc-ikqcfnaz9077291.shtml';

describe('parseArticleUrl', () => {
  it('gives desktop and mobile URLs of one article the same key', () => {
    const desktop = parseArticleUrl(DESKTOP);
    const mobile = parseArticleUrl('https://finance.sina.cn/2021-06-04/detail-ikqcfnaz9077291.d.html?from=wap');
    expect(desktop?.key).toBe('sina:kqcfnaz9077291');
    expect(mobile?.key).toBe(desktop?.key);
  });

  it('reads id, date, channel and both twins from a desktop URL', () => {
    expect(parseArticleUrl(DESKTOP)).toEqual({
      key: 'sina:kqcfnaz9077291',
      id: 'kqcfnaz9077291',
      layout: 'desktop',
      host: 'finance.sina.com.cn',
      date: '2021-06-04',
      channel: 'china/gncj',
      desktopUrl: DESKTOP,
      mobileUrl: 'https://finance.sina.cn/china/gncj/2021-06-04/detail-ikqcfnaz9077291.d.html',
    });
  });

  it('derives the desktop URL from a channelled mobile URL', () => {
    const m = parseArticleUrl('https://finance.sina.cn/china/gncj/2021-06-04/detail-ikqcfnaz9077291.d.html');
    expect(m?.layout).toBe('mobile');
    expect(m?.desktopUrl).toBe(DESKTOP);
  });

  it('gives no desktop URL for a mobile URL without a channel (the desktop path needs one)', () => {
    const m = parseArticleUrl('https://finance.sina.cn/2021-06-04/detail-ikqcfnaz9077291.d.html');
    expect(m?.desktopUrl).toBeUndefined();
    expect(m?.mobileUrl).toBe('https://finance.sina.cn/2021-06-04/detail-ikqcfnaz9077291.d.html');
  });

  it.each([
    ['any channel depth', 'https://finance.sina.com.cn/money/insurance/bxdt/2021-06-02/doc-ikmxzfmm6109387.shtml', 'sina:kmxzfmm6109387'],
    ['one channel segment', 'https://finance.sina.com.cn/roll/2021-12-08/doc-ikyakumx2701658.shtml', 'sina:kyakumx2701658'],
    ['http', 'http://finance.sina.com.cn/china/gncj/2021-06-04/doc-ikqcfnaz9077291.shtml', 'sina:kqcfnaz9077291'],
    ['a query', `${DESKTOP}?cref=cj&from=timeline`, 'sina:kqcfnaz9077291'],
    ['a fragment', `${DESKTOP}#bottom_sina_comment`, 'sina:kqcfnaz9077291'],
    ['query and fragment', `${DESKTOP}?a=1#x`, 'sina:kqcfnaz9077291'],
    ['a port (test servers)', 'http://finance.sina.com.cn:8080/china/gncj/2021-06-04/doc-ikqcfnaz9077291.shtml', 'sina:kqcfnaz9077291'],
    ['an upper-case host', 'https://FINANCE.SINA.COM.CN/china/gncj/2021-06-04/doc-ikqcfnaz9077291.shtml', 'sina:kqcfnaz9077291'],
    ['an upper-case id', 'https://finance.sina.com.cn/china/gncj/2021-06-04/doc-iKQCFNAZ9077291.shtml', 'sina:kqcfnaz9077291'],
    ['news.sina.com.cn', 'https://news.sina.com.cn/c/2021-06-04/doc-ikqcfnaz9077291.shtml', 'sina:kqcfnaz9077291'],
    ['tech.sina.com.cn', 'https://tech.sina.com.cn/i/2021-06-04/doc-ikqcfnaz9077291.shtml', 'sina:kqcfnaz9077291'],
    ['health.sina.com.cn', 'https://health.sina.com.cn/news/2021-06-04/doc-ikqcfnaz9077291.shtml', 'sina:kqcfnaz9077291'],
    ['a 2016 id', 'http://finance.sina.com.cn/roll/2016-04-04/doc-ifxqxcnz9093681.shtml', 'sina:fxqxcnz9093681'],
    ['mobile with tracking query', 'https://finance.sina.cn/china/gncj/2021-06-04/detail-ikqcfnaz9077291.d.html?vt=4&pos=108#p', 'sina:kqcfnaz9077291'],
    ['mobile over http', 'http://finance.sina.cn/2021-06-04/detail-ikqcfnaz9077291.d.html', 'sina:kqcfnaz9077291'],
    ['surrounding whitespace', `  ${DESKTOP}\n`, 'sina:kqcfnaz9077291'],
    ['cj.sina.cn 头条 article', 'https://cj.sina.cn/articles/view/1704103183/65928d0f02001xyz?sudaref=x', 'sina-cj:65928d0f02001xyz'],
    ['cj.sina.com.cn 头条 article', 'https://cj.sina.com.cn/articles/view/1704103183/65928d0f02001xyz', 'sina-cj:65928d0f02001xyz'],
  ])('accepts %s', (_name, url, key) => {
    expect(canonicalKey(url)).toBe(key);
  });

  it.each([
    ['a channel front page', 'https://finance.sina.com.cn/china/'],
    ['the roll list', 'https://finance.sina.com.cn/roll/index.d.html?cid=56588'],
    ['the Sina home page', 'https://www.sina.com.cn/'],
    ['a lookalike host suffix', 'https://finance.sina.com.cn.evil.com/china/gncj/2021-06-04/doc-ikqcfnaz9077291.shtml'],
    ['a lookalike domain', 'https://finance.sina.com.cn.example/china/gncj/2021-06-04/doc-ikqcfnaz9077291.shtml'],
    ['a lookalike prefix', 'https://evilfinance.sina.com.cn/china/gncj/2021-06-04/doc-ikqcfnaz9077291.shtml'],
    ['a subdomain of the host', 'https://x.finance.sina.com.cn/china/gncj/2021-06-04/doc-ikqcfnaz9077291.shtml'],
    ['userinfo hiding the real host', 'https://finance.sina.com.cn@evil.com/china/gncj/2021-06-04/doc-ikqcfnaz9077291.shtml'],
    ['credentials on the Sina host', 'https://u:p@finance.sina.com.cn/china/gncj/2021-06-04/doc-ikqcfnaz9077291.shtml'],
    ['another Sina channel host', 'https://sports.sina.com.cn/china/2021-06-04/doc-ikqcfnaz9077291.shtml'],
    ['.html instead of .shtml', 'https://finance.sina.com.cn/china/gncj/2021-06-04/doc-ikqcfnaz9077291.html'],
    ['a trailing segment after .shtml', 'https://finance.sina.com.cn/china/gncj/2021-06-04/doc-ikqcfnaz9077291.shtml/x'],
    ['a missing i after doc-', 'https://finance.sina.com.cn/china/gncj/2021-06-04/doc-kqcfnaz9077291.shtml'],
    ['no date segment', 'https://finance.sina.com.cn/china/gncj/doc-ikqcfnaz9077291.shtml'],
    ['an impossible date', 'https://finance.sina.com.cn/china/gncj/2021-02-30/doc-ikqcfnaz9077291.shtml'],
    ['a compact date', 'https://finance.sina.com.cn/china/gncj/20210604/doc-ikqcfnaz9077291.shtml'],
    ['a too-short id', 'https://finance.sina.com.cn/china/gncj/2021-06-04/doc-iab.shtml'],
    ['punctuation in the id', 'https://finance.sina.com.cn/china/gncj/2021-06-04/doc-ikqcf_naz9077291.shtml'],
    ['a mobile path on the desktop host', 'https://finance.sina.com.cn/2021-06-04/detail-ikqcfnaz9077291.d.html'],
    ['a desktop path on the mobile host', 'https://finance.sina.cn/2021-06-04/doc-ikqcfnaz9077291.shtml'],
    ['mobile without .d', 'https://finance.sina.cn/2021-06-04/detail-ikqcfnaz9077291.html'],
    ['a javascript: URL', 'javascript:alert("https://finance.sina.com.cn/china/gncj/2021-06-04/doc-ikqcfnaz9077291.shtml")'],
    ['a data: URL', 'data:text/html,https://finance.sina.com.cn/china/gncj/2021-06-04/doc-ikqcfnaz9077291.shtml'],
    ['an ftp URL', 'ftp://finance.sina.com.cn/china/gncj/2021-06-04/doc-ikqcfnaz9077291.shtml'],
    ['a relative path', '/china/gncj/2021-06-04/doc-ikqcfnaz9077291.shtml'],
    ['the article URL in a query', 'https://example.com/?u=https://finance.sina.com.cn/china/gncj/2021-06-04/doc-ikqcfnaz9077291.shtml'],
    ['garbage', 'not a url'],
    ['an empty string', ''],
    ['a cj.sina.cn list', 'https://cj.sina.cn/articles/view/1704103183'],
    ['a cj view on another host', 'https://cj.sina.cn.evil.com/articles/view/1704103183/65928d0f02001xyz'],
    ['the old doc.sina.cn mobile form', 'http://doc.sina.cn/?id=comos:fxqxcnz9093681'],
  ])('refuses %s', (_name, url) => {
    expect(parseArticleUrl(url)).toBeNull();
  });
});

describe('sameArticle', () => {
  it('matches desktop and mobile twins and differing queries', () => {
    expect(sameArticle(DESKTOP, 'https://finance.sina.cn/2021-06-04/detail-ikqcfnaz9077291.d.html?from=wap')).toBe(true);
    expect(sameArticle(`${DESKTOP}?a=1`, `${DESKTOP}#b`)).toBe(true);
  });

  it('keeps different articles apart and never matches two non-articles', () => {
    expect(sameArticle(DESKTOP, 'https://finance.sina.com.cn/china/gncj/2021-06-04/doc-ikqcfnaz9077292.shtml')).toBe(false);
    expect(sameArticle('https://finance.sina.com.cn/china/', 'https://finance.sina.com.cn/china/')).toBe(false);
  });
});
