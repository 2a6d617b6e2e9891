/**
 * How an import merges into what the reader already has. Pure: import.ts reads the existing records
 * and writes the plan, inside one transaction.
 *
 * A highlight in the file meets the reader's copy by id, or, under another id, as the same mark on
 * the same text (same article, quote with its context, position): a duplicate, not a new highlight,
 * and the reader's id is kept. Only records already in the library count as such duplicates: two
 * highlights of one file are both kept, as the library they were exported from had both.
 *
 * When the two differ, nothing the reader wrote is lost:
 * - note: if neither note holds the other, both are kept, the reader's first and the file's after a
 *   marked separator (lib/highlights/note-merge.ts), and the report lists the highlight;
 * - tags: both sets, the reader's first;
 * - colour, quote and position: the newer `updatedAt` wins (a tie keeps the reader's);
 * - created: the earlier.
 * Dates later than the import's "now" never get this far (import.ts sets them to now and counts
 * them), and such a record never wins by its date; a library record dated in the future counts as
 * dated now. So no made-up date wins every import.
 * A merge that changes the record moves its `updatedAt` to now, so an editor open on the old version
 * sees the change (lib/highlights/store.ts's conflict check).
 */
import type { HighlightRecord } from '../db/schema';
import { mergeNotes } from '../highlights/note-merge';
import { NOTE_MAX, TAGS_MAX } from '../highlights/limits';
import { FieldError } from './import-error';

export type ImportCounts = { added: number; updated: number; unchanged: number; skipped: number };

export function emptyCounts(): ImportCounts {
  return { added: 0, updated: 0, unchanged: 0, skipped: 0 };
}

/** A highlight whose note in the file differed from the reader's: both notes are in it now. */
export type MergedNoteReport = { id: string; title: string; quote: string };

/** What makes two highlights the same mark on the same text, whatever their ids. */
export function contentKey(h: HighlightRecord): string {
  return JSON.stringify([h.articleKey, h.quote.exact, h.quote.prefix, h.quote.suffix, h.position.start, h.position.end]);
}

/** JSON with object keys sorted: equal for equal data, whatever order the keys were written in. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

function sameExceptId(a: HighlightRecord, b: HighlightRecord): boolean {
  return stableJson({ ...a, id: '' }) === stableJson({ ...b, id: '' });
}

export interface HighlightPlan {
  /** Records to put, in file order. */
  puts: HighlightRecord[];
  counts: ImportCounts;
  notesMerged: MergedNoteReport[];
}

/** A date as milliseconds, no later than `now`. */
function notAfter(iso: string, now: number): number {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? Math.min(ms, now) : now;
}

/**
 * The reader's record with the file's merged in, by the rules above; `index` is where the file's
 * record is in the file, for a refusal naming it.
 */
function mergeRecord(
  local: HighlightRecord,
  incoming: HighlightRecord,
  now: Date,
  index: number,
  futureDated: boolean,
): { record: HighlightRecord; notesKept: boolean } {
  const nowMs = now.getTime();
  // A file's record that was dated in the future never wins by its date: that date was made up.
  const incomingNewer = !futureDated && notAfter(incoming.updatedAt, nowMs) > notAfter(local.updatedAt, nowMs);
  const newer = incomingNewer ? incoming : local;
  const note = mergeNotes(local.note, incoming.note, 'imported');
  if (note.note.length > NOTE_MAX) {
    throw new FieldError(
      ['highlights', index, 'note'],
      `differs from your note on the same passage, and both together would be over ${NOTE_MAX} characters: shorten one of them, then import again`,
    );
  }
  const tags = [...new Set([...local.tags, ...incoming.tags])];
  if (tags.length > TAGS_MAX) {
    throw new FieldError(
      ['highlights', index, 'tags'],
      `together with your tags on the same passage would be over ${TAGS_MAX} tags: remove some, then import again`,
    );
  }
  const created = Math.min(notAfter(local.createdAt, nowMs), notAfter(incoming.createdAt, nowMs));
  const record: HighlightRecord = {
    ...local,
    color: newer.color,
    quote: newer.quote,
    position: newer.position,
    note: note.note,
    tags,
    createdAt: created === Date.parse(local.createdAt) ? local.createdAt : new Date(created).toISOString(),
  };
  const content = (h: HighlightRecord) => stableJson({ ...h, updatedAt: '' });
  if (content(record) === content(local)) {
    // Nothing new for the reader's copy: it stays exactly as it was.
    return { record: local, notesKept: false };
  }
  if (content(record) === content(incoming)) {
    // The file's copy, whole: it keeps its own date.
    record.updatedAt = incoming.updatedAt;
  } else {
    // A version neither side had: the newest, dated now.
    record.updatedAt = new Date(Math.max(nowMs, notAfter(local.updatedAt, nowMs) + 1)).toISOString();
  }
  return { record, notesKept: note.kept === 'both' };
}

