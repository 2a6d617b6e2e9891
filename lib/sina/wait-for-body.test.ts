import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lateBodyHtml } from '../../tests/support/sina/fixtures';
import { waitForBody } from './wait-for-body';

// These run against happy-dom's live document, where MutationObserver fires as in a browser.
const BODY = lateBodyHtml('seed-001-late');

describe('waitForBody', () => {
  beforeEach(() => {
    document.body.innerHTML = '<h1 class="main-title">标题</h1><div class="article" id="artibody"></div>';
  });
  afterEach(() => {
    vi.useRealTimers();
    document.body.innerHTML = '';
  });

  it('resolves at once when the body is already there', async () => {
    document.getElementById('artibody')!.innerHTML = BODY;
    await expect(waitForBody(document)).resolves.toBe(document.getElementById('artibody'));
  });

  it('resolves with the body when a script fills it later', async () => {
    setTimeout(() => {
      document.getElementById('artibody')!.innerHTML = BODY;
    }, 50);
    const el = await waitForBody(document, { timeoutMs: 2000 });
    expect(el?.id).toBe('artibody');
    expect(el?.textContent).toContain('2021年全国医改工作电视电话会议7月20日在京召开');
  });

  it('resolves when the whole body element is inserted later', async () => {
    document.body.innerHTML = '<h1 class="main-title">标题</h1>';
    setTimeout(() => {
      const div = document.createElement('div');
      div.className = 'article';
      div.id = 'artibody';
      div.innerHTML = BODY;
      document.body.append(div);
    }, 30);
    expect((await waitForBody(document, { timeoutMs: 2000 }))?.id).toBe('artibody');
  });

  it('ignores a placeholder that is too short and keeps waiting', async () => {
    const el = document.getElementById('artibody')!;
    setTimeout(() => (el.textContent = '加载中…'), 10);
    setTimeout(() => (el.innerHTML = BODY), 60);
    const got = await waitForBody(document, { timeoutMs: 2000 });
    expect(got?.textContent?.length).toBeGreaterThan(500);
  });

  it('gives up with null after the timeout and stops observing', async () => {
    vi.useFakeTimers();
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    const pending = waitForBody(document, { timeoutMs: 10_000 });
    await vi.advanceTimersByTimeAsync(9_999);
    let settled = false;
    void pending.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(pending).resolves.toBeNull();
    expect(disconnect).toHaveBeenCalled();
    disconnect.mockRestore();
  });

  it('resolves null when aborted', async () => {
    const ac = new AbortController();
    const pending = waitForBody(document, { timeoutMs: 10_000, signal: ac.signal });
    ac.abort();
    await expect(pending).resolves.toBeNull();
  });

  it('resolves null at once when already aborted', async () => {
    await expect(waitForBody(document, { signal: AbortSignal.abort() })).resolves.toBeNull();
  });
});
