import Dexie, { type DBCore, type DBCoreTable } from 'dexie';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  checkEviction,
  describeStorageError,
  dismissEvictionNotice,
  readEvictionNotice,
  startDurability,
  extensionLocalStore,
  INITIALISED_KEY,
  initialiseDurability,
  isQuotaError,
  LAST_BACKUP_KEY,
  lastBackup,
  recordBackup,
  requestPersistence,
  SENTINEL_KEY,
  type LocalStore,
  type PersistentStorage,
} from './durability';
import { openLensDB, type LensDB } from './schema';
import { makeArticle } from '../../tests/support/db/articles';

let db: LensDB | undefined;
afterEach(() => db?.delete());
const fresh = (name = `test-${crypto.randomUUID()}`) => (db = openLensDB(name));

/** storage.local stand-in: a Map, values copied in and out as the real one does. */
function memoryStore(initial: Record<string, unknown> = {}): LocalStore & { data: Map<string, unknown> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    get: async (key) => structuredClone(data.get(key)),
    set: async (key, value) => void data.set(key, structuredClone(value)),
  };
}

const T0 = new Date('2024-05-01T08:00:00Z');
const opts = (id = 'install-1', at = T0) => ({ now: () => at, newId: () => id });

describe('requestPersistence', () => {
  const storage = (persisted: boolean | Error, persist?: boolean | Error | 'sync-throw') => {
    const s: PersistentStorage & { persist?: ReturnType<typeof vi.fn>; persisted: ReturnType<typeof vi.fn> } = {
      persisted: vi.fn(async () => {
        if (persisted instanceof Error) throw persisted;
        return persisted;
      }),
    };
    if (persist !== undefined) {
      s.persist = vi.fn(() => {
        if (persist === 'sync-throw') throw new Error('not allowed');
        return persist instanceof Error ? Promise.reject(persist) : Promise.resolve(persist);
      });
    }
    return s;
  };

  it('is persisted without asking when it already is', async () => {
    const s = storage(true, true);
    expect(await requestPersistence(s)).toBe('persisted');
    expect(s.persist).not.toHaveBeenCalled();
  });

  it('asks once: granted is persisted, refused is best-effort', async () => {
    const granted = storage(false, true);
    expect(await requestPersistence(granted)).toBe('persisted');
    expect(granted.persist).toHaveBeenCalledTimes(1);
    const refused = storage(false, false);
    expect(await requestPersistence(refused)).toBe('best-effort');
    expect(refused.persist).toHaveBeenCalledTimes(1);
  });

  it('never throws: a failing persist() or persisted() is best-effort', async () => {
    expect(await requestPersistence(storage(false, new Error('denied')))).toBe('best-effort');
    expect(await requestPersistence(storage(false, 'sync-throw'))).toBe('best-effort');
    const persistedFails = storage(new Error('boom'), true);
    expect(await requestPersistence(persistedFails)).toBe('persisted');
    expect(persistedFails.persist).toHaveBeenCalledTimes(1);
  });

  it('is unsupported with no StorageManager, or no persist() (a service worker cannot ask)', async () => {
    expect(await requestPersistence(undefined)).toBe('unsupported');
    expect(await requestPersistence({})).toBe('unsupported');
    expect(await requestPersistence(storage(false))).toBe('unsupported');
    // Already persisted is still reported where persist() is missing.
    expect(await requestPersistence(storage(true))).toBe('persisted');
  });

  it('defaults to navigator.storage', async () => {
    const persist = vi.fn(async () => true);
    vi.stubGlobal('navigator', { storage: { persist, persisted: async () => false } });
    try {
      expect(await requestPersistence()).toBe('persisted');
      expect(persist).toHaveBeenCalledTimes(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('eviction sentinel', () => {
  it('is fresh on first run, ok once initialised', async () => {
    const local = memoryStore();
    const d = fresh();
    expect(await checkEviction(d, local)).toBe('fresh');
    const sentinel = await initialiseDurability(d, local, opts());
    expect(sentinel).toEqual({ createdAt: T0.toISOString(), installId: 'install-1' });
    expect(await d.meta.get(SENTINEL_KEY)).toEqual({ key: SENTINEL_KEY, value: sentinel });
    expect(local.data.get(INITIALISED_KEY)).toEqual({ installId: 'install-1', initialisedAt: T0.toISOString() });
    expect(await checkEviction(d, local)).toBe('ok');
  });

  it('initialising again changes nothing', async () => {
    const local = memoryStore();
    const d = fresh();
    const first = await initialiseDurability(d, local, opts('install-1', T0));
    const set = vi.spyOn(local, 'set');
    const again = await initialiseDurability(d, local, opts('install-2', new Date('2024-06-01T00:00:00Z')));
    expect(again).toEqual(first);
    expect(set).not.toHaveBeenCalled();
    expect(await checkEviction(d, local)).toBe('ok');
  });

  it('is evicted when storage.local remembers the database but the sentinel is gone, until initialised again', async () => {
    const local = memoryStore();
    const name = `test-${crypto.randomUUID()}`;
    await initialiseDurability(fresh(name), local, opts());
    await fresh(name).articles.add({ ...makeArticle(1), addedAt: T0.toISOString() });
    // The browser clears the origin's IndexedDB; the extension opens an empty database of the same name.
    await db!.delete();
    const after = fresh(name);
    expect(await after.articles.count()).toBe(0);
    expect(await checkEviction(after, local)).toBe('evicted');
    // Setting up again keeps the install id, so the next start is ok.
    const sentinel = await initialiseDurability(after, local, opts('install-new', new Date('2024-07-01T00:00:00Z')));
    expect(sentinel).toEqual({ createdAt: '2024-07-01T00:00:00.000Z', installId: 'install-1' });
    expect(await checkEviction(after, local)).toBe('ok');
  });

  it('is evicted when the sentinel belongs to another install', async () => {
    const d = fresh();
    await d.meta.put({ key: SENTINEL_KEY, value: { createdAt: T0.toISOString(), installId: 'someone-else' } });
    const local = memoryStore({ [INITIALISED_KEY]: { installId: 'install-1', initialisedAt: T0.toISOString() } });
    expect(await checkEviction(d, local)).toBe('evicted');
  });

  it('a sentinel without a storage.local marker (cleared, or an older version) is ok, and the marker is written back', async () => {
    const d = fresh();
    await initialiseDurability(d, memoryStore(), opts('install-1'));
    const cleared = memoryStore();
    expect(await checkEviction(d, cleared)).toBe('ok');
    await initialiseDurability(d, cleared, opts('install-other'));
    expect(cleared.data.get(INITIALISED_KEY)).toMatchObject({ installId: 'install-1' });
  });

  it('ignores unreadable values: a malformed marker is no marker, a malformed sentinel no sentinel', async () => {
    const d = fresh();
    for (const junk of ['yes', 1, null, { installId: '' }, { installId: 5, initialisedAt: 'x' }, []]) {
      expect(await checkEviction(d, memoryStore({ [INITIALISED_KEY]: junk }))).toBe('fresh');
    }
    await d.meta.put({ key: SENTINEL_KEY, value: 'corrupt' });
    const local = memoryStore({ [INITIALISED_KEY]: { installId: 'install-1', initialisedAt: T0.toISOString() } });
    expect(await checkEviction(d, local)).toBe('evicted');
    expect(await initialiseDurability(d, local, opts())).toEqual({ createdAt: T0.toISOString(), installId: 'install-1' });
    expect(await checkEviction(d, local)).toBe('ok');
  });

  it('does not touch other meta rows', async () => {
    const d = fresh();
    await d.meta.put({ key: 'corpus.version', value: 'v1' });
    await initialiseDurability(d, memoryStore(), opts());
    expect(await d.meta.get('corpus.version')).toEqual({ key: 'corpus.version', value: 'v1' });
  });
});

describe('recordBackup and lastBackup', () => {
  it('remember the last backup time; null before the first', async () => {
    const local = memoryStore();
    expect(await lastBackup(local)).toBeNull();
    await recordBackup(local, new Date('2024-05-02T10:00:00Z'));
    await recordBackup(local, new Date('2024-05-03T10:00:00Z'));
    expect(await lastBackup(local)).toEqual(new Date('2024-05-03T10:00:00Z'));
    expect(local.data.get(LAST_BACKUP_KEY)).toBe('2024-05-03T10:00:00.000Z');
  });

  it('survive an eviction (they live in storage.local) and stay separate from the marker', async () => {
    const local = memoryStore();
    await initialiseDurability(fresh(), local, opts());
    await recordBackup(local, new Date('2024-05-02T10:00:00Z'));
    await db!.delete();
    expect(await checkEviction(fresh(), local)).toBe('evicted');
    expect(await lastBackup(local)).toEqual(new Date('2024-05-02T10:00:00Z'));
  });

  it('refuse an invalid date and read an unreadable stored value as none', async () => {
    const local = memoryStore();
    await expect(recordBackup(local, new Date('nope'))).rejects.toThrow(RangeError);
    expect(local.data.has(LAST_BACKUP_KEY)).toBe(false);
    for (const junk of [5, 'last Tuesday', null, {}]) expect(await lastBackup(memoryStore({ [LAST_BACKUP_KEY]: junk }))).toBeNull();
  });
});

describe('extensionLocalStore', () => {
  it('reads and writes browser.storage.local, and drives the sentinel check', async () => {
    const local = extensionLocalStore();
    expect(await local.get('missing')).toBeUndefined();
    await local.set('k', { a: 1 });
    expect(await local.get('k')).toEqual({ a: 1 });
    expect(await fakeBrowser.storage.local.get('k')).toEqual({ k: { a: 1 } });

    const name = `test-${crypto.randomUUID()}`;
    expect(await checkEviction(fresh(name), local)).toBe('fresh');
    await initialiseDurability(db!, local, opts());
    await recordBackup(local, T0);
    await db!.delete();
    expect(await checkEviction(fresh(name), local)).toBe('evicted');
    expect(await lastBackup(local)).toEqual(T0);
  });
});

/** A database whose writes to `articles` fail the way a full disk makes IndexedDB fail. */
function fullDisk(d: LensDB, makeError: () => unknown): LensDB {
  d.use({
    stack: 'dbcore',
    name: 'full-disk',
    create: (down: DBCore): DBCore => ({
      ...down,
      table(name: string): DBCoreTable {
        const table = down.table(name);
        return name === 'articles' ? { ...table, mutate: () => Promise.reject(makeError()) } : table;
      },
    }),
  });
  return d;
}

const quotaDom = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('isQuotaError', () => {
  it('recognises a QuotaExceededError DOMException (Chrome, Firefox, Safari)', () => {
    expect(isQuotaError(quotaDom())).toBe(true);
  });

  it("recognises Firefox's NS_ERROR_DOM_QUOTA_REACHED", () => {
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED', message: 'Persistent storage maximum size reached', code: 1014 })).toBe(true);
    expect(isQuotaError(Object.assign(new Error('x'), { name: 'NS_ERROR_DOM_QUOTA_REACHED' }))).toBe(true);
  });

  it("recognises Dexie's wrappers: QuotaExceededError, AbortError.inner, BulkError.failures, cause", () => {
    expect(isQuotaError(new Dexie.QuotaExceededError('full'))).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted', quotaDom()))).toBe(true);
    expect(isQuotaError(new Dexie.BulkError('1 of 2 failed', [new Dexie.ConstraintError('dup'), quotaDom()]))).toBe(true);
    expect(isQuotaError({ name: 'Error', inner: { name: 'AbortError', inner: { name: 'QuotaExceededError' } } })).toBe(true);
    expect(isQuotaError(new Error('write failed', { cause: quotaDom() }))).toBe(true);
  });

  it('recognises it as Dexie surfaces it from a failed write, alone and inside a transaction', async () => {
    const d = fullDisk(fresh(), quotaDom);
    const direct = await d.articles.add({ ...makeArticle(1), addedAt: T0.toISOString() }).catch((e: unknown) => e);
    expect(isQuotaError(direct)).toBe(true);
    const inTransaction = await d
      .transaction('rw', d.articles, d.meta, async () => {
        await d.meta.put({ key: 'x', value: 1 });
        await d.articles.bulkAdd([{ ...makeArticle(2), addedAt: T0.toISOString() }]);
      })
      .catch((e: unknown) => e);
    expect(isQuotaError(inTransaction)).toBe(true);
    expect(await d.meta.get('x')).toBeUndefined();
  });

  it('is false for other errors and for anything else, and never throws', () => {
    const cyclic: { name: string; inner?: unknown } = { name: 'AbortError' };
    cyclic.inner = cyclic;
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('trap');
        },
      },
    );
    for (const e of [
      new Error('quota'),
      new TypeError('x'),
      new DOMException('x', 'ConstraintError'),
      new Dexie.ConstraintError('dup'),
      new Dexie.AbortError('Transaction aborted', new DOMException('x', 'AbortError')),
      { name: 'Error', code: 22 },
      Object.assign(new Error('EINVAL'), { errno: 22, code: 22 }),
      cyclic,
      hostile,
      null,
      undefined,
      'QuotaExceededError',
      22,
    ]) {
      expect(isQuotaError(e)).toBe(false);
    }
  });
});

describe('describeStorageError', () => {
  it('names the action and says the storage is full', () => {
    expect(describeStorageError('Import backup.json', new Dexie.AbortError('Transaction aborted', quotaDom()))).toBe(
      "Import backup.json: the browser's storage is full, so nothing was saved. Free some space — remove imported articles you no longer need, or clear other sites' data in the browser's settings — then try again.",
    );
  });

  it('explains other storage failures, with the detail for bug reports', () => {
    expect(describeStorageError('Save note', new Dexie.DatabaseClosedError('Database has been closed'))).toMatch(
      /^Save note: the browser's storage is not available right now .*\(Database has been closed\)\.$/,
    );
    expect(describeStorageError('Import backup.json', new DOMException('newer', 'VersionError'))).toMatch(
      /^Import backup\.json: the saved data was written by a newer version/,
    );
    expect(describeStorageError('Restore highlight', new Dexie.ConstraintError('Key already exists'))).toMatch(
      /^Restore highlight: a record with the same id is already saved/,
    );
    expect(describeStorageError('Save note', new Error('disk I/O'))).toBe(
      "Save note: the browser's storage refused the change, so nothing was saved (disk I/O).",
    );
  });

  it('copes with anything thrown, and a blank action', () => {
    expect(describeStorageError('Save note', undefined)).toBe("Save note: the browser's storage refused the change, so nothing was saved.");
    expect(describeStorageError('Save note', 'plain string')).toBe(
      "Save note: the browser's storage refused the change, so nothing was saved (plain string).",
    );
    expect(describeStorageError('  ', quotaDom())).toMatch(/^Saving: the browser's storage is full/);
  });
});

describe('startDurability', () => {
  it('finds an eviction before repairing it, and leaves word with the last backup until dismissed', async () => {
    const db = fresh();
    const local = memoryStore();
    const at = (iso: string) => ({ now: () => new Date(iso), newId: () => 'install-1' });
    expect(await startDurability(db, local, at('2026-01-01T00:00:00Z'))).toBe('fresh');
    expect(await startDurability(db, local, at('2026-01-02T00:00:00Z'))).toBe('ok');
    await recordBackup(local, new Date('2026-02-01T08:00:00Z'));
    expect(await readEvictionNotice(local)).toBeNull();

    // The browser empties the database (the sentinel goes with it); storage.local survives.
    await db.meta.clear();
    expect(await startDurability(db, local, at('2026-03-01T00:00:00Z'))).toBe('evicted');
    expect(await readEvictionNotice(local)).toEqual({ detectedAt: '2026-03-01T00:00:00.000Z', lastBackupAt: '2026-02-01T08:00:00.000Z' });
    // Repaired: the next start is fine, and the notice stays until the reader dismisses it.
    expect(await startDurability(db, local, at('2026-03-02T00:00:00Z'))).toBe('ok');
    expect(await readEvictionNotice(local)).not.toBeNull();
    await dismissEvictionNotice(local);
    expect(await readEvictionNotice(local)).toBeNull();
  });
});
