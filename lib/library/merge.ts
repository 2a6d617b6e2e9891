/**
 * How an import merges into what the reader already has. Pure: import.ts reads the existing records
 * and writes the plan, inside one transaction.
 *
 * - Same id: the newer `updatedAt` wins (store.ts moves updatedAt forward on every edit); a tie keeps
 *   the reader's copy.
 * - Another id but the same highlight (same article, same quote with its context, same position):
 *   a duplicate, not a new highlight; the same rule applies to it, and the reader's id is kept.
 *   Only records already in the library count as such duplicates: two highlights of one file are
 *   both kept, as the library they were exported from had both.
 */
import type { HighlightRecord } from '../db/schema';

export type ImportCounts = { added: number; updated: number; unchanged: number; skipped: number };

export function emptyCounts(): ImportCounts {
  return { added: 0, updated: 0, unchanged: 0, skipped: 0 };
}

/** What makes two highlights the same mark on the same text, whatever their ids. */
export function contentKey(h: HighlightRecord): string {
  return JSON.stringify([h.articleKey, h.quote.exact, h.quote.prefix, h.quote.suffix, h.position.start, h.position.end]);
}

/** JSON with object keys sorted: equal for equal data, whatever order the keys were written in. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

function sameExceptId(a: HighlightRecord, b: HighlightRecord): boolean {
  return stableJson({ ...a, id: '' }) === stableJson({ ...b, id: '' });
}

export interface HighlightPlan {
  /** Records to put, in file order. */
  puts: HighlightRecord[];
  counts: ImportCounts;
}

/**
 * `byId`: the library's records with the incoming ids. `byContent`: the library's records of the
 * incoming articles, by contentKey.
 */
export function planHighlights(
  incoming: readonly HighlightRecord[],
  byId: ReadonlyMap<string, HighlightRecord>,
  byContent: ReadonlyMap<string, HighlightRecord>,
): HighlightPlan {
  const counts = emptyCounts();
  // The library as the plan leaves it, so a file that touches a record twice sees its own first change.
  const current = new Map<string, HighlightRecord>();
  const get = (id: string) => current.get(id) ?? byId.get(id);
  for (const record of incoming) {
    const twin = byContent.get(contentKey(record));
    const local = get(record.id) ?? (twin && (current.get(twin.id) ?? twin));
    if (!local) {
      current.set(record.id, record);
      counts.added++;
      continue;
    }
    const next = { ...record, id: local.id };
    if (sameExceptId(local, next)) counts.unchanged++;
    else if (Date.parse(next.updatedAt) > Date.parse(local.updatedAt)) {
      current.set(local.id, next);
      counts.updated++;
    } else counts.skipped++;
  }
  const puts = [...current.values()];
  return { puts, counts };
}
