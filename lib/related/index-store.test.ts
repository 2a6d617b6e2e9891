import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openLensDB, type LensDB } from '../db/schema';
import { detectMeasures } from '../measures';
import { loadCatalogueFile } from '../measures/load-catalogue';
import { POSTING_BLOCK } from './index-rows';
import { clearIndex, indexArticle, indexArticles, removeFromIndex } from './index-store';
import { DOC_COUNT_KEY } from './layout';
import { postingPairs } from './postings';
import { queryRelated } from './query';
import { seedEntries } from './test-support/seeds';

const catalogue = loadCatalogueFile();
const entries = seedEntries((text) => detectMeasures(text, catalogue).map((h) => h.measureId));
const entry = (id: string) => entries.find((e) => e.article.id === id)!;
const byId = (id: string) => ({ id, text: entry(id).article.text, measureIds: entry(id).measureIds });
const topics = (id: string) => ({ measureIds: entry(id).measureIds });

/** Each term's postings over all its blocks, by term. */
async function postingsByTerm(db: LensDB): Promise<Map<string, [string, number][]>> {
  const byTerm = new Map<string, [string, number][]>();
  for (const block of await db.postings.toArray()) byTerm.set(block.term, [...(byTerm.get(block.term) ?? []), ...postingPairs(block)]);
  return byTerm;
}

/** The whole index as plain data, rows and postings in a stable order, to compare states. */
async function snapshot(db: LensDB) {
  const postings = await postingsByTerm(db);
  const terms = (await db.terms.toArray()).map((r) => ({ term: r.term, df: r.df, postings: (postings.get(r.term) ?? []).sort((a, b) => (a[0] < b[0] ? -1 : 1)) }));
  return { terms, docs: await db.docs.toArray(), docCount: (await db.meta.get(DOC_COUNT_KEY))?.value };
}

