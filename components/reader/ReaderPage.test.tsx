import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoredArticle } from '@/lib/db/schema';
import type { StoredArticleInsight } from '@/lib/insight/analyze-stored';
import { articleIdFromHash } from './mount';
import { ReaderPage } from './ReaderPage';

const paragraphs = [
  '第一段 <img src=x onerror="window.__pwned=1"> 集中带量采购。',
  '第二段 <script>window.__pwned=2</script> &amp; <b>不是粗体</b>。',
];
const article: StoredArticle = {
  id: 'a_00000000000000aa',
  title: '测试_引号_文章',
  titleNorm: '测试引号文章',
  date: '2021-12-08T14:00:30.000Z',
  categories: [],
  source: '新华社',
  lead: paragraphs[0]!,
  paragraphs,
  images: [],
  text: paragraphs.join('\n'),
  length: paragraphs.join('\n').length,
  origin: 'imported',
  addedAt: '2024-01-01T00:00:00.000Z',
};
const found: StoredArticleInsight = {
  article,
  insight: {
    key: `corpus:${article.id}`,
    textLength: article.length,
    corpus: { id: article.id, origin: 'imported', addedAt: article.addedAt, matchedBy: 'id', addedNow: false },
    measures: [],
    otherMeasures: [],
    related: [],
  },
};

let root: HTMLElement | undefined;
async function mount(node: ComponentChild) {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(node, root!));
  // The article loads, then the panel beside it loads its (local) state.
  for (let i = 0; i < 3; i++) await act(async () => await new Promise((r) => setTimeout(r, 0)));
  return root;
}
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
});

describe('the reader page', () => {
  it('renders stored text as text: markup in it is shown, never parsed', async () => {
    const el = await mount(<ReaderPage id={article.id} load={async () => found} />);
    const body = el.querySelector('[data-testid="reader-body"]')!;
    expect(body.textContent).toBe(article.text);
    expect([...body.querySelectorAll('*')].map((e) => e.tagName)).toEqual(['P', 'P']);
    expect(el.querySelector('[data-testid="reader-title"]')?.textContent).toBe('测试“引号”文章');
    expect(el.querySelector('[data-testid="reader-original"]')).toBeNull();
    expect(el.querySelector('aside[data-testid="panel"]')).not.toBeNull();
  });

  it('links the original when the corpus knows its URL', async () => {
    const url = 'https://finance.sina.com.cn/roll/2021-12-08/doc-ikyakumx2701658.shtml';
    const el = await mount(<ReaderPage id={article.id} load={async () => ({ ...found, article: { ...article, url } })} />);
    expect(el.querySelector('[data-testid="reader-original"]')?.getAttribute('href')).toBe(url);
  });

  it('says when there is no such article, or none was asked for', async () => {
    let el = await mount(<ReaderPage id="a_0000000000000000" load={async () => null} />);
    expect(el.querySelector('[data-testid="reader"]')?.getAttribute('data-status')).toBe('missing');
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('not in your corpus');
    render(null, el);
    el = await mount(<ReaderPage id={null} load={async () => null} />);
    expect(el.querySelector('[data-testid="reader"]')?.getAttribute('data-status')).toBe('none');
  });

  it('reads the article id from the hash', () => {
    expect(articleIdFromHash('#a_00000000000000aa')).toBe('a_00000000000000aa');
    expect(articleIdFromHash('')).toBeNull();
    expect(articleIdFromHash('#%E0%A4%A')).toBeNull();
  });
});
