import { describe, expect, it } from 'vitest';
import { catalogue, seedCorpusRecords, seededDBPerTest } from '../../tests/support/insight';
import type { PageArticle } from '../messages/contract';
import { indexArticles } from '../related';
import { analyzePageArticle, TIMELINE_LIMIT } from './analyze';

const corpus = seedCorpusRecords;
const seeded = seededDBPerTest();

const seed000 = () => corpus.articles.find((a) => a.title.startsWith('韩正'))!;

/** Seed 000 as its live page shows it: quotes restored in the title, a Sina key and URL. */
function seedPage(): PageArticle {
  const a = seed000();
  return {
    key: 'sina:kqcfnaz9077291',
    id: 'kqcfnaz9077291',
    url: 'https://finance.sina.com.cn/china/gncj/2021-06-04/doc-ikqcfnaz9077291.shtml',
    mobileUrl: null,
    title: '韩正：医保基金是群众的“救命钱” 要持续加大监管力度',
    publishedAt: '2021-06-04T20:30:57+08:00',
    source: '央视网',
    editor: '逯文云',
    originalTitle: a.originalTitle ?? null,
    paragraphs: a.paragraphs,
  };
}

const newPage: PageArticle = {
  key: 'sina:ktest000000001',
  id: 'ktest000000001',
  url: 'https://finance.sina.com.cn/china/2021-11-26/doc-ktest000000001.shtml',
  mobileUrl: null,
  title: '国家医保局印发DRG/DIP支付方式改革三年行动计划',
  publishedAt: '2021-11-26T17:15:00+08:00',
  source: '国家医保局',
  editor: null,
  originalTitle: null,
  paragraphs: [
    '国家医疗保障局近日印发《DRG/DIP支付方式改革三年行动计划》，提出到2024年底，全国所有统筹地区全部开展DRG/DIP付费方式改革工作。',
    '行动计划强调，要加强医保基金监管，引导医疗机构规范诊疗行为，控制医疗费用不合理增长，同时稳步扩大药品和耗材集中带量采购。',
  ],
};

