/**
 * Keeping the reader's data: ask the browser not to evict it, notice when it was evicted anyway, and
 * say plainly when storage is full.
 *
 * IndexedDB in the extension's origin is "best-effort" storage unless the browser grants persistence:
 * under storage pressure it may be cleared as a whole, highlights and notes included. Two defences:
 * - requestPersistence asks once for persistent storage (`navigator.storage.persist()`).
 * - An eviction sentinel. A record in the `meta` table (`sentinel`) and, separately, a marker in the
 *   WebExtension `storage.local` area (which the browser does not evict with the origin's IndexedDB)
 *   remember that the database was set up. If storage.local remembers it but the sentinel is gone,
 *   the database was evicted (or deleted) since: checkEviction says 'evicted', and lastBackup tells
 *   the reader which backup to restore.
 *
 * Startup order matters: call checkEviction before anything writes the sentinel again
 * (initialiseDurability), or an eviction is repaired before it is seen.
 *
 *   const state = await checkEviction(db, local);       // 'fresh' | 'ok' | 'evicted'
 *   if (state === 'evicted') tellTheReader(await lastBackup(local));
 *   await initialiseDurability(db, local);
 *
 * storage.local is reached through the small LocalStore interface (extensionLocalStore() in the
 * extension), so these functions run in tests without a browser.
 */
import { z } from 'zod';
import type { LensDB } from './schema';

// ---------------------------------------------------------------------------------------------
// Persistent storage

export type PersistenceState = 'persisted' | 'best-effort' | 'unsupported';

/** The part of the StorageManager used here (`navigator.storage`); both members may be missing. */
export type PersistentStorage = { persist?: () => Promise<boolean>; persisted?: () => Promise<boolean> };

/**
 * Asks for persistent storage, once, and says what the storage is now: 'persisted' (granted now or
 * before; no prompt when it already is), 'best-effort' (refused, or the request failed) or
 * 'unsupported' (no StorageManager here, or no persist(): it is exposed to windows only, so a
 * service worker cannot ask — call this from an extension page). Never throws.
 */
export async function requestPersistence(storage: PersistentStorage | undefined = defaultStorage()): Promise<PersistenceState> {
  if (!storage) return 'unsupported';
  if (await ask(storage.persisted, storage)) return 'persisted';
  if (typeof storage.persist !== 'function') return 'unsupported';
  return (await ask(storage.persist, storage)) ? 'persisted' : 'best-effort';
}

async function ask(method: (() => Promise<boolean>) | undefined, self: PersistentStorage): Promise<boolean> {
  if (typeof method !== 'function') return false;
  try {
    return (await method.call(self)) === true;
  } catch {
    return false;
  }
}

