import { describe, expect, it } from 'vitest';
import { palette } from '../../../highlights/colors';
import { mountNotePopover, type NotePopover, type NotePopoverOptions } from './note-popover';
import { flush, inPageUiTest, key, until } from '../../../../tests/support/article-view/highlights';
import { mountUndoToast, type UndoToast } from './undo-toast';

let popover: NotePopover | undefined;
let toast: UndoToast | undefined;
const shadow = inPageUiTest('<button id="before">page</button>', () => {
  popover?.destroy();
  toast?.destroy();
  popover = undefined;
  toast = undefined;
});

const RECT = { left: 100, top: 200, right: 300, bottom: 220, width: 200, height: 20 };
const H = {
  id: 'h1',
  color: 'green',
  hasNote: false,
  quote: '2021年全国医保基金支出2.4万亿元，比上年增长14.3%，基金运行总体平稳，收支结构持续优化。国家医保局相关负责人表示',
};

function mount(overrides: Partial<NotePopoverOptions> = {}) {
  const calls = { edit: [] as string[], recolor: [] as [string, string][], del: [] as string[], close: 0 };
  popover = mountNotePopover(document, {
    colors: palette({}),
    onEditNote: (id) => void calls.edit.push(id),
    onRecolor: (id, c) => void calls.recolor.push([id, c]),
    onDelete: (id) => void calls.del.push(id),
    onClose: () => void (calls.close += 1),
    ...overrides,
  });
  const root = shadow.rootOf('[role="dialog"]');
  const $ = <T extends Element = HTMLElement>(sel: string) => root.querySelector(sel) as T;
  const pressed = () => Array.from(root.querySelectorAll('button.color')).map((b) => b.getAttribute('aria-pressed'));
  return { calls, root, $, pressed, card: $('.card') };
}

