/**
 * The reader's highlights in IndexedDB: create, edit, delete with undo, list an article's in reading
 * order. Extension pages and the background call these; content scripts ask through messages.
 *
 * Everything that enters the table is validated here, whoever calls: a message from a content
 * script, an import, the panel. A refusal is a HighlightStoreError whose message names the action
 * and the field ("Create highlight: note: at most 10000 characters (got 10012)"), because these
 * messages end up in front of the reader and in bug reports, and "invalid input" helps neither.
 */
import { z } from 'zod';
import { TextPositionSelectorSchema, TextQuoteSelectorSchema } from '../anchoring/selector-schemas';
import { isQuotaError } from '../db/quota';
import type { HighlightRecord, LensDB } from '../db/schema';
import type { ErrorCode, ErrorParams } from '../i18n/errors';
import { issueCode } from '../i18n/zod-issues';
import { parseArticleUrl } from '../sina/url';
import { DEFAULT_COLOR, HIGHLIGHT_COLORS } from './colors';
import { NOTE_MAX, TAGS_MAX, TAG_MAX } from './limits';
import { mergeNotes } from './note-merge';

export { NOTE_MAX, TAGS_MAX, TAG_MAX };
export const TITLE_MAX = 500;
export const URL_MAX = 2048;
export const ARTICLE_KEY_MAX = 200;
/** A whole long article is about 100,000 characters; nothing a reader selects is longer. */
export const QUOTE_MAX = 100_000;
/** Context is 32 characters; leave room for imports from tools that keep more. */
export const CONTEXT_MAX = 256;

export type HighlightAction = 'create' | 'update' | 'delete' | 'restore';

const HighlightColorSchema = z.enum(HIGHLIGHT_COLORS, {
  error: `colour must be one of ${HIGHLIGHT_COLORS.join(', ')}`,
});

const ACTION_LABEL: Record<HighlightAction, string> = {
  create: 'Create highlight',
  update: 'Update highlight',
  delete: 'Delete highlight',
  restore: 'Restore highlight',
};

export class HighlightStoreError extends Error {
  override readonly name = 'HighlightStoreError';
  constructor(
    readonly action: HighlightAction,
    message: string,
    /** Dotted path of the offending field, when one is to blame. */
    readonly field?: string,
    /** The reason's code and parameters, for wording it in the interface language (lib/i18n/errors.ts). */
    readonly code?: ErrorCode,
    readonly params: ErrorParams = {},
  ) {
    super(`${ACTION_LABEL[action]}: ${field ? `${field}: ` : ''}${message}`);
  }
}

const NoteSchema = z.string({ error: 'must be text' }).refine((s) => s.length <= NOTE_MAX, {
  error: (issue) => `at most ${NOTE_MAX} characters (got ${String((issue.input as string).length)})`,
  params: { code: 'field.too-long', max: NOTE_MAX },
});

/**
 * Tags as the reader typed them, tidied: trimmed, empties dropped, duplicates removed (first one
 * wins), then the limits checked on what is left, so "a, a, " is one tag and not an error.
 */
const TagsSchema = z
  .array(z.string({ error: 'each tag must be text' }), { error: 'must be a list of tags' })
  .transform((tags) => [...new Set(tags.map((tag) => tag.trim()).filter((tag) => tag !== ''))])
  .pipe(
    z
      .array(
        z
          .string()
          .max(TAG_MAX, { error: (issue) => `each tag at most ${TAG_MAX} characters ("${String(issue.input).slice(0, 20)}…" is longer)` }),
      )
      .max(TAGS_MAX, { error: (issue) => `at most ${TAGS_MAX} tags (got ${(issue.input as unknown[]).length})` }),
  );

const UrlSchema = z
  .string({ error: 'must be text' })
  .max(URL_MAX, { error: `at most ${URL_MAX} characters` })
  .refine(
    (s) => {
      try {
        // The reader page shows corpus copies at an extension URL; those highlights keep that URL.
        return ['http:', 'https:', 'chrome-extension:', 'moz-extension:'].includes(new URL(s).protocol);
      } catch {
        return false;
      }
    },
    { error: 'must be an http(s) or extension URL', params: { code: 'field.url' } },
  );

