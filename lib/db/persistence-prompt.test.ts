import { describe, expect, it, vi } from 'vitest';
import type { LocalStore } from './durability';
import { PERSISTENCE_ASKED_KEY, persistencePrompt } from './persistence-prompt';

function memoryStore(): LocalStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return { data, get: async (k) => data.get(k), set: async (k, v) => void data.set(k, v) };
}
const storage = (persisted: boolean, grant: boolean) => ({ persisted: vi.fn(async () => persisted), persist: vi.fn(async () => grant) });

describe('persistencePrompt', () => {
  it('asks only once there are highlights to lose', async () => {
    const local = memoryStore();
    let count = 0;
    const prompt = persistencePrompt({ local, storage: storage(false, true), highlightCount: async () => count });
    expect(await prompt.shouldAsk()).toBe(false);
    count = 1;
    expect(await prompt.shouldAsk()).toBe(true);
  });

  it('never asks when the storage is already persistent, or persist() is missing', async () => {
    const local = memoryStore();
    expect(await persistencePrompt({ local, storage: storage(true, true), highlightCount: async () => 5 }).shouldAsk()).toBe(false);
    expect(await persistencePrompt({ local, storage: { persisted: async () => false }, highlightCount: async () => 5 }).shouldAsk()).toBe(
      false,
    );
    expect(await persistencePrompt({ local, storage: undefined, highlightCount: async () => 5 }).shouldAsk()).toBe(false);
  });

  it('asks the browser when the reader agrees, and never again after either answer', async () => {
    for (const answer of ['request', 'decline'] as const) {
      const local = memoryStore();
      const s = storage(false, false);
      const prompt = persistencePrompt({ local, storage: s, highlightCount: async () => 3 });
      expect(await prompt.shouldAsk()).toBe(true);
      if (answer === 'request') expect(await prompt.request()).toBe('best-effort');
      else await prompt.decline();
      expect(s.persist).toHaveBeenCalledTimes(answer === 'request' ? 1 : 0);
      expect(local.data.get(PERSISTENCE_ASKED_KEY)).toBe(true);
      expect(await prompt.shouldAsk()).toBe(false);
    }
  });
});
