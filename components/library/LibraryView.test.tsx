import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HighlightRecord } from '@/lib/db/schema';
import { setLang } from '@/lib/i18n';
import { LibraryImportError } from '@/lib/library';
import { ARTICLES, HIGHLIGHTS, byId } from '@/tests/support/library';
import type { LibraryData, LibraryDeps } from '@/lib/library/deps';
import { LibraryView } from './LibraryView';

const AT = new Date('2024-06-01T08:00:00.000Z');
const MEASURES = [
  { id: 'fund-supervision', label: 'Fund supervision', category: 'fund-supervision', categoryLabel: 'Fund supervision' },
  { id: 'drg-payment', label: 'DRG payment', category: 'payment-reform', categoryLabel: 'Payment reform' },
];

/** A library in memory that behaves like the real one: writes come back through `watch`. */
function fakeDeps(initial: HighlightRecord[] = HIGHLIGHTS, over: Partial<LibraryDeps> = {}) {
  let data: LibraryData = { highlights: [...initial], articles: ARTICLES, colorRenames: {} };
  let listener: ((d: LibraryData) => void) | undefined;
  const set = (highlights: HighlightRecord[]) => {
    data = { ...data, highlights };
    listener?.(data);
  };
  const deps: LibraryDeps = {
    watch: (onData) => {
      listener = onData;
      onData(data);
      return () => (listener = undefined);
    },
    update: vi.fn(async (id, patch) => {
      const next = { ...data.highlights.find((h) => h.id === id)!, ...patch };
      set(data.highlights.map((h) => (h.id === id ? next : h)));
      return next;
    }),
    remove: vi.fn(async (id) => {
      const record = data.highlights.find((h) => h.id === id) ?? null;
      set(data.highlights.filter((h) => h.id !== id));
      return record;
    }),
    restore: vi.fn(async (record) => {
      set([...data.highlights, record]);
      return record;
    }),
    open: vi.fn(async () => undefined),
    backup: vi.fn(async () => '{"format":"policy-lens-backup"}\n'),
    importFile: vi.fn(async (file: File) => ({
      file: file.name,
      format: 'backup' as const,
      highlights: { added: 6, updated: 0, unchanged: 0, skipped: 0 },
      articles: { added: 2, updated: 0, unchanged: 0, skipped: 0 },
      settings: { added: 1, updated: 0, unchanged: 0, skipped: 0 },
      notesMerged: [],
      datesClamped: 0,
      articlesApart: 0,
    })),
    wipe: vi.fn(async () => {
      const count = data.highlights.length;
      set([]);
      return { highlights: count, articles: 2, settings: 1 };
    }),
    measures: MEASURES,
    now: () => AT,
    ...over,
  };
  return deps;
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
  setLang('en');
});

const $ = <T extends HTMLElement = HTMLElement>(el: ParentNode, s: string) => el.querySelector<T>(s);
const $$ = (el: ParentNode, s: string) => [...el.querySelectorAll<HTMLElement>(s)];
const rowIds = (el: ParentNode) => $$(el, '[data-testid="library-highlight"]').map((r) => r.dataset.id);
const row = (el: ParentNode, id: string) => $(el, `[data-testid="library-highlight"][data-id="${id}"]`)!;

async function type(el: HTMLElement, text: string) {
  const input = $<HTMLInputElement>(el, '[data-testid="library-search"]')!;
  input.value = text;
  act(() => {
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
  });
  // Past the search delay.
  await settle(200);
}