const QuoteSchema = TextQuoteSelectorSchema.extend({
  exact: z
    .string({ error: 'must be text' })
    .min(1, { error: 'must not be empty' })
    .max(QUOTE_MAX, { error: `at most ${QUOTE_MAX} characters` }),
  prefix: z
    .string()
    .max(CONTEXT_MAX, { error: `at most ${CONTEXT_MAX} characters` })
    .default(''),
  suffix: z
    .string()
    .max(CONTEXT_MAX, { error: `at most ${CONTEXT_MAX} characters` })
    .default(''),
});

const IsoDateSchema = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' });

const READER_KEY_PREFIX = 'corpus:';

/**
 * A highlight's URL must be where its article is: for a Sina article (`sina:<id>`) an https Sina
 * article URL with that very key, for an article read in the reader page (`corpus:<id>`) the
 * extension's reader page or an https Sina article URL. Nothing else: a `javascript:`, `data:` or
 * `file:` URL, another host, or a Sina URL of another article would be opened from the library or
 * shown as the article's link. http Sina URLs (kept by versions before https only) become https.
 */
function checkUrlMatchesKey(h: { articleKey: string; url: string }, ctx: z.RefinementCtx): void {
  let url: URL;
  try {
    url = new URL(h.url);
  } catch {
    return; // UrlSchema has said why already
  }
  const sina = (url.protocol === 'https:' || url.protocol === 'http:') && parseArticleUrl(h.url);
  if (h.articleKey.startsWith(READER_KEY_PREFIX)) {
    if (sina || url.protocol === 'chrome-extension:' || url.protocol === 'moz-extension:') return;
    ctx.addIssue({
      code: 'custom',
      path: ['url'],
      message: 'must be the reader page or an https Sina article URL',
      params: { code: 'field.url-reader-or-sina' },
    });
    return;
  }
  if (!sina) {
    ctx.addIssue({
      code: 'custom',
      path: ['url'],
      message: `must be an https Sina article URL (the article ${h.articleKey})`,
      params: { code: 'field.url-sina-of', key: h.articleKey },
    });
    return;
  }
  if (sina.key !== h.articleKey)
    ctx.addIssue({
      code: 'custom',
      path: ['url'],
      message: `is the Sina article ${sina.key}, not the highlight's article ${h.articleKey}`,
      params: { code: 'field.url-other-article', found: sina.key, key: h.articleKey },
    });
}

/** http Sina URLs as https: the content scripts and the background only ever deal in https. */
function withHttps<T extends { url: string }>(h: T): T {
  return h.url.startsWith('http://') && parseArticleUrl(h.url) ? { ...h, url: `https://${h.url.slice('http://'.length)}` } : h;
}

const ArticleKeySchema = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(ARTICLE_KEY_MAX, { error: `at most ${ARTICLE_KEY_MAX} characters` })
  .refine((key) => /^(sina|sina-cj):[a-z0-9]+$/.test(key) || /^corpus:a_[0-9a-f]{16}$/.test(key), {
    error: 'must be sina:<article id> (a Sina article) or corpus:<article id> (the reader page)',
  });

/** What a caller supplies to create a highlight; colour, note and tags have defaults. */
const NewHighlightFields = z.strictObject({
  articleKey: ArticleKeySchema,
  url: UrlSchema,
  title: z
    .string({ error: 'must be text' })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(TITLE_MAX, { error: `at most ${TITLE_MAX} characters` }),
  quote: QuoteSchema,
  position: TextPositionSelectorSchema,
  color: HighlightColorSchema.default(DEFAULT_COLOR),
  note: NoteSchema.default(''),
  tags: TagsSchema.default([]),
});
export const NewHighlightSchema = NewHighlightFields.superRefine(checkUrlMatchesKey).transform(withHttps);
export type NewHighlight = z.input<typeof NewHighlightSchema>;

/**
 * What may change after creation. Quote and position change together, and only to re-attach an
 * orphan to text the reader selected; the article, URL and creation time never change.
 */
