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
    [
      'mobile with tracking query',
      'https://finance.sina.cn/china/gncj/2021-06-04/detail-ikqcfnaz9077291.d.html?vt=4&pos=108#p',
      'sina:kqcfnaz9077291',
    ],
    ['mobile over http', 'http://finance.sina.cn/2021-06-04/detail-ikqcfnaz9077291.d.html', 'sina:kqcfnaz9077291'],
    ['surrounding whitespace', `  ${DESKTOP}\n`, 'sina:kqcfnaz9077291'],
    ['cj.sina.cn 头条 article', 'https://cj.sina.cn/articles/view/1704103183/65928d0f02001xyz?sudaref=x', 'sina-cj:65928d0f02001xyz'],
    ['cj.sina.com.cn 头条 article', 'https://cj.sina.com.cn/articles/view/1704103183/65928d0f02001xyz', 'sina-cj:65928d0f02001xyz'],
    [
      't.cj.sina.com.cn 头条 article',
      'https://t.cj.sina.com.cn/articles/view/6497007699/18340785300100cnws?qq-pf-to=pcqq.c2c',
      'sina-cj:18340785300100cnws',
    ],
    [
      'k.sina.com.cn 看点 article',
      'https://k.sina.com.cn/article_5638975650_1501bf0a2001016txn.html?from=news',
      'sina-cj:1501bf0a2001016txn',
    ],
    ['k.sina.cn mobile 看点 article', 'https://k.sina.cn/article_5638975650_1501bf0a2001016txn.html', 'sina-cj:1501bf0a2001016txn'],
    ['news.sina.cn mobile', 'https://news.sina.cn/gn/2019-05-14/detail-ihvhiqax8705021.d.html?vt=4', 'sina:hvhiqax8705021'],
    [
      'an old finance page (before comos ids)',
      'https://finance.sina.com.cn/china/20120510/155612034567.shtml',
      'sina:20120510155612034567',
    ],
    ['an old news page (dashed date)', 'https://news.sina.com.cn/c/2012-05-10/155624378123.shtml', 'sina:20120510155624378123'],
    ['an old page two channels deep', 'http://finance.sina.com.cn/money/bank/20120103/073511107398.shtml', 'sina:20120103073511107398'],
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
    ['an old page without a channel', 'https://finance.sina.com.cn/20120510/155612034567.shtml'],
    ['an old page on an impossible date', 'https://finance.sina.com.cn/china/20120230/155612034567.shtml'],
    ['an old-style path with letters', 'https://finance.sina.com.cn/china/20120510/index.shtml'],
    ['a 看点 list', 'https://k.sina.com.cn/mediaDocList.php?uid=5638975650'],
    ['a 看点 path on the cj host', 'https://cj.sina.com.cn/article_5638975650_1501bf0a2001016txn.html'],
    ['a news.sina.cn channel front', 'https://news.sina.cn/gn/'],
  ])('refuses %s', (_name, url) => {
    expect(parseArticleUrl(url)).toBeNull();
  });
});

describe('one key whatever the host', () => {
  it('gives a 头条 article and its 看点 copy one key, naming the cj URLs as its twins', () => {
    const cj = parseArticleUrl('https://cj.sina.com.cn/articles/view/5638975650/1501bf0a2001016txn');
    const k = parseArticleUrl('https://k.sina.com.cn/article_5638975650_1501bf0a2001016txn.html');
    expect(k?.key).toBe(cj?.key);
    expect(k).toMatchObject({
      layout: 'desktop',
      host: 'k.sina.com.cn',
      desktopUrl: 'https://k.sina.com.cn/article_5638975650_1501bf0a2001016txn.html',
    });
  });

  it('derives no twin for news pages, whose mobile channels differ (/c/ on desktop, /gn/ on mobile)', () => {
    const d = parseArticleUrl('https://news.sina.com.cn/c/2019-05-14/doc-ihvhiqax8705021.shtml');
    const m = parseArticleUrl('https://news.sina.cn/gn/2019-05-14/detail-ihvhiqax8705021.d.html');
    expect([d?.key, d?.mobileUrl, m?.key, m?.desktopUrl]).toEqual(['sina:hvhiqax8705021', undefined, 'sina:hvhiqax8705021', undefined]);
  });

  it('reads the date and channel of an old numbered page', () => {
    expect(parseArticleUrl('http://finance.sina.com.cn/money/bank/20120103/073511107398.shtml')).toEqual({
      key: 'sina:20120103073511107398',
      id: '20120103073511107398',
      layout: 'desktop',
      host: 'finance.sina.com.cn',
      date: '2012-01-03',
      channel: 'money/bank',
      desktopUrl: 'https://finance.sina.com.cn/money/bank/20120103/073511107398.shtml',
    });
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
