/** The panel's highlight list with many highlights on the page: the first ones at once, the rest right after. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HighlightsView, PageHighlight } from '@/lib/contexts/article-view/highlights/controller';
import { palette } from '@/lib/highlights/colors';
import { HighlightList, type HighlightActions } from './HighlightList';

const items = (n: number): PageHighlight[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `h${i}`,
    color: 'yellow',
    note: i === 7 ? '笔记' : '',
    tags: [],
    quote: `第${i}条摘录`,
    status: 'anchored',
    start: i * 10,
    createdAt: '2024-06-01T00:00:00.000Z',
  }));
const view = (list: PageHighlight[], extra: Partial<HighlightsView> = {}): HighlightsView => ({
  loaded: true,
  painted: true,
  palette: palette({}),
  items: list,
  ...extra,
});
const actions: HighlightActions = { show: vi.fn(), saveNote: vi.fn(), recolor: vi.fn(), remove: vi.fn(), reattach: vi.fn() };

let root: HTMLElement | undefined;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  vi.restoreAllMocks();
});
const mount = (v: HighlightsView) => {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(<HighlightList view={v} actions={actions} />, root!));
  return root;
};
const ids = (el: HTMLElement) => [...el.querySelectorAll<HTMLElement>('[data-testid="highlight"]')].map((li) => li.dataset.id);
const settle = () => act(async () => await new Promise((r) => setTimeout(r, 0)));

describe('HighlightList with 200 highlights', () => {
  it('renders the first ones with the analysis and the rest in the next tasks, in reading order', async () => {
    const el = mount(view(items(200)));
    expect(ids(el)).toHaveLength(10);
    for (let i = 0; i < 10 && ids(el).length < 200; i++) await settle();
    expect(ids(el)).toEqual(items(200).map((h) => h.id));
  });

  it('renders at once the one the page asks to edit, with its note box open', async () => {
    const el = mount(view(items(200), { editRequest: { id: 'h150', seq: 1 } }));
    await settle();
    expect(ids(el)).toContain('h150');
    expect(el.querySelector('[data-id="h150"] [data-testid="note-input"]')).not.toBeNull();
  });

  it('renders again only the highlights that changed when a new state arrives', async () => {
    const el = mount(view(items(40)));
    for (let i = 0; i < 5 && ids(el).length < 40; i++) await settle();
    const recolored = items(40).map((h) => (h.id === 'h3' ? { ...h, color: 'green' } : h));
    // A new state is new objects throughout, palette included (it crossed a message). Each item that
    // renders looks its colour up in the palette: count the look-ups.
    const next = palette({});
    const find = vi.spyOn(next, 'find');
    act(() =>
      render(
        <HighlightList
          view={view(
            recolored.map((h) => ({ ...h })),
            { palette: next },
          )}
          actions={actions}
        />,
        root!,
      ),
    );
    expect(el.querySelector('[data-id="h3"]')?.getAttribute('data-color')).toBe('green');
    expect(find).toHaveBeenCalledTimes(1);
  });
});
