import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION, openLensDB, type LensDB } from './schema';
import { makeArticle } from '../../tests/support/db/articles';
import { makeHighlight } from '../../tests/support/db/highlights';

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
    await v1.highlights.add(makeHighlight('h1', 'sina:x', { note: '笔记', tags: ['a'] }));
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

describe('the version 4 upgrade', () => {
  it('keeps articles, highlights, notes and settings, and empties the v3 related index for the background to refill', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const v3 = openLensDB(name, 3);
    const seed = makeArticle(1);
    const read = { ...makeArticle(2, { origin: 'read' }), addedAt: '2024-02-01T00:00:00.000Z', measureIds: ['fund-supervision'] };
    await v3.articles.bulkAdd([{ ...seed, addedAt: '2024-01-01T00:00:00.000Z' }, read]);
    await v3.highlights.add(makeHighlight('h1', 'sina:x', { note: '升级之后还在' }));
    await v3.settings.put({ key: 'corpus.addRead', value: false });
    // The v3 index as c03d002 wrote it: df and packed postings in one row, vectors with their vocabulary.
    await v3.table('terms').bulkPut([
      { term: '医保', df: 2, ids: `${seed.id}\u001f${read.id}`, weights: Float32Array.from([0.5, 0.5]) },
      { term: 'measure:fund-supervision', df: 1, ids: read.id, weights: Float32Array.from([1]) },
    ]);
    await v3.table('docs').bulkPut([seed, read].map((a) => ({ id: a.id, terms: [['医保', 1]], norm: 1, vocab: '医保:1', measureIds: [] })));
    await v3.meta.bulkPut([
      { key: 'related.docCount', value: 2 },
      { key: 'related.weighedAt', value: 2 },
      { key: 'corpus.version', value: 'abc' },
    ]);
    v3.close();

    const latest = openLensDB(name);
    opened.push(latest);
    await latest.open();
    expect(latest.verno).toBe(4);
    expect(LATEST_VERSION).toBe(4);
    expect((await latest.articles.toArray()).map((a) => a.id).sort()).toEqual([seed.id, read.id].sort());
    expect(await latest.articles.get(read.id)).toEqual(read);
    expect((await latest.highlights.get('h1'))?.note).toBe('升级之后还在');
    expect((await latest.settings.get('corpus.addRead'))?.value).toBe(false);
    expect((await latest.articleHeads.get(read.id))?.measureIds).toEqual(['fund-supervision']);
    // The index is empty in the v4 layout and knows it must be rebuilt; the rest of meta stays.
    expect(await latest.terms.count()).toBe(0);
    expect(await latest.postings.count()).toBe(0);
    expect(await latest.docs.count()).toBe(0);
    expect((await latest.meta.toArray()).map((m) => m.key)).toEqual(['corpus.version']);
  });
});
