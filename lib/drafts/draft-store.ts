/**
 * Unsaved note drafts, kept until the reader saves or discards them: a popup closes on any click
 * outside it, and a panel reloads with its page, and neither should take a half-written note along.
 * Drafts live in the extension origin's localStorage (never the page's), one key per highlight.
 */
const PREFIX = 'policy-lens.draft.';

/** The part of the Web Storage API used here, so tests and contexts without it can pass their own. */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export type DraftStore = {
  get<T>(key: string, valid: (value: unknown) => value is T): T | null;
  set(key: string, value: unknown): void;
  clear(key: string): void;
};

/** A store over `storage` (null: none, drafts live only in the editor); every call is best effort (a full or missing storage only loses the backup copy). */
export function draftStore(storage: DraftStorage | null = defaultStorage()): DraftStore {
  const attempt = <T>(fn: () => T, fallback: T): T => {
    try {
      return storage ? fn() : fallback;
    } catch {
      return fallback;
    }
  };
  return {
    get: (key, valid) =>
      attempt(() => {
        const raw = storage!.getItem(PREFIX + key);
        if (raw === null) return null;
        const value: unknown = JSON.parse(raw);
        return valid(value) ? value : null;
      }, null),
    set: (key, value) => attempt(() => storage!.setItem(PREFIX + key, JSON.stringify(value)), undefined),
    clear: (key) => attempt(() => storage!.removeItem(PREFIX + key), undefined),
  };
}

function defaultStorage(): DraftStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // A sandboxed or storage-blocked context throws on the getter itself.
    return null;
  }
}
