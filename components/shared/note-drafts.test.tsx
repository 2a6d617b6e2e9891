/**
 * No lost drafts, IME-safe: every note box (the panel's, the library's) keeps a changed draft when the
 * reader presses Esc or Cancel (it asks), when the popup or panel closes (draft store), and ignores Enter
 * and Esc while an input method is composing; the library search ignores them too.
 */
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HighlightsView } from '@/lib/contexts/article-view/highlights/controller';
import { palette } from '@/lib/highlights/colors';
import { setLang } from '@/lib/i18n';
import { byId } from '@/tests/support/library';
import { HighlightRow, type RowActions } from '../library/HighlightRow';
import { SearchBar } from '../library/SearchBar';
import { HighlightList, type HighlightActions } from '../panel/HighlightList';

let root: HTMLElement | undefined;
function mount(node: ComponentChild): HTMLElement {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(node, root!));
  return root;
}
function unmount() {
  if (root) act(() => render(null, root!));
  root?.remove();
  root = undefined;
}
beforeEach(() => localStorage.clear());
afterEach(() => {
  unmount();
  setLang('en');
  localStorage.clear();
});
const $ = <E extends HTMLElement = HTMLElement>(el: ParentNode, s: string) => el.querySelector<E>(s);
const settle = () => act(async () => new Promise((r) => setTimeout(r, 0)));

function type(box: HTMLTextAreaElement | HTMLInputElement, text: string) {
  box.value = text;
  act(() => void box.dispatchEvent(new InputEvent('input', { bubbles: true })));
}
function key(target: HTMLElement, init: KeyboardEventInit & { keyCode?: number }) {
  const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
  // keyCode is read-only and not in KeyboardEventInit everywhere: set it as the browsers report it.
  if (init.keyCode !== undefined) Object.defineProperty(event, 'keyCode', { value: init.keyCode });
  act(() => void target.dispatchEvent(event));
  return event;
}
/** An input method composing 医保 from pinyin: compositionstart, the letters, then the chosen characters. */
function compose(box: HTMLTextAreaElement | HTMLInputElement, before: string, pinyin: string) {
  act(() => void box.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, data: '' })));
  type(box, before + pinyin);
  act(() => void box.dispatchEvent(new CompositionEvent('compositionupdate', { bubbles: true, data: pinyin })));
}
function endComposition(box: HTMLTextAreaElement | HTMLInputElement, text: string, chosen: string) {
  type(box, text);
  act(() => void box.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: chosen })));
}

const view = (note = ''): HighlightsView => ({
  loaded: true,
  painted: true,
  palette: palette(undefined),
  items: [
    {
      id: 'h1',
      color: 'yellow',
      note,
      tags: [],
      quote: '推进药品和耗材集中带量采购',
      status: 'anchored',
      start: 0,
      createdAt: '2024-01-01T00:00:00.000Z',
    },
  ],
});
function panelActions(): HighlightActions {
  return {
    show: vi.fn(async () => true),
    saveNote: vi.fn(async () => undefined),
    recolor: vi.fn(async () => undefined),
    remove: vi.fn(async () => undefined),
    reattach: vi.fn(async () => undefined),
  };
}

