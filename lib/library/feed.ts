/**
 * The library's live data (popup and library page), read so that a full library costs little:
 *
 *  1. the first screen first: the newest highlights and every highlight of the articles they belong
 *     to (the groups that come first in the list, complete), with those articles' heads: a few
 *     indexed reads whatever the library's size. Emitted with `complete: false`;
 *  2. once that is painted, everything (loadLibrary), emitted with `complete: true`;
 *  3. then only what changes: Dexie reports every committed write with the keys it touched, in this
 *     context and, through its BroadcastChannel, in the others (the background's writes); the
 *     highlights with those keys are read again and nothing else. The background's own "highlights
 *     changed" broadcast, which names the article, re-reads that article's highlights, so a missed
 *     Dexie signal never leaves the list stale.
 *
 * Records that did not change keep their object identity from one emission to the next, so the
 * search index (LibraryIndex.update) folds only what changed, and unchanged rows are not re-rendered.
 */
import Dexie, { type IntervalTree, type ObservabilitySet } from 'dexie';
import type { ArticleHead } from '../db/article-heads';
import { readInPages } from '../db/read-in-pages';
import type { HighlightRecord, LensDB } from '../db/schema';
import { readColorRenames } from '../highlights/color-settings';
import type { ColorRenames } from '../highlights/colors';
import type { LibraryArticle } from './';
import { ALL_ARTICLES } from '../messages/content-request';
import type { LibraryData } from './deps';
import { FIRST_PAGE } from './paging';

const CORPUS_PREFIX = 'corpus:';
/** Highlights the first screen needs: the list's first page (lib/library/paging.ts). */
export const FIRST_SCREEN = FIRST_PAGE;
/** Up to this many highlights there is no first screen: everything is read at once. */
const SMALL_LIBRARY = 200;
/** More keys than this in one change (an import, a wipe): everything is read again. */
const PATCH_MAX = 1000;
/** A stored createdAt may carry an offset (an imported file), so its text order is off by up to this. */
const OFFSET_SLACK_MS = 14 * 3600_000 + 1000;

export type FeedOptions = {
  /** The background's "highlights changed" broadcast, with the article key it names (or ALL_ARTICLES). */
  onHighlightsChanged?(listener: (articleKey: string) => void): () => void;
  /** How long after a broadcast its article is read again: Dexie's own signal usually comes first. */
  broadcastGraceMs?: number;
  /** Resolves once the first screen is painted; everything else is read after it. */
  afterFirstScreen?(): Promise<void>;
};

/** After the next frame is painted (or 100 ms, where frames do not run: a hidden tab). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => setTimeout(resolve, 0);
    const timer = setTimeout(resolve, 100);
    if (typeof requestAnimationFrame === 'function') {
      requestAnimationFrame(() => {
        clearTimeout(timer);
        done();
      });
    }
  });
}

/** The primary keys a change touched, or null when it touched a range (a clear, a deleteRange). */
export function changedKeys(tree: IntervalTree | undefined): string[] | null {
  const keys: string[] = [];
  const walk = (node: IntervalTree | null | undefined): boolean => {
    if (!node || !('from' in node)) return true;
    if (node.from !== node.to || typeof node.from !== 'string') return false;
    keys.push(node.from);
    return walk(node.l) && walk(node.r);
  };
  return walk(tree) ? keys : null;
}

const sameStrings = (a: readonly string[] | undefined, b: readonly string[] | undefined) =>
  a === b || (!!a && !!b && a.length === b.length && a.every((x, i) => x === b[i]));

/** Whether two reads of a highlight hold the same record (then the older object is kept). */
export function sameHighlight(a: HighlightRecord, b: HighlightRecord): boolean {
  return (
    a.id === b.id &&
    a.updatedAt === b.updatedAt &&
    a.createdAt === b.createdAt &&
    a.articleKey === b.articleKey &&
    a.url === b.url &&
    a.title === b.title &&
    a.color === b.color &&
    a.note === b.note &&
    sameStrings(a.tags, b.tags) &&
    a.quote.exact === b.quote.exact &&
    a.quote.prefix === b.quote.prefix &&
    a.quote.suffix === b.quote.suffix &&
    a.position.start === b.position.start &&
    a.position.end === b.position.end
  );
}