describe('analyzePageArticle', () => {
  it('knows a seed article under its live title and URL, and remembers the URL', async () => {
    const db = await seeded();
    const insight = await analyzePageArticle(seedPage(), { db, catalogue, addToCorpus: true });
    expect(insight.corpus).toMatchObject({ id: seed000().id, origin: 'seed', matchedBy: 'title', addedNow: false });
    expect((await db.articles.get(seed000().id))?.url).toBe(seedPage().url);
    // Next visit it is found by key.
    expect((await analyzePageArticle(seedPage(), { db, catalogue, addToCorpus: true })).corpus?.matchedBy).toBe('key');
    expect(await db.articles.count()).toBe(5);
  });

  it('takes the page’s source over the site a seed names, once the page is read (the library lists it so)', async () => {
    const db = await seeded();
    expect((await db.articles.get(seed000().id))?.source).toBe('新浪财经');
    await analyzePageArticle(seedPage(), { db, catalogue, addToCorpus: true });
    expect((await db.articles.get(seed000().id))?.source).toBe('央视网');
    expect((await db.articleHeads.get(seed000().id))?.source).toBe('央视网');
    // A page that names no source leaves what is known alone.
    await analyzePageArticle({ ...seedPage(), source: null }, { db, catalogue, addToCorpus: true });
    expect((await db.articles.get(seed000().id))?.source).toBe('央视网');
  });

  it('lists measures with mentions that point back into the text, and timelines without the article itself', async () => {
    const db = await seeded();
    const insight = await analyzePageArticle(seedPage(), { db, catalogue, addToCorpus: true });
    const text = seedPage().paragraphs.join('\n');
    const vbp = insight.measures.find((m) => m.id === 'volume-based-procurement');
    expect(vbp).toBeDefined();
    for (const m of vbp!.mentions) {
      expect(text.slice(m.start, m.end)).toBe(m.quote);
      expect(m.target.exact).toBe(m.quote);
      expect(text.slice(m.start - m.target.prefix.length, m.start)).toBe(m.target.prefix);
    }
    expect(vbp!.timeline.map((e) => e.id)).not.toContain(seed000().id);
    expect(vbp!.timeline.length).toBeGreaterThan(0);
    const dates = vbp!.timeline.map((e) => e.date);
    expect([...dates].sort()).toEqual(dates);
    for (const e of vbp!.timeline) expect(e.sentence.length).toBeGreaterThan(0);
  });

  it('ranks related articles with scores and reasons, never the article itself', async () => {
    const db = await seeded();
    const insight = await analyzePageArticle(seedPage(), { db, catalogue, addToCorpus: true });
    expect(insight.related.length).toBeGreaterThan(0);
    expect(insight.related.map((r) => r.id)).not.toContain(seed000().id);
    const scores = insight.related.map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    // Seed 004 (fund supervision, fraud) shares measures with seed 000.
    const top = insight.related[0]!;
    expect(top.reasons.sharedMeasures.map((m) => m.id)).toContain('fund-supervision');
  });

  it('adds an article the reader opens to the corpus when the setting is on, and not when it is off', async () => {
    const db = await seeded();
    const off = await analyzePageArticle(newPage, { db, catalogue, addToCorpus: false });
    expect(off.corpus).toBeNull();
    expect(await db.articles.count()).toBe(5);

    const on = await analyzePageArticle(newPage, { db, catalogue, addToCorpus: true, now: () => new Date('2024-01-01T00:00:00Z') });
    expect(on.corpus).toMatchObject({ origin: 'read', addedNow: true, addedAt: '2024-01-01T00:00:00.000Z' });
    const stored = await db.articles.where('key').equals(newPage.key).toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.measureIds).toEqual(expect.arrayContaining(['drg-payment', 'dip-payment', 'fund-supervision']));

    // A later seed article about fund supervision now links back to it in that measure's timeline.
    const seedInsight = await analyzePageArticle(seedPage(), { db, catalogue, addToCorpus: true });
    const fund = seedInsight.measures.find((m) => m.id === 'fund-supervision');
    expect(fund?.timeline.map((e) => e.id)).toContain(stored[0]!.id);
  });

  it('lists only the latest articles of a long timeline, oldest first, and says how many there are', async () => {
    const db = await seeded();
    const seed = seed000();
    const base = await db.articles.get(seed.id);
    const extra = TIMELINE_LIMIT + 7;
    // Copies of seed 000 on consecutive days, all mentioning what it mentions, stored and indexed.
    const copies = Array.from({ length: extra }, (_, i) => ({
      ...base!,
      id: `a_copy${String(i).padStart(4, '0')}`,
      key: undefined,
      url: undefined,
      date: new Date(Date.UTC(2030, 0, 1 + i)).toISOString(),
    }));
    await db.articles.bulkPut(copies);
    await indexArticles(
      db,
      copies.map((c) => ({ article: c, measures: Object.fromEntries((c.measureIds ?? []).map((id) => [id, 1])) })),
    );
    const insight = await analyzePageArticle(seedPage(), { db, catalogue, addToCorpus: true });
    const fund = insight.measures.find((m) => m.id === 'fund-supervision')!;
    const mentioning = (await db.articles.where('measureIds').equals('fund-supervision').primaryKeys()).filter((id) => id !== seed.id);
    expect(fund.timelineTotal).toBe(mentioning.length);
    expect(fund.timeline).toHaveLength(TIMELINE_LIMIT);
    // The latest ones: the last TIMELINE_LIMIT copies, in date order.
    expect(fund.timeline.map((e) => e.id)).toEqual(
      Array.from({ length: TIMELINE_LIMIT }, (_, i) => `a_copy${String(extra - TIMELINE_LIMIT + i).padStart(4, '0')}`),
    );
  });
});