describe('LibraryView: the list', () => {
  it('groups highlights by article, newest article first, with title, date, source and count', async () => {
    const el = await mount(<LibraryView deps={fakeDeps()} mode="popup" />);
    expect($(el, '[data-testid="library"]')?.dataset.state).toBe('ready');
    const groups = $$(el, '[data-testid="library-group"]');
    // A's newest highlight is 2024-05-03, then D (04-30), B (04-28), C (04-25).
    expect(groups.map((g) => g.dataset.key)).toEqual([
      'corpus:a_00000000000000a1',
      'sina:myiabcd1112223',
      'corpus:a_00000000000000b2',
      'corpus:a_00000000000000c3',
    ]);
    const a = groups[0]!;
    expect($(a, '.group-title')?.textContent).toBe('国家医保局发布2021年全国医疗保障事业发展统计公报');
    expect($(a, '[data-testid="library-group-date"]')?.textContent).toBe('8 Jun 2022');
    expect($(a, '[data-testid="library-group-source"]')?.textContent).toBe('国家医保局');
    expect($(a, '[data-testid="library-group-count"]')?.textContent).toBe('3 highlights');
    // The seed title's `_` quotes are shown as quotes; an article outside the corpus gets its date from its URL.
    expect($(groups[2]!, '.group-title')?.textContent).toBe('韩正：医保基金是群众的“救命钱” 要持续加大监管力度');
    expect($(groups[1]!, '[data-testid="library-group-date"]')?.textContent).toBe('2 Mar 2023');
    expect($(groups[1]!, '[data-testid="library-group-count"]')?.textContent).toBe('1 highlight');
    // Reading order inside an article.
    expect($$(a, '[data-testid="library-highlight"]').map((r) => r.dataset.id)).toEqual([
      'h-a-0',
      '3f9c2a4e-8b1d-4c6a-9e2f-0a1b2c3d4e5f',
      'h-a-2',
    ]);
    expect($(el, '[data-testid="library-count"]')?.textContent).toBe('6 highlights in 4 articles');
  });

  it('shows quotes, notes and tags as text, never as markup', async () => {
    const evil: HighlightRecord = { ...byId('h-c-1'), id: 'evil', note: '<img src=x onerror="alert(1)"><b>bold</b>', tags: ['<i>t</i>'] };
    const el = await mount(<LibraryView deps={fakeDeps([evil])} mode="page" />);
    const r = row(el, 'evil');
    expect($(r, '[data-testid="library-note"]')?.textContent).toBe(evil.note);
    expect(r.querySelector('img, b, i')).toBeNull();
    expect($(r, '[data-testid="library-tags"]')?.textContent).toBe('<i>t</i>');
    expect($(r, '[data-testid="library-open"]')?.getAttribute('aria-label')).toBe(
      'Open in the article: “到2025年底，DRG/DIP支付方式覆盖所有符合条件的开…”',
    );
  });

  it('explains how to make a first highlight when there is none', async () => {
    const el = await mount(<LibraryView deps={fakeDeps([], { highlightShortcut: async () => 'Ctrl+Shift+Y' })} mode="popup" />);
    expect($(el, '[data-testid="library"]')?.dataset.state).toBe('empty');
    const empty = $(el, '[data-testid="library-empty"]')!;
    expect(empty.textContent).toContain('Select a sentence');
    expect($(empty, 'kbd')?.textContent).toBe('Ctrl+Shift+Y');
    // Nothing to search; importing a backup is offered, unfolded.
    expect($(el, '[data-testid="library-search"]')).toBeNull();
    expect($<HTMLDetailsElement>(el, '.library-tools')!.open).toBe(true);
  });

  it('speaks Chinese', async () => {
    setLang('zh');
    const el = await mount(<LibraryView deps={fakeDeps()} mode="popup" />);
    expect($(el, '[data-testid="library-count"]')?.textContent).toBe('4 篇文章，6 条高亮');
    expect($(el, '[data-testid="library-group-date"]')?.textContent).toBe('2022年6月8日');
  });
});

