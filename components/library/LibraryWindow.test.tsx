/**
 * The library list with a full library: the first screen before the rest, the index kept up to date
 * by edits without folding everything again, and only a window of the list in the document.
 */
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HighlightRecord } from '@/lib/db/schema';
import { ARTICLES, byId } from '@/tests/support/library';
import type { LibraryData, LibraryDeps } from '@/lib/library/deps';
import { FIRST_LIST_MARK } from '@/lib/contexts/extension-pages/timing-marks';
import { LibraryView } from './LibraryView';

/** 10,000 highlights on 400 articles outside the corpus, one a minute: article k holds k, k+400, … */
const MANY: HighlightRecord[] = Array.from({ length: 10_000 }, (_, i) => ({
  ...byId('h-a-2'),
  id: `h-${String(i).padStart(5, '0')}`,
  articleKey: `sina:k${i % 400}`,
  title: `文章 ${i % 400}`,
  url: `https://finance.sina.com.cn/roll/2024-01-01/doc-ik${i % 400}.shtml`,
  note: i === 7777 ? '唯一的笔记' : '',
  position: { type: 'TextPositionSelector', start: i, end: i + 10 },
  createdAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
}));

/** A library whose data the test hands out step by step, as the feed does. */
function steppedDeps() {
  let listener: ((d: LibraryData) => void) | undefined;
  const deps: LibraryDeps = {
    watch: (onData: (d: LibraryData) => void) => {
      listener = onData;
      return () => (listener = undefined);
    },
    update: vi.fn(),
    remove: vi.fn(),
    restore: vi.fn(),
    open: vi.fn(async () => undefined),
    backup: vi.fn(),
    importFile: vi.fn(),
    wipe: vi.fn(),
    measures: [],
  } as unknown as LibraryDeps;
  return { deps, give: (d: LibraryData) => act(() => listener!(d)) };
}

let root: HTMLElement | undefined;
async function mount(node: ComponentChild): Promise<HTMLElement> {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(node, root!));
  await settle();
  return root;
}
const settle = (ms = 0) => act(async () => await new Promise((r) => setTimeout(r, ms)));
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  vi.restoreAllMocks();
  performance.clearMarks();
});

const $ = <T extends HTMLElement = HTMLElement>(el: ParentNode, s: string) => el.querySelector<T>(s);
const $$ = (el: ParentNode, s: string) => [...el.querySelectorAll<HTMLElement>(s)];
const rowIds = (el: ParentNode) => $$(el, '[data-testid="library-highlight"]').map((r) => r.dataset.id);
const waitRows = async (el: HTMLElement) => {
  for (let i = 0; i < 300 && rowIds(el).length === 0; i++) await settle(10);
};

describe('the first screen, then everything', () => {
  it('shows the first screen at once, and searches, counts and exports once everything is read', async () => {
    const { deps, give } = steppedDeps();
    const el = await mount(<LibraryView deps={deps} mode="page" />);
    expect($(el, '[data-testid="library"]')?.dataset.state).toBe('loading');
    // The feed's first screen: the newest highlights' articles, whole (here the last 20 articles' highlights).
    const newestArticles = new Set(MANY.slice(-20).map((h) => h.articleKey));
    const first = MANY.filter((h) => newestArticles.has(h.articleKey));
    give({ highlights: first, articles: ARTICLES, colorRenames: {}, complete: false, total: MANY.length });
    expect($(el, '[data-testid="library"]')?.dataset.state).toBe('partial');
    expect(rowIds(el)).toHaveLength(20);
    // The newest article first, its highlights in reading order.
    expect($(el, '[data-testid="library-group"]')?.dataset.key).toBe('sina:k399');
    expect($(el, '[data-testid="library-count-pending"]')?.textContent).toBe('Reading your highlights…');
    expect($(el, '[data-testid="library-count"]')).toBeNull();
    expect($(el, '.library-tools')).toBeNull();
    expect($(el, '[data-testid="library-group"]')?.getAttribute('aria-setsize')).toBe('-1');
    const mark = performance.getEntriesByName(FIRST_LIST_MARK);
    expect(mark).toHaveLength(1);
    expect((mark[0] as PerformanceMark).detail).toEqual({ state: 'partial' });

    // A word typed now waits for everything.
    const input = $<HTMLInputElement>(el, '[data-testid="library-search"]')!;
    input.value = '唯一';
    act(() => {
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    });
    await settle(200);
    expect(rowIds(el)).toHaveLength(20);

    give({ highlights: MANY, articles: ARTICLES, colorRenames: {}, complete: true, total: MANY.length });
    await waitRows(el);
    for (let i = 0; i < 300 && $(el, '[data-testid="library"]')?.dataset.state !== 'ready'; i++) await settle(10);
    expect(rowIds(el)).toEqual(['h-07777']);
    expect($(el, '[data-testid="library-count"]')?.textContent).toBe('1 of 10000 highlights match, in 1 articles');
    expect($(el, '.library-tools')).not.toBeNull();
    // Marked once only.
    expect(performance.getEntriesByName(FIRST_LIST_MARK)).toHaveLength(1);
  });
});

