/**
 * Import a Policy Lens backup or a W3C Web Annotation file into the library.
 *
 * The whole file is read and checked before anything is written (size, UTF-8, JSON, which format,
 * every record), then merged and written in one Dexie transaction: a bad, truncated or foreign file is
 * refused with the file name and its first bad field, and a failure while writing (an indexer error,
 * a full disk) rolls everything back. Either the whole file is in, or nothing changed.
 *
 * Merging (merge.ts): highlights by id, and the same highlight under another id is a duplicate; a
 * differing note is never lost (both kept, the report lists which); dates later than now are set to
 * now. Articles already in the corpus are left as they are, and one whose id names another article is
 * stored apart. Settings in a backup replace the reader's value for the same key (restoring a backup
 * means getting its settings back).
 */
import type { HighlightRecord, LensDB, StoredArticle } from '../db/schema';
import { BACKUP_FORMAT, BACKUP_VERSION, BackupSchema } from './backup';
import { FieldError, LibraryImportError, firstIssue, formatPath } from './import-error';
import { contentKey, emptyCounts, planHighlights, stableJson, type ImportCounts, type MergedNoteReport } from './merge';
import { isWebAnnotationDocument, readAnnotations } from './read-annotations';
import { addArticleApart, readerKey, type IndexArticle } from '../db/articles';

export { LibraryImportError, type ImportCounts, type IndexArticle, type MergedNoteReport };

/** A backup of thousands of articles is a few MB; anything far past that is not one of ours. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** The same shape lib/db/articles.ts imports. */
export type LibraryFile = { name: string; bytes: Uint8Array };

export type LibraryFileFormat = 'backup' | 'annotations';

export type ParsedLibraryFile = {
  format: LibraryFileFormat;
  highlights: HighlightRecord[];
  /** Backups only. */
  articles: StoredArticle[];
  /** Backups only. */
  settings: Record<string, unknown>;
};

export type LibraryImportReport = {
  file: string;
  format: LibraryFileFormat;
  highlights: ImportCounts;
  articles: ImportCounts;
  settings: ImportCounts;
  /** Highlights whose note in the file differed from the reader's: both notes are kept in them now. */
  notesMerged: MergedNoteReport[];
  /** Dates in the file later than the import's time, set to that time. */
  datesClamped: number;
  /** Articles whose id named another article here, stored under an id of their own. */
  articlesApart: number;
};

export interface LibraryImportOptions {
  /** Indexes each added article (measures, related articles); see lib/db/articles.ts addArticleApart. */
  index?: IndexArticle;
  /** For Web Annotations without `created` or `id` (other tools'). */
  now?: () => Date;
  newId?: () => string;
}

const MB = 1024 * 1024;

/** Refuse an over-size file before reading it (the UI has File.size). */
export function checkImportSize(name: string, size: number): void {
  if (size > MAX_IMPORT_BYTES) {
    const params = { size: (size / MB).toFixed(1), max: MAX_IMPORT_BYTES / MB };
    throw new LibraryImportError(
      name,
      `the file is ${params.size} MB; Policy Lens imports files of at most ${params.max} MB`,
      undefined,
      'import.too-large',
      params,
    );
  }
}

