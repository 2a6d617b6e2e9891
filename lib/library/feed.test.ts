import { afterEach, describe, expect, it, vi } from 'vitest';
import { openLensDB, type HighlightRecord, type LensDB, type StoredArticle } from '../db/schema';
import { saveColorRename } from '../highlights/color-settings';
import { createLibraryIndex } from './';
import { ARTICLE_A, HIGHLIGHTS } from '../../tests/support/library';
import { ALL_ARTICLES } from '../messages/content-request';
import type { LibraryData } from './deps';
import { FIRST_SCREEN, changedKeys, readFirstScreen, watchLibrary } from './feed';
import { pageGroups, PAGE_SIZE } from './paging';

let db: LensDB | undefined;
let stop: (() => void) | undefined;
afterEach(async () => {
  stop?.();
  stop = undefined;
  await db?.delete();
  db = undefined;
});

let dbCount = 0;
async function freshDB(): Promise<LensDB> {
  db = openLensDB(`feed-test-${++dbCount}`);
  await db.open();
  return db;
}

/** Article `a`'s corpus record: every third one is known by its Sina key, the others by corpus id. */
function article(a: number): StoredArticle {
  const id = `a_${String(a).padStart(16, '0')}`;
  return { ...ARTICLE_A, id, key: `sina:kfeed${String(a).padStart(9, '0')}`, title: `文章 ${a}`, titleNorm: `文章 ${a}` };
}

/** `count` highlights over `articles` articles, one a minute, the newest last; article k gets highlights k, k+articles, … */
function many(count: number, articles: number): HighlightRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const a = i % articles;
    const at = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
    return {
      ...HIGHLIGHTS[i % HIGHLIGHTS.length]!,
      id: `h-${String(i).padStart(5, '0')}`,
      articleKey: a % 3 === 0 ? `sina:kfeed${String(a).padStart(9, '0')}` : `corpus:${article(a).id}`,
      position: { type: 'TextPositionSelector', start: i, end: i + 4 },
      createdAt: at,
      updatedAt: at,
    };
  });
}

/** Collects every emission; `next(test)` waits for the first one from now on that passes. */
function record(d: LensDB, options: Parameters<typeof watchLibrary>[3] = {}) {
  const seen: LibraryData[] = [];
  const errors: Error[] = [];
  stop = watchLibrary(
    d,
    (data) => seen.push(data),
    (e) => errors.push(e),
    { afterFirstScreen: async () => undefined, ...options },
  );
  const next = async (what: string, test: (data: LibraryData) => boolean, from = seen.length): Promise<LibraryData> => {
    await vi.waitFor(() => {
      if (errors.length) throw errors[0];
      if (!seen.slice(from).some(test)) throw new Error(`no emission yet: ${what}`);
    }, 15_000);
    return seen.slice(from).find(test)!;
  };
  return { seen, errors, next };
}

const ids = (data: LibraryData) => data.highlights.map((h) => h.id).sort();

describe('changedKeys', () => {
  it('lists the keys of a Dexie change, or says it was a range', () => {
    expect(changedKeys({ from: 'b', to: 'b', d: 2, l: { from: 'a', to: 'a', d: 1 }, r: { from: 'c', to: 'c', d: 1 } })).toEqual([
      'b',
      'a',
      'c',
    ]);
    expect(changedKeys({ from: 'a', to: 'z', d: 1 })).toBeNull();
    expect(changedKeys({ d: 0 } as never)).toEqual([]);
  });
});

describe('readFirstScreen', () => {
  it('reads nothing special for a small library', async () => {
    const d = await freshDB();
    await d.highlights.bulkPut(many(40, 10));
    expect(await readFirstScreen(d)).toBeNull();
  });

  it('reads the newest highlights’ articles whole, which are the list’s first groups', async () => {
    const d = await freshDB();
    const all = many(3000, 400);
    await d.articles.bulkPut(Array.from({ length: 400 }, (_, a) => article(a)));
    await d.highlights.bulkPut(all);
    const first = (await readFirstScreen(d))!;
    expect(first.total).toBe(3000);
    // 50 newest highlights on 50 articles, 7 or 8 highlights each: a few hundred, not 3,000.
    expect(first.highlights.length).toBeLessThan(500);
    const full = createLibraryIndex(
      all,
      Array.from({ length: 400 }, (_, a) => article(a)),
    ).query();
    const partial = createLibraryIndex(first.highlights, first.articles).query();
    // The first page the list shows is the same, group for group.
    const simple = (gs: typeof full.groups) => gs.map((g) => ({ ...g, highlights: g.highlights.map((h) => h.id) }));
    expect(simple(partial.groups).slice(0, 3)).toEqual(simple(full.groups).slice(0, 3));
    expect(pageGroups(partial.groups, PAGE_SIZE).groups).toEqual(pageGroups(full.groups, PAGE_SIZE).groups);
    expect(partial.groups).toEqual(full.groups.slice(0, partial.groups.length));
  });

  it('finds the truly newest highlight when its time carries an offset that sorts it lower as text', async () => {
    const d = await freshDB();
    const all = many(1000, 100);
    // The last of these is 2024-01-01T16:39Z. This one is 2024-01-02T00:00Z, the newest of all, but as
    // text ("…T16:00:00-08:00") it sorts below the last 39.
    const offset: HighlightRecord = { ...all[5]!, id: 'offset', articleKey: 'sina:koffset000000', createdAt: '2024-01-01T16:00:00-08:00' };
    await d.highlights.bulkPut([...all, offset]);
    const first = (await readFirstScreen(d, 10))!;
    const newest = createLibraryIndex(first.highlights, first.articles).query().groups[0]!;
    expect(newest.newestAt).toBe('2024-01-01T16:00:00-08:00');
  });
});

