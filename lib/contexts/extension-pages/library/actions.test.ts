import { afterEach, describe, expect, it, vi } from 'vitest';
import { articleHead } from '../../../db/article-heads';
import type { HighlightRecord, LensDB } from '../../../db/schema';
import { indexStoredArticle } from '../../../insight/indexer';
import { catalogue, seededDB } from '../../../../tests/support/insight';
import { LibraryImportError } from '../../../library';
import { ARTICLE_A, HIGHLIGHTS } from '../../../../tests/support/library';
import { createLibraryDeps, loadLibrary, measureOptions } from './actions';
import type { LibraryData } from '../../../library/deps';

let db: LensDB | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

const ok = (value: unknown) => ({ ok: true, value });

async function library() {
  db = await seededDB();
  // Stored as the extension stores a page read: indexed with the real catalogue.
  const { measureIds: _, ...article } = ARTICLE_A;
  await indexStoredArticle(db, article, catalogue);
  await db.highlights.bulkPut(HIGHLIGHTS);
  return db;
}

function nextData(deps: ReturnType<typeof createLibraryDeps>, test: (d: LibraryData) => boolean): Promise<LibraryData> {
  return new Promise((resolve, reject) => {
    const stop = deps.watch((d) => {
      if (!test(d)) return;
      queueMicrotask(() => stop());
      resolve(d);
    }, reject);
  });
}

describe('loadLibrary', () => {
  it('reads every highlight and only the corpus articles they belong to, without their bodies', async () => {
    const db = await library();
    const data = await loadLibrary(db);
    expect(data.highlights).toHaveLength(HIGHLIGHTS.length);
    // Article A by its Sina key; B (corpus:<id>) and C are not in this corpus, D never is.
    expect(data.articles.map((a) => a.id)).toEqual([ARTICLE_A.id]);
    const stored = (await db.articles.get(ARTICLE_A.id))!;
    expect(data.articles[0]).toEqual(articleHead(stored));
    expect(data.articles[0]).not.toHaveProperty('paragraphs');
    expect(data.articles[0]).not.toHaveProperty('text');
    expect(data.colorRenames).toEqual({});
  });
});

