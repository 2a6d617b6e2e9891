import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLang } from '../../i18n';
import { palette } from '../../highlights/colors';
import { NOTE_MAX } from '../../highlights/limits';
import { placeBeside } from './geometry';
import { captureShadowRoots, flush, key } from './test-support';
import { mountSelectionToolbar, type SelectionToolbar, type SelectionToolbarOptions } from './toolbar';

let toolbar: SelectionToolbar | undefined;
let shadow: ReturnType<typeof captureShadowRoots>;

beforeEach(() => {
  setLang('zh');
  shadow = captureShadowRoots();
  document.body.innerHTML = '<div id="artibody"><p>医保基金是群众的“救命钱”。</p></div><button id="before">page button</button>';
});
afterEach(() => {
  toolbar?.destroy();
  toolbar = undefined;
  vi.restoreAllMocks();
  setLang('en');
  document.body.innerHTML = '';
});

function mount(overrides: Partial<SelectionToolbarOptions> = {}) {
  const calls = { highlight: [] as string[], note: [] as [string, string][], close: 0 };
  toolbar = mountSelectionToolbar(document, {
    colors: palette({ blue: '待核实' }),
    onHighlight: (c) => void calls.highlight.push(c),
    onNote: (c, n) => void calls.note.push([c, n]),
    onClose: () => void (calls.close += 1),
    ...overrides,
  });
  const root = shadow.rootOf('policy-lens-toolbar');
  const $ = <T extends Element = HTMLElement>(sel: string) => root.querySelector(sel) as T;
  const card = $('.card');
  const colorButtons = () => Array.from(root.querySelectorAll<HTMLButtonElement>('button.color'));
  return { calls, root, $, card, colorButtons, toolbar };
}

const RECT = { left: 100, top: 200, right: 300, bottom: 220, width: 200, height: 20 };

describe('selection toolbar', () => {
  it('lives in a closed shadow root outside the article', () => {
    const { root } = mount();
    const host = root.host as HTMLElement;
    expect(host.parentNode).toBe(document.documentElement);
    expect(host.shadowRoot).toBeNull(); // closed: page scripts cannot reach in
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

  it('adds a note: the colour buttons pick the colour, Ctrl+Enter saves', async () => {
    const { calls, $, root, card, colorButtons } = mount();
    toolbar?.show(RECT);
    const toggle = $<HTMLButtonElement>('.note-toggle');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const textarea = $<HTMLTextAreaElement>('textarea');
    expect($('form').hidden).toBe(false);
    expect(root.activeElement).toBe(textarea);
    expect(colorButtons().map((b) => b.getAttribute('aria-pressed'))).toEqual(['true', 'false', 'false', 'false']);
    colorButtons()[3]?.click();
    expect(calls.highlight).toEqual([]);
    expect(colorButtons().map((b) => b.getAttribute('aria-pressed'))).toEqual(['false', 'false', 'false', 'true']);
    expect(colorButtons()[3]?.getAttribute('aria-label')).toBe('颜色“观点”');
    textarea.value = '和2020年口径不同';
    key(textarea, 'Enter', { ctrlKey: true });
    await flush();
    expect(calls.note).toEqual([['pink', '和2020年口径不同']]);
    expect(card.hidden).toBe(true);
  });

  it('never drops a note silently: too long is refused with a message, a failed save keeps the text', async () => {
    let fail = true;
    const saved: string[] = [];
    const { $, card } = mount({ onNote: (_c, n) => (fail ? Promise.reject(new Error('存储失败')) : void saved.push(n)) });
    toolbar?.show(RECT);
    $<HTMLButtonElement>('.note-toggle').click();
    const textarea = $<HTMLTextAreaElement>('textarea');
    expect(textarea.hasAttribute('maxlength')).toBe(false);
    textarea.value = '注'.repeat(NOTE_MAX + 1);
    $<HTMLButtonElement>('button[type="submit"]').click();
    await flush();
    expect($('form [role="alert"]').textContent).toBe(`笔记最多 ${NOTE_MAX} 个字符（现在 ${NOTE_MAX + 1} 个）。`);
    textarea.value = '要点';
    key(textarea, 'Enter', { metaKey: true });
    await flush();
    await flush();
    expect($('form [role="alert"]').textContent).toBe('出错了：存储失败');
    expect(textarea.value).toBe('要点');
    expect(card.hidden).toBe(false);
    fail = false;
    key(textarea, 'Enter', { ctrlKey: true });
    await flush();
    expect(saved).toEqual(['要点']);
  });

  it('Esc closes; with an unsaved note it asks for a second Esc; an outside click keeps a draft', () => {
    const { $, card } = mount();
    toolbar?.show(RECT);
    key($('button.color'), 'Escape');
    expect(card.hidden).toBe(true);

    toolbar?.show(RECT);
    $<HTMLButtonElement>('.note-toggle').click();
    const textarea = $<HTMLTextAreaElement>('textarea');
    textarea.value = '草稿';
    document.body.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    expect(card.hidden).toBe(false);
    key(textarea, 'Escape');
    expect(card.hidden).toBe(false);
    expect($('form [role="alert"]').textContent).toBe('笔记还没保存：再按一次 Esc 放弃。');
    key(textarea, 'Escape');
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
    expect(root.activeElement).toBe($('.note-toggle'));
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
    toolbar?.show(RECT);
    $<HTMLButtonElement>('.note-toggle').click();
    key($('textarea'), 'a');
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
    expect(placeBeside({ left: 100, right: 400, top: 100, bottom: 120, width: 300, height: 20 }, size, viewport, 'below')).toEqual({ left: 300, top: 128, side: 'below' });
  });
  it('goes above the start of a backward selection', () => {
    expect(placeBeside({ left: 100, right: 400, top: 100, bottom: 120, width: 300, height: 20 }, size, viewport, 'above')).toEqual({ left: 8, top: 52, side: 'above' });
  });
  it('flips to the other side when there is no room, and stays inside the viewport', () => {
    expect(placeBeside({ left: 900, right: 990, top: 770, bottom: 790, width: 90, height: 20 }, size, viewport, 'below')).toEqual({ left: 792, top: 722, side: 'above' });
    expect(placeBeside({ left: 10, right: 20, top: 5, bottom: 25, width: 10, height: 20 }, size, viewport, 'above')).toEqual({ left: 8, top: 33, side: 'below' });
    // A selection taller than the viewport: clamped, never off screen.
    expect(placeBeside({ left: 10, right: 20, top: -500, bottom: 1500, width: 10, height: 2000 }, size, viewport, 'below').top).toBe(752);
  });
});
