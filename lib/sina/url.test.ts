import { describe, expect, it } from 'vitest';
import { parseArticleUrl } from './url';

describe('parseArticleUrl', () => {
  it('gives desktop and mobile URLs of one article the same key', () => {
    const desktop = parseArticleUrl('https://finance.sina.com.cn/china/gncj/2021-06-04/doc-ikqcfnaz9077291.shtml');
    const mobile = parseArticleUrl('https://finance.sina.cn/2021-06-04/detail-ikqcfnaz9077291.d.html?from=wap');
    expect(desktop?.key).toBe('sina:kqcfnaz9077291');
    expect(mobile?.key).toBe(desktop?.key);
  });

  it('refuses a channel front page', () => {
    expect(parseArticleUrl('https://finance.sina.com.cn/china/')).toBeNull();
  });
});
