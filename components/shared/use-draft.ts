import { useState } from 'preact/hooks';
import { draftStore, type DraftStore } from '@/lib/drafts/draft-store';

export type DraftControl<T> = {
  /** The text being edited, or null when the editor is closed. */
  draft: T | null;
  /** The draft differs from what is saved. */
  dirty: boolean;
  /** The reader asked to close a dirty draft: show the keep-or-discard question. */
  asking: boolean;
  open(): void;
  /** A new draft, or a function of the current one (two changes in one event both count). */
  change(next: T | ((current: T) => T)): void;
  /** Esc, Cancel: closes a clean draft at once, asks about a dirty one. */
  requestClose(): void;
  /** Closes after a save, or when the reader chose to discard. */
  close(): void;
  keep(): void;
};

/**
 * A note editor's draft that is never dropped without a word: closing a changed draft asks first, and
 * every change is kept in the draft store until it is saved or discarded, so a popup closed by a click
 * outside it, or a panel reloaded with its page, opens again with the draft.
 */
export function useDraft<T>(
  key: string,
  saved: T,
  opts: { same: (a: T, b: T) => boolean; valid: (value: unknown) => value is T; store?: DraftStore },
): DraftControl<T> {
  const store = opts.store ?? defaultStore;
  const [draft, setDraft] = useState<T | null>(() => {
    const kept = store.get(key, opts.valid);
    return kept !== null && !opts.same(kept, saved) ? kept : null;
  });
  const [asking, setAsking] = useState(false);
  const keepCopy = (next: T | null) => {
    if (next === null || opts.same(next, saved)) store.clear(key);
    else store.set(key, next);
  };
  const update = (next: T | null) => {
    setDraft(next);
    keepCopy(next);
  };
  const dirty = draft !== null && !opts.same(draft, saved);
  return {
    draft,
    dirty,
    asking,
    open: () => setDraft((current) => current ?? saved),
    change: (next) => {
      setAsking(false);
      setDraft((current) => {
        const value = typeof next === 'function' ? (next as (c: T) => T)(current ?? saved) : next;
        keepCopy(value);
        return value;
      });
    },
    requestClose: () => {
      if (dirty) setAsking(true);
      else update(null);
    },
    close: () => {
      setAsking(false);
      update(null);
    },
    keep: () => setAsking(false),
  };
}

const defaultStore = draftStore();
