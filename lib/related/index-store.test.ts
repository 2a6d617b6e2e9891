import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openLensDB, type LensDB } from '../db/schema';
import { POSTING_BLOCK } from './index-rows';
import { clearIndex, indexArticle, indexArticles, removeFromIndex, REWEIGH_UP_TO } from './index-store';
import { DOC_COUNT_KEY, isPolicyText, WEIGHED_AT_KEY } from './layout';
import { postingPairs } from './postings';
import { queryRelated } from './query';
import { entries, entry, indexedSeedsDB } from '../../tests/support/related/indexed';

const byId = (id: string) => ({ id, text: entry(id).article.text, measures: entry(id).measures });

/** Each key's postings over all its blocks. */
async function postingsByTerm(db: LensDB): Promise<Map<string, [string, number][]>> {
  const byTerm = new Map<string, [string, number][]>();
  for (const block of await db.postings.toArray()) byTerm.set(block.term, [...(byTerm.get(block.term) ?? []), ...postingPairs(block)]);
  return byTerm;
}

/** The whole index as plain data, rows and postings in a stable order, to compare states. */
async function snapshot(db: LensDB) {
  const postings = await postingsByTerm(db);
  const terms = (await db.terms.toArray()).map((r) => ({
    term: r.term,
    df: r.df,
    postings: (postings.get(r.term) ?? []).sort((a, b) => (a[0] < b[0] ? -1 : 1)),
  }));
  const docs = (await db.docs.toArray()).map(({ blocks: _, ...doc }) => doc);
  return { terms, docs, docCount: (await db.meta.get(DOC_COUNT_KEY))?.value };
}

/** Every invariant of the layout: df, blocks within size and tail, each posting where its doc says, unit parts. */
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
    expect(doc.blocks).toHaveLength(doc.policy ? doc.features.length : 0);
    const parts = new Map<string, number>();
    for (const [i, [key]] of doc.features.entries()) {
      if (!doc.policy) continue;
      const block = blocks.find((b) => b.term === key && b.block === doc.blocks[i]);
      const weight = block && postingPairs(block).find(([id]) => id === doc.id)?.[1];
      expect(weight).toBeDefined();
      const part = key.includes(':') ? key.slice(0, key.indexOf(':')) : 'term';
      parts.set(part, (parts.get(part) ?? 0) + weight! ** 2);
    }
    // Each part of the vector is of unit length.
    for (const sum of parts.values()) expect(sum).toBeCloseTo(1, 4);
    const counted = doc.policy ? doc.features.map(([k]) => k) : doc.measureIds.map((m) => `measure:${m}`);
    for (const key of counted) df.set(key, (df.get(key) ?? 0) + 1);
  }
  expect(seen.size).toBe(docs.reduce((n, d) => n + d.blocks.length, 0));
  expect(new Map([...stats].map(([t, r]) => [t, r.df]))).toEqual(df);
}

let db: LensDB;
beforeEach(async () => {
  db = await indexedSeedsDB();
});

