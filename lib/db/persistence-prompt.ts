/**
 * Asking for persistent storage once, when it matters, saying why. Opening any extension page used
 * to call `navigator.storage.persist()`, so Firefox prompted on the welcome page, with nothing yet to
 * lose, and again on the library. Now the library offers it (PersistNotice) only once the reader has
 * highlights, only while the storage is not persistent, and only until the reader has answered once.
 */
import { requestPersistence, type LocalStore, type PersistenceState, type PersistentStorage } from './durability';

/** storage.local: the reader answered the persistent-storage question (either way); never ask again. */
export const PERSISTENCE_ASKED_KEY = 'durability.persistenceAsked';

export type PersistencePrompt = {
  /** Whether to offer it now: something to lose, not persistent yet, persist() available, never answered. */
  shouldAsk(): Promise<boolean>;
  /** The reader chose "Keep my data" (call it in the click: Firefox may prompt). */
  request(): Promise<PersistenceState>;
  /** The reader chose "Not now". */
  decline(): Promise<void>;
};

export function persistencePrompt(deps: {
  local: LocalStore;
  storage: PersistentStorage | undefined;
  highlightCount(): Promise<number>;
}): PersistencePrompt {
  const answered = () => deps.local.set(PERSISTENCE_ASKED_KEY, true);
  return {
    async shouldAsk() {
      const storage = deps.storage;
      if (!storage || typeof storage.persist !== 'function') return false;
      if ((await deps.local.get(PERSISTENCE_ASKED_KEY)) === true) return false;
      if (await storage.persisted?.call(storage).catch(() => false)) return false;
      return (await deps.highlightCount()) > 0;
    },
    async request() {
      // persist() first, while the click's user activation lasts; then remember the answer.
      const state = await requestPersistence(deps.storage);
      await answered();
      return state;
    },
    decline: answered,
  };
}
