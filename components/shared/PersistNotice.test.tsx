import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PersistencePrompt } from '@/lib/db/persistence-prompt';
import { PersistNotice } from './PersistNotice';

let root: HTMLElement | undefined;
async function mount(node: ComponentChild) {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(node, root!));
  await settle();
  return root;
}
const settle = () => act(async () => await new Promise((r) => setTimeout(r, 0)));
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
});

const prompt = (ask: boolean, state: 'persisted' | 'best-effort' = 'persisted'): PersistencePrompt => ({
  shouldAsk: vi.fn(async () => ask),
  request: vi.fn(async () => state),
  decline: vi.fn(async () => undefined),
});

describe('PersistNotice', () => {
  it('shows nothing when there is no reason to ask', async () => {
    const el = await mount(<PersistNotice prompt={prompt(false)} />);
    expect(el.textContent).toBe('');
  });

  it('says why, asks on the reader’s click, and says what the answer means', async () => {
    const p = prompt(true, 'best-effort');
    const el = await mount(<PersistNotice prompt={p} />);
    expect(el.textContent).toContain('the browser may delete an extension’s data, your highlights included');
    act(() => el.querySelector<HTMLButtonElement>('[data-testid="persist-allow"]')!.click());
    await settle();
    expect(p.request).toHaveBeenCalledTimes(1);
    expect(el.querySelector<HTMLElement>('[data-testid="persist-notice"]')?.dataset.state).toBe('refused');
    expect(el.textContent).toContain('Export a full backup now and then');
  });

  it('goes away on “Not now”', async () => {
    const p = prompt(true);
    const el = await mount(<PersistNotice prompt={p} />);
    act(() => el.querySelector<HTMLButtonElement>('[data-testid="persist-later"]')!.click());
    await settle();
    expect(p.decline).toHaveBeenCalled();
    expect(el.querySelector('[data-testid="persist-notice"]')).toBeNull();
  });
});
