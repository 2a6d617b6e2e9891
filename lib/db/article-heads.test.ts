import { afterEach, describe, expect, it } from 'vitest';
import { articleHead } from './article-heads';
import { openLensDB, type LensDB, type StoredArticle } from './schema';
import { makeArticle } from '../../tests/support/db/articles';

const opened: LensDB[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

function fresh(): LensDB {
  const db = openLensDB(`test-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}

const stored = (n: number, overrides: Partial<StoredArticle> = {}): StoredArticle => ({
  ...makeArticle(n, { origin: 'imported' }),
  addedAt: '2024-01-01T00:00:00.000Z',
  ...overrides,
});

/** Every head equals the head of its article, and there is one per article. */
async function expectInStep(db: LensDB) {
  const articles = await db.articles.toArray();
  expect(await db.articleHeads.toArray()).toEqual(articles.map(articleHead));
}

describe('article heads', () => {
  it('hold the small fields only', () => {
    const head = articleHead(stored(1, { key: 'sina:x', url: 'https://finance.sina.com.cn/x.shtml', measureIds: ['m'] }));
    expect(head).toEqual({
      id: 'a_0000000000000001',
      key: 'sina:x',
      url: 'https://finance.sina.com.cn/x.shtml',
      title: '测试文章1',
      date: '2021-01-01T00:00:00.000Z',
      source: '新浪财经',
      origin: 'imported',
      addedAt: '2024-01-01T00:00:00.000Z',
      length: stored(1).length,
      measureIds: ['m'],
      mentions: [['m', -Date.parse('2021-01-01T00:00:00.000Z')]],
    });
    expect(head).not.toHaveProperty('paragraphs');
  });

  it('follow every way an article is written, changed and removed', async () => {
    const db = fresh();
    await db.articles.add(stored(1));
    await db.articles.put(stored(2));
    await db.articles.bulkAdd([stored(3), stored(4), stored(5)]);
    await db.articles.bulkPut([stored(6), stored(2, { title: '改过的标题' })]);
    await expectInStep(db);

    await db.articles.update(stored(3).id, { key: 'sina:three', url: 'https://finance.sina.com.cn/3.shtml' });
    await db.articles
      .where('origin')
      .equals('imported')
      .modify({ measureIds: ['volume-based-procurement'] });
    await expectInStep(db);
    expect((await db.articleHeads.where('key').equals('sina:three').first())?.id).toBe(stored(3).id);

    await db.articles.delete(stored(1).id);
    await db.articles.bulkDelete([stored(2).id, 'a_ffffffffffffffff']);
    await db.articles.where('date').above(stored(5).date).delete();
    await expectInStep(db);
    expect(await db.articleHeads.count()).toBe(3);

    await db.articles.where(':id').between(stored(3).id, stored(3).id, true, true).delete();
    await expectInStep(db);
    expect(await db.articleHeads.count()).toBe(2);
    await db.articles.clear();
    expect(await db.articleHeads.count()).toBe(0);
  });

  it('keep the head of an article a refused add did not replace', async () => {
    const db = fresh();
    await db.articles.add(stored(1));
    await expect(db.articles.add(stored(1, { title: '重复' }))).rejects.toThrow();
    await db.articles.bulkAdd([stored(1, { title: '重复' }), stored(2)]).catch(() => undefined);
    await expectInStep(db);
    expect((await db.articleHeads.get(stored(1).id))?.title).toBe('测试文章1');
  });

  it('roll back with the article when the transaction fails', async () => {
    const db = fresh();
    await db.articles.add(stored(1));
    await expect(
      db.transaction('rw', db.articles, async () => {
        await db.articles.put(stored(1, { title: '不会留下' }));
        await db.articles.add(stored(2));
        throw new Error('the write fails halfway');
      }),
    ).rejects.toThrow('the write fails halfway');
    await expectInStep(db);
    expect(await db.articleHeads.count()).toBe(1);
  });

  it('are filled for the articles a version 2 database already holds', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const v2 = openLensDB(name, 2);
    await v2.articles.bulkAdd([stored(1, { key: 'sina:one', measureIds: ['m'] }), stored(2)]);
    v2.close();

    const latest = openLensDB(name);
    opened.push(latest);
    await expectInStep(latest);
    expect(await latest.articleHeads.count()).toBe(2);
    expect((await latest.articles.get(stored(1).id))?.paragraphs).toEqual(stored(1).paragraphs);
  });
});
