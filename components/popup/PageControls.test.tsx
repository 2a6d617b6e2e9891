import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeHostAccess } from '@/tests/support/permissions';
import type { PageControlsDeps } from '@/lib/contexts/extension-pages/popup/page-controls';
import { PageControls } from './PageControls';

const state = {
  status: 'ready',
  article: { key: 'sina:kabc', title: '国办：_谈判药品_落地', publishedAt: null, source: null },
  insight: {},
};

let root: HTMLElement | undefined;
async function mount(node: ComponentChild) {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(node, root!));
  await act(async () => await new Promise((r) => setTimeout(r, 0)));
  return root;
}
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
});

function deps(over: Partial<PageControlsDeps> = {}): PageControlsDeps {
  return {
    activeTab: async () => ({ id: 12, windowId: 1 }),
    send: vi.fn(async (m: { type: string }) => (m.type === 'panel:state' ? { ok: true, value: state } : { ok: true, value: false })),
    shortcut: async () => 'Alt+Shift+L',
    ...over,
  };
}

describe('the popup page controls', () => {
  it('offers to show or hide the panel on an article tab, and says what happened', async () => {
    const d = deps({ openSidePanel: vi.fn(async () => undefined) });
    const el = await mount(<PageControls deps={d} />);
    expect(el.querySelector('[data-testid="page-controls"]')?.getAttribute('data-status')).toBe('article');
    expect(el.querySelector('.page-title')?.textContent).toBe('国办：“谈判药品”落地');
    expect(el.textContent).toContain('Keyboard shortcut: Alt+Shift+L');
    act(() => el.querySelector<HTMLButtonElement>('[data-testid="toggle-panel"]')!.click());
    await act(async () => await new Promise((r) => setTimeout(r, 0)));
    expect(d.send).toHaveBeenLastCalledWith({ type: 'panel:toggle', tabId: 12 });
    expect(el.querySelector('[data-testid="toggle-result"]')?.textContent).toBe(
      'The panel is collapsed to a tab at the right edge of the page.',
    );
    act(() => el.querySelector<HTMLButtonElement>('[data-testid="open-side-panel"]')!.click());
    expect(d.openSidePanel).toHaveBeenCalledWith(1);
  });

  it('says the panel is for articles on any other tab', async () => {
    const el = await mount(<PageControls deps={deps({ send: async () => ({ ok: false, error: 'Could not establish connection' }) })} />);
    expect(el.querySelector('[data-testid="page-controls"]')?.getAttribute('data-status')).toBe('none');
    expect(el.querySelector('[data-testid="toggle-panel"]')).toBeNull();
    expect(el.textContent).toContain('this page is not one');
  });

  it('has no side-panel button where the browser has none', async () => {
    const el = await mount(<PageControls deps={deps()} />);
    expect(el.querySelector('[data-testid="open-side-panel"]')).toBeNull();
  });

  it('on a Sina page the browser has not allowed, asks for access instead of saying it is no article', async () => {
    const { access } = fakeHostAccess(false);
    const el = await mount(<PageControls deps={deps({ hostAccess: access, send: async () => undefined })} />);
    expect(el.querySelector<HTMLElement>('[data-testid="host-access"]')?.dataset.state).toBe('missing');
    expect(el.textContent).not.toContain('this page is not one');
    act(() => el.querySelector<HTMLButtonElement>('[data-testid="host-access-allow"]')!.click());
    await act(async () => await new Promise((r) => setTimeout(r, 0)));
    expect(access.request).toHaveBeenCalledTimes(1);
    // Granted: the compact notice goes away and the popup says what it says on any other page.
    expect(el.querySelector('[data-testid="host-access"]')).toBeNull();
    expect(el.textContent).toContain('this page is not one');
  });
});