function sameArticle(a: LibraryArticle, b: LibraryArticle): boolean {
  return (
    a.id === b.id &&
    a.title === b.title &&
    a.date === b.date &&
    a.source === b.source &&
    a.key === b.key &&
    a.url === b.url &&
    sameStrings(a.measureIds, b.measureIds)
  );
}

/** What the list needs of a head (the heads table holds a little more, e.g. the measure mentions). */
const toArticle = (h: ArticleHead | LibraryArticle): LibraryArticle => {
  const { id, title, date, source, key, url, measureIds } = h;
  return {
    id,
    title,
    date,
    source,
    ...(key !== undefined && { key }),
    ...(url !== undefined && { url }),
    ...(measureIds !== undefined && { measureIds }),
  };
};

/**
 * Every highlight, the heads of the corpus articles they belong to (what the list shows and filters on:
 * bodies stay in the database), and the colour names, in one read transaction. Heads are fetched by
 * the keys the highlights name (`corpus:<id>` or the Sina key), not the whole corpus.
 */
export async function loadLibrary(db: LensDB): Promise<LibraryData> {
  return db.transaction('r', db.highlights, db.articleHeads, db.settings, async () => {
    const highlights = await readInPages(db.highlights, (h) => h.id);
    const ids = new Set<string>();
    const keys = new Set<string>();
    for (const h of highlights) {
      if (h.articleKey.startsWith(CORPUS_PREFIX)) ids.add(h.articleKey.slice(CORPUS_PREFIX.length));
      else keys.add(h.articleKey);
    }
    const byId = await db.articleHeads.bulkGet([...ids]);
    const byKey =
      keys.size > 0
        ? await db.articleHeads
            .where('key')
            .anyOf([...keys])
            .toArray()
        : [];
    const articles = new Map<string, LibraryArticle>();
    for (const a of [...byId, ...byKey]) if (a) articles.set(a.id, a);
    return { highlights, articles: [...articles.values()], colorRenames: await readColorRenames(db) };
  });
}

const createdMs = (h: HighlightRecord) => Date.parse(h.createdAt);

/**
 * The first screen: the FIRST_SCREEN newest highlights, the heads of their articles, and every
 * highlight of those articles (a group is listed whole). The groups holding the newest highlights
 * are exactly the list's first groups, in the same order, so what the first page shows of them is
 * what the complete list shows. Null when the library is small enough to read whole at once, or
 * when too many highlights share the newest hours to find the newest cheaply.
 */
export async function readFirstScreen(
  db: LensDB,
  want = FIRST_SCREEN,
): Promise<{ highlights: HighlightRecord[]; articles: LibraryArticle[]; total: number } | null> {
  return db.transaction('r', db.highlights, db.articleHeads, async () => {
    const total = await db.highlights.count();
    if (total <= Math.max(SMALL_LIBRARY, want)) return null;
    const newestByText = await db.highlights.orderBy('createdAt').reverse().limit(want).toArray();
    // The index orders createdAt as text; with offsets the true newest are within OFFSET_SLACK of these.
    const floor = Math.min(...newestByText.map(createdMs));
    if (!Number.isFinite(floor)) return null;
    const around = await db.highlights
      .where('createdAt')
      .aboveOrEqual(new Date(floor - OFFSET_SLACK_MS).toISOString())
      .limit(SMALL_LIBRARY * 10)
      .toArray();
    if (around.length >= SMALL_LIBRARY * 10) return null;
    const newest = around.sort((a, b) => createdMs(b) - createdMs(a) || (a.id < b.id ? -1 : 1)).slice(0, want);

    const keys = new Set(newest.map((h) => h.articleKey));
    const ids = [...keys].filter((k) => k.startsWith(CORPUS_PREFIX)).map((k) => k.slice(CORPUS_PREFIX.length));
    const sina = [...keys].filter((k) => !k.startsWith(CORPUS_PREFIX));
    const heads = [
      ...(await db.articleHeads.bulkGet(ids)),
      ...(sina.length ? await db.articleHeads.where('key').anyOf(sina).toArray() : []),
    ].filter((a): a is ArticleHead => a !== undefined);
    // Every key a group's highlights may carry: the Sina key and the reader page's corpus key.
    const all = new Set(keys);
    for (const head of heads) {
      all.add(`${CORPUS_PREFIX}${head.id}`);
      if (head.key) all.add(head.key);
    }
    const highlights = await db.highlights
      .where('articleKey')
      .anyOf([...all])
      .toArray();
    return { highlights, articles: heads.map(toArticle), total };
  });
}