describe('the related index', () => {
  it('keeps df, postings and N consistent', async () => {
    expect((await db.meta.get(DOC_COUNT_KEY))?.value).toBe(5);
    // 医保 is a key term of all five; 000 and 004 are about fund supervision, and use the word 欺诈骗保.
    expect((await db.terms.get('医保'))?.df).toBe(5);
    expect((await db.terms.get('measure:fund-supervision'))?.df).toBe(2);
    expect(
      (await postingsByTerm(db))
        .get('w:打击欺诈骗保')!
        .map(([id]) => id)
        .sort(),
    ).toEqual(['000', '004']);
    await expectConsistent(db);
  });

  it('removes an article: it is never a result again, and keys only it held are gone', async () => {
    const only = [];
    for (const [key] of (await db.docs.get('004'))!.features) if ((await db.terms.get(key))?.df === 1) only.push(key);
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
    await indexArticle(db, entry('002').article, entry('002'));
    expect(await snapshot(db)).toEqual(before);
  });

  it('replaces an article indexed twice instead of counting it twice', async () => {
    const before = await snapshot(db);
    await indexArticle(db, entry('003').article, entry('003'));
    expect(await snapshot(db)).toEqual(before);
  });

  it('writes all or nothing: a failure mid-write leaves the index as it was', async () => {
    const before = await snapshot(db);
    const extra = { id: '005', title: '新文章', text: '医保基金监管与集中带量采购的新进展，打击欺诈骗保。' };
    vi.spyOn(db.docs, 'bulkPut').mockImplementationOnce(() => {
      throw new Error('disk full');
    });
    await expect(indexArticle(db, extra, { measures: {} })).rejects.toThrow('disk full');
    expect(await snapshot(db)).toEqual(before);
  });

  it('writes only the rows of the article’s own features, past the re-weighing', async () => {
    const big = openLensDB(`test-${crypto.randomUUID()}`);
    await indexArticles(big, many(REWEIGH_UP_TO + 1));
    const written = new Set<string>();
    big.terms.hook('creating', (_key, row) => void written.add(row.term));
    big.terms.hook('updating', (_changes, _key, row) => void written.add(row.term));
    big.terms.hook('deleting', (key) => void written.add(String(key)));
    const extra = { id: '005', title: '医保基金监管', text: '医保基金监管与集中带量采购的新进展，打击欺诈骗保。' };
    await indexArticle(big, extra, { measures: { 'fund-supervision': 2 }, threads: { supervision: 2 } });
    const keys = new Set((await big.docs.get('005'))!.features.map(([k]) => k));
    expect(keys).toContain('measure:fund-supervision');
    expect(keys).toContain('topic:supervision');
    expect(keys).toContain('w:打击欺诈骗保');
    expect(written).toEqual(keys);
    written.clear();
    await removeFromIndex(big, '005');
    expect(written).toEqual(keys);
    await expectConsistent(big);
    await big.delete();
  }, 60_000);

  it('re-weighs every article while the corpus is small, whenever it has grown by a quarter', async () => {
    expect((await db.meta.get(WEIGHED_AT_KEY))?.value).toBe(5);
    const extra = (n: number) => ({ id: `x${n}`, title: '医保基金监管', text: `医保基金监管，打击欺诈骗保，第${n}篇。` });
    await indexArticle(db, extra(1), { measures: {} }); // 6 of 5: not yet
    expect((await db.meta.get(WEIGHED_AT_KEY))?.value).toBe(5);
    await indexArticle(db, extra(2), { measures: {} }); // 7 ≥ 5 × 1.25
    expect((await db.meta.get(WEIGHED_AT_KEY))?.value).toBe(7);
    await expectConsistent(db);
  });

  it('indexes an article outside the policy family without posting it: it relates to nothing', async () => {
    const market = {
      id: 'm1',
      title: 'A股收评：三大指数集体收跌',
      text: '截至收盘，上证指数跌0.46%，深证成指跌0.96%，创业板指跌1.3%。两市成交额7000亿元，北向资金净卖出。',
    };
    expect(isPolicyText(market)).toBe(false);
    expect(isPolicyText(entry('000').article)).toBe(true);
    await indexArticle(db, market, { measures: {} });
    expect(await db.docs.get('m1')).toMatchObject({ policy: false, blocks: [] });
    expect(await queryRelated(db, { ...market, id: undefined, measures: {} })).toEqual([]);
    expect(await queryRelated(db, { title: market.title, text: market.text, measures: {} })).toEqual([]);
    // Even when it names a measure, and asks by id.
    await indexArticle(db, market, { measures: { 'fund-supervision': 1 } });
    expect(await queryRelated(db, { ...market, measures: { 'fund-supervision': 1 } })).toEqual([]);
    expect((await db.terms.get('measure:fund-supervision'))?.df).toBe(3);
    for (const e of entries) expect((await queryRelated(db, byId(e.article.id), { limit: 100 })).map((h) => h.id)).not.toContain('m1');
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

/** `n` short policy articles that all hold 医保基金, each with a name of its own, every other one about fund supervision. */
function many(n: number, from = 0): { article: { id: string; text: string }; measures: Record<string, number> }[] {
  return Array.from({ length: n }, (_, i) => {
    const k = from + i;
    const name = String.fromCodePoint(0x4e00 + ((k * 7) % 20000), 0x4e00 + ((k * 13 + 5) % 20000));
    const measures: Record<string, number> = k % 2 ? { 'fund-supervision': 1 } : {};
    return { article: { id: `m${k}`, text: `医保基金，${name}。` }, measures };
  });
}

describe('postings in blocks', () => {
  it('starts a new block when the last is full, and a write touches only the last blocks', async () => {
    const big = openLensDB(`test-${crypto.randomUUID()}`);
    // Past REWEIGH_UP_TO, so the writes below are incremental.
    await indexArticles(big, many(2 * POSTING_BLOCK + 50));
    expect((await big.terms.get('医保'))?.tail).toBe(2);
    await expectConsistent(big);

    const written: string[] = [];
    big.postings.hook('creating', (_key, row) => void written.push(`${row.term} ${row.block}`));
    big.postings.hook('updating', (_changes, _key, row) => void written.push(`${row.term} ${row.block}`));
    await indexArticle(big, { id: 'late', text: '医保基金，迟到。' }, { measures: { 'fund-supervision': 1 } });
    expect(written.sort()).toEqual(['measure:fund-supervision 1', 'w:医保基金 2', '保基 2', '医保 2', '基金 2', '迟到 0'].sort());
    await expectConsistent(big);
    await big.delete();
  }, 60_000);

  it('removes an article from a full middle block, and the next article still goes to the last block', async () => {
    const big = openLensDB(`test-${crypto.randomUUID()}`);
    await indexArticles(big, many(2 * POSTING_BLOCK + 50));
    expect((await big.docs.get('m3'))!.blocks.every((b) => b === 0)).toBe(true);
    await removeFromIndex(big, 'm3');
    await indexArticle(big, { id: 'm3', text: '医保基金' }, { measures: {} });
    expect((await big.docs.get('m3'))!.blocks).toEqual([2, 2, 2, 2]);
    await expectConsistent(big);
    const hits = await queryRelated(big, { id: 'm3', text: '医保基金', measures: {} }, { limit: 1000 });
    expect(hits).toHaveLength(2 * POSTING_BLOCK + 49);
    await big.delete();
  }, 60_000);
});
