/** A HostAccess in memory: granted or not, with a request that grants (or refuses) and listeners. */
import { vi } from 'vitest';
import type { HostAccess } from '../../../lib/contexts/extension-pages/permissions/host-access';

export function fakeHostAccess(granted: boolean, grantOnRequest = true) {
  let has = granted;
  const listeners = new Set<() => void>();
  const set = (next: boolean) => {
    has = next;
    for (const cb of listeners) cb();
  };
  const access = {
    has: vi.fn(async () => has),
    // As in the browsers, a grant also reaches every watcher (permissions.onAdded).
    request: vi.fn(async () => {
      if (grantOnRequest && !has) set(true);
      return has;
    }),
    watch: (cb: () => void) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
  } satisfies HostAccess;
  /** `set`: the reader changes it elsewhere (the browser's extensions menu). */
  return { access, set, listeners };
}