function defaultStorage(): PersistentStorage | undefined {
  try {
    return (globalThis.navigator as { storage?: PersistentStorage } | undefined)?.storage;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Eviction sentinel

/** A key-value area that survives IndexedDB eviction: `browser.storage.local` in the extension. */
export interface LocalStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

/** The `meta` row that is gone when the database was evicted. */
export const SENTINEL_KEY = 'sentinel';
/** storage.local: the database was set up, and for which install. */
export const INITIALISED_KEY = 'durability.initialised';
/** storage.local: when the reader last saved a backup (ISO 8601). */
export const LAST_BACKUP_KEY = 'durability.lastBackupAt';

const SentinelSchema = z.object({ createdAt: z.string(), installId: z.string().min(1) });
export type Sentinel = z.infer<typeof SentinelSchema>;

const InitialisedSchema = z.object({ installId: z.string().min(1), initialisedAt: z.string() });
export type InitialisedMarker = z.infer<typeof InitialisedSchema>;

export type EvictionState = 'fresh' | 'ok' | 'evicted';

export type DurabilityOptions = { now?: () => Date; newId?: () => string };

/**
 * - 'fresh': storage.local has no record of a database and there is no sentinel (first run).
 * - 'ok': the sentinel is there (and, when storage.local names an install, it is that install's).
 *   A sentinel without a storage.local marker (storage.local cleared, or a version before this one)
 *   is 'ok' too: the data is all there; initialiseDurability writes the marker again.
 * - 'evicted': storage.local says the database was set up, but the sentinel is gone, or belongs to
 *   another install (the database was emptied and set up again without storage.local knowing).
 * Database and storage.local errors are not caught: a database that cannot be read is not "evicted".
 */
export async function checkEviction(db: LensDB, localStore: LocalStore): Promise<EvictionState> {
  const marker = InitialisedSchema.safeParse(await localStore.get(INITIALISED_KEY));
  const sentinel = await readSentinel(db);
  if (!marker.success) return sentinel ? 'ok' : 'fresh';
  return sentinel?.installId === marker.data.installId ? 'ok' : 'evicted';
}

/**
 * Writes the sentinel if it is missing and the storage.local marker if it is missing or names
 * another install; leaves both alone when they agree. Idempotent; returns the sentinel.
 */
export async function initialiseDurability(db: LensDB, localStore: LocalStore, opts: DurabilityOptions = {}): Promise<Sentinel> {
  const now = (opts.now ?? (() => new Date()))().toISOString();
  const marker = InitialisedSchema.safeParse(await localStore.get(INITIALISED_KEY));
  // One install id for the life of the install: kept across an eviction, so the new sentinel matches.
  const installId = marker.success ? marker.data.installId : (opts.newId ?? (() => crypto.randomUUID()))();
  const sentinel = await db.transaction('rw', db.meta, async () => {
    const existing = await readSentinel(db);
    if (existing) return existing;
    const created: Sentinel = { createdAt: now, installId };
    await db.meta.put({ key: SENTINEL_KEY, value: created });
    return created;
  });
  if (!marker.success || marker.data.installId !== sentinel.installId) {
    await localStore.set(INITIALISED_KEY, { installId: sentinel.installId, initialisedAt: now } satisfies InitialisedMarker);
  }
  return sentinel;
}

async function readSentinel(db: LensDB): Promise<Sentinel | null> {
  const parsed = SentinelSchema.safeParse((await db.meta.get(SENTINEL_KEY))?.value);
  return parsed.success ? parsed.data : null;
}

/** Remembers, outside IndexedDB, that the reader saved a backup at `at`. */
export async function recordBackup(localStore: LocalStore, at: Date = new Date()): Promise<void> {
  if (Number.isNaN(at.getTime())) throw new RangeError('recordBackup: the backup time is not a valid date');
  await localStore.set(LAST_BACKUP_KEY, at.toISOString());
}

/** When the reader last saved a backup, or null if never (or the stored value is unreadable). */
export async function lastBackup(localStore: LocalStore): Promise<Date | null> {
  const value = await localStore.get(LAST_BACKUP_KEY);
  if (typeof value !== 'string') return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** The extension's `browser.storage.local` as a LocalStore. */
export function extensionLocalStore(): LocalStore {
  return {
    async get(key) {
      return (await browser.storage.local.get(key))[key];
    },
    async set(key, value) {
      await browser.storage.local.set({ [key]: value });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Storage errors

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED', 'NS_ERROR_FILE_NO_DEVICE_SPACE']);
/** Legacy DOMException codes: 22 QUOTA_EXCEEDED_ERR; 1014 is Firefox's NS_ERROR_DOM_QUOTA_REACHED. */
const QUOTA_CODES = new Set([22, 1014]);

/**
 * Whether `error` is the browser refusing a write because storage is full: a DOMException
 * QuotaExceededError (Chrome, Firefox, Safari), Firefox's NS_ERROR_DOM_QUOTA_REACHED, or a Dexie error
 * wrapping one — QuotaExceededError itself, an AbortError whose `inner` is one (a transaction aborted
 * by the quota), a BulkError / ModifyError whose `failures` include one, or an error whose `cause` is.
 * Never throws, whatever it is given.
 */
export function isQuotaError(error: unknown): boolean {
  return findQuota(error, 0, new Set());
}

function findQuota(error: unknown, depth: number, seen: Set<unknown>): boolean {
  if (typeof error !== 'object' || error === null || depth > 5 || seen.has(error)) return false;
  seen.add(error);
  try {
    const e = error as { name?: unknown; code?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
    if (typeof e.name === 'string' && QUOTA_NAMES.has(e.name)) return true;
    // Codes only on a DOMException: elsewhere 22 is just a number (EINVAL is errno 22).
    if (typeof DOMException !== 'undefined' && error instanceof DOMException && QUOTA_CODES.has(error.code)) return true;
    if (findQuota(e.inner, depth + 1, seen) || findQuota(e.cause, depth + 1, seen)) return true;
    const failures = Array.isArray(e.failures)
      ? e.failures
      : typeof e.failures === 'object' && e.failures !== null
        ? Object.values(e.failures)
        : [];
    return failures.slice(0, 50).some((f) => findQuota(f, depth + 1, seen));
  } catch {
    // A getter that throws (a hostile or broken object): not a quota error we can recognise.
    return false;
  }
}

/**
 * A message for the reader about a storage failure, naming what they were doing:
 * `Import backup.json: the browser's storage is full, so nothing was saved. …`
 * `action` is the reader's words for it ("Import backup.json", "Save note").
 */
export function describeStorageError(action: string, error: unknown): string {
  const what = action.trim() || 'Saving';
  if (isQuotaError(error)) {
    return `${what}: the browser's storage is full, so nothing was saved. Free some space — remove imported articles you no longer need, or clear other sites' data in the browser's settings — then try again.`;
  }
  const name = errorName(error);
  const detail = errorMessage(error);
  const suffix = detail ? ` (${detail})` : '';
  switch (name) {
    case 'DatabaseClosedError':
    case 'InvalidStateError':
    case 'OpenFailedError':
    case 'MissingAPIError':
      return `${what}: the browser's storage is not available right now (a private window, or the browser is closing), so nothing was saved. Try again in a normal window${suffix}.`;
    case 'VersionError':
      return `${what}: the saved data was written by a newer version of Policy Lens; update the extension and try again${suffix}.`;
    case 'ConstraintError':
      return `${what}: a record with the same id is already saved, so nothing was changed${suffix}.`;
    case 'DataCloneError':
    case 'DataError':
      return `${what}: the data could not be stored as it is, so nothing was saved${suffix}.`;
    default:
      return `${what}: the browser's storage refused the change, so nothing was saved${suffix}.`;
  }
}

function errorName(error: unknown): string | undefined {
  try {
    const name = (error as { name?: unknown } | null)?.name;
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}

function errorMessage(error: unknown): string {
  try {
    if (typeof error === 'string') return error.trim();
    const message = (error as { message?: unknown } | null)?.message;
    return typeof message === 'string' ? message.trim() : '';
  } catch {
    return '';
  }
}

// ---------------------------------------------------------------------------------------------
// At start-up

/** Set in storage.local when an eviction is found; extension pages show it until the reader dismisses it. */
export const EVICTION_NOTICE_KEY = 'durability.evictionNotice';

const EvictionNoticeSchema = z.object({ detectedAt: z.string(), lastBackupAt: z.string().nullable() });
export type EvictionNotice = z.infer<typeof EvictionNoticeSchema>;

/**
 * What the background does on every start: notice an eviction (and leave word for the extension
 * pages, with the last backup's date so the reader knows what to import), then set the sentinel and
 * marker up again. Checked before initialising, or the repair would hide the loss.
 */
export async function startDurability(db: LensDB, localStore: LocalStore, opts: DurabilityOptions = {}): Promise<EvictionState> {
  const state = await checkEviction(db, localStore);
  if (state === 'evicted') {
    const notice: EvictionNotice = {
      detectedAt: (opts.now ?? (() => new Date()))().toISOString(),
      lastBackupAt: (await lastBackup(localStore))?.toISOString() ?? null,
    };
    await localStore.set(EVICTION_NOTICE_KEY, notice);
  }
  await initialiseDurability(db, localStore, opts);
  return state;
}

/** The eviction the reader has not dismissed yet, or null. */
export async function readEvictionNotice(localStore: LocalStore): Promise<EvictionNotice | null> {
  const parsed = EvictionNoticeSchema.safeParse(await localStore.get(EVICTION_NOTICE_KEY));
  return parsed.success ? parsed.data : null;
}

export async function dismissEvictionNotice(localStore: LocalStore): Promise<void> {
  await localStore.set(EVICTION_NOTICE_KEY, null);
}
