import { describe, expect, it } from 'vitest';
import { palette } from '../../../highlights/colors';
import { placeBeside } from './geometry';
import { flush, inPageUiTest, key } from '../../../../tests/support/article-view/highlights';
import { mountSelectionToolbar, type SelectionToolbar, type SelectionToolbarOptions } from './toolbar';

let toolbar: SelectionToolbar | undefined;
const shadow = inPageUiTest('<div id="artibody"><p>医保基金是群众的“救命钱”。</p></div><button id="before">page button</button>', () => {
  toolbar?.destroy();
  toolbar = undefined;
});

function mount(overrides: Partial<SelectionToolbarOptions> = {}) {
  const calls = { highlight: [] as string[], note: [] as string[], close: 0 };
  toolbar = mountSelectionToolbar(document, {
    colors: palette({ blue: '待核实' }),
    onHighlight: (c) => void calls.highlight.push(c),
    onNote: (c) => void calls.note.push(c),
    onClose: () => void (calls.close += 1),
    ...overrides,
  });
  const root = shadow.rootOf('[role="toolbar"]');
  const $ = <T extends Element = HTMLElement>(sel: string) => root.querySelector(sel) as T;
  const card = $('.card');
  const colorButtons = () => Array.from(root.querySelectorAll<HTMLButtonElement>('button.color'));
  return { calls, root, $, card, colorButtons, toolbar };
}

const RECT = { left: 100, top: 200, right: 300, bottom: 220, width: 200, height: 20 };

