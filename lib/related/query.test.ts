import { beforeEach, describe, expect, it } from 'vitest';
import { openLensDB, type LensDB } from '../db/schema';
import { indexArticle, indexArticles } from './index-store';
import { POLICY_WORDS, policyWordsIn } from './policy-words';
import { RELATED_PARAMS } from './params';
import { queryRelated, type RelatedHit } from './query';
import { entries, entry, indexedSeedsDB, mentions } from '../../tests/support/related/indexed';
import { wrapTables } from '../../tests/support/db/middleware';

// The five seeds: 000 韩正 on 集采 and fund supervision, 001 李克强 on 医改 (集采 among many measures),
// 002 the 国办 医改 task list (谈判药品, 集采, 价格, 薪酬), 003 the 医保局 party meeting on COVID-19,
// 004 fund supervision (追回医保基金). 000 and 004 share 欺诈骗保 and 基金监管; 001 and 002 share most
// of the 医改 agenda; 003 is about epidemic control and mentions 集采 once.
const byId = (id: string) => ({ id, text: entry(id).article.text, title: entry(id).article.title, measures: entry(id).measures });
const ids = (hits: RelatedHit[]) => hits.map((h) => h.id);

let db: LensDB;
beforeEach(async () => {
  db = await indexedSeedsDB();
});

describe('queryRelated on the seeds', () => {
  it('ranks every other seed, never the article itself', async () => {
    for (const { article } of entries) {
      const hits = await queryRelated(db, byId(article.id));
      expect(ids(hits)).not.toContain(article.id);
      expect(ids(hits).sort()).toEqual(entries.map((e) => e.article.id).filter((id) => id !== article.id));
    }
  });

  it('puts the fund-supervision pair together and the 集采 articles above the COVID-19 one', async () => {
    expect(ids(await queryRelated(db, byId('000')))[0]).toBe('004');
    expect(ids(await queryRelated(db, byId('004')))[0]).toBe('000');
    expect(ids(await queryRelated(db, byId('001')))[0]).toBe('002');
    expect(ids(await queryRelated(db, byId('002')))[0]).toBe('001');
  });

  it('gives each result a score and its reasons: shared measures, rarest first, and whole policy words both use', async () => {
    const [top] = await queryRelated(db, byId('000'));
    expect(top!.id).toBe('004');
    const weights = RELATED_PARAMS.score;
    expect(top!.score).toBeCloseTo(
      Object.entries(weights).reduce((sum, [part, w]) => sum + w * top!.similarity[part as keyof typeof weights], 0),
      10,
    );
    expect(top!.reasons.sharedMeasures.slice(0, 2).sort()).toEqual(['anti-fraud-crackdown', 'fund-supervision']);
    expect(top!.reasons.sharedTerms.some((w) => w.includes('欺诈骗保'))).toBe(true);
    for (const { article } of entries) {
      for (const hit of await queryRelated(db, byId(article.id))) {
        expect(hit.score).toBeGreaterThan(0);
        expect(hit.score).toBeLessThanOrEqual(1);
        // Whole words of the list, in both texts: never a fragment such as 医保基, never a number.
        for (const word of hit.reasons.sharedTerms) {
          expect(POLICY_WORDS).toContain(word);
          const whole = (a: { title: string; text: string }) => `${a.title}\n${a.text}`.toLowerCase();
          expect(whole(article)).toContain(word);
          expect(whole(entry(hit.id).article)).toContain(word);
        }
      }
    }
  });

  it('ranks a page that is not in the corpus from its text alone', async () => {
    const page = '国家组织药品集中带量采购持续扩面，中选药品平均降价超过50%。要督促中选企业履约，保障中选产品供应，严厉打击欺诈骗保行为。';
    const hits = await queryRelated(db, { text: page, measures: mentions(page) });
    expect(hits[0]!.reasons.sharedTerms.some((w) => w.includes('欺诈骗保'))).toBe(true);
    expect(['000', '004']).toContain(hits[0]!.id);
    expect(ids(hits).indexOf('003')).toBeGreaterThan(ids(hits).indexOf('000'));
  });

  it('honours limit and minScore, and answers [] from an empty index', async () => {
    expect(await queryRelated(db, byId('000'), { limit: 2 })).toHaveLength(2);
    const all = await queryRelated(db, byId('000'));
    expect(await queryRelated(db, byId('000'), { minScore: all[1]!.score })).toHaveLength(1);
    expect(await queryRelated(openLensDB(`test-${crypto.randomUUID()}`), byId('000'))).toEqual([]);
  });

  it('ranks the same whether the seeds were indexed together or one by one', async () => {
    const oneByOne = openLensDB(`test-${crypto.randomUUID()}`);
    for (const e of entries) await indexArticle(oneByOne, e.article, e);
    for (const { article } of entries) {
      const together = await queryRelated(db, byId(article.id));
      const single = await queryRelated(oneByOne, byId(article.id));
      expect(ids(single)).toEqual(ids(together));
      // Nothing stored depends on the rest of the corpus: the very same scores.
      expect(single).toEqual(together);
    }
  });
});

