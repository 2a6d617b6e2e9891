/**
 * The corpus list on the options page (issue 16 items 6 and 7): it says how many read articles are
 * kept against the cap, and removing an article asks first and offers undo.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CorpusRow } from '@/lib/db/articles';
import type { StoredArticle } from '@/lib/db/schema';
import { CorpusTable } from './CorpusTable';

const rows: CorpusRow[] = [
  {
    id: 'a_1',
    title: '阅读时加入的文章',
    date: '2024-01-02T00:00:00.000Z',
    source: '新浪财经',
    origin: 'read',
    addedAt: '2024-01-02T00:00:00.000Z',
    length: 1_500_000,
  },
  {
    id: 'a_2',
    title: '导入的文章',
    date: '2024-01-01T00:00:00.000Z',
    source: '',
    origin: 'imported',
    addedAt: '2024-01-01T00:00:00.000Z',
    length: 900,
  },
  {
    id: 'a_3',
    title: '附带的文章',
    date: '2023-01-01T00:00:00.000Z',
    source: '',
    origin: 'seed',
    addedAt: '2023-01-01T00:00:00.000Z',
    length: 900,
  },
];
const record = { id: 'a_2', title: '导入的文章', origin: 'imported' } as StoredArticle;

let el: HTMLElement;
afterEach(() => {
  render(null, el);
  el.remove();
});

function mount(
  actions = { remove: vi.fn(async () => record), restore: vi.fn(async () => undefined), readCap: { articles: 5000, chars: 25_000_000 } },
) {
  el = document.createElement('div');
  document.body.append(el);
  const view = { rows, counts: { total: 3, seed: 1, imported: 1, read: 1 }, read: { articles: 1, chars: 1_500_000 } };
  act(() => render(<CorpusTable view={view} actions={actions} onMore={() => {}} />, el));
  return actions;
}
const $ = <T extends Element = HTMLElement>(sel: string) => el.querySelector<T>(sel);
const settle = () => act(async () => new Promise((r) => setTimeout(r, 0)));

describe('CorpusTable', () => {
  it('says how many read articles are kept of the cap', () => {
    mount();
    const note = $('[data-testid="read-cap"]')!;
    expect(note.dataset.read).toBe('1');
    expect(note.dataset.cap).toBe('5000');
    expect(note.textContent).toContain('1 of at most 5000');
    expect(note.textContent).toContain('1.5 of 25 million');
  });

  it('asks before removing, removes on confirmation, and puts the article back on undo', async () => {
    const actions = mount();
    expect(el.querySelectorAll('tr[data-origin="seed"] button')).toHaveLength(0);
    act(() => $<HTMLButtonElement>('tr[data-id="a_2"] [data-testid="remove"]')!.click());
    expect(actions.remove).not.toHaveBeenCalled();
    expect($('[data-testid="confirm-remove"]')?.textContent).toContain('导入的文章');
    expect(document.activeElement).toBe($('[data-testid="confirm-remove-no"]'));

    // Cancel leaves it; confirm removes it.
    act(() => $<HTMLButtonElement>('[data-testid="confirm-remove-no"]')!.click());
    expect($('[data-testid="confirm-remove"]')).toBeNull();
    act(() => $<HTMLButtonElement>('tr[data-id="a_2"] [data-testid="remove"]')!.click());
    act(() => $<HTMLButtonElement>('[data-testid="confirm-remove-yes"]')!.click());
    await settle();
    expect(actions.remove).toHaveBeenCalledWith('a_2');
    expect($('[data-testid="corpus-undo"]')?.textContent).toContain('导入的文章');

    act(() => $<HTMLButtonElement>('[data-testid="corpus-undo"] button')!.click());
    await settle();
    expect(actions.restore).toHaveBeenCalledWith(record);
    expect($('[data-testid="corpus-restored"]')?.textContent).toContain('导入的文章');
  });
});

describe('CorpusTable paging', () => {
  it('shows the rows it is given of the counted whole, and asks for more', () => {
    el = document.createElement('div');
    document.body.append(el);
    const onMore = vi.fn();
    const view = { rows, counts: { total: 120, seed: 5, imported: 114, read: 1 }, read: { articles: 1, chars: 900 } };
    act(() =>
      render(
        <CorpusTable
          view={view}
          actions={{ remove: vi.fn(), restore: vi.fn(), readCap: { articles: 5000, chars: 25_000_000 } }}
          onMore={onMore}
        />,
        el,
      ),
    );
    expect(el.querySelectorAll('tbody tr')).toHaveLength(3);
    expect($('[data-testid="corpus-summary"]')?.textContent).toContain('120 articles');
    act(() => $<HTMLButtonElement>('[data-testid="corpus-more"]')!.click());
    expect(onMore).toHaveBeenCalledTimes(1);
  });
});
