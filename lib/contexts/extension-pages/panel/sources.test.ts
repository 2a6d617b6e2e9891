import { describe, expect, it, vi } from 'vitest';
import type { LensState } from '../../../messages/tab-state';
import { activeTabSource, framedSource, withFrameSecret, type OnStateChanged } from './sources';

const ready: LensState = {
  status: 'loading',
  article: { key: 'sina:kabc', title: '标题', publishedAt: null, source: null, url: 'https://finance.sina.com.cn/a/doc-iabc.shtml' },
};
const target = { exact: '集采', prefix: '', suffix: '', start: 0, end: 2 };

function notices() {
  const listeners = new Set<(tab: number | undefined) => void>();
  const on: OnStateChanged = (l) => {
    listeners.add(l);
    return () => listeners.delete(l);
  };
  return { on, fire: (tab?: number) => listeners.forEach((l) => l(tab)), count: () => listeners.size };
}

describe('panel sources', () => {
  it('framed: asks about its own tab, reveals, collapses, retries, and refreshes on any notice', async () => {
    const send = vi.fn(async (m: unknown) =>
      (m as { type: string }).type === 'panel:state' ? { ok: true, value: ready } : { ok: true, value: true },
    );
    const n = notices();
    const source = framedSource(send, n.on);
    expect(await source.load()).toEqual(ready);
    expect(await source.reveal(target)).toBe(true);
    await source.collapse!();
    await source.retry!();
    expect(send.mock.calls.map((c) => c[0])).toEqual([
      { type: 'panel:state' },
      { type: 'panel:reveal', target },
      { type: 'panel:set-open', open: false },
      { type: 'panel:retry' },
    ]);
    const changed = vi.fn();
    const off = source.subscribe(changed);
    n.fire(3);
    expect(changed).toHaveBeenCalledTimes(1);
    off();
    expect(n.count()).toBe(0);
  });

  it('framed: a background that is away means no article, not a crash', async () => {
    const source = framedSource(async () => {
      throw new Error('Extension context invalidated.');
    }, notices().on);
    expect(await source.load()).toBeNull();
    expect(await source.reveal(target)).toBe(false);
  });

  it('active tab: follows the active tab and only its notices', async () => {
    let active = 4;
    const send = vi.fn(async (raw: unknown) => {
      const m = raw as { type: string; tabId?: number };
      return m.type === 'panel:state' && m.tabId === 4 ? { ok: true, value: ready } : { ok: false, error: 'no lens' };
    });
    const n = notices();
    let tabsChanged: ((tab: number | undefined) => void) | undefined;
    const source = activeTabSource({
      send,
      activeTabId: async () => active,
      onTabsChanged: (l) => {
        tabsChanged = l;
        return () => (tabsChanged = undefined);
      },
      onStateChanged: n.on,
    });
    expect(await source.load()).toEqual(ready);
    await source.reveal(target);
    expect(send).toHaveBeenLastCalledWith({ type: 'panel:reveal', target, tabId: 4 });
    expect(source.collapse).toBeUndefined();

    const changed = vi.fn();
    const off = source.subscribe(changed);
    n.fire(9); // another tab's content script
    expect(changed).not.toHaveBeenCalled();
    n.fire(4);
    tabsChanged!(7);
    expect(changed).toHaveBeenCalledTimes(2);

    active = 7; // the reader switched to a tab without the lens
    expect(await source.load()).toBeNull();
    await source.retry!();
    expect(send).toHaveBeenLastCalledWith({ type: 'panel:retry', tabId: 7 });
    off();
    expect(tabsChanged).toBeUndefined();
    expect(n.count()).toBe(0);
  });

  it('framed: every message carries the frame secret', async () => {
    const send = vi.fn(async () => ({ ok: true, value: null }));
    const source = framedSource(withFrameSecret(send, 'abc'), notices().on);
    expect(await source.load()).toBeNull();
    await source.highlights!.remove('h1');
    expect(send.mock.calls).toEqual([[{ type: 'panel:state', frame: 'abc' }], [{ type: 'highlights:delete', id: 'h1', frame: 'abc' }]]);
  });

  it('highlights: a refusal (the tab’s own, relayed) rejects with its words and code', async () => {
    const send = vi.fn(async () => ({ ok: false, error: 'Select the text first', code: 'highlight.no-selection' }));
    const source = framedSource(send, notices().on);
    await expect(source.highlights!.reattach('h1')).rejects.toMatchObject({
      name: 'WordedError',
      message: 'Select the text first',
      code: 'highlight.no-selection',
    });
  });
});
