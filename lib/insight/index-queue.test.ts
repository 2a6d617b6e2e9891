import { afterEach, describe, expect, it } from 'vitest';
import type { LensDB } from '../db/schema';
import type { PageArticle } from '../messages/contract';
import { queryRelated } from '../related';
import { analyzePageArticle } from './analyze';
import { createIndexQueue, unindexedArticleIds } from './index-queue';
import { catalogue, seededDB } from './test-support';

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
  paragraphs: ['国家医疗保障局要求加强医保基金监管，严厉打击欺诈骗保行为，同时稳步扩大药品和耗材集中带量采购范围。', '各地医保部门要落实谈判药品“双通道”管理。'],
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

    const queue = createIndexQueue(db);
    await queue.add(stored!.id);
    expect(await unindexedArticleIds(db)).toEqual([]);
    // Now other articles find it as related.
    const seed = (await db.articles.toArray()).find((a) => a.origin === 'seed' && a.measureIds?.includes('fund-supervision'))!;
    const hits = await queryRelated(db, { id: seed.id, text: seed.text, measureIds: seed.measureIds ?? [] }, { limit: 10 });
    expect(hits.map((h) => h.id)).toContain(stored!.id);
  });

  it('finds at start the articles a stopped worker left unindexed, and indexes each once', async () => {
    db = await seededDB();
    const first = await analyzePageArticle(page, { db, catalogue, addToCorpus: true, indexLater: () => undefined });
    const errors: string[] = [];
    const queue = createIndexQueue(db, (id, e) => errors.push(`${id}: ${e.message}`));
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
    await createIndexQueue(db).add(insight.corpus!.id);
    expect(await db.docs.get(insight.corpus!.id)).toBeUndefined();
  });
});
