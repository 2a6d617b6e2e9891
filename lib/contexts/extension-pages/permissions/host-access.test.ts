import { describe, expect, it, vi } from 'vitest';
import { ARTICLE_MATCHES } from '../../../sina/match-patterns';
import { hostAccess } from './host-access';

function fakeApi(granted: boolean) {
  const added = new Set<() => void>();
  const removed = new Set<() => void>();
  return {
    added,
    removed,
    contains: vi.fn(async () => granted),
    request: vi.fn(async () => true),
    onAdded: { addListener: (cb: () => void) => added.add(cb), removeListener: (cb: () => void) => added.delete(cb) },
    onRemoved: { addListener: (cb: () => void) => removed.add(cb), removeListener: (cb: () => void) => removed.delete(cb) },
  };
}

describe('hostAccess', () => {
  it('asks about and for the content script’s own Sina match patterns, nothing wider', async () => {
    const api = fakeApi(false);
    const access = hostAccess(api);
    expect(await access.has()).toBe(false);
    expect(await access.request()).toBe(true);
    expect(api.contains).toHaveBeenCalledWith({ origins: ARTICLE_MATCHES });
    expect(api.request).toHaveBeenCalledWith({ origins: ARTICLE_MATCHES });
    expect(ARTICLE_MATCHES.every((m) => m.startsWith('https://') && m.includes('sina.c'))).toBe(true);
  });

  it('tells a watcher when access is granted or withdrawn, until it stops watching', () => {
    const api = fakeApi(true);
    const onChange = vi.fn();
    const stop = hostAccess(api).watch(onChange);
    for (const cb of [...api.added, ...api.removed]) cb();
    expect(onChange).toHaveBeenCalledTimes(2);
    stop();
    expect(api.added.size + api.removed.size).toBe(0);
  });
});