describe('createLibraryDeps', () => {
  it('sends highlight edits to the background and unwraps its replies', async () => {
    const db = await library();
    const record = HIGHLIGHTS[0]!;
    const send = vi.fn(async (m: { type: string }) =>
      m.type === 'highlights:update' ? { ok: false, error: 'Update highlight: note: at most 10000 characters (got 10001)' } : ok(record),
    );
    const deps = createLibraryDeps({ db, send, catalogue, lang: 'en' });
    await expect(deps.update(record.id, { note: 'x'.repeat(10_001) })).rejects.toThrow('note: at most 10000');
    expect(await deps.remove(record.id)).toBe(record);
    expect(await deps.restore(record)).toBe(record);
    expect(send.mock.calls.map((c) => c[0])).toEqual([
      { type: 'highlights:update', id: record.id, patch: { note: 'x'.repeat(10_001) } },
      { type: 'highlights:delete', id: record.id },
      { type: 'highlights:restore', record },
    ]);
  });

  it('opens through the background, and closes the popup only when that worked', async () => {
    const db = await library();
    const afterOpen = vi.fn();
    let reply: unknown = { ok: false, error: 'no highlight with id x (it may have been deleted)' };
    const send = vi.fn(async () => reply);
    const deps = createLibraryDeps({ db, send, catalogue, lang: 'en', afterOpen });
    await expect(deps.open('x')).rejects.toThrow('it may have been deleted');
    expect(afterOpen).not.toHaveBeenCalled();
    reply = ok({ tabId: 3 });
    await deps.open('h-a-2');
    expect(send).toHaveBeenLastCalledWith({ type: 'library:open', highlightId: 'h-a-2' });
    expect(afterOpen).toHaveBeenCalledOnce();
  });

  it('sees changes live, and re-reads the article the background’s broadcast names', async () => {
    const db = await library();
    let broadcast: ((articleKey: string) => void) | undefined;
    const deps = createLibraryDeps({
      db,
      send: async () => ok(null),
      catalogue,
      lang: 'en',
      broadcastGraceMs: 20,
      onHighlightsChanged: (l) => ((broadcast = l), () => (broadcast = undefined)),
    });
    const seen: number[] = [];
    const stop = deps.watch(
      (d) => seen.push(d.highlights.length),
      (e) => {
        throw e;
      },
    );
    await vi.waitFor(() => expect(seen).toEqual([HIGHLIGHTS.length]));
    await db.highlights.delete(HIGHLIGHTS[0]!.id);
    await vi.waitFor(() => expect(seen.at(-1)).toBe(HIGHLIGHTS.length - 1));
    // Announced together with a change already seen: read again, nothing new, nothing emitted.
    broadcast!(HIGHLIGHTS[0]!.articleKey);
    await new Promise((r) => setTimeout(r, 150));
    expect(seen).toHaveLength(2);
    stop();
    expect(broadcast).toBeUndefined();
  });

  it('backs up, wipes and imports back exactly what was there, telling the background each time', async () => {
    const db = await library();
    const send = vi.fn(async () => ok(null));
    const deps = createLibraryDeps({ db, send, catalogue, lang: 'en' });
    const before = await loadLibrary(db);
    const text = await deps.backup(new Date('2024-06-01T00:00:00.000Z'));

    expect(await deps.wipe()).toMatchObject({ highlights: HIGHLIGHTS.length, articles: 1 });
    expect(send.mock.calls.map((c) => (c as unknown[])[0])).toEqual([{ type: 'highlights:changed-all' }]);
    await nextData(deps, (d) => d.highlights.length === 0);

    const report = await deps.importFile(new File([text], 'policy-lens-backup-2024-06-01.json', { type: 'application/json' }));
    expect(report).toMatchObject({
      file: 'policy-lens-backup-2024-06-01.json',
      format: 'backup',
      highlights: { added: HIGHLIGHTS.length },
    });
    expect(send).toHaveBeenCalledTimes(2);
    const after = await loadLibrary(db);
    const byId = (a: HighlightRecord, b: HighlightRecord) => (a.id < b.id ? -1 : 1);
    expect(after.highlights.sort(byId)).toEqual(before.highlights.sort(byId));
    expect(after.articles).toEqual(before.articles);
  });

  it('refuses a bad file naming the file and field, writing and announcing nothing', async () => {
    const db = await library();
    const send = vi.fn(async () => ok(null));
    const deps = createLibraryDeps({ db, send, catalogue, lang: 'en' });
    const bad = JSON.stringify({
      format: 'policy-lens-backup',
      version: 1,
      exportedAt: '2024-06-01T00:00:00.000Z',
      highlights: [{ ...HIGHLIGHTS[0], color: 'purple' }],
      articles: [],
      settings: {},
    });
    const error = await deps.importFile(new File([bad], 'mine.json')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LibraryImportError);
    expect((error as Error).message).toMatch(/^mine\.json: highlights\[0\]\.color: /);
    expect(send).not.toHaveBeenCalled();
    expect(await db.highlights.count()).toBe(HIGHLIGHTS.length);
  });

  it('finds the measures a quote outside the corpus mentions', async () => {
    const db = await library();
    const deps = createLibraryDeps({ db, send: async () => ok(null), catalogue, lang: 'en' });
    expect(deps.detectMeasureIds!('推进药品和耗材集中带量采购')).toContain('volume-based-procurement');
  });
});

describe('measureOptions', () => {
  it('lists every catalogue measure by category, named in the interface language', () => {
    const en = measureOptions(catalogue, 'en');
    const zh = measureOptions(catalogue, 'zh');
    expect(en).toHaveLength(catalogue.measures.length);
    const vbp = catalogue.measures.find((m) => m.id === 'volume-based-procurement')!;
    expect(en.find((m) => m.id === vbp.id)).toMatchObject({ label: vbp.gloss, categoryLabel: 'Drug procurement' });
    expect(zh.find((m) => m.id === vbp.id)).toMatchObject({ label: vbp.name, categoryLabel: '药品耗材采购' });
    // Categories come in one run each.
    const runs = en.map((m) => m.category).filter((c, i, all) => c !== all[i - 1]);
    expect(new Set(runs).size).toBe(runs.length);
  });
});
