import { afterEach, describe, expect, it } from 'vitest';
import { openLensDB, type LensDB } from './schema';
import { CORPUS_VERSION_KEY, seedCorpus } from './seed';
import { makeArticle } from '../../tests/support/db/articles';
import { makeHighlight } from '../../tests/support/db/highlights';

let db: LensDB;
const fresh = () => (db = openLensDB(`test-${crypto.randomUUID()}`));
afterEach(() => db?.delete());

const corpusV1 = { version: 'v1', articles: [1, 2, 3].map((n) => makeArticle(n)) };

describe('seedCorpus', () => {
  it('seeds every bundled article on first run and records the corpus version', async () => {
    fresh();
    const out = await seedCorpus(db, corpusV1);
    expect(out).toMatchObject({ status: 'seeded', added: 3, updated: 0, removed: 0, previous: null });
    expect(await db.articles.count()).toBe(3);
    expect((await db.meta.get(CORPUS_VERSION_KEY))?.value).toBe('v1');
  });

  it('changes nothing when run twice', async () => {
    fresh();
    await seedCorpus(db, corpusV1, { now: () => new Date('2024-01-01T00:00:00Z') });
    const before = await db.articles.toArray();
    const out = await seedCorpus(db, corpusV1, { now: () => new Date('2025-01-01T00:00:00Z') });
    expect(out.status).toBe('unchanged');
    expect(await db.articles.toArray()).toEqual(before);
  });

  it('updates seed articles for a new corpus version and never touches what the reader made', async () => {
    fresh();
    await seedCorpus(db, corpusV1, { now: () => new Date('2024-01-01T00:00:00Z') });
    const imported = { ...makeArticle(10, { origin: 'imported' }), addedAt: '2024-02-02T00:00:00.000Z' };
    await db.articles.add(imported);
    const highlight = makeHighlight('h1', 'sina:kqcfnaz9077291', {
      url: 'https://finance.sina.com.cn/china/2021-06-04/doc-ikqcfnaz9077291.shtml',
      title: '测试文章1',
      quote: { type: 'TextQuoteSelector', exact: '集中带量采购', prefix: '讲', suffix: '。' },
      position: { type: 'TextPositionSelector', start: 10, end: 16 },
      note: '我的笔记',
      tags: ['集采'],
      createdAt: '2024-03-03T00:00:00.000Z',
      updatedAt: '2024-03-03T00:00:00.000Z',
    });
    await db.highlights.add(highlight);
    await db.settings.put({ key: 'panel.open', value: false });

    // v2: article 1 revised, 2 kept, 3 dropped, 4 new.
    const v2 = { version: 'v2', articles: [makeArticle(1, { title: '修订的标题' }), makeArticle(2), makeArticle(4)] };
    const indexed: string[] = [];
    const unindexed: string[] = [];
    const out = await seedCorpus(db, v2, {
      now: () => new Date('2025-01-01T00:00:00Z'),
      index: async (a) => indexed.push(a.id),
      unindex: async (id) => unindexed.push(id),
    });
    expect(indexed.sort()).toEqual([makeArticle(1).id, makeArticle(2).id, makeArticle(4).id].sort());
    expect(unindexed).toEqual([makeArticle(3).id]);
    expect(out).toMatchObject({ status: 'seeded', previous: 'v1', added: 1, updated: 2, removed: 1 });

    const ids = (await db.articles.toArray()).map((a) => a.id).sort();
    expect(ids).toEqual([makeArticle(1).id, makeArticle(2).id, makeArticle(4).id, imported.id].sort());
    expect((await db.articles.get(makeArticle(1).id))?.title).toBe('修订的标题');
    // An updated seed keeps the date it first entered the corpus.
    expect((await db.articles.get(makeArticle(1).id))?.addedAt).toBe('2024-01-01T00:00:00.000Z');
    expect(await db.articles.get(imported.id)).toEqual(imported);
    expect(await db.highlights.toArray()).toEqual([highlight]);
    expect((await db.settings.get('panel.open'))?.value).toBe(false);
  });

  it('keeps the URL learned for a seed when the corpus is updated', async () => {
    fresh();
    await seedCorpus(db, corpusV1);
    const url = 'https://finance.sina.com.cn/china/2021-01-01/doc-ikqcfnaz9077291.shtml';
    await db.articles.update(makeArticle(1).id, { key: 'sina:kqcfnaz9077291', url });
    await seedCorpus(db, { version: 'v2', articles: [makeArticle(1, { title: '新标题' })] });
    expect(await db.articles.get(makeArticle(1).id)).toMatchObject({ title: '新标题', url, key: 'sina:kqcfnaz9077291' });
  });

  it('leaves an article the reader imported alone when a corpus update ships the same article', async () => {
    fresh();
    const mine = { ...makeArticle(5, { origin: 'imported' }), addedAt: '2024-02-02T00:00:00.000Z' };
    await db.articles.add(mine);
    const out = await seedCorpus(db, { version: 'v3', articles: [makeArticle(5)] });
    expect(out).toMatchObject({ status: 'seeded', added: 0, kept: 1 });
    expect(await db.articles.get(mine.id)).toEqual(mine);
  });

  it('writes nothing when seeding fails halfway', async () => {
    fresh();
    await seedCorpus(db, corpusV1);
    // A record IndexedDB cannot store (a function) makes bulkPut throw inside the transaction.
    const broken = { version: 'v2', articles: [makeArticle(7), { ...makeArticle(8), bad: () => 1 } as never] };
    await expect(seedCorpus(db, broken)).rejects.toThrow();
    expect((await db.meta.get(CORPUS_VERSION_KEY))?.value).toBe('v1');
    expect(await db.articles.get(makeArticle(7).id)).toBeUndefined();
    expect(await db.articles.count()).toBe(3);
  });

  it('completes on the next try a seeding that failed halfway', async () => {
    fresh();
    await seedCorpus(db, corpusV1);
    const v2 = { version: 'v2', articles: [makeArticle(7), makeArticle(8)] };
    await expect(seedCorpus(db, { ...v2, articles: [v2.articles[0]!, { ...v2.articles[1]!, bad: () => 1 } as never] })).rejects.toThrow();
    // The next start finds the corpus still at v1 and seeds v2 in full.
    expect(await seedCorpus(db, v2)).toMatchObject({ status: 'seeded' });
    expect((await db.meta.get(CORPUS_VERSION_KEY))?.value).toBe('v2');
    expect(await db.articles.get(makeArticle(7).id)).toBeDefined();
    expect(await db.articles.get(makeArticle(8).id)).toBeDefined();
  });
});
