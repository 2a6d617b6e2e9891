/** Small Article records for database tests; the corpus parser has its own tests on real seeds. */
import type { Article } from '../../../lib/corpus/article';

export function makeArticle(n: number, overrides: Partial<Article> = {}): Article {
  const paragraphs = [`第${n}篇文章的第一段，讲集中带量采购。`, `第${n}篇文章的第二段，讲医保基金监管。`];
  const text = paragraphs.join('\n');
  return {
    id: `a_${n.toString(16).padStart(16, '0')}`,
    title: `测试文章${n}`,
    titleNorm: `测试文章${n}`,
    date: new Date(Date.UTC(2021, 0, n)).toISOString(),
    categories: ['新浪财经'],
    source: '新浪财经',
    lead: paragraphs[0]!,
    paragraphs,
    images: [],
    text,
    length: text.length,
    origin: 'seed',
    ...overrides,
  } as Article;
}
