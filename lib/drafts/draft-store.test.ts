import { describe, expect, it } from 'vitest';
import { draftStore, type DraftStorage } from './draft-store';

const isString = (v: unknown): v is string => typeof v === 'string';

function memory(): DraftStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

describe('draftStore', () => {
  it('keeps, gives back and forgets a draft under its own prefix', () => {
    const storage = memory();
    const store = draftStore(storage);
    store.set('note:h1', '写到一半');
    expect([...storage.data.keys()]).toEqual(['policy-lens.draft.note:h1']);
    expect(store.get('note:h1', isString)).toBe('写到一半');
    store.clear('note:h1');
    expect(store.get('note:h1', isString)).toBeNull();
  });

  it('gives nothing back for what is not JSON or not the expected shape', () => {
    const storage = memory();
    storage.setItem('policy-lens.draft.a', '{not json');
    storage.setItem('policy-lens.draft.b', '42');
    const store = draftStore(storage);
    expect(store.get('a', isString)).toBeNull();
    expect(store.get('b', isString)).toBeNull();
  });

  it('never throws when storage is missing or refuses', () => {
    const refusing: DraftStorage = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('gone');
      },
    };
    for (const store of [draftStore(refusing), draftStore(null)]) {
      expect(() => store.set('x', 'y')).not.toThrow();
      expect(store.get('x', isString)).toBeNull();
      expect(() => store.clear('x')).not.toThrow();
    }
  });
});
