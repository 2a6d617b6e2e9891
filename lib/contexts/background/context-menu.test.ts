import { describe, expect, it, vi } from 'vitest';
import { ARTICLE_MATCHES } from '../../sina/match-patterns';
import { createHighlightMenu, HIGHLIGHT_MENU_ID, onHighlightMenu } from './context-menu';

describe('the highlight context-menu item', () => {
  it('is offered for selections on Sina article pages only', async () => {
    const menus = { create: vi.fn(), removeAll: vi.fn(async () => undefined) };
    await createHighlightMenu(menus);
    expect(menus.removeAll).toHaveBeenCalledBefore(menus.create);
    expect(menus.create).toHaveBeenCalledWith({
      id: HIGHLIGHT_MENU_ID,
      title: expect.any(String),
      contexts: ['selection'],
      documentUrlPatterns: [...ARTICLE_MATCHES],
    });
  });

  it('asks the tab to highlight its selection, from the top frame only', async () => {
    const toTab = vi.fn(async () => ({ ok: true }));
    expect(await onHighlightMenu({ menuItemId: HIGHLIGHT_MENU_ID, frameId: 0 }, { id: 4 }, toTab)).toEqual({ ok: true });
    expect(toTab).toHaveBeenCalledWith(4, { type: 'tab:highlight-selection' });
    toTab.mockClear();
    expect(await onHighlightMenu({ menuItemId: HIGHLIGHT_MENU_ID, frameId: 3 }, { id: 4 }, toTab)).toBeUndefined();
    expect(await onHighlightMenu({ menuItemId: 'other' }, { id: 4 }, toTab)).toBeUndefined();
    expect(await onHighlightMenu({ menuItemId: HIGHLIGHT_MENU_ID }, undefined, toTab)).toBeUndefined();
    expect(toTab).not.toHaveBeenCalled();
  });

  it('stays quiet when the tab has no lens', async () => {
    const toTab = vi.fn(async () => Promise.reject(new Error('Receiving end does not exist.')));
    expect(await onHighlightMenu({ menuItemId: HIGHLIGHT_MENU_ID, frameId: 0 }, { id: 4 }, toTab)).toBeUndefined();
  });
});