describe('note popover', () => {
  it('shows the shortened quote, that there is no note yet and the current colour; focus moves in', () => {
    const { $, root, pressed, card } = mount();
    popover?.open(H, RECT);
    expect(card.hidden).toBe(false);
    expect(card.getAttribute('role')).toBe('dialog');
    expect($('.quote').textContent).toBe(`${H.quote.slice(0, 59)}…`);
    expect($('.note-state').textContent).toBe('还没有笔记。');
    expect($('.edit').textContent).toBe('添加笔记');
    expect(pressed()).toEqual(['false', 'true', 'false', 'false']);
    expect(root.activeElement).toBe($('.edit'));
    expect((root.host as HTMLElement).shadowRoot).toBeNull();
  });

  it('never holds the note’s text, only that there is one, and hands it over to the panel: "edit note" calls onEditNote and closes', async () => {
    const { $, calls, root, card } = mount();
    const before = document.getElementById('before') as HTMLButtonElement;
    before.focus();
    popover?.open({ ...H, hasNote: true }, RECT);
    expect($('.note-state').textContent).toBe('有笔记：在面板中打开，网页无法读取。');
    expect($('.edit').textContent).toBe('编辑笔记');
    expect(root.querySelector('textarea, input, form, [contenteditable]')).toBeNull();
    $<HTMLButtonElement>('.edit').click();
    await flush();
    expect(calls.edit).toEqual(['h1']);
    expect(card.hidden).toBe(true);
    expect(popover?.isOpen()).toBe(false);
    expect(calls.close).toBe(1);
    expect(document.activeElement).toBe(before);
    expect(root.querySelector('textarea, input, form, [contenteditable]')).toBeNull();
  });

  it('"add note" on a highlight without a note also goes to the panel', async () => {
    const { $, calls, card } = mount();
    popover?.open(H, RECT);
    expect($('.edit').textContent).toBe('添加笔记');
    $<HTMLButtonElement>('.edit').click();
    await flush();
    expect(calls.edit).toEqual(['h1']);
    expect(card.hidden).toBe(true);
  });

  it('stays open with a message when the hand-over fails', async () => {
    const { $, card } = mount({ onEditNote: () => Promise.reject(new Error('面板没有响应')) });
    popover?.open(H, RECT);
    $<HTMLButtonElement>('.edit').click();
    await flush();
    await flush();
    expect(card.hidden).toBe(false);
    expect($('.card > [role="alert"]').textContent).toBe('出错了：面板没有响应');
  });

  it('recolours at once, and goes back with a message when the change fails', async () => {
    let fail = false;
    const seen: string[] = [];
    const { root, pressed, $ } = mount({ onRecolor: (_id, c) => (fail ? Promise.reject(new Error('no')) : void seen.push(c)) });
    popover?.open(H, RECT);
    const buttons = () => Array.from(root.querySelectorAll<HTMLButtonElement>('button.color'));
    expect(buttons()[2]?.getAttribute('aria-label')).toBe('改为“疑问”');
    buttons()[2]?.click();
    await flush();
    expect(seen).toEqual(['blue']);
    expect(pressed()).toEqual(['false', 'false', 'true', 'false']);
    fail = true;
    buttons()[0]?.click();
    expect(pressed()).toEqual(['true', 'false', 'false', 'false']);
    await flush();
    await flush();
    expect(pressed()).toEqual(['false', 'false', 'true', 'false']);
    expect($('.card > [role="alert"]').textContent).toBe('出错了：no');
  });

  it('deletes and closes; the caller offers undo', async () => {
    const { $, calls, card } = mount();
    popover?.open(H, RECT);
    $<HTMLButtonElement>('.delete').click();
    await flush();
    expect(calls.del).toEqual(['h1']);
    expect(card.hidden).toBe(true);
    expect(popover?.isOpen()).toBe(false);
  });

  it('refreshes whether there is a note and the colour on a change from another tab or the panel', () => {
    const { $, pressed } = mount();
    popover?.open(H, RECT);
    expect(popover?.currentId()).toBe('h1');
    popover?.update({ ...H, id: 'other', hasNote: true });
    expect($('.note-state').textContent).toBe('还没有笔记。');
    popover?.update({ ...H, hasNote: true, color: 'pink' });
    expect($('.note-state').textContent).toBe('有笔记：在面板中打开，网页无法读取。');
    expect($('.edit').textContent).toBe('编辑笔记');
    expect(pressed()).toEqual(['false', 'false', 'false', 'true']);
    popover?.update({ ...H, hasNote: false });
    expect($('.note-state').textContent).toBe('还没有笔记。');
    expect($('.edit').textContent).toBe('添加笔记');
  });

  it('Esc closes and gives focus back; an outside click and the close button close', () => {
    const { $, calls, card } = mount();
    const before = document.getElementById('before') as HTMLButtonElement;
    before.focus();
    popover?.open(H, RECT);
    key($('.edit'), 'Escape');
    expect(card.hidden).toBe(true);
    expect(calls.close).toBe(1);
    expect(document.activeElement).toBe(before);

    popover?.open(H, RECT);
    document.body.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    expect(card.hidden).toBe(true);
    expect(calls.close).toBe(2);

    popover?.open(H, RECT);
    $<HTMLButtonElement>('.close').click();
    expect(card.hidden).toBe(true);
    expect(calls.close).toBe(3);
    expect(popover?.currentId()).toBeNull();
  });
});

describe('undo toast', () => {
  it('offers undo for a few seconds and runs it once', async () => {
    toast = mountUndoToast(document);
    const root = shadow.rootOf('[role="status"]');
    const card = root.querySelector('.card') as HTMLElement;
    let undone = 0;
    toast.show('高亮已删除。', () => void (undone += 1), 50);
    expect(card.getAttribute('role')).toBe('status');
    expect(root.querySelector('.message')?.textContent).toBe('高亮已删除。');
    const undo = root.querySelector('button') as HTMLButtonElement;
    expect(undo.textContent).toBe('撤销');
    undo.click();
    await flush();
    expect(undone).toBe(1);
    expect(toast.isOpen()).toBe(false);
    undo.click();
    await flush();
    expect(undone).toBe(1);

    toast.show('高亮已删除。', () => void (undone += 1), 20);
    expect(toast.isOpen()).toBe(true);
    await until(() => !toast?.isOpen());
  });

  it('waits while the pointer is on it', async () => {
    toast = mountUndoToast(document);
    const card = shadow.rootOf('[role="status"]').querySelector('.card') as HTMLElement;
    toast.show('x', () => {}, 20);
    card.dispatchEvent(new MouseEvent('mouseenter'));
    await new Promise((r) => setTimeout(r, 40));
    expect(toast.isOpen()).toBe(true);
  });
});