describe('LibraryView: search and filters', () => {
  it('searches as you type, in Chinese, across quotes, notes, tags and titles', async () => {
    const el = await mount(<LibraryView deps={fakeDeps()} mode="popup" />);
    await type(el, '救命钱');
    expect(rowIds(el).sort()).toEqual(['h-a-2', 'h-b-1']);
    expect($(el, '[data-testid="library-count"]')?.textContent).toBe('2 of 6 highlights match, in 2 articles');
    await type(el, '监管口径'); // a note
    expect(rowIds(el)).toEqual(['h-b-1']);
    await type(el, '#支付方式改革'); // a tag
    expect(rowIds(el)).toEqual(['h-c-1']);
    await type(el, 'nothing like this');
    expect($(el, '[data-testid="library-none"]')).not.toBeNull();
    act(() => $(el, '[data-testid="library-search-clear"]')!.click());
    await settle();
    expect(rowIds(el)).toHaveLength(6);
  });

  it('waits for the input method to finish composing', async () => {
    const el = await mount(<LibraryView deps={fakeDeps()} mode="popup" />);
    const input = $<HTMLInputElement>(el, '[data-testid="library-search"]')!;
    act(() => {
      input.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }));
    });
    input.value = 'jiu';
    act(() => {
      input.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true }));
    });
    await settle(200);
    expect(rowIds(el)).toHaveLength(6);
    input.value = '救命钱';
    act(() => {
      input.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '救命钱' }));
    });
    await settle(200);
    expect(rowIds(el).sort()).toEqual(['h-a-2', 'h-b-1']);
  });

  it('filters by colour, measure and date, and says when the range is reversed', async () => {
    const el = await mount(<LibraryView deps={fakeDeps()} mode="page" />);
    act(() => $(el, '[data-testid="filter-color-blue"]')!.click());
    expect($(el, '[data-testid="filter-color-blue"]')?.getAttribute('aria-pressed')).toBe('true');
    expect(rowIds(el).sort()).toEqual(['h-a-0', 'h-c-1']);
    act(() => $(el, '[data-testid="filter-color-blue"]')!.click());

    const measure = $<HTMLSelectElement>(el, '[data-testid="filter-measure"]')!;
    expect($$(measure, 'optgroup').map((g) => g.getAttribute('label'))).toEqual(['Fund supervision', 'Payment reform']);
    measure.value = 'fund-supervision';
    act(() => {
      measure.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(rowIds(el).sort()).toEqual(['3f9c2a4e-8b1d-4c6a-9e2f-0a1b2c3d4e5f', 'h-a-0', 'h-a-2', 'h-b-1']);
    act(() => $(el, '[data-testid="filter-reset"]')!.click());
    expect(rowIds(el)).toHaveLength(6);

    const from = $<HTMLInputElement>(el, '[data-testid="filter-from"]')!;
    from.value = '2024-05-02';
    act(() => {
      from.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(rowIds(el)).toEqual(['h-a-2']);
    const to = $<HTMLInputElement>(el, '[data-testid="filter-to"]')!;
    to.value = '2024-05-01';
    act(() => {
      to.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect($(el, '.filter-bar [role="alert"]')?.textContent).toBe('The start date is after the end date.');
    expect(rowIds(el)).toEqual([]);
  });
});

describe('LibraryView: acting on a highlight', () => {
  it('opens the article at a highlight, and says why when it cannot', async () => {
    const deps = fakeDeps(HIGHLIGHTS, { open: vi.fn(async () => Promise.reject(new Error('the browser did not open a tab'))) });
    const el = await mount(<LibraryView deps={deps} mode="popup" />);
    act(() => $(row(el, 'h-b-1'), '[data-testid="library-open"]')!.click());
    await settle();
    expect(deps.open).toHaveBeenCalledWith('h-b-1');
    expect($(el, '[data-testid="library-notice"]')?.textContent).toContain(
      'The article could not be opened: the browser did not open a tab',
    );
    // The title opens the article at its first highlight in reading order.
    act(() => $($$(el, '[data-testid="library-group"]')[0]!, '[data-testid="library-group-open"]')!.click());
    expect(deps.open).toHaveBeenLastCalledWith('h-a-0');
  });

  it('edits a note and tags in place, and keeps the draft when the background refuses', async () => {
    const deps = fakeDeps();
    const el = await mount(<LibraryView deps={deps} mode="popup" />);
    act(() => $(row(el, 'h-d-1'), '[data-testid="library-edit"]')!.click());
    const note = $<HTMLTextAreaElement>(row(el, 'h-d-1'), '[data-testid="library-note-input"]')!;
    const tags = $<HTMLInputElement>(row(el, 'h-d-1'), '[data-testid="library-tags-input"]')!;
    note.value = '付费改革：扩围';
    tags.value = 'DRG，试点、 DRG';
    act(() => {
      note.dispatchEvent(new InputEvent('input', { bubbles: true }));
      tags.dispatchEvent(new InputEvent('input', { bubbles: true }));
    });
    act(() => $(row(el, 'h-d-1'), '[data-testid="library-save"]')!.click());
    await settle();
    expect(deps.update).toHaveBeenCalledWith('h-d-1', { note: '付费改革：扩围', baseNote: '', tags: ['DRG', '试点'] });
    expect($(row(el, 'h-d-1'), '[data-testid="library-note"]')?.textContent).toBe('付费改革：扩围');
    expect($(row(el, 'h-d-1'), '[data-testid="library-tags"]')?.textContent).toBe('DRG试点');

    (deps.update as ReturnType<typeof vi.fn>).mockRejectedValueOnce(
      new Error('Update highlight: note: at most 10000 characters (got 10001)'),
    );
    act(() => $(row(el, 'h-d-1'), '[data-testid="library-edit"]')!.click());
    const again = $<HTMLTextAreaElement>(row(el, 'h-d-1'), '[data-testid="library-note-input"]')!;
    again.value = '改';
    act(() => {
      again.dispatchEvent(new InputEvent('input', { bubbles: true }));
    });
    act(() => $(row(el, 'h-d-1'), '[data-testid="library-save"]')!.click());
    await settle();
    expect($(row(el, 'h-d-1'), '[role="alert"]')?.textContent).toContain('note: at most 10000 characters');
    expect($<HTMLTextAreaElement>(row(el, 'h-d-1'), '[data-testid="library-note-input"]')?.value).toBe('改');
  });

  it('refuses too many tags before asking the background', async () => {
    const deps = fakeDeps();
    const el = await mount(<LibraryView deps={deps} mode="popup" />);
    act(() => $(row(el, 'h-d-1'), '[data-testid="library-edit"]')!.click());
    const tags = $<HTMLInputElement>(row(el, 'h-d-1'), '[data-testid="library-tags-input"]')!;
    tags.value = Array.from({ length: 21 }, (_, i) => `t${i}`).join(',');
    act(() => {
      tags.dispatchEvent(new InputEvent('input', { bubbles: true }));
    });
    act(() => $(row(el, 'h-d-1'), '[data-testid="library-save"]')!.click());
    await settle();
    expect(deps.update).not.toHaveBeenCalled();
    expect($(row(el, 'h-d-1'), '[role="alert"]')?.textContent).toBe('At most 20 tags.');
  });

  it('recolours from the list', async () => {
    const deps = fakeDeps();
    const el = await mount(<LibraryView deps={deps} mode="popup" />);
    const select = $<HTMLSelectElement>(row(el, 'h-a-2'), '[data-testid="library-color"]')!;
    select.value = 'green';
    act(() => {
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    expect(deps.update).toHaveBeenCalledWith('h-a-2', { color: 'green' });
    expect(row(el, 'h-a-2').dataset.color).toBe('green');
  });

  it('deletes with undo, focus on the undo button', async () => {
    const deps = fakeDeps();
    const el = await mount(<LibraryView deps={deps} mode="popup" />);
    act(() => $(row(el, 'h-b-1'), '[data-testid="library-delete"]')!.click());
    await settle();
    expect(rowIds(el)).not.toContain('h-b-1');
    const undo = $(el, '[data-testid="library-undo-button"]')!;
    expect($(el, '[data-testid="library-undo"]')?.textContent).toContain('Highlight deleted.');
    expect(document.activeElement).toBe(undo);
    act(() => undo.click());
    await settle();
    expect(deps.restore).toHaveBeenCalledWith(byId('h-b-1'));
    expect(rowIds(el)).toContain('h-b-1');
    expect($(el, '[data-testid="library-undo"]')).toBeNull();
  });
});

describe('LibraryView: 10,000 highlights', () => {
  const many: HighlightRecord[] = Array.from({ length: 10_000 }, (_, i) => ({
    ...byId('h-a-2'),
    id: `h-${String(i).padStart(5, '0')}`,
    articleKey: `sina:k${i % 400}`,
    title: `文章 ${i % 400}`,
    url: `https://finance.sina.com.cn/roll/2024-01-01/doc-ik${i % 400}.shtml`,
    note: i === 7777 ? '唯一的笔记' : '',
    position: { type: 'TextPositionSelector', start: i, end: i + 10 },
    createdAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
  }));

  it('renders one page at a time, and finds one highlight among them', async () => {
    const el = await mount(<LibraryView deps={fakeDeps(many)} mode="page" />);
    // Above SYNC_INDEX_LIMIT the index is built in slices: loading until it is ready.
    expect($(el, '[data-testid="library"]')?.dataset.state).toBe('loading');
    for (let i = 0; i < 200 && rowIds(el).length === 0; i++) await settle(10);
    expect(rowIds(el)).toHaveLength(20);
    expect($(el, '[data-testid="library-count"]')?.textContent).toBe('10000 highlights in 400 articles');
    act(() => $(el, '[data-testid="library-more"]')!.click());
    expect(rowIds(el)).toHaveLength(70);
    expect($(el, '[data-testid="library-more"]')?.textContent).toBe('Show more (70 of 10000 shown)');
    await type(el, '唯一');
    expect(rowIds(el)).toEqual(['h-07777']);
    expect($(el, '[data-testid="library-more"]')).toBeNull();
  });
});

describe('LibraryView: export, import, delete everything', () => {
  it('exports a backup through a download link that stays until the next export', async () => {
    const deps = fakeDeps();
    const created: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => `blob:test/${created.push(b as Blob)}`);
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    try {
      const el = await mount(<LibraryView deps={deps} mode="page" />);
      act(() => $(el, '[data-testid="export-backup"]')!.click());
      await settle();
      const link = $<HTMLAnchorElement>(el, '[data-testid="export-link"]')!;
      expect(link.getAttribute('download')).toBe('policy-lens-backup-2024-06-01.json');
      expect(link.getAttribute('href')).toBe('blob:test/1');
      expect(click).toHaveBeenCalledTimes(1);
      expect(await created[0]!.text()).toBe('{"format":"policy-lens-backup"}\n');

      // Markdown of what the search shows; the backup's URL is let go.
      await type(el, '救命钱');
      expect($(el, '.export-import .hint')?.textContent).toContain('the 2 highlights matching');
      act(() => $(el, '[data-testid="export-markdown"]')!.click());
      await settle();
      expect(revoke).toHaveBeenCalledWith('blob:test/1');
      expect($(el, '[data-testid="export-link"]')?.getAttribute('download')).toBe('policy-lens-highlights-2024-06-01.md');
      const md = await created[1]!.text();
      expect(md).toContain('救命钱');
      expect(md).not.toContain('万亿');
      act(() => render(null, root!));
      expect(revoke).toHaveBeenCalledWith('blob:test/2');
    } finally {
      create.mockRestore();
      revoke.mockRestore();
      click.mockRestore();
    }
  });

  it('imports a file and reports what came in, or shows the refusal naming the file and field', async () => {
    const deps = fakeDeps();
    const el = await mount(<LibraryView deps={deps} mode="page" />);
    const input = $<HTMLInputElement>(el, '[data-testid="library-import-input"]')!;
    const choose = (file: File) => {
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      act(() => {
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
    };
    choose(new File(['{}'], 'backup.json'));
    await settle();
    expect($(el, '[data-testid="import-report"]')?.textContent).toBe(
      'backup.json: 6 highlights added, 0 updated, 0 already there, 0 kept as they were; 2 articles and 1 settings added or restored.',
    );

    (deps.importFile as ReturnType<typeof vi.fn>).mockRejectedValueOnce(
      new LibraryImportError('bad.json', 'colour must be one of yellow, green, blue, pink', 'highlights[0].color'),
    );
    choose(new File(['{}'], 'bad.json'));
    await settle();
    expect($(el, '[data-testid="import-error"]')?.textContent).toBe(
      'Nothing was imported. bad.json: highlights[0].color: colour must be one of yellow, green, blue, pink',
    );
    expect($(el, '[data-testid="import-report"]')).toBeNull();
  });

  it('sends the popup to the full page to import (a popup closes under a file picker in Firefox)', async () => {
    const openPage = vi.fn();
    const el = await mount(<LibraryView deps={fakeDeps(HIGHLIGHTS, { openPage })} mode="popup" />);
    expect($(el, '[data-testid="library-import-input"]')).toBeNull();
    act(() => $(el, '[data-testid="import-open-page"]')!.click());
    expect(openPage).toHaveBeenCalledWith('import');
    act(() => $(el, '[data-testid="open-page"]')!.click());
    expect(openPage).toHaveBeenLastCalledWith();
  });

  it('deletes everything only after a confirmation that offers a backup first', async () => {
    const deps = fakeDeps();
    const el = await mount(<LibraryView deps={deps} mode="page" />);
    act(() => $(el, '[data-testid="wipe"]')!.click());
    const dialog = $(el, '[data-testid="wipe-dialog"]')!;
    expect(dialog.textContent).toContain('all 6 highlights');
    expect(dialog.textContent).toContain('export a full backup first');
    // The safe choice has the focus.
    expect(document.activeElement).toBe($(el, '[data-testid="wipe-cancel"]'));
    act(() => $(el, '[data-testid="wipe-cancel"]')!.click());
    expect(deps.wipe).not.toHaveBeenCalled();
    expect($(el, '[data-testid="wipe-dialog"]')).toBeNull();

    act(() => $(el, '[data-testid="wipe"]')!.click());
    act(() => $(el, '[data-testid="wipe-confirm"]')!.click());
    await settle();
    expect(deps.wipe).toHaveBeenCalledOnce();
    expect($(el, '[data-testid="wipe-result"]')?.textContent).toBe('Deleted 6 highlights, 2 articles and 1 settings.');
    expect($(el, '[data-testid="library"]')?.dataset.state).toBe('empty');
  });
});