export const HighlightPatchSchema = z
  .strictObject({
    note: NoteSchema.optional(),
    /** The note as the editor showed it when the reader began: detects a save made elsewhere meanwhile. */
    baseNote: NoteSchema.optional(),
    color: HighlightColorSchema.optional(),
    tags: TagsSchema.optional(),
    quote: QuoteSchema.optional(),
    position: TextPositionSelectorSchema.optional(),
  })
  .refine((p) => (p.quote === undefined) === (p.position === undefined), {
    error: 'quote and position are re-attached together: give both or neither',
    params: { code: 'field.quote-and-position' },
    path: ['quote'],
  });
export type HighlightPatch = z.input<typeof HighlightPatchSchema>;

/** A whole record, as `deleteHighlight` returned it (undo) or an import supplies it. */
export const HighlightRecordSchema = NewHighlightFields.extend({
  id: z.string({ error: 'must be text' }).min(1, { error: 'must not be empty' }).max(200, { error: 'at most 200 characters' }),
  color: HighlightColorSchema,
  note: NoteSchema,
  tags: TagsSchema,
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema,
})
  .superRefine(checkUrlMatchesKey)
  .transform(withHttps);

function parse<S extends z.ZodType>(schema: S, input: unknown, action: HighlightAction): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
  // Unknown keys come back as one issue on the object; name them, they are usually a typo.
  const message = issue?.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.join(', ')}` : (issue?.message ?? 'invalid input');
  const { code, params } = issueCode(issue);
  throw new HighlightStoreError(action, message, field, code, params);
}

export interface StoreOptions {
  now?: () => Date;
  newId?: () => string;
  /**
   * The browser refused a write for lack of space: free some (lib/db/read-cap.ts evicts the oldest
   * read articles without highlights) and say whether anything was freed; the write is then tried
   * once more. Without it, or when that fails too, the write is refused with a message saying so.
   */
  onQuotaExceeded?: () => Promise<boolean>;
}

/**
 * Runs a write; if the storage quota refuses it, frees space and runs it once more. A refusal says
 * the change was not saved, so the note stays where the reader typed it (the panel keeps its editor
 * open until a save is confirmed).
 */
async function writeWithRoom<T>(action: HighlightAction, write: () => Promise<T>, options: StoreOptions): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isQuotaError(error)) throw error;
    if (options.onQuotaExceeded && (await options.onQuotaExceeded())) {
      try {
        return await write();
      } catch (again) {
        if (!isQuotaError(again)) throw again;
      }
    }
    throw new HighlightStoreError(
      action,
      'the browser has no room left for Policy Lens, so this change was not saved (your text is still in the editor). Remove articles from the corpus on the options page, then save again.',
      undefined,
      'highlight.no-room',
    );
  }
}

const defaultNow = () => new Date();
const defaultId = () => crypto.randomUUID();

/** How far ahead of the clock a stored time may be and still be moved past (two edits in one millisecond, a clock stepped back). */
const CLOCK_SLACK_MS = 60_000;

/**
 * A time after `previous`: updatedAt must move forward even when two edits land in the same
 * millisecond or the clock steps back, since "newest wins" (merge on import) relies on it. A
 * `previous` far in the future (a date an older version imported as it was, year 9999) is not
 * followed there: the edit is dated now.
 */
function laterThan(previous: string, now: Date): string {
  const prev = Date.parse(previous);
  const ahead = Number.isFinite(prev) && now.getTime() <= prev && prev - now.getTime() < CLOCK_SLACK_MS;
  return (ahead ? new Date(prev + 1) : now).toISOString();
}

export async function createHighlight(db: LensDB, input: unknown, options: StoreOptions = {}): Promise<HighlightRecord> {
  const data = parse(NewHighlightSchema, input, 'create');
  const at = (options.now ?? defaultNow)().toISOString();
  const record: HighlightRecord = { id: (options.newId ?? defaultId)(), ...data, createdAt: at, updatedAt: at };
  await writeWithRoom('create', () => db.highlights.add(record), options);
  return record;
}

export async function getHighlight(db: LensDB, id: string): Promise<HighlightRecord | undefined> {
  return db.highlights.get(id);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Edits a highlight's note, colour or tags, or re-attaches it (new quote and position). Returns the
 * record as stored. A patch that changes nothing writes nothing, so other views are not woken up.
 */
export async function updateHighlight(db: LensDB, id: string, patch: unknown, options: StoreOptions = {}): Promise<HighlightRecord> {
  const changes = parse(HighlightPatchSchema, patch, 'update');
  const write = () =>
    db.transaction('rw', db.highlights, async () => {
      const current = await db.highlights.get(id);
      if (!current)
        throw new HighlightStoreError(
          'update',
          `no highlight with id ${id} (it may have been deleted in another tab)`,
          undefined,
          'highlight.not-found',
          { id },
        );
      const next: HighlightRecord = { ...current };
      if (changes.note !== undefined) next.note = noteAfterEdit(current.note, changes.note, changes.baseNote);
      if (changes.color !== undefined) next.color = changes.color;
      if (changes.tags !== undefined) next.tags = changes.tags;
      if (changes.quote !== undefined && changes.position !== undefined) {
        next.quote = changes.quote;
        next.position = changes.position;
      }
      if (sameJson(next, current)) return current;
      next.updatedAt = laterThan(current.updatedAt, (options.now ?? defaultNow)());
      await db.highlights.put(next);
      return next;
    });
  return writeWithRoom('update', write, options);
}

/**
 * The note to store for an edit. `base` is the note the editor opened with: when the stored note is
 * neither that nor the new text, another tab (or the library) saved the note meanwhile, and taking
 * this edit as it is would lose that save without a word. Both are kept instead, the earlier save
 * first and this one after a marked separator; the caller sees the stored note differ from what it
 * sent and tells the reader.
 */
function noteAfterEdit(stored: string, edited: string, base: string | undefined): string {
  if (base === undefined || stored === base || stored === edited) return edited;
  const merged = mergeNotes(stored, edited, 'otherTab').note;
  if (merged.length > NOTE_MAX) {
    throw new HighlightStoreError(
      'update',
      `this note was changed elsewhere while you edited it, and the two versions together are over ${NOTE_MAX} characters: copy your text, reopen the note and save again`,
      'note',
      'highlight.conflict-too-long',
      { max: NOTE_MAX },
    );
  }
  return merged;
}

/**
 * Deletes a highlight and returns the record as it was, for undo (`restoreHighlight`). Deleting
 * one that is already gone (two tabs, a double click) returns null rather than failing.
 */
export async function deleteHighlight(db: LensDB, id: string): Promise<HighlightRecord | null> {
  if (typeof id !== 'string' || id === '') throw new HighlightStoreError('delete', 'must be a highlight id', 'id', 'highlight.bad-id');
  return db.transaction('rw', db.highlights, async () => {
    const current = await db.highlights.get(id);
    if (!current) return null;
    await db.highlights.delete(id);
    return current;
  });
}

/** Puts a deleted highlight back exactly as it was: same id, note, colour, tags and times. */
export async function restoreHighlight(db: LensDB, record: unknown, options: StoreOptions = {}): Promise<HighlightRecord> {
  const data: HighlightRecord = parse(HighlightRecordSchema, record, 'restore');
  await writeWithRoom('restore', () => db.highlights.put(data), options);
  return data;
}

/** Reading order: by start in the article text, then end, then creation. */
export function compareReadingOrder(a: HighlightRecord, b: HighlightRecord): number {
  return (
    a.position.start - b.position.start ||
    a.position.end - b.position.end ||
    a.createdAt.localeCompare(b.createdAt) ||
    a.id.localeCompare(b.id)
  );
}

/** An article's highlights in reading order (orphans included: they keep their stored position). */
export async function listForArticle(db: LensDB, articleKey: string): Promise<HighlightRecord[]> {
  const rows = await db.highlights.where('articleKey').equals(articleKey).toArray();
  return rows.sort(compareReadingOrder);
}