/**
 * `byId`: the library's records with the incoming ids. `byContent`: the library's records of the
 * incoming articles, by contentKey. `now`: the import's time (incoming dates are not later).
 * `futureDated`: ids of incoming records whose dates were later than now (and were set to now).
 */
export function planHighlights(
  incoming: readonly HighlightRecord[],
  byId: ReadonlyMap<string, HighlightRecord>,
  byContent: ReadonlyMap<string, HighlightRecord>,
  now: Date = new Date(),
  futureDated: ReadonlySet<string> = new Set(),
): HighlightPlan {
  const counts = emptyCounts();
  const notesMerged = new Map<string, MergedNoteReport>();
  // The library as the plan leaves it, so a file that touches a record twice sees its own first change,
  // and which record holds each mark now (a newer copy may have moved one to other text).
  const current = new Map<string, HighlightRecord>();
  const library = new Map<string, HighlightRecord>([...byId, ...[...byContent.values()].map((h): [string, HighlightRecord] => [h.id, h])]);
  const get = (id: string) => current.get(id) ?? library.get(id);
  // Every library record on each mark, in id order (a newer copy may move one onto another's mark).
  const holders = new Map<string, string[]>();
  for (const h of [...library.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    holders.set(contentKey(h), [...(holders.get(contentKey(h)) ?? []), h.id]);
  }
  const put = (record: HighlightRecord, before?: HighlightRecord) => {
    current.set(record.id, record);
    // A record of the file's own is no twin for the next one: both are kept, as their library had both.
    if (!before) return;
    holders.set(
      contentKey(before),
      (holders.get(contentKey(before)) ?? []).filter((id) => id !== before.id),
    );
    const on = holders.get(contentKey(record)) ?? [];
    if (!on.includes(record.id)) holders.set(contentKey(record), [...on, record.id].sort());
  };
  /** The reader's record on the same mark: one that already holds everything the file's adds, else the first. */
  const twinOf = (record: HighlightRecord, index: number): HighlightRecord | undefined => {
    const candidates = (holders.get(contentKey(record)) ?? []).map(get).filter((h): h is HighlightRecord => h !== undefined);
    const absorbed = candidates.find((h) => {
      try {
        return stableJson(mergeRecord(h, { ...record, id: h.id }, now, index, futureDated.has(record.id)).record) === stableJson(h);
      } catch {
        return false;
      }
    });
    return absorbed ?? candidates[0];
  };
  incoming.forEach((record, index) => {
    const local = get(record.id) ?? twinOf(record, index);
    if (!local) {
      put(record);
      counts.added++;
      return;
    }
    if (sameExceptId(local, { ...record, id: local.id })) {
      counts.unchanged++;
      return;
    }
    const merged = mergeRecord(local, { ...record, id: local.id }, now, index, futureDated.has(record.id));
    if (stableJson(merged.record) === stableJson(local)) {
      // The file's copy is older and has nothing the reader's lacks.
      counts.skipped++;
      return;
    }
    put(merged.record, local);
    counts.updated++;
    if (merged.notesKept) notesMerged.set(local.id, { id: local.id, title: local.title, quote: local.quote.exact });
  });
  return { puts: [...current.values()], counts, notesMerged: [...notesMerged.values()] };
}