/**
 * Watches the library: `onData` gets the first screen, then everything, then every change (see the
 * top of this file). Returns the function that stops watching.
 */
export function watchLibrary(
  db: LensDB,
  onData: (data: LibraryData) => void,
  onError: (error: Error) => void,
  options: FeedOptions = {},
): () => void {
  const highlightsPart = `idb://${db.name}/highlights/`;
  const headsPart = `idb://${db.name}/articleHeads/`;
  const settingsPart = `idb://${db.name}/settings/`;
  let stopped = false;
  let complete = false;
  let highlights = new Map<string, HighlightRecord>();
  let articles = new Map<string, LibraryArticle>();
  let colorRenames: ColorRenames = {};

  // What changed since the last read; applied one read at a time, after everything was read once.
  let everything = false;
  const ids = new Set<string>();
  const heads = new Set<string>();
  const articleKeys = new Set<string>();
  let settings = false;
  let running = false;
  /** Forgets what changed: a whole read is about to take it all in. */
  const forgetChanges = () => {
    everything = false;
    ids.clear();
    heads.clear();
    articleKeys.clear();
    settings = false;
  };

  const fail = (e: unknown) => {
    if (!stopped) onError(e as Error);
  };
  const emit = () => {
    if (stopped) return;
    onData({ highlights: [...highlights.values()], articles: [...articles.values()], colorRenames, complete, total: highlights.size });
  };

  /** Takes `records` as the current state of these ids, keeping unchanged objects; whether anything changed. */
  const upsert = (records: readonly HighlightRecord[]): boolean => {
    let changed = false;
    for (const r of records) {
      const old = highlights.get(r.id);
      if (old && sameHighlight(old, r)) continue;
      highlights.set(r.id, r);
      changed = true;
    }
    return changed;
  };
  const keepArticles = (fresh: readonly LibraryArticle[]): boolean => {
    let changed = false;
    for (const a of fresh) {
      const old = articles.get(a.id);
      if (old && sameArticle(old, a)) continue;
      articles.set(a.id, toArticle(a));
      changed = true;
    }
    return changed;
  };
  /** Heads of the articles these highlights name that are not held yet. */
  const missingHeads = async (records: readonly HighlightRecord[]): Promise<LibraryArticle[]> => {
    const known = new Set<string>();
    for (const a of articles.values()) {
      known.add(`${CORPUS_PREFIX}${a.id}`);
      if (a.key) known.add(a.key);
    }
    const wanted = [...new Set(records.map((h) => h.articleKey))].filter((k) => !known.has(k));
    if (wanted.length === 0) return [];
    const byId = wanted.filter((k) => k.startsWith(CORPUS_PREFIX)).map((k) => k.slice(CORPUS_PREFIX.length));
    const byKey = wanted.filter((k) => !k.startsWith(CORPUS_PREFIX));
    const found = [
      ...(await db.articleHeads.bulkGet(byId)),
      ...(byKey.length ? await db.articleHeads.where('key').anyOf(byKey).toArray() : []),
    ];
    return found.filter((a): a is ArticleHead => a !== undefined);
  };

  /** Everything, as loadLibrary reads it, keeping the objects of records that did not change; whether anything did. */
  const readAll = async (): Promise<boolean> => {
    const data = await loadLibrary(db);
    const previous = highlights;
    let changed = !complete || data.highlights.length !== previous.size;
    highlights = new Map();
    for (const r of data.highlights) {
      const old = previous.get(r.id);
      const keep = old !== undefined && sameHighlight(old, r);
      if (!keep) changed = true;
      highlights.set(r.id, keep ? old : r);
    }
    const previousArticles = articles;
    if (data.articles.length !== previousArticles.size) changed = true;
    articles = new Map();
    for (const a of data.articles) {
      const old = previousArticles.get(a.id);
      const keep = old !== undefined && sameArticle(old, a);
      if (!keep) changed = true;
      articles.set(a.id, keep ? old : toArticle(a));
    }
    if (JSON.stringify(data.colorRenames) !== JSON.stringify(colorRenames)) changed = true;
    colorRenames = data.colorRenames;
    complete = true;
    return changed;
  };

  const applyChanges = async (): Promise<boolean> => {
    if (everything) {
      forgetChanges();
      return readAll();
    }
    let changed = false;
    if (ids.size > 0 || articleKeys.size > 0) {
      const wantIds = [...ids];
      const wantKeys = [...articleKeys];
      ids.clear();
      articleKeys.clear();
      const { byId, byKey } = await db.transaction('r', db.highlights, async () => ({
        byId: await db.highlights.bulkGet(wantIds),
        byKey: wantKeys.length ? await db.highlights.where('articleKey').anyOf(wantKeys).toArray() : [],
      }));
      const present = [...byId.filter((h): h is HighlightRecord => h !== undefined), ...byKey];
      const presentIds = new Set(present.map((h) => h.id));
      // Gone: an id that was asked for, or held under an article that was read again, and not found.
      for (const id of wantIds) if (!presentIds.has(id) && highlights.delete(id)) changed = true;
      if (wantKeys.length) {
        const keys = new Set(wantKeys);
        for (const [id, h] of highlights) if (keys.has(h.articleKey) && !presentIds.has(id) && highlights.delete(id)) changed = true;
      }
      if (keepArticles((await missingHeads(present)).map(toArticle))) changed = true;
      if (upsert(present)) changed = true;
    }
    if (heads.size > 0) {
      const want = [...heads];
      heads.clear();
      const found = await db.articleHeads.bulkGet(want);
      // A head that changed is taken; a new one only if a highlight names its article; a removed one is dropped.
      const named = new Set([...highlights.values()].map((h) => h.articleKey));
      want.forEach((id, i) => {
        const head = found[i];
        if (!head) {
          if (articles.delete(id)) changed = true;
        } else if (articles.has(id) || named.has(`${CORPUS_PREFIX}${id}`) || (head.key && named.has(head.key))) {
          if (keepArticles([head])) changed = true;
        }
      });
    }
    if (settings) {
      settings = false;
      const next = await readColorRenames(db);
      if (JSON.stringify(next) !== JSON.stringify(colorRenames)) {
        colorRenames = next;
        changed = true;
      }
    }
    return changed;
  };

  const pending = () => everything || ids.size > 0 || heads.size > 0 || articleKeys.size > 0 || settings;
  /** Applies what is pending, one read after another, emitting after each read that changed something. */
  const drain = () => {
    if (running || !complete || stopped || !pending()) return;
    running = true;
    void (async () => {
      try {
        while (pending() && !stopped) if (await applyChanges()) emit();
      } catch (e) {
        fail(e);
      } finally {
        running = false;
      }
    })();
  };

  const onMutation = (parts: ObservabilitySet) => {
    if ('all' in parts) everything = true;
    const h = parts[highlightsPart];
    if (h) {
      const keys = changedKeys(h);
      if (keys === null || keys.length + ids.size > PATCH_MAX) everything = true;
      else for (const k of keys) ids.add(k);
    }
    const a = parts[headsPart];
    if (a) {
      const keys = changedKeys(a);
      if (keys === null || keys.length + heads.size > PATCH_MAX) everything = true;
      else for (const k of keys) heads.add(k);
    }
    if (parts[settingsPart]) settings = true;
    drain();
  };
  Dexie.on('storagemutated', onMutation);

  const grace = options.broadcastGraceMs ?? 300;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const stopBroadcast = options.onHighlightsChanged?.((articleKey) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (articleKey === ALL_ARTICLES) everything = true;
      else articleKeys.add(articleKey);
      drain();
    }, grace);
    timers.add(timer);
  });

  void (async () => {
    try {
      const first = await readFirstScreen(db);
      if (stopped) return;
      if (first) {
        upsert(first.highlights);
        keepArticles(first.articles);
        colorRenames = await readColorRenames(db);
        if (stopped) return;
        onData({
          highlights: [...highlights.values()],
          articles: [...articles.values()],
          colorRenames,
          complete: false,
          total: first.total,
        });
        await (options.afterFirstScreen ?? afterPaint)();
        if (stopped) return;
      }
      // Whatever changed meanwhile is in this read.
      forgetChanges();
      await readAll();
      emit();
      drain();
    } catch (e) {
      fail(e);
    }
  })();

  return () => {
    stopped = true;
    Dexie.on('storagemutated').unsubscribe(onMutation);
    stopBroadcast?.();
    for (const timer of timers) clearTimeout(timer);
  };
}