describe('selection toolbar', () => {
  it('lives in a closed shadow root inside the page’s one Policy Lens host, outside the article', () => {
    const { root } = mount();
    const part = root.host as HTMLElement;
    expect(part.shadowRoot).toBeNull(); // closed: page scripts cannot reach in
    // The part itself sits in the host's closed shadow root: what the page sees is the host alone.
    const host = (part.getRootNode() as ShadowRoot).host as HTMLElement;
    expect(host.parentNode).toBe(document.documentElement);
    expect(host.shadowRoot).toBeNull();
    expect(document.getElementById('artibody')?.contains(host)).toBe(false);
  });

  it('offers each colour by its meaning (renames included) and highlights at once', async () => {
    const { calls, card, colorButtons } = mount();
    expect(card.hidden).toBe(true);
    toolbar?.show(RECT);
    expect(card.hidden).toBe(false);
    expect(card.getAttribute('role')).toBe('toolbar');
    expect(colorButtons().map((b) => [b.dataset.color, b.getAttribute('aria-label'), b.title])).toEqual([
      ['yellow', '高亮为“重点”', '重点'],
      ['green', '高亮为“数据”', '数据'],
      ['blue', '高亮为“待核实”', '待核实'],
      ['pink', '高亮为“观点”', '观点'],
    ]);
    colorButtons()[1]?.click();
    await flush();
    expect(calls.highlight).toEqual(['green']);
    expect(card.hidden).toBe(true);
    expect(calls.close).toBe(1);
  });

  it('shows a failed highlight instead of closing', async () => {
    const { $, card, colorButtons } = mount({ onHighlight: () => Promise.reject(new Error('后台没有响应')) });
    toolbar?.show(RECT);
    colorButtons()[0]?.click();
    await flush();
    await flush();
    expect(card.hidden).toBe(false);
    expect($('[role="alert"]').textContent).toBe('出错了：后台没有响应');
  });

  it('"add note" highlights in the default colour and closes: the note is typed in the panel, never in the page', async () => {
    const { calls, $, root, card } = mount();
    toolbar?.show(RECT);
    const addNote = $<HTMLButtonElement>('.add-note');
    expect(addNote.textContent).toBe('✎ 添加笔记');
    expect(addNote.hasAttribute('aria-expanded')).toBe(false);
    expect(addNote.hasAttribute('aria-controls')).toBe(false);
    addNote.click();
    await flush();
    expect(calls.note).toEqual(['yellow']);
    expect(calls.highlight).toEqual([]);
    expect(card.hidden).toBe(true);
    expect(calls.close).toBe(1);
    expect(root.querySelector('textarea, input, form, [contenteditable]')).toBeNull();
  });

  it('"add note" uses the caller\'s default colour, and colour buttons never switch into a note mode', async () => {
    const { calls, $, colorButtons } = mount({ defaultColor: 'blue' });
    toolbar?.show(RECT);
    expect(colorButtons().map((b) => b.getAttribute('aria-pressed'))).toEqual([null, null, null, null]);
    $<HTMLButtonElement>('.add-note').click();
    await flush();
    expect(calls.note).toEqual(['blue']);
  });

  it('shows a failed "add note" instead of closing, and can be tried again', async () => {
    let fail = true;
    const noted: string[] = [];
    const { $, card } = mount({ onNote: (c) => (fail ? Promise.reject(new Error('存储失败')) : void noted.push(c)) });
    toolbar?.show(RECT);
    $<HTMLButtonElement>('.add-note').click();
    await flush();
    await flush();
    expect(card.hidden).toBe(false);
    expect($('[role="alert"]').textContent).toBe('出错了：存储失败');
    fail = false;
    $<HTMLButtonElement>('.add-note').click();
    await flush();
    expect(noted).toEqual(['yellow']);
    expect(card.hidden).toBe(true);
  });

  it('ignores a second click while a highlight is being made', async () => {
    let resolve = () => {};
    const noted: string[] = [];
    const { $, calls, card, colorButtons } = mount({
      onNote: (c) => {
        noted.push(c);
        return new Promise<void>((r) => (resolve = r));
      },
    });
    toolbar?.show(RECT);
    $<HTMLButtonElement>('.add-note').click();
    await flush();
    $<HTMLButtonElement>('.add-note').click();
    colorButtons()[0]?.click();
    await flush();
    expect(noted).toEqual(['yellow']);
    expect(calls.highlight).toEqual([]);
    resolve();
    await flush();
    expect(card.hidden).toBe(true);
  });

  it('Esc closes; an outside click closes', () => {
    const { $, card } = mount();
    toolbar?.show(RECT);
    key($('button.color'), 'Escape');
    expect(card.hidden).toBe(true);

    toolbar?.show(RECT);
    key($('.add-note'), 'Escape');
    expect(card.hidden).toBe(true);

    toolbar?.show(RECT);
    document.body.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    expect(card.hidden).toBe(true);
  });

  it('is keyboard accessible: focus on request, arrow keys, focus returns on close', () => {
    const { root, colorButtons, $ } = mount();
    const before = document.getElementById('before') as HTMLButtonElement;
    before.focus();
    toolbar?.show(RECT); // a mouse selection: no focus stolen
    expect(document.activeElement).toBe(before);
    toolbar?.hide();
    toolbar?.show(RECT, { focus: true });
    expect(root.activeElement).toBe(colorButtons()[0]);
    key(colorButtons()[0] as Element, 'ArrowRight');
    expect(root.activeElement).toBe(colorButtons()[1]);
    key(colorButtons()[1] as Element, 'End');
    expect(root.activeElement).toBe($('.add-note'));
    key(root.activeElement as Element, 'ArrowRight');
    expect(root.activeElement).toBe(colorButtons()[0]);
    key(root.activeElement as Element, 'Escape');
    expect(document.activeElement).toBe(before);
  });

  it('keeps the page from hearing keystrokes and clicks inside it, and keeps the selection on mousedown', () => {
    const { $ } = mount();
    const heard: string[] = [];
    document.addEventListener('keydown', (e) => heard.push(e.key));
    document.addEventListener('click', () => heard.push('click'));
    toolbar?.show(RECT, { focus: true });
    key($('button.color'), 'a');
    $<HTMLButtonElement>('button.color').click();
    expect(heard).toEqual([]);
    const down = new MouseEvent('mousedown', { bubbles: true, cancelable: true, composed: true });
    $('button.color').dispatchEvent(down);
    expect(down.defaultPrevented).toBe(true);
  });

  it('relabels colours after a rename', () => {
    const { colorButtons } = mount();
    toolbar?.setColors(palette({ yellow: '必读' }));
    expect(colorButtons()[0]?.getAttribute('aria-label')).toBe('高亮为“必读”');
  });

  it('is placed from the selection rect', () => {
    const { card } = mount();
    toolbar?.show(RECT);
    // happy-dom has no layout: the fallback size (340×40) centred on the selection's end, below it.
    expect([card.style.left, card.style.top, card.dataset.side]).toEqual(['130px', '228px', 'below']);
  });
});

describe('placeBeside', () => {
  const viewport = { width: 1000, height: 800 };
  const size = { width: 200, height: 40 };
  it('goes below the end of a forward selection, centred on it', () => {
    expect(placeBeside({ left: 100, right: 400, top: 100, bottom: 120, width: 300, height: 20 }, size, viewport, 'below')).toEqual({
      left: 300,
      top: 128,
      side: 'below',
    });
  });
  it('goes above the start of a backward selection', () => {
    expect(placeBeside({ left: 100, right: 400, top: 100, bottom: 120, width: 300, height: 20 }, size, viewport, 'above')).toEqual({
      left: 8,
      top: 52,
      side: 'above',
    });
  });
  it('flips to the other side when there is no room, and stays inside the viewport', () => {
    expect(placeBeside({ left: 900, right: 990, top: 770, bottom: 790, width: 90, height: 20 }, size, viewport, 'below')).toEqual({
      left: 792,
      top: 722,
      side: 'above',
    });
    expect(placeBeside({ left: 10, right: 20, top: 5, bottom: 25, width: 10, height: 20 }, size, viewport, 'above')).toEqual({
      left: 8,
      top: 33,
      side: 'below',
    });
    // A selection taller than the viewport: clamped, never off screen.
    expect(placeBeside({ left: 10, right: 20, top: -500, bottom: 1500, width: 10, height: 2000 }, size, viewport, 'below').top).toBe(752);
  });
});
