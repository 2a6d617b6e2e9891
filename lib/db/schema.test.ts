import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION, openLensDB, type LensDB } from './schema';
import { makeArticle } from './test-support/articles';

const opened: LensDB[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('database schema', () => {
  it('upgrades a version 1 database to the latest without losing articles, highlights or settings', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const v1 = openLensDB(name, 1);
    const article = { ...makeArticle(1, { origin: 'imported' }), addedAt: '2024-01-01T00:00:00.000Z' };
    await v1.articles.add(article);
    await v1.highlights.add({
      id: 'h1',
      articleKey: 'sina:x',
      url: 'https://finance.sina.com.cn/x/2021-01-01/doc-ix.shtml',
      title: 't',
      quote: { type: 'TextQuoteSelector', exact: 'e', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: 1 },
      color: 'yellow',
      note: '笔记',
      tags: ['a'],
      createdAt: '2024-01-01T00:00:00.000Z',
      updatedAt: '2024-01-01T00:00:00.000Z',
    });
    await v1.settings.put({ key: 'lang', value: 'zh-CN' });
    expect(v1.verno).toBe(1);
    v1.close();

    const latest = openLensDB(name);
    opened.push(latest);
    await latest.open();
    expect(latest.verno).toBe(LATEST_VERSION);
    expect(await latest.articles.get(article.id)).toEqual(article);
    expect((await latest.highlights.get('h1'))?.note).toBe('笔记');
    expect((await latest.settings.get('lang'))?.value).toBe('zh-CN');
    // The v2 indexes work on upgraded data.
    await latest.articles.update(article.id, { measureIds: ['volume-based-procurement'] });
    expect(await latest.articles.where('measureIds').equals('volume-based-procurement').count()).toBe(1);
  });
});
