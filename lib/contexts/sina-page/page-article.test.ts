import { describe, expect, it } from 'vitest';
import { MAX_PARAGRAPHS, MAX_TEXT, PageArticleSchema } from '../../messages/contract';
import { isTooLarge } from './page-article';

describe('isTooLarge', () => {
  const article = (paragraphs: string[]) => ({
    key: 'sina:kabc',
    id: 'kabc',
    url: 'https://finance.sina.com.cn/a/doc-ikabc.shtml',
    mobileUrl: null,
    title: 't',
    publishedAt: null,
    source: null,
    editor: null,
    originalTitle: null,
    paragraphs,
  });
  it('agrees with the message contract at and past each limit', () => {
    const cases = [
      ['医'.repeat(MAX_TEXT)],
      ['医'.repeat(MAX_TEXT - 1), '保'],
      ['医'.repeat(MAX_TEXT), '保'],
      Array.from({ length: MAX_PARAGRAPHS }, () => '段'),
      Array.from({ length: MAX_PARAGRAPHS + 1 }, () => '段'),
    ];
    expect(cases.map((ps) => isTooLarge({ paragraphs: ps }))).toEqual([false, false, true, false, true]);
    for (const ps of cases) expect(isTooLarge({ paragraphs: ps })).toBe(!PageArticleSchema.safeParse(article(ps)).success);
  });
});