function decodeJson(file: LibraryFile): unknown {
  checkImportSize(file.name, file.bytes.byteLength);
  let text: string;
  try {
    // fatal: a binary or mis-encoded file is refused, not read as replacement characters.
    text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
  } catch {
    throw new LibraryImportError(file.name, 'is not UTF-8 text', undefined, 'import.not-utf8');
  }
  if (text.trim() === '') throw new LibraryImportError(file.name, 'is empty', undefined, 'import.empty');
  try {
    return JSON.parse(text);
  } catch {
    // The engine's own message differs between browsers; this one is the same everywhere.
    throw new LibraryImportError(file.name, 'is not valid JSON (the file may be truncated or damaged)', undefined, 'import.not-json');
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseBackup(data: Record<string, unknown>): ParsedLibraryFile {
  const version = data.version;
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    throw new FieldError(
      ['version'],
      `${version} was written by a newer Policy Lens; this one reads backups of version ${BACKUP_VERSION}`,
      'import.newer-version',
      {
        version,
        supported: BACKUP_VERSION,
      },
    );
  }
  const parsed = BackupSchema.safeParse(data);
  if (!parsed.success) throw firstIssue(parsed.error);
  const { highlights, articles, settings } = parsed.data;
  return { format: 'backup', highlights, articles: articles as StoredArticle[], settings };
}

/** Reads and checks a file completely, writing nothing. Throws LibraryImportError. */
export function parseLibraryFile(file: LibraryFile, options: Pick<LibraryImportOptions, 'now' | 'newId'> = {}): ParsedLibraryFile {
  const data = decodeJson(file);
  try {
    if (isObject(data) && 'format' in data) {
      if (data.format !== BACKUP_FORMAT) {
        const params = { format: JSON.stringify(data.format) ?? 'undefined', expected: BACKUP_FORMAT };
        throw new FieldError(['format'], `${params.format} is not a Policy Lens backup ("${BACKUP_FORMAT}")`, 'import.not-backup', params);
      }
      return parseBackup(data);
    }
    if (isWebAnnotationDocument(data)) {
      const highlights = readAnnotations(data, {
        now: options.now ?? (() => new Date()),
        newId: options.newId ?? (() => crypto.randomUUID()),
      });
      return { format: 'annotations', highlights, articles: [], settings: {} };
    }
  } catch (error) {
    if (error instanceof FieldError)
      throw new LibraryImportError(file.name, error.message, formatPath(error.path) || undefined, error.code, error.params);
    throw error;
  }
  throw new LibraryImportError(
    file.name,
    `is neither a Policy Lens backup nor a W3C Web Annotation file (expected "format": "${BACKUP_FORMAT}", or an "@context" naming http://www.w3.org/ns/anno.jsonld)`,
    undefined,
    'import.unknown-format',
    { format: BACKUP_FORMAT },
  );
}

/**
 * Dates later than `now` set to `now` (a clock ahead on the machine that wrote the file, or a
 * forged year 9999 that would otherwise win every later merge), created never after updated.
 * How many dates it changed.
 */
export function clampFutureDates(parsed: ParsedLibraryFile, now: Date): { changed: number; highlightIds: Set<string> } {
  const nowIso = now.toISOString();
  const nowMs = now.getTime();
  let changed = 0;
  const highlightIds = new Set<string>();
  const clamp = (iso: string) => {
    if (Date.parse(iso) <= nowMs) return iso;
    changed++;
    return nowIso;
  };
  parsed.highlights = parsed.highlights.map((h) => {
    const updatedAt = clamp(h.updatedAt);
    const createdAt = clamp(h.createdAt);
    if (createdAt === h.createdAt && updatedAt === h.updatedAt) return h;
    highlightIds.add(h.id);
    return { ...h, createdAt: Date.parse(createdAt) > Date.parse(updatedAt) ? updatedAt : createdAt, updatedAt };
  });
  parsed.articles = parsed.articles.map((a) => {
    const addedAt = clamp(a.addedAt);
    return addedAt === a.addedAt ? a : { ...a, addedAt };
  });
  return { changed, highlightIds };
}

type Written = Omit<LibraryImportReport, 'file' | 'format' | 'datesClamped'>;

async function writeParsed(
  db: LensDB,
  parsed: ParsedLibraryFile,
  index: IndexArticle | undefined,
  now: Date,
  futureDated: ReadonlySet<string>,
): Promise<Written> {
  return db.transaction('rw', db.tables, async () => {
    // Articles first: one whose id already names another article here is stored apart under an id
    // of its own (never over the reader's), and the file's reader-page highlights follow it there.
    const articles = emptyCounts();
    const movedKeys = new Map<string, string>();
    let articlesApart = 0;
    for (const article of parsed.articles) {
      const result = await addArticleApart(db, article, { index });
      if (result.article.id !== article.id) movedKeys.set(readerKey(article.id), readerKey(result.article.id));
      if (result.status === 'added') {
        articles.added++;
        if (result.article.id !== article.id) articlesApart++;
      } else if (stableJson(result.article) === stableJson(article)) articles.unchanged++;
      else articles.skipped++;
    }

    const incoming = parsed.highlights.map((h) => {
      const key = movedKeys.get(h.articleKey);
      return key ? { ...h, articleKey: key } : h;
    });
    const byId = new Map<string, HighlightRecord>();
    for (const record of await db.highlights.bulkGet(incoming.map((h) => h.id))) if (record) byId.set(record.id, record);
    const keys = [...new Set(incoming.map((h) => h.articleKey))];
    const byContent = new Map<string, HighlightRecord>();
    const sameArticles = keys.length > 0 ? await db.highlights.where('articleKey').anyOf(keys).sortBy('id') : [];
    for (const record of sameArticles) if (!byContent.has(contentKey(record))) byContent.set(contentKey(record), record);
    const plan = planHighlights(incoming, byId, byContent, now, futureDated);
    await db.highlights.bulkPut(plan.puts);

    const settings = emptyCounts();
    const entries = Object.entries(parsed.settings);
    const existing = await db.settings.bulkGet(entries.map(([key]) => key));
    const settingPuts = entries.flatMap(([key, value], i) => {
      const old = existing[i];
      if (old && stableJson(old.value) === stableJson(value)) {
        settings.unchanged++;
        return [];
      }
      if (old) settings.updated++;
      else settings.added++;
      return [{ key, value }];
    });
    await db.settings.bulkPut(settingPuts);

    return { highlights: plan.counts, articles, settings, notesMerged: plan.notesMerged, articlesApart };
  });
}

/** Checks the whole file, then merges it in one transaction. Throws LibraryImportError; on any error nothing is written. */
export async function importLibraryFile(db: LensDB, file: LibraryFile, options: LibraryImportOptions = {}): Promise<LibraryImportReport> {
  const parsed = parseLibraryFile(file, options);
  const now = (options.now ?? (() => new Date()))();
  const clamped = clampFutureDates(parsed, now);
  try {
    const written = await writeParsed(db, parsed, options.index, now, clamped.highlightIds);
    return { file: file.name, format: parsed.format, ...written, datesClamped: clamped.changed };
  } catch (error) {
    if (error instanceof FieldError) {
      throw new LibraryImportError(
        file.name,
        `nothing was imported: ${error.message}`,
        formatPath(error.path) || undefined,
        error.code,
        error.params,
        { cause: error },
      );
    }
    throw new LibraryImportError(
      file.name,
      `nothing was imported: ${(error as Error).message}`,
      undefined,
      'import.not-written',
      {},
      { cause: error },
    );
  }
}
