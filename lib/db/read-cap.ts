/**
 * Pages cannot grow the corpus without limit. Articles added as the reader reads (origin 'read') are
 * bounded by a count and by the characters of their bodies; past either, the oldest of them (by when
 * they joined) that carry no highlight make room. Seeds ship with the extension, imports are the
 * reader's choice, and a highlighted article holds the reader's notes: none of them is ever evicted.
 *
 * Both bounds are read from the article heads (lib/db/article-heads.ts: origin, addedAt, key and the
 * body's length), never from the bodies, so checking costs a read of small records.
 */
import type { ArticleHead } from './article-heads';
import { readerKey } from './articles';
import type { LensDB, StoredArticle } from './schema';

export const READ_CAP = {
  /** Read articles kept at most. */
  articles: 5000,
  /**
   * Characters of their bodies kept at most: 5,000 articles of 5,000 characters. A body is stored
   * twice (text and paragraphs) in UTF-16, so this is about 100 MB on disk; one page may bring 2 MB.
   */
  chars: 25_000_000,
} as const;

/** Eviction goes this far below a bound, so that it runs once per many new articles, not for each. */
const SLACK = 0.98;

export type ReadCap = { articles: number; chars: number };

export type ReadUsage = {
  /** Read articles kept, and the characters of their bodies. */
  articles: number;
  chars: number;
  cap: ReadCap;
};

/** Heads written before they carried the body's length get it now (read from the articles once). */
async function withLengths(db: LensDB, heads: ArticleHead[]): Promise<ArticleHead[]> {
  const missing = heads.filter((h) => h.length === undefined).map((h) => h.id);
  if (missing.length === 0) return heads;
  const lengths = new Map<string, number>();
  for (let i = 0; i < missing.length; i += 200) {
    for (const a of await db.articles.bulkGet(missing.slice(i, i + 200))) if (a) lengths.set(a.id, a.length);
  }
  const filled = heads.map((h) => (h.length === undefined && lengths.has(h.id) ? { ...h, length: lengths.get(h.id)! } : h));
  await db.articleHeads.bulkPut(filled.filter((h, i) => h !== heads[i]));
  return filled;
}

async function readHeads(db: LensDB): Promise<ArticleHead[]> {
  const ids = await db.articles.where('origin').equals('read').primaryKeys();
  const heads = (await db.articleHeads.bulkGet(ids)).filter((h): h is ArticleHead => h !== undefined);
  return withLengths(db, heads);
}

/** How many read articles are kept and how much text they hold, against the cap. */
export async function readUsage(db: LensDB, cap: ReadCap = READ_CAP): Promise<ReadUsage> {
  const heads = await readHeads(db);
  return { articles: heads.length, chars: heads.reduce((n, h) => n + (h.length ?? 0), 0), cap };
}

/** The article keys (Sina and reader-page) that have highlights. */
async function highlightedKeys(db: LensDB): Promise<Set<string>> {
  return new Set((await db.highlights.orderBy('articleKey').uniqueKeys()).map(String));
}

export type EvictOptions = {
  cap?: ReadCap;
  /** Takes an evicted article out of the related-articles index. */
  unindex?: (id: string) => Promise<unknown>;
  /** Never evict these (the article being read right now). */
  keep?: readonly string[];
  /**
   * Free at least this many characters besides keeping to the cap (a save that hit the storage
   * quota): 0 to only keep to the cap.
   */
  free?: number;
};

/**
 * Removes the oldest read articles without highlights until the read articles fit the cap (with some
 * slack) and `free` characters are freed. The ids removed, oldest first.
 */
export async function evictReadArticles(db: LensDB, opts: EvictOptions = {}): Promise<string[]> {
  const cap = opts.cap ?? READ_CAP;
  const heads = await readHeads(db);
  let articles = heads.length;
  let chars = heads.reduce((n, h) => n + (h.length ?? 0), 0);
  let toFree = opts.free ?? 0;
  const over = () => articles > cap.articles || chars > cap.chars || toFree > 0;
  if (!over()) return [];
  // Past a bound, go below it by the slack; within the bounds, free only what was asked.
  const target = {
    articles: articles > cap.articles ? Math.floor(cap.articles * SLACK) : cap.articles,
    chars: chars > cap.chars ? Math.floor(cap.chars * SLACK) : cap.chars,
  };
  const keep = new Set(opts.keep ?? []);
  const highlighted = await highlightedKeys(db);
  const candidates = heads
    .filter((h) => !keep.has(h.id) && !highlighted.has(readerKey(h.id)) && !(h.key !== undefined && highlighted.has(h.key)))
    .sort((a, b) => (a.addedAt < b.addedAt ? -1 : a.addedAt > b.addedAt ? 1 : a.id < b.id ? -1 : 1));
  const evicted: string[] = [];
  for (const head of candidates) {
    if (articles <= target.articles && chars <= target.chars && toFree <= 0) break;
    evicted.push(head.id);
    articles--;
    chars -= head.length ?? 0;
    toFree -= head.length ?? 0;
  }
  if (evicted.length === 0) return [];
  return db.transaction('rw', db.tables, async () => {
    // Checked again inside the write: a highlight made meanwhile keeps its article.
    const nowHighlighted = await highlightedKeys(db);
    const still = (await db.articles.bulkGet(evicted)).filter(
      (a): a is StoredArticle =>
        a !== undefined &&
        a.origin === 'read' &&
        !nowHighlighted.has(readerKey(a.id)) &&
        !(a.key !== undefined && nowHighlighted.has(a.key)),
    );
    await db.articles.bulkDelete(still.map((a) => a.id));
    for (const a of still) await opts.unindex?.(a.id);
    return still.map((a) => a.id);
  });
}

/** How much a write that hit the storage quota frees: a tenth of the read articles' text, at least a large page's. */
export const QUOTA_FREE_MIN_CHARS = 2_000_000;

/**
 * For a write the storage quota refused (a note, or a page read): evict old read articles without highlights (at least
 * QUOTA_FREE_MIN_CHARS of text, or a tenth of what read articles hold). Whether anything was freed.
 */
export async function freeRoom(db: LensDB, unindex?: (id: string) => Promise<unknown>): Promise<boolean> {
  const usage = await readUsage(db);
  const evicted = await evictReadArticles(db, { unindex, free: Math.max(QUOTA_FREE_MIN_CHARS, Math.ceil(usage.chars / 10)) });
  return evicted.length > 0;
}