describe('the panel’s note box', () => {
  it('asks before Esc drops a changed note, and keeps it when the reader says so', () => {
    const el = mount(<HighlightList view={view('旧笔记')} actions={panelActions()} />);
    act(() => $(el, '[data-testid="note-edit"]')!.click());
    const box = $<HTMLTextAreaElement>(el, '[data-testid="note-input"]')!;
    type(box, '旧笔记，补充：医保');
    const esc = key(box, { key: 'Escape' });
    expect(esc.defaultPrevented).toBe(true);
    expect($(el, '[data-testid="discard-prompt"]')?.textContent).toContain('Discard the changes to this note?');
    expect($<HTMLTextAreaElement>(el, '[data-testid="note-input"]')?.value).toBe('旧笔记，补充：医保');
    // Keeping is the focused default; Esc on the question keeps too.
    expect(document.activeElement).toBe($(el, '[data-testid="draft-keep"]'));
    key($(el, '[data-testid="draft-keep"]')!, { key: 'Escape' });
    expect($(el, '[data-testid="discard-prompt"]')).toBeNull();
    expect(document.activeElement).toBe($(el, '[data-testid="note-input"]'));
    // Cancel asks as well; discarding closes the box and the saved note shows again.
    act(() => $(el, '[data-testid="note-cancel"]')!.click());
    act(() => $(el, '[data-testid="draft-discard"]')!.click());
    expect($(el, '[data-testid="note-input"]')).toBeNull();
    expect($(el, '[data-testid="highlight-note"]')?.textContent).toBe('旧笔记');
  });

  it('closes at once on Esc when nothing changed', () => {
    const el = mount(<HighlightList view={view('旧笔记')} actions={panelActions()} />);
    act(() => $(el, '[data-testid="note-edit"]')!.click());
    key($(el, '[data-testid="note-input"]')!, { key: 'Escape' });
    expect($(el, '[data-testid="note-input"]')).toBeNull();
    expect($(el, '[data-testid="discard-prompt"]')).toBeNull();
  });

  it('ignores Enter and Esc while an input method composes, then saves what was chosen', async () => {
    const actions = panelActions();
    const el = mount(<HighlightList view={view()} actions={actions} />);
    act(() => $(el, '[data-testid="note-edit"]')!.click());
    const box = $<HTMLTextAreaElement>(el, '[data-testid="note-input"]')!;
    compose(box, '关注', 'yibao');
    // Ctrl+Enter and Esc during the composition (isComposing), and the keydown that ends it (keyCode 229).
    key(box, { key: 'Enter', ctrlKey: true, isComposing: true });
    key(box, { key: 'Escape', isComposing: true });
    key(box, { key: 'Enter', keyCode: 229 });
    key(box, { key: 'Escape', keyCode: 229 });
    expect(actions.saveNote).not.toHaveBeenCalled();
    expect($(el, '[data-testid="discard-prompt"]')).toBeNull();
    expect($(el, '[data-testid="note-input"]')).not.toBeNull();
    endComposition(box, '关注医保', '医保');
    key(box, { key: 'Enter', ctrlKey: true });
    await settle();
    expect(actions.saveNote).toHaveBeenCalledWith('h1', '关注医保', expect.any(String));
  });

  it('keeps an unsaved note when the panel goes away, and opens with it again', () => {
    let el = mount(<HighlightList view={view('旧')} actions={panelActions()} />);
    act(() => $(el, '[data-testid="note-edit"]')!.click());
    type($<HTMLTextAreaElement>(el, '[data-testid="note-input"]')!, '写到一半');
    unmount();
    el = mount(<HighlightList view={view('旧')} actions={panelActions()} />);
    expect($<HTMLTextAreaElement>(el, '[data-testid="note-input"]')?.value).toBe('写到一半');
  });

  it('forgets the kept draft once the note is saved', async () => {
    const actions = panelActions();
    let el = mount(<HighlightList view={view()} actions={actions} />);
    act(() => $(el, '[data-testid="note-edit"]')!.click());
    type($<HTMLTextAreaElement>(el, '[data-testid="note-input"]')!, '存好了');
    act(() => $(el, '[data-testid="note-save"]')!.click());
    await settle();
    expect(actions.saveNote).toHaveBeenCalledWith('h1', '存好了', expect.any(String));
    unmount();
    el = mount(<HighlightList view={view('存好了')} actions={actions} />);
    expect($(el, '[data-testid="note-input"]')).toBeNull();
  });

  it('asks in Chinese in the Chinese interface', () => {
    setLang('zh');
    const el = mount(<HighlightList view={view()} actions={panelActions()} />);
    act(() => $(el, '[data-testid="note-edit"]')!.click());
    type($<HTMLTextAreaElement>(el, '[data-testid="note-input"]')!, '草稿');
    key($(el, '[data-testid="note-input"]')!, { key: 'Escape' });
    expect($(el, '[data-testid="discard-prompt"]')?.textContent).toBe('放弃对这条笔记的修改？继续编辑放弃');
  });
});