describe('an edit in a full library', () => {
  it('folds the changed highlight only, not the other 10,000', async () => {
    const { deps, give } = steppedDeps();
    const el = await mount(<LibraryView deps={deps} mode="page" />);
    let highlights = MANY;
    give({ highlights, articles: ARTICLES, colorRenames: {}, complete: true });
    await waitRows(el);
    const normalize = vi.spyOn(String.prototype, 'normalize');
    highlights = highlights.map((h) => (h.id === 'h-00399' ? { ...h, note: '刚写的笔记' } : h));
    give({ highlights, articles: ARTICLES, colorRenames: {}, complete: true });
    expect($(el, '[data-testid="library-highlight"][data-id="h-00399"] [data-testid="library-note"]')?.textContent).toBe('刚写的笔记');
    // Its quote, note and title: a handful of strings folded, where a rebuild folds over 20,000.
    expect(normalize.mock.calls.length).toBeLessThan(20);
  });
});

/**
 * A layout for happy-dom, which lays nothing out: in the list, a group is 60 px of header and 100 px
 * per row, the spacer its style height, stacked from 100 px below the page top; `scrollY` moves them.
 */
let scrollY = 0;
function emulateLayout() {
  scrollY = 0;
  vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(600);
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    const height = (e: Element) =>
      e.classList.contains('library-spacer')
        ? parseFloat((e as HTMLElement).style.height) || 0
        : e.classList.contains('library-group')
          ? 60 + 100 * e.querySelectorAll('[data-testid="library-highlight"]').length
          : 0;
    if (this.classList.contains('library-groups')) return new DOMRect(0, 100 - scrollY, 400, 0);
    const list = this.parentElement;
    if (!list?.classList.contains('library-groups')) return new DOMRect(0, 0, 0, 0);
    let top = 100 - scrollY;
    for (const sibling of list.children) {
      if (sibling === this) break;
      top += height(sibling);
    }
    return new DOMRect(0, top, 400, height(this));
  });
}
async function scrollTo(y: number) {
  scrollY = y;
  vi.spyOn(window, 'scrollY', 'get').mockReturnValue(y);
  act(() => {
    window.dispatchEvent(new Event('scroll'));
  });
  await settle(40);
  await settle(40);
}
/** Scrolls until the last rendered group's bottom is the viewport's bottom: where the sentinel comes into view. */
async function scrollToEnd(el: HTMLElement) {
  const last = $$(el, '[data-testid="library-group"]').at(-1)!;
  await scrollTo(scrollY + last.getBoundingClientRect().bottom - 600);
}
const groupKeys = (el: HTMLElement) => $$(el, '[data-testid="library-group"]').map((g) => g.dataset.key);
/** The spacer before the first rendered group, if any. */
const spacer = (el: HTMLElement) => $(el, '.library-groups > .library-spacer:first-child');

describe('the window of the list', () => {
  beforeEach(emulateLayout);

  it(
    'keeps a few screens of rows in the document however far the reader scrolls, and gives them back on the way up',
    { timeout: 60_000 },
    async () => {
      const { deps, give } = steppedDeps();
      const el = await mount(<LibraryView deps={deps} mode="page" />);
      give({ highlights: MANY, articles: ARTICLES, colorRenames: {}, complete: true });
      await waitRows(el);
      expect(rowIds(el)).toHaveLength(20);
      // Scroll down to the end again and again, pressing "Show more" there as the sentinel would: 570 highlights shown.
      for (let i = 1; i <= 11; i++) {
        act(() => $(el, '[data-testid="library-more"]')!.click());
        await scrollToEnd(el);
      }
      expect($(el, '[data-testid="library-more"]')?.textContent).toBe('Show more (570 of 10000 shown)');
      // Far fewer rows in the document than shown so far; the groups above are one spacer.
      expect(rowIds(el).length).toBeLessThan(100);
      expect(spacer(el)).not.toBeNull();
      const first = $(el, '[data-testid="library-group"]')!;
      expect(Number(first.getAttribute('aria-posinset'))).toBeGreaterThan(1);
      expect(first.getAttribute('aria-setsize')).toBe('400');
      // The spacer is as tall as what it stands for: the first rendered group sits where it was.
      expect(first.getBoundingClientRect().top).toBeLessThan(0);

      // Back to the top at once (the Home key): the first groups return, and the far end goes behind a spacer.
      await scrollTo(0);
      expect(spacer(el)).toBeNull();
      expect(groupKeys(el)[0]).toBe('sina:k399');
      expect(rowIds(el).length).toBeLessThan(100);
      expect($(el, '.library-groups > .library-spacer:last-child')).not.toBeNull();
      expect($(el, '[data-testid="library-more"]')?.textContent).toBe('Show more (570 of 10000 shown)');
    },
  );

  it('never takes away the group that holds the focus', { timeout: 60_000 }, async () => {
    const { deps, give } = steppedDeps();
    const el = await mount(<LibraryView deps={deps} mode="page" />);
    give({ highlights: MANY, articles: ARTICLES, colorRenames: {}, complete: true });
    await waitRows(el);
    const button = $(el, '[data-testid="library-group"] [data-testid="library-group-open"]')!;
    button.focus();
    for (let i = 1; i <= 6; i++) {
      act(() => $(el, '[data-testid="library-more"]')!.click());
      await scrollToEnd(el);
    }
    expect(document.activeElement).toBe(button);
    expect(groupKeys(el)[0]).toBe('sina:k399');
    expect(spacer(el)).toBeNull();
  });
});
