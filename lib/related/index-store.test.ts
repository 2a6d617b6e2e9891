import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openLensDB, type LensDB } from '../db/schema';
import { detectMeasures } from '../measures';
import { loadCatalogueFile } from '../measures/load-catalogue';
import { clearIndex, indexArticle, indexArticles, removeFromIndex } from './index-store';
import { DOC_COUNT_KEY } from './layout';
import { postingPairs } from './postings';
import { queryRelated } from './query';
import { seedEntries } from './test-support/seeds';

const catalogue = loadCatalogueFile();
const entries = seedEntries((text) => detectMeasures(text, catalogue).map((h) => h.measureId));
const entry = (id: string) => entries.find((e) => e.article.id === id)!;
const byId = (id: string) => ({ id, text: entry(id).article.text, measureIds: entry(id).measureIds });

/** The whole index as plain data, rows and postings in a stable order, to compare states. */
async function snapshot(db: LensDB) {
  const terms = (await db.terms.toArray()).map((r) => ({ term: r.term, df: r.df, postings: postingPairs(r).sort((a, b) => (a[0] < b[0] ? -1 : 1)) }));
  return { terms, docs: await db.docs.toArray(), docCount: (await db.meta.get(DOC_COUNT_KEY))?.value };
}

let db: LensDB;
beforeEach(async () => {
  db = openLensDB(`test-${crypto.randomUUID()}`);
  await indexArticles(db, entries);
});

describe('the related index', () => {
  it('keeps df, postings and N consistent', async () => {
    expect((await db.meta.get(DOC_COUNT_KEY))?.value).toBe(5);
    // 骗保 is in 000 and 004 only; 医保 in all five.
    expect((await db.terms.get('骗保'))?.df).toBe(2);
    expect((await db.terms.get('医保'))?.df).toBe(5);
    expect(postingPairs((await db.terms.get('measure:fund-supervision'))!).map(([id]) => id).sort()).toEqual(['000', '004']);
    for (const row of await db.terms.toArray()) {
      const ids = postingPairs(row).map(([id]) => id);
      expect(ids.length).toBe(row.weights.length);
      expect(ids.length).toBeLessThanOrEqual(row.df);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('removes an article: it is never a result again, and terms only it held are gone', async () => {
    expect(await db.terms.get('蒋成')).toBeDefined(); // 蒋成嘉, quoted in 004 only
    await removeFromIndex(db, '004');
    expect((await queryRelated(db, byId('000'))).map((h) => h.id)).not.toContain('004');
    expect(await db.terms.get('蒋成')).toBeUndefined();
    expect((await db.terms.get('骗保'))?.df).toBe(1);
    expect(await db.docs.get('004')).toBeUndefined();
    expect((await db.meta.get(DOC_COUNT_KEY))?.value).toBe(4);
    await removeFromIndex(db, 'not-indexed'); // a no-op
    expect((await db.meta.get(DOC_COUNT_KEY))?.value).toBe(4);
  });

  it('returns to the same state when an article is removed and indexed again', async () => {
    const before = await snapshot(db);
    await removeFromIndex(db, '002');
    await indexArticle(db, entry('002').article, entry('002').measureIds);
    expect(await snapshot(db)).toEqual(before);
  });

  it('replaces an article indexed twice instead of counting it twice', async () => {
    const before = await snapshot(db);
    await indexArticle(db, entry('003').article, entry('003').measureIds);
    expect(await snapshot(db)).toEqual(before);
  });

  it('writes all or nothing: a failure mid-write leaves the index as it was', async () => {
    const before = await snapshot(db);
    const extra = { id: '005', title: '新文章', text: '医保基金监管与集中带量采购的新进展，打击欺诈骗保。' };
    vi.spyOn(db.docs, 'bulkPut').mockImplementationOnce(() => {
      throw new Error('disk full');
    });
    await expect(indexArticle(db, extra, [])).rejects.toThrow('disk full');
    expect(await snapshot(db)).toEqual(before);
  });

  it('empties completely', async () => {
    await clearIndex(db);
    expect(await db.terms.count()).toBe(0);
    expect(await db.docs.count()).toBe(0);
    expect(await queryRelated(db, byId('000'))).toEqual([]);
  });
});