describe('the library’s note and tags editor', () => {
  const h = byId('h-d-1');
  const rowActions = (): RowActions => ({ open: vi.fn(), update: vi.fn(async () => undefined), remove: vi.fn() });

  it('asks before Esc drops changed tags, and Esc never reaches the popup', () => {
    const el = mount(<HighlightRow highlight={h} palette={palette(undefined)} actions={rowActions()} />);
    act(() => $(el, '[data-testid="library-edit"]')!.click());
    const tags = $<HTMLInputElement>(el, '[data-testid="library-tags-input"]')!;
    type(tags, 'DRG, 新标签');
    const outside = vi.fn();
    document.addEventListener('keydown', outside);
    key(tags, { key: 'Escape' });
    document.removeEventListener('keydown', outside);
    expect(outside).not.toHaveBeenCalled();
    expect($(el, '[data-testid="discard-prompt"]')).not.toBeNull();
    expect($<HTMLInputElement>(el, '[data-testid="library-tags-input"]')?.value).toBe('DRG, 新标签');
    act(() => $(el, '[data-testid="draft-discard"]')!.click());
    expect($(el, '[data-testid="library-tags-input"]')).toBeNull();
  });

  it('ignores Ctrl+Enter and Esc while composing', async () => {
    const actions = rowActions();
    const el = mount(<HighlightRow highlight={h} palette={palette(undefined)} actions={actions} />);
    act(() => $(el, '[data-testid="library-edit"]')!.click());
    const note = $<HTMLTextAreaElement>(el, '[data-testid="library-note-input"]')!;
    compose(note, '', 'jizhong');
    key(note, { key: 'Enter', ctrlKey: true, isComposing: true });
    key(note, { key: 'Escape', keyCode: 229 });
    expect(actions.update).not.toHaveBeenCalled();
    expect($(el, '[data-testid="discard-prompt"]')).toBeNull();
    endComposition(note, '集中', '集中');
    key(note, { key: 'Enter', ctrlKey: true });
    await settle();
    expect(actions.update).toHaveBeenCalledWith(h.id, { note: '集中', baseNote: h.note });
  });

  it('keeps the draft when the popup closes (a click outside it) and reopens the editor with it', () => {
    let el = mount(<HighlightRow highlight={h} palette={palette(undefined)} actions={rowActions()} />);
    act(() => $(el, '[data-testid="library-edit"]')!.click());
    type($<HTMLTextAreaElement>(el, '[data-testid="library-note-input"]')!, '没写完的笔记');
    unmount();
    el = mount(<HighlightRow highlight={h} palette={palette(undefined)} actions={rowActions()} />);
    expect($<HTMLTextAreaElement>(el, '[data-testid="library-note-input"]')?.value).toBe('没写完的笔记');
  });
});

describe('the library search while composing', () => {
  it('neither searches on Enter nor clears on Esc until the input method is done', () => {
    vi.useFakeTimers();
    try {
      const onSearch = vi.fn();
      const el = mount(<SearchBar initial="" onSearch={onSearch} />);
      const box = $<HTMLInputElement>(el, '[data-testid="library-search"]')!;
      compose(box, '', 'yibao');
      key(box, { key: 'Enter', isComposing: true });
      key(box, { key: 'Escape', keyCode: 229 });
      act(() => void vi.runAllTimers());
      expect(onSearch).not.toHaveBeenCalled();
      expect(box.value).toBe('yibao');
      endComposition(box, '医保', '医保');
      key(box, { key: 'Enter' });
      expect(onSearch).toHaveBeenLastCalledWith('医保');
    } finally {
      vi.useRealTimers();
    }
  });
});
