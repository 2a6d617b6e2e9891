/**
 * The full backup: every highlight, the articles the reader added (imported files and pages read;
 * seeds ship with the extension and are not copied), and every setting.
 *
 *     { "format": "policy-lens-backup", "version": 1, "exportedAt": "…",
 *       "highlights": [HighlightRecord…], "articles": [StoredArticle…], "settings": { key: value… } }
 *
 * Records are written as stored, so importing a backup into an emptied library gives back exactly
 * the same records. BackupSchema is what import.ts checks a file against before writing anything.
 */
import { z } from 'zod';
import { ArticleSchema } from '../corpus/article';
import type { HighlightRecord, LensDB, StoredArticle } from '../db/schema';
import { readInPages } from '../db/read-in-pages';
import { SETTING_DEFAULTS } from '../db/settings';
import { COLOR_LABELS_SETTING, HIGHLIGHT_COLORS, checkColorLabel, isHighlightColor } from '../highlights/colors';
import { HighlightRecordSchema } from '../highlights/store';
import { valueKind } from '../i18n/errors';
import { parseArticleUrl } from '../sina/url';

export const BACKUP_FORMAT = 'policy-lens-backup';
export const BACKUP_VERSION = 1;

export type Backup = {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  highlights: HighlightRecord[];
  articles: StoredArticle[];
  settings: Record<string, unknown>;
};

const IsoDateSchema = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' });

/**
 * A reader's article as stored: the corpus Article rules (derived fields agree) plus what storing adds.
 * safeExtend, not extend: zod refuses to override `origin` on a schema with refinements otherwise.
 */
export const BackupArticleSchema = ArticleSchema.safeExtend({
  origin: z.enum(['imported', 'read'], {
    error: 'must be "imported" or "read" (seed articles ship with Policy Lens and are not backed up)',
  }),
  addedAt: IsoDateSchema,
  fingerprint: z.string().optional(),
  measureIds: z.array(z.string()).optional(),
  measureSentences: z.record(z.string(), z.string()).optional(),
}).superRefine(checkArticleUrl);

/**
 * An article's URL is opened from the library and linked from the options page: only an https Sina
 * article URL, and the one of the article's own key — never `javascript:`, `data:`, `file:` or
 * another host. A key without a URL must be a Sina key.
 */
function checkArticleUrl(a: { key?: string | undefined; url?: string | undefined }, ctx: z.RefinementCtx): void {
  if (a.url !== undefined) {
    const parsed = a.url.startsWith('https://') ? parseArticleUrl(a.url) : null;
    if (!parsed) {
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'must be an https Sina article URL', params: { code: 'field.url-sina' } });
      return;
    }
    if (a.key !== undefined && a.key !== parsed.key)
      ctx.addIssue({
        code: 'custom',
        path: ['key'],
        message: `must be the key of its URL (${parsed.key})`,
        params: { code: 'field.key-of-url', key: parsed.key },
      });
    return;
  }
  if (a.key !== undefined && !/^(sina|sina-cj):[a-z0-9]+$/.test(a.key))
    ctx.addIssue({ code: 'custom', path: ['key'], message: 'must be a Sina article key (sina:<id>)' });
}

const SETTING_KEY_MAX = 200;

/**
 * Settings are free-form key → JSON value (a later version's settings come back too), but the ones
 * this version reads are checked, so a bad file cannot leave a setting that breaks a page later.
 */
export const BackupSettingsSchema = z
  .record(
    z
      .string()
      .min(1, { error: 'setting names must not be empty' })
      .max(SETTING_KEY_MAX, { error: `setting names are at most ${SETTING_KEY_MAX} characters` })
      // Copied into a plain object by key, `__proto__` would set the prototype instead.
      .refine((key) => key !== '__proto__', { error: 'is not a setting name', params: { code: 'backup.setting-name' } }),
    z.unknown(),
  )
  .superRefine((settings, ctx) => {
    for (const [key, fallback] of Object.entries(SETTING_DEFAULTS)) {
      if (key in settings && typeof settings[key] !== typeof fallback) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `must be a ${typeof fallback}`,
          params: { code: 'backup.setting-type', expectedKind: valueKind(fallback) },
        });
      }
    }
    if (!(COLOR_LABELS_SETTING in settings)) return;
    const labels = settings[COLOR_LABELS_SETTING];
    if (typeof labels !== 'object' || labels === null || Array.isArray(labels)) {
      ctx.addIssue({
        code: 'custom',
        path: [COLOR_LABELS_SETTING],
        message: 'must map colours to labels',
        params: { code: 'backup.color-labels' },
      });
      return;
    }
    for (const [color, label] of Object.entries(labels)) {
      if (!isHighlightColor(color)) {
        ctx.addIssue({
          code: 'custom',
          path: [COLOR_LABELS_SETTING, color],
          message: `colour must be one of ${HIGHLIGHT_COLORS.join(', ')}`,
          params: { code: 'field.colour', colours: HIGHLIGHT_COLORS.join(', ') },
        });
        return;
      }
      const checked = checkColorLabel(label);
      if (!checked.ok) {
        ctx.addIssue({
          code: 'custom',
          path: [COLOR_LABELS_SETTING, color],
          message: checked.error,
          params: { code: checked.code, ...checked.params },
        });
        return;
      }
    }
  });

