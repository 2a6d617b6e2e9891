import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { RelatedInsight } from '@/lib/insight/analyze';
import { setLang } from '@/lib/i18n';
import { RelatedList } from './RelatedList';

const related: RelatedInsight[] = [
  {
    id: 'a_0000000000000004',
    title: '国家医保局：追回医保基金',
    date: '2021-12-08T14:00:30.000Z',
    score: 0.5712,
    strength: 'strong',
    reasons: { sharedMeasures: [{ id: 'fund-supervision', name: '医保基金监管' }], sharedTerms: ['欺诈骗保', '飞行检查'] },
  },
  {
    id: 'a_0000000000000003',
    title: '李克强：扩大集中带量采购',
    date: '2021-07-20T11:57:53.000Z',
    score: 0.2449,
    strength: 'related',
    reasons: { sharedMeasures: [], sharedTerms: ['医保基金'] },
  },
];

let root: HTMLElement | undefined;
function mount(items: RelatedInsight[]): HTMLElement {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(<RelatedList related={items} />, root!));
  return root;
}
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  setLang('en');
});

describe('RelatedList', () => {
  it('says how strongly each article is related in words, with the score in the tooltip', () => {
    for (const [lang, words, tip] of [
      ['en', ['strongly related', 'related'], 'similarity 0.57 (0 to 1)'],
      ['zh', ['强相关', '相关'], '相似度 0.57（0 到 1）'],
    ] as const) {
      setLang(lang);
      const el = mount(related);
      const strengths = [...el.querySelectorAll<HTMLElement>('[data-testid="related-strength"]')];
      expect(strengths.map((s) => s.textContent)).toEqual(words);
      expect(strengths[0]!.title).toBe(tip);
      // The number is not shown as text, only in the tooltip.
      expect(el.textContent).not.toMatch(/0\.57|0\.24/);
      render(null, root!);
      root!.remove();
    }
  });

  it('gives the shared measures and whole words as the reasons', () => {
    const el = mount(related);
    const reasons = [...el.querySelectorAll('[data-article-id="a_0000000000000004"] [data-testid="reason"]')].map((r) => r.textContent);
    expect(reasons).toEqual(['Shared measures: 医保基金监管', 'Shared words: 欺诈骗保、飞行检查']);
  });

  it('says why nothing is shown, and links the options page to import more', () => {
    for (const [lang, empty, link] of [
      ['en', 'Nothing in your corpus is close to this article yet.', 'Import more articles'],
      ['zh', '语料库中还没有与本文相近的文章。', '导入更多文章'],
    ] as const) {
      setLang(lang);
      const el = mount([]);
      expect(el.querySelector('[data-testid="related"]')).toBeNull();
      expect(el.querySelector('[data-testid="related-empty"]')?.textContent).toContain(empty);
      const a = el.querySelector<HTMLAnchorElement>('[data-testid="related-import"]')!;
      expect(a.textContent).toBe(link);
      expect(a.getAttribute('href')).toBe('/options.html');
      expect(a.target).toBe('_blank');
      render(null, root!);
      root!.remove();
    }
  });
});