describe('watchLibrary', () => {
  it('gives a small library whole, at once', async () => {
    const d = await freshDB();
    await d.highlights.bulkPut(HIGHLIGHTS);
    const { seen, next } = record(d);
    const data = await next('the library', () => true);
    expect(data.complete).toBe(true);
    expect(ids(data)).toEqual(HIGHLIGHTS.map((h) => h.id).sort());
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toHaveLength(1);
  });

  it('gives the first screen, then everything, keeping the objects it already gave', async () => {
    const d = await freshDB();
    await d.articles.bulkPut(Array.from({ length: 400 }, (_, a) => article(a)));
    await d.highlights.bulkPut(many(3000, 400));
    const { seen, next } = record(d);
    const all = await next('everything', (x) => x.complete === true);
    expect(seen[0]!.complete).toBe(false);
    expect(seen[0]!.total).toBe(3000);
    expect(seen[0]!.highlights.length).toBeGreaterThanOrEqual(FIRST_SCREEN);
    expect(all.highlights).toHaveLength(3000);
    expect(all.articles).toHaveLength(400);
    const again = new Map(all.highlights.map((h) => [h.id, h]));
    for (const h of seen[0]!.highlights) expect(again.get(h.id)).toBe(h);
  });

  it('reads only what changed: an edit, an addition on a new article, a deletion', async () => {
    const d = await freshDB();
    await d.articles.bulkPut(Array.from({ length: 40 }, (_, a) => article(a)));
    const start = many(300, 40);
    await d.highlights.bulkPut(start);
    const { next } = record(d);
    const before = await next('everything', (x) => x.complete === true);
    const getSpy = vi.spyOn(d.highlights, 'bulkGet');

    await d.highlights.update('h-00007', { note: '改过的笔记', updatedAt: '2024-06-01T00:00:00.000Z' });
    const edited = await next('the edit', (x) => x.highlights.some((h) => h.note === '改过的笔记'));
    expect(getSpy).toHaveBeenCalledWith(['h-00007']);
    const kept = edited.highlights.filter((h) => h.id !== 'h-00007');
    const old = new Map(before.highlights.map((h) => [h.id, h]));
    expect(kept.every((h) => old.get(h.id) === h)).toBe(true);

    const fresh = { ...article(99), id: 'a_new0000000000099', key: 'sina:knew000000099', title: '新文章' };
    await d.articles.put(fresh);
    await d.highlights.put({ ...start[0]!, id: 'h-new', articleKey: 'sina:knew000000099', createdAt: '2024-07-01T00:00:00.000Z' });
    const added = await next(
      'the new highlight with its article',
      (x) => x.highlights.some((h) => h.id === 'h-new') && x.articles.some((a) => a.id === fresh.id),
    );
    expect(createLibraryIndex(added.highlights, added.articles).query().groups[0]).toMatchObject({
      key: 'corpus:a_new0000000000099',
      title: '新文章',
    });

    await d.highlights.delete('h-00003');
    const removed = await next('the deletion', (x) => !x.highlights.some((h) => h.id === 'h-00003'));
    expect(removed.highlights).toHaveLength(300);
  });

  it('reads everything again after a wipe, and follows colour names', async () => {
    const d = await freshDB();
    await d.highlights.bulkPut(HIGHLIGHTS);
    const { next } = record(d);
    await next('the library', () => true);
    await saveColorRename(d, 'yellow', '要点');
    await next('the new colour name', (x) => x.colorRenames.yellow === '要点');
    await d.highlights.clear();
    await next('the empty library', (x) => x.highlights.length === 0);
  });

  it('reads the article a broadcast names when Dexie said nothing', async () => {
    const d = await freshDB();
    await d.highlights.bulkPut(HIGHLIGHTS);
    let broadcast: ((articleKey: string) => void) | undefined;
    const { seen, next } = record(d, {
      broadcastGraceMs: 10,
      onHighlightsChanged: (l) => ((broadcast = l), () => (broadcast = undefined)),
    });
    await next('the library', () => true);
    // Written past Dexie (raw IndexedDB), as a write whose signal was lost.
    const target = HIGHLIGHTS.find((h) => h.articleKey === 'sina:kyamrmz7654321')!;
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open(d.name);
      open.onsuccess = () => {
        const tx = open.result.transaction('highlights', 'readwrite');
        tx.objectStore('highlights').put({ ...target, note: '悄悄改的' });
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toHaveLength(1);
    broadcast!('sina:kyamrmz7654321');
    await next('the re-read article', (x) => x.highlights.some((h) => h.note === '悄悄改的'));
    const count = seen.length;
    // Nothing changed: nothing emitted.
    broadcast!(ALL_ARTICLES);
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toHaveLength(count);
    stop!();
    expect(broadcast).toBeUndefined();
  });
});