/** Every invariant of the layout: df, blocks within size and tail, each posting where its doc says. */
async function expectConsistent(db: LensDB) {
  const stats = new Map((await db.terms.toArray()).map((r) => [r.term, r]));
  const blocks = await db.postings.toArray();
  const seen = new Set<string>();
  for (const block of blocks) {
    const ids = postingPairs(block).map(([id]) => id);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBeLessThanOrEqual(POSTING_BLOCK);
    expect(block.block).toBeLessThanOrEqual(stats.get(block.term)!.tail!);
    for (const id of ids) {
      const key = `${block.term} ${id}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
  }
  const docs = await db.docs.toArray();
  const df = new Map<string, number>();
  for (const doc of docs) {
    const keys = [...doc.terms.map(([t]) => t), ...doc.topics.map(([k]) => k)];
    expect(doc.blocks).toHaveLength(keys.length);
    for (const [i, key] of keys.entries()) {
      const block = blocks.find((b) => b.term === key && b.block === doc.blocks[i]);
      expect(block && postingPairs(block).some(([id]) => id === doc.id)).toBe(true);
    }
    for (const key of keys) df.set(key, (df.get(key) ?? 0) + 1);
  }
  expect(seen.size).toBe(docs.reduce((n, d) => n + d.blocks.length, 0));
  expect(new Map([...stats].map(([t, r]) => [t, r.df]))).toEqual(df);
}

let db: LensDB;
beforeEach(async () => {
  db = openLensDB(`test-${crypto.randomUUID()}`);
  await indexArticles(db, entries);
});

describe('the related index', () => {
  it('keeps df, postings and N consistent', async () => {
    expect((await db.meta.get(DOC_COUNT_KEY))?.value).toBe(5);
    // 医保 is a key term of all five; only 000 and 004 are about fund supervision.
    expect((await db.terms.get('医保'))?.df).toBe(5);
    expect((await db.terms.get('measure:fund-supervision'))?.df).toBe(2);
    expect((await postingsByTerm(db)).get('measure:fund-supervision')!.map(([id]) => id).sort()).toEqual(['000', '004']);
    await expectConsistent(db);
  });

  it('removes an article: it is never a result again, and keys only it held are gone', async () => {
    const own = (await db.docs.get('004'))!.terms.map(([t]) => t);
    const only = [];
    for (const t of own) if ((await db.terms.get(t))?.df === 1) only.push(t);
    expect(only.length).toBeGreaterThan(0);
    await removeFromIndex(db, '004');
    expect((await queryRelated(db, byId('000'))).map((h) => h.id)).not.toContain('004');
    expect(await db.terms.bulkGet(only)).toEqual(only.map(() => undefined));
    expect((await db.terms.get('measure:fund-supervision'))?.df).toBe(1);
    expect(await db.docs.get('004')).toBeUndefined();
    expect((await db.meta.get(DOC_COUNT_KEY))?.value).toBe(4);
    await removeFromIndex(db, 'not-indexed'); // a no-op
    expect((await db.meta.get(DOC_COUNT_KEY))?.value).toBe(4);
    await expectConsistent(db);
  });

  it('returns to the same state when an article is removed and indexed again', async () => {
    const before = await snapshot(db);
    await removeFromIndex(db, '002');
    await indexArticle(db, entry('002').article, topics('002'));
    expect(await snapshot(db)).toEqual(before);
  });

  it('replaces an article indexed twice instead of counting it twice', async () => {
    const before = await snapshot(db);
    await indexArticle(db, entry('003').article, topics('003'));
    expect(await snapshot(db)).toEqual(before);
  });

  it('writes all or nothing: a failure mid-write leaves the index as it was', async () => {
    const before = await snapshot(db);
    const extra = { id: '005', title: '新文章', text: '医保基金监管与集中带量采购的新进展，打击欺诈骗保。' };
    vi.spyOn(db.docs, 'bulkPut').mockImplementationOnce(() => {
      throw new Error('disk full');
    });
    await expect(indexArticle(db, extra, { measureIds: [] })).rejects.toThrow('disk full');
    expect(await snapshot(db)).toEqual(before);
  });

  it('writes only the rows of the article’s own keys, and reads no other', async () => {
    const written = new Set<string>();
    db.terms.hook('creating', (_key, row) => void written.add(row.term));
    db.terms.hook('updating', (_changes, _key, row) => void written.add(row.term));
    db.terms.hook('deleting', (key) => void written.add(String(key)));
    const extra = { id: '005', title: '新文章', text: '医保基金监管与集中带量采购的新进展，打击欺诈骗保。' };
    await indexArticle(db, extra, { measureIds: ['fund-supervision'], categories: ['fund-supervision'] });
    const keys = new Set([...(await db.docs.get('005'))!.terms.map(([t]) => t), 'measure:fund-supervision', 'category:fund-supervision']);
    expect(written).toEqual(keys);
    written.clear();
    await removeFromIndex(db, '005');
    expect(written).toEqual(keys);
    await expectConsistent(db);
  });

  it('empties completely', async () => {
    await clearIndex(db);
    expect(await db.terms.count()).toBe(0);
    expect(await db.postings.count()).toBe(0);
    expect(await db.docs.count()).toBe(0);
    expect(await queryRelated(db, byId('000'))).toEqual([]);
  });
});

describe('postings in blocks', () => {
  /** `n` short articles that all hold 医保 and 基金, each with a name of its own. */
  const many = (n: number, from = 0) =>
    Array.from({ length: n }, (_, i) => {
      const k = from + i;
      const name = String.fromCodePoint(0x4e00 + ((k * 7) % 20000), 0x4e00 + ((k * 13 + 5) % 20000));
      return { article: { id: `m${k}`, text: `医保基金，${name}。` }, measureIds: k % 2 ? ['fund-supervision'] : [] };
    });

  it('starts a new block when the last is full, and a write touches only the last blocks', async () => {
    const big = openLensDB(`test-${crypto.randomUUID()}`);
    // Past REWEIGH_UP_TO, so the writes below are incremental.
    await indexArticles(big, many(2 * POSTING_BLOCK + 50));
    expect((await big.terms.get('医保'))?.tail).toBe(2);
    await expectConsistent(big);

    const written: string[] = [];
    big.postings.hook('creating', (_key, row) => void written.push(`${row.term} ${row.block}`));
    big.postings.hook('updating', (_changes, _key, row) => void written.push(`${row.term} ${row.block}`));
    await indexArticle(big, { id: 'late', text: '医保基金，迟到。' }, { measureIds: ['fund-supervision'] });
    expect(written.sort()).toEqual(['measure:fund-supervision 1', '保基 2', '医保 2', '基金 2', '迟到 0'].sort());
    await expectConsistent(big);
    await big.delete();
  });

  it('removes an article from a full middle block, and the next article still goes to the last block', async () => {
    const big = openLensDB(`test-${crypto.randomUUID()}`);
    await indexArticles(big, many(2 * POSTING_BLOCK + 50));
    const inFirst = (await big.docs.get('m3'))!;
    expect(inFirst.blocks.every((b) => b === 0)).toBe(true);
    await removeFromIndex(big, 'm3');
    await indexArticle(big, { id: 'm3', text: '医保基金' }, { measureIds: [] });
    expect((await big.docs.get('m3'))!.blocks).toEqual([2, 2, 2]);
    await expectConsistent(big);
    const hits = await queryRelated(big, { id: 'm3', text: '医保基金', measureIds: [] }, { limit: 1000 });
    expect(hits).toHaveLength(2 * POSTING_BLOCK + 49);
    await big.delete();
  });
});