/** Two records under one id would make "which one wins" depend on file order: refuse. */
function refuseRepeatedIds(list: readonly { id: string }[], field: string, ctx: z.RefinementCtx): void {
  const seen = new Map<string, number>();
  list.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [field, i, 'id'],
        message: `repeats ${field}[${first}].id "${item.id}"`,
        params: { code: 'backup.repeated-id', field, first, id: item.id },
      });
    } else seen.set(item.id, i);
  });
}

export const BackupSchema = z
  .strictObject({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_VERSION, { error: `must be ${BACKUP_VERSION}` }),
    exportedAt: IsoDateSchema,
    highlights: z.array(HighlightRecordSchema, { error: 'must be a list of highlights' }),
    articles: z.array(BackupArticleSchema, { error: 'must be a list of articles' }),
    settings: BackupSettingsSchema,
  })
  .superRefine((backup, ctx) => {
    refuseRepeatedIds(backup.highlights, 'highlights', ctx);
    refuseRepeatedIds(backup.articles, 'articles', ctx);
  });

/** Code-unit order, the same in every browser (localeCompare is not). */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The object with `keys` first, in that order, then any others sorted: one spelling per record. */
function ordered<T extends object>(record: T, keys: readonly string[]): T {
  const source = record as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of keys) if (key in source) out[key] = source[key];
  for (const key of Object.keys(source).sort(cmp)) if (!(key in out)) out[key] = source[key];
  return out as T;
}

const HIGHLIGHT_KEYS = ['id', 'articleKey', 'url', 'title', 'quote', 'position', 'color', 'note', 'tags', 'createdAt', 'updatedAt'];
const QUOTE_KEYS = ['type', 'exact', 'prefix', 'suffix'];
const POSITION_KEYS = ['type', 'start', 'end'];
/** buildArticle's order (lib/corpus/article.ts), then what storing adds. */
const ARTICLE_KEYS = [
  'id',
  'key',
  'url',
  'title',
  'titleNorm',
  'originalTitle',
  'date',
  'categories',
  'source',
  'editor',
  'lead',
  'paragraphs',
  'images',
  'text',
  'length',
  'origin',
  'file',
  'addedAt',
  'fingerprint',
  'measureIds',
  'measureSentences',
];

/**
 * Records as IndexedDB returns them keep the key order of whoever wrote them; the backup writes one
 * order, so the same library always gives the same file.
 */
function canonicalHighlight(h: HighlightRecord): HighlightRecord {
  return ordered({ ...h, quote: ordered(h.quote, QUOTE_KEYS), position: ordered(h.position, POSITION_KEYS) }, HIGHLIGHT_KEYS);
}

export interface BackupOptions {
  now?: () => Date;
}

/** Reads everything in one transaction, so the backup is one consistent moment of the library. */
export async function createBackup(db: LensDB, options: BackupOptions = {}): Promise<Backup> {
  const exportedAt = (options.now ?? (() => new Date()))().toISOString();
  return db.transaction('r', db.highlights, db.articles, db.settings, async () => {
    const highlights = await readInPages(db.highlights, (h) => h.id);
    const articles = await db.articles.where('origin').anyOf('imported', 'read').toArray();
    const settingRows = await db.settings.toArray();
    // A stable order, so two backups of the same library are the same file (and diff cleanly).
    highlights.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || cmp(a.id, b.id));
    articles.sort((a, b) => cmp(a.id, b.id));
    settingRows.sort((a, b) => cmp(a.key, b.key));
    const settings: Record<string, unknown> = {};
    for (const row of settingRows) settings[row.key] = row.value;
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt,
      highlights: highlights.map(canonicalHighlight),
      articles: articles.map((a) => ordered(a, ARTICLE_KEYS)),
      settings,
    };
  });
}

export function serializeBackup(backup: Backup): string {
  return `${JSON.stringify(backup, null, 2)}\n`;
}

/** `policy-lens-backup-2024-05-01.json` (UTC date of the export). */
export function backupFileName(backup: Pick<Backup, 'exportedAt'>): string {
  return `policy-lens-backup-${backup.exportedAt.slice(0, 10)}.json`;
}
