/**
 * Errors a reader can see, worded in the interface language. Every refusal in Policy Lens carries a
 * code and its parameters (CorpusError, LibraryImportError and FieldError, HighlightStoreError,
 * LensError); the English `message` stays for logs and tests, and the interface shows
 * describeError(error): the reason by its code in English or Chinese, after the file and line, the
 * file and field, or the action it concerns.
 */
import { getLang, type Lang } from './core';
import { errorEn, errorZh, type ErrorCode } from './error-messages';

export type { ErrorCode };
export type ErrorParams = Readonly<Record<string, string | number>>;

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(errorEn, code);
}

/**
 * The message of `code` with its `{name}` parameters filled in. A parameter whose name ends in `Kind`
 * names a kind of value (`list`, `number` …) and is worded too.
 */
export function wordError(code: ErrorCode, params: ErrorParams = {}, lang: Lang = getLang()): string {
  const table = lang === 'zh' ? errorZh : errorEn;
  return table[code].replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) return '';
    const kind = `kind.${value}`;
    return name.endsWith('Kind') && isErrorCode(kind) ? table[kind] : String(value);
  });
}

/** An error of our own: a code, its parameters, and the English message for logs. */
export class LensError extends Error {
  override readonly name: string = 'LensError';
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
    options: { cause?: unknown } = {},
  ) {
    super(wordError(code, params, 'en'), 'cause' in options ? { cause: options.cause } : undefined);
  }
}

/** What kind of value `value` is, for a `…Kind` parameter. */
export function valueKind(value: unknown): 'empty' | 'text' | 'list' | 'mapping' | 'number' | 'boolean' | 'other' {
  // Strings are what a text field should be; a refusal names what it got instead.
  if (value === null || value === undefined || value === '') return 'empty';
  if (typeof value === 'string') return 'text';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'number' || typeof value === 'bigint') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'object') return 'mapping';
  return 'other';
}

type Coded = { code: ErrorCode; params: ErrorParams };

/** The code and parameters an error carries, when it carries ours. */
export function codeOf(error: unknown): Coded | null {
  const e = error as { name?: unknown; code?: unknown; params?: unknown } | null;
  if (typeof e !== 'object' || e === null) return null;
  // CorpusError's codes predate the namespaces (`title-empty`): they are the corpus's.
  const code = e.name === 'CorpusError' ? `corpus.${String(e.code)}` : e.code;
  if (!isErrorCode(code)) return null;
  const params = typeof e.params === 'object' && e.params !== null ? (e.params as ErrorParams) : {};
  return { code, params };
}

const STORAGE_NAMES: Record<string, ErrorCode> = {
  QuotaExceededError: 'storage.full',
  NS_ERROR_DOM_QUOTA_REACHED: 'storage.full',
  NS_ERROR_FILE_NO_DEVICE_SPACE: 'storage.full',
  DatabaseClosedError: 'storage.unavailable',
  InvalidStateError: 'storage.unavailable',
  OpenFailedError: 'storage.unavailable',
  MissingAPIError: 'storage.unavailable',
  VersionError: 'storage.newer-version',
  ConstraintError: 'storage.duplicate',
  DataCloneError: 'storage.bad-data',
  DataError: 'storage.bad-data',
};

/** A browser storage failure (IndexedDB, Dexie), looking through Dexie's wrappers; null for others. */
export function storageCode(error: unknown, depth = 0): ErrorCode | null {
  if (typeof error !== 'object' || error === null || depth > 4) return null;
  const e = error as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  const own = typeof e.name === 'string' ? STORAGE_NAMES[e.name] : undefined;
  if (own === 'storage.full') return own;
  const inner = storageCode(e.inner, depth + 1) ?? storageCode(e.cause, depth + 1);
  if (inner) return inner;
  const failures = Array.isArray(e.failures)
    ? e.failures
    : typeof e.failures === 'object' && e.failures !== null
      ? Object.values(e.failures)
      : [];
  for (const f of failures.slice(0, 20)) {
    const code = storageCode(f, depth + 1);
    if (code) return code;
  }
  if (own) return own;
  return e.name === 'AbortError' || e.name === 'BulkError' || e.name === 'ModifyError' ? 'storage.refused' : null;
}

function messageOf(error: unknown): string {
  if (typeof error === 'string') return error;
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

/**
 * What to show the reader for `error`, in `lang`: the reason by its code where it has one of ours,
 * after its place (`file:line: `, `file: field: `, `Update highlight: note: `); a storage failure by
 * its kind; anything else (a browser's own error) as its message, marked unexpected.
 * `action` names what the reader was doing, for storage failures ("Import backup.json").
 */
export function describeError(error: unknown, lang: Lang = getLang(), action?: string): string {
  try {
    const e = (typeof error === 'object' && error !== null ? error : {}) as {
      name?: unknown;
      file?: unknown;
      line?: unknown;
      field?: unknown;
      action?: unknown;
      cause?: unknown;
    };
    if (e.name === 'WordedError') return messageOf(error);
    const coded = codeOf(error);
    // One of ours raised without a code: its message already names the place.
    if (!coded && (e.name === 'CorpusError' || e.name === 'LibraryImportError' || e.name === 'HighlightStoreError'))
      return messageOf(error);
    let reason: string;
    if (coded) {
      const params: Record<string, string | number> = { ...coded.params };
      // A refusal that wraps another ("nothing was imported: …") words the inner one too.
      if (params.detail === undefined && e.cause !== undefined) params.detail = describeError(e.cause, lang);
      reason = wordError(coded.code, params, lang);
    } else {
      const storage = storageCode(error);
      reason = storage
        ? wordError(storage, { action: action ?? wordError('storage.saving', {}, lang) }, lang)
        : wordError('unexpected', { detail: messageOf(error) }, lang);
    }
    const sep = lang === 'zh' ? '：' : ': ';
    const field = typeof e.field === 'string' && e.field !== '' ? `${e.field}${sep}` : '';
    switch (e.name) {
      case 'CorpusError':
        return `${String(e.file)}:${String(e.line)}${sep}${reason}`;
      case 'LibraryImportError':
        return `${String(e.file)}${sep}${field}${reason}`;
      case 'HighlightStoreError': {
        const what = `highlight.action.${String(e.action)}`;
        return `${isErrorCode(what) ? wordError(what, {}, lang) : String(e.action)}${sep}${field}${reason}`;
      }
      default:
        return reason;
    }
  } catch {
    // A hostile or broken error object: never throw while reporting one.
    return wordError('unexpected', { detail: '?' }, lang);
  }
}
