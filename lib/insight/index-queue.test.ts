import { afterEach, describe, expect, it } from 'vitest';
import { openLensDB, type LensDB } from '../db/schema';
import type { PageArticle } from '../messages/contract';
import { countMentioning, queryRelated, RECIPE_KEY } from '../related';
import { analyzePageArticle } from './analyze';
import { createIndexQueue, indexRecipe, unindexedArticleIds, useRecipe } from './index-queue';
import { indexStoredArticle } from './indexer';
import { catalogue, seededDB } from '../../tests/support/insight';

let db: LensDB;
afterEach(() => db?.delete());

const page: PageArticle = {
  key: 'sina:kqueue00000001',
  id: 'kqueue00000001',
  url: 'https://finance.sina.com.cn/china/2021-11-26/doc-kqueue00000001.shtml',
  mobileUrl: null,
  title: '国家医保局：加强医保基金监管 扩大集中带量采购',
  publishedAt: '2021-11-26T17:15:00+08:00',
  source: '国家医保局',
  editor: null,
  originalTitle: null,
  paragraphs: [
    '国家医疗保障局要求加强医保基金监管，严厉打击欺诈骗保行为，同时稳步扩大药品和耗材集中带量采购范围。',
    '各地医保部门要落实谈判药品“双通道”管理。',
  ],
};

describe('indexing read articles after the answer', () => {
  it('answers with the article stored and known, then indexes it', async () => {
    db = await seededDB();
    const queued: string[] = [];
    const insight = await analyzePageArticle(page, { db, catalogue, addToCorpus: true, indexLater: (id) => queued.push(id) });
    expect(insight.corpus).toMatchObject({ addedNow: true, matchedBy: 'key' });
    expect(queued).toEqual([insight.corpus!.id]);
    // Stored with what identity and timelines need, not yet in the related-articles index.
    const stored = await db.articles.get(insight.corpus!.id);
    expect(stored?.measureIds).toContain('fund-supervision');
    expect(await unindexedArticleIds(db)).toEqual([stored!.id]);

    const queue = createIndexQueue(db, catalogue);
    await queue.add(stored!.id);
    expect(await unindexedArticleIds(db)).toEqual([]);
    // Now other articles find it as related.
    const seed = (await db.articles.toArray()).find((a) => a.origin === 'seed' && a.measureIds?.includes('fund-supervision'))!;
    const hits = await queryRelated(db, { id: seed.id, text: seed.text, measures: {} }, { limit: 10 });
    expect(hits.map((h) => h.id)).toContain(stored!.id);
  });

  it('finds at start the articles a stopped worker left unindexed, and indexes each once', async () => {
    db = await seededDB();
    const first = await analyzePageArticle(page, { db, catalogue, addToCorpus: true, indexLater: () => undefined });
    const errors: string[] = [];
    const queue = createIndexQueue(db, catalogue, (id, e) => errors.push(`${id}: ${e.message}`));
    expect(await queue.recover()).toBe(1);
    await queue.add(first.corpus!.id); // queued twice: the second finds it indexed and does nothing
    await queue.idle();
    expect(errors).toEqual([]);
    expect(await unindexedArticleIds(db)).toEqual([]);
    expect(await db.docs.count()).toBe(await db.articles.count());
    expect(await queue.recover()).toBe(0);
  });

  it('leaves no index entry for an article deleted before its turn', async () => {
    db = await seededDB();
    const insight = await analyzePageArticle(page, { db, catalogue, addToCorpus: true, indexLater: () => undefined });
    await db.articles.delete(insight.corpus!.id);
    await createIndexQueue(db, catalogue).add(insight.corpus!.id);
    expect(await db.docs.get(insight.corpus!.id)).toBeUndefined();
  });
});

describe('rebuilding the index the running code did not build', () => {
  it('fills the index after the v4 upgrade emptied it: every article, measures found again, same as a fresh index', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const fresh = await seededDB();
    const seeds = await fresh.articles.toArray();
    const v3 = openLensDB(name, 3);
    // As a v3 release left them: a read article whose measures an older catalogue found (none), and v3 index rows.
    const read = { ...(await analyzeInto(fresh)), measureIds: [], measureSentences: {} };
    await v3.articles.bulkAdd([...seeds, read]);
    await v3
      .table('terms')
      .put({ term: '医保', df: 6, ids: seeds.map((s) => s.id).join('\u001f'), weights: Float32Array.from(seeds.map(() => 0.1)) });
    await v3
      .table('docs')
      .bulkPut([...seeds, read].map((a) => ({ id: a.id, terms: [['医保', 1]], norm: 1, vocab: '医保:1', measureIds: [] })));
    v3.close();

    db = openLensDB(name);
    const errors: string[] = [];
    const queue = createIndexQueue(db, catalogue, (id, e) => errors.push(`${id}: ${e.message}`));
    expect(await queue.recover()).toBe(seeds.length + 1);
    await queue.idle();
    expect(errors).toEqual([]);
    expect(await unindexedArticleIds(db)).toEqual([]);
    expect((await db.meta.get(RECIPE_KEY))?.value).toBe(indexRecipe(catalogue));
    // The running catalogue's measures, in the article and its head (timelines), and in the index.
    expect((await db.articles.get(read.id))?.measureIds).toContain('fund-supervision');
    expect((await db.articleHeads.get(read.id))?.measureIds).toContain('fund-supervision');
    expect((await countMentioning(db, ['fund-supervision'])).get('fund-supervision')).toBe(3);
    // Scored as an index built article by article: the weights differ only by the IDF of the moment each was indexed.
    await indexStoredArticle(fresh, (await db.articles.get(read.id))!, catalogue);
    for (const a of [...seeds, read]) {
      const q = { id: a.id, title: a.title, text: a.text, measures: {} };
      const [rebuilt, built] = [await queryRelated(db, q), await queryRelated(fresh, q)];
      expect(rebuilt.map((h) => h.id).sort()).toEqual(built.map((h) => h.id).sort());
      for (const h of rebuilt) expect(Math.abs(h.score - built.find((b) => b.id === h.id)!.score)).toBeLessThan(0.05);
    }
    expect(await queue.recover()).toBe(0);
    await fresh.delete();
  });

  it('empties and rebuilds the index when its recipe changes, and leaves it alone when it does not', async () => {
    db = await seededDB();
    // The seeds were indexed by this code with no recipe recorded yet: adopted as they are.
    expect(await useRecipe(db, indexRecipe(catalogue))).toBe(false);
    expect(await db.docs.count()).toBe(await db.articles.count());
    expect(await useRecipe(db, 'recipe-a')).toBe(true);
    expect(await db.docs.count()).toBe(0);
    const queue = createIndexQueue(db, catalogue);
    expect(await queue.recover()).toBe(await db.articles.count());
    await queue.idle();
    expect(await db.docs.count()).toBe(await db.articles.count());
    expect((await db.meta.get(RECIPE_KEY))?.value).toBe(indexRecipe(catalogue));
    expect(await queue.recover()).toBe(0);
  });
});

/** A read article stored in `target` as the background stores it (not yet indexed); returned as stored. */
async function analyzeInto(target: LensDB) {
  const insight = await analyzePageArticle(page, { db: target, catalogue, addToCorpus: true, indexLater: () => undefined });
  return (await target.articles.get(insight.corpus!.id))!;
}