describe('what a query reads', () => {
  /** Every DBCore operation, per table: proves a query reads rows by key and never scans. */
  function recordReads(target: LensDB) {
    const log: { table: string; op: string; keys: number }[] = [];
    wrapTables(target, 'read-recorder', (table, name) => ({
      ...table,
      get: (req) => (log.push({ table: name, op: 'get', keys: 1 }), table.get(req)),
      getMany: (req) => (log.push({ table: name, op: 'getMany', keys: req.keys.length }), table.getMany(req)),
      query: (req) => (log.push({ table: name, op: 'query', keys: 0 }), table.query(req)),
      openCursor: (req) => (log.push({ table: name, op: 'openCursor', keys: 0 }), table.openCursor(req)),
      count: (req) => (log.push({ table: name, op: 'count', keys: 0 }), table.count(req)),
    }));
    return log;
  }

  it('by id: meta, the stored vector, one bulkGet of its keys, one of their blocks, the returned docs; no scan, no article', async () => {
    const fresh = openLensDB(`test-${crypto.randomUUID()}`);
    const log = recordReads(fresh);
    await indexArticles(fresh, entries);
    log.length = 0;
    await queryRelated(fresh, byId('000'));
    expect(log.filter((r) => r.op === 'query' || r.op === 'openCursor' || r.op === 'count')).toEqual([]);
    expect(log.filter((r) => r.table === 'articles')).toEqual([]);
    expect(log.filter((r) => r.table === 'docs')).toEqual([{ table: 'docs', op: 'get', keys: 1 }]);
    const termReads = log.filter((r) => r.table === 'terms');
    expect(termReads).toHaveLength(1);
    expect(termReads[0]!.keys).toBe((await fresh.docs.get('000'))!.features.length);
    expect(log.filter((r) => r.table === 'postings').map((r) => r.op)).toEqual(['getMany']);
  });

  it('by text: one bulkGet of its features, keyTerms of them terms however long the text', async () => {
    const fresh = openLensDB(`test-${crypto.randomUUID()}`);
    const log = recordReads(fresh);
    await indexArticles(fresh, entries);
    log.length = 0;
    const { text, measures } = byId('001');
    await queryRelated(fresh, { text: text.repeat(3), measures });
    const termReads = log.filter((r) => r.table === 'terms');
    expect(termReads).toHaveLength(1);
    const words = new Set(policyWordsIn(text)).size;
    expect(termReads[0]!.keys).toBe(RELATED_PARAMS.keyTerms + words + Object.keys(measures).length);
    expect(log.filter((r) => r.op === 'query' || r.op === 'openCursor')).toEqual([]);
  });
});

describe('scope: an overview comes up for each thread it names', () => {
  // Three policy texts alike in wording; what differs is the threads their measures belong to.
  const text = '国家医保局推进医保基金监管和集中带量采购，完善医保支付方式改革，医保目录调整和异地就医直接结算同步推进。';
  const overview = {
    article: { id: 'review', title: '年度医保工作综述', text },
    measures: {},
    threads: { procurement: 5, supervision: 5, payment: 5, 'drug-list': 5, services: 5, financing: 5 },
  };
  const neighbour = { article: { id: 'prices', title: '医疗服务价格改革', text }, measures: {}, threads: { prices: 12, procurement: 3 } };
  const query = { article: { id: 'batch', title: '集采结果落地', text }, measures: {}, threads: { procurement: 10 } };

  it('scores a broad candidate by the share of the query’s threads it names, times its breadth; a focused one gets none', async () => {
    const scoped = openLensDB(`test-${crypto.randomUUID()}`);
    await indexArticles(scoped, [overview, neighbour, query]);
    const hits = await queryRelated(scoped, { ...query.article, threads: query.threads, measures: {} });
    const by = new Map(hits.map((h) => [h.id, h]));
    expect(by.get('review')!.similarity.scope).toBeCloseTo(1, 10);
    expect(by.get('prices')!.similarity.scope).toBe(0);
    const { threads, scope } = RELATED_PARAMS.score;
    expect(by.get('review')!.score).toBeGreaterThanOrEqual(threads * by.get('review')!.similarity.threads + scope * 0.999);
  });
});
