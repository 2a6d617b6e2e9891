/**
 * Polish seen as a new reader sees it (issue 17, item 8): one display title everywhere, a measure with
 * no other article says so instead of linking to nothing, and the library's measure filter offers only
 * measures the reader has highlights on.
 */
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { CorpusRow } from '@/lib/db/articles';
import type { MeasureInsight } from '@/lib/insight/analyze';
import { setLang } from '@/lib/i18n';
import { createLibraryIndex } from '@/lib/library';
import { ARTICLES, HIGHLIGHTS } from '@/tests/support/library';
import { CorpusTable } from './options/CorpusTable';
import { MeasureList } from './panel/MeasureList';

let root: HTMLElement | undefined;
function mount(node: ComponentChild): HTMLElement {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(node, root!));
  return root;
}
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  setLang('en');
});

describe('one display title everywhere', () => {
  it('shows a seed title’s `_` pair as the quotes it stood for in the options corpus list', () => {
    const row: CorpusRow = {
      id: 'a_1',
      title: '国务院办公厅印发《_十四五_全民医疗保障规划》',
      date: '2021-09-29T00:00:00.000Z',
      source: '新浪财经',
      origin: 'seed',
      addedAt: '2024-01-01T00:00:00.000Z',
    };
    const view = { rows: [row], counts: { total: 1, seed: 1, imported: 0, read: 0 }, read: { articles: 0, chars: 0 } };
    const el = mount(
      <CorpusTable
        view={view}
        onMore={() => {}}
        actions={{
          remove: async () => ({ ...row, addedAt: row.addedAt }) as never,
          restore: async () => undefined,
          readCap: { articles: 5000, chars: 25_000_000 },
        }}
      />,
    );
    expect(el.querySelector('[data-id="a_1"] td')?.textContent).toBe('国务院办公厅印发《“十四五”全民医疗保障规划》');
  });
});

describe('a measure no other article mentions', () => {
  const measure = (timelineTotal: number): MeasureInsight => ({
    id: 'drg-payment',
    name: 'DRG付费',
    gloss: 'DRG payment',
    category: 'payment-reform',
    by: 'name',
    mentions: [
      {
        start: 0,
        end: 5,
        quote: 'DRG付费',
        sentence: '推进DRG付费。',
        target: { exact: 'DRG付费', prefix: '', suffix: '', start: 0, end: 5 },
      },
    ],
    timeline: [],
    timelineTotal,
  });

  it('says so in words instead of a “(0)” link to an empty list', () => {
    setLang('zh');
    const el = mount(<MeasureList measures={[measure(0)]} onReveal={() => {}} />);
    expect(el.querySelector('[data-testid="timeline-toggle"]')).toBeNull();
    expect(el.querySelector('[data-testid="timeline-none"]')?.textContent).toBe('还没有其他文章提到它');
    expect(el.textContent).not.toContain('(0)');
  });

  it('keeps the link when there are other articles', () => {
    const el = mount(<MeasureList measures={[measure(2)]} onReveal={() => {}} />);
    expect(el.querySelector('[data-testid="timeline-toggle"]')?.textContent).toBe('Other articles mentioning it (2)');
  });
});

describe('the measures the library can filter by', () => {
  it('are those some highlight is about: its article’s measures, or its quote’s when the article is unknown', () => {
    const index = createLibraryIndex(HIGHLIGHTS, ARTICLES, { detectMeasureIds: (text) => (text.includes('DRG') ? ['drg-payment'] : []) });
    const offered = [...index.measureIds()].sort();
    const expected = new Set<string>();
    for (const a of ARTICLES) for (const id of a.measureIds ?? []) expected.add(id);
    // Every offered measure finds at least one highlight; none of the catalogue's other 70-odd is offered.
    for (const id of offered) expect(index.query({ measureId: id }).total, id).toBeGreaterThan(0);
    expect(offered.length).toBeLessThanOrEqual(expected.size + 1);
    expect(offered).toContain('fund-supervision');
  });
});
