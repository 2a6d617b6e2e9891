import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LibraryDeps } from '@/lib/library/deps';
import type { PageControlsDeps } from '@/lib/contexts/extension-pages/popup/page-controls';
import { ARTICLES, HIGHLIGHTS } from '@/tests/support/library';
import { Popup } from '../Popup';

let root: HTMLElement | undefined;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
});

const page: PageControlsDeps = {
  activeTab: async () => ({ id: 1, windowId: 1 }),
  send: async () => ({ ok: false, error: 'not an article' }),
  shortcut: async () => undefined,
};

function library(over: Partial<LibraryDeps> = {}): LibraryDeps {
  return {
    watch: (onData) => {
      onData({ highlights: HIGHLIGHTS, articles: ARTICLES, colorRenames: {} });
      return () => undefined;
    },
    update: vi.fn(),
    remove: vi.fn(),
    restore: vi.fn(),
    open: vi.fn(async () => undefined),
    backup: vi.fn(),
    importFile: vi.fn(),
    wipe: vi.fn(),
    measures: [],
    openPage: vi.fn(),
    ...over,
  };
}

describe('the popup', () => {
  it('keeps the page controls at the top and lists the library under them', async () => {
    root = document.createElement('div');
    document.body.append(root);
    const deps = library();
    act(() => render(<Popup page={page} library={deps} />, root!));
    await act(async () => await new Promise((r) => setTimeout(r, 0)));
    const sections = [...root.querySelectorAll('[data-testid="page-controls"], [data-testid="library"]')].map((s) =>
      s.getAttribute('data-testid'),
    );
    expect(sections).toEqual(['page-controls', 'library']);
    expect(root.querySelectorAll('[data-testid="library-group"]')).toHaveLength(4);
    // Export, import and delete are folded away in the popup.
    expect(root.querySelector<HTMLDetailsElement>('.library-tools')!.open).toBe(false);
    act(() => root!.querySelector<HTMLButtonElement>('[data-testid="open-page"]')!.click());
    expect(deps.openPage).toHaveBeenCalledOnce();
  });
});
