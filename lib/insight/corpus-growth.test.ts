import { afterEach, describe, expect, it } from 'vitest';
import type { LensDB } from '../db/schema';
import { detectMeasures } from '../measures';
import type { PageArticle } from '../messages/contract';
import { isPolicyText } from '../related';
import { analyzePageArticle } from './analyze';
import { keepArticleOfHighlight, touchesPolicy } from './corpus-growth';
import { createIndexQueue } from './index-queue';
import { catalogue, seededDB } from '../../tests/support/insight';

let db: LensDB;
afterEach(() => db?.delete());

const page = (n: number, title: string, paragraphs: string[]): PageArticle => ({
  key: `sina:kgrow0000000${n}`,
  id: `kgrow0000000${n}`,
  url: `https://finance.sina.com.cn/china/2024-05-2${n}/doc-ikgrow0000000${n}.shtml`,
  mobileUrl: null,
  title,
  publishedAt: `2024-05-2${n}T10:00:00+08:00`,
  source: '新浪财经',
  editor: null,
  originalTitle: null,
  paragraphs,
});

/** A market wrap: no measure, no policy language (as dev's off-topic articles). */
const market = page(1, 'A股收评：三大指数集体收跌 创业板指跌1.3%', [
  '新浪财经讯 5月28日，A股三大指数集体收跌。截至收盘，上证指数跌0.46%，报3109.57点；深证成指跌0.96%；创业板指跌1.3%。',
  '两市全天成交额7000亿元，较上一交易日缩量。北向资金全天净卖出32亿元。板块方面，半导体、汽车整车跌幅居前，银行、电力板块逆势走强。',
]);
/** Policy language throughout, but no measure of the catalogue. */
const wording = page(2, '参保人员门诊看病怎么报销？', [
  '参保人员在定点医疗机构发生的门诊费用和住院费用，按规定报销，起付标准以上部分按比例支付，个人负担进一步减轻。',
  '市医疗保障局有关负责人表示，看病贵的问题有所缓解，医疗费用不合理增长得到控制，参保人自付比例下降。',
]);
/** A market story that names one measure in passing. */
const oneMeasure = page(3, '创新药板块午后拉升 多只个股涨停', [
  '午后创新药板块快速拉升，截至收盘，板块指数涨2.1%，多只个股涨停，成交额较昨日放大三成，北向资金净买入超过十亿元。',
  '从盘面看，半导体、消费电子、券商板块同样走强，煤炭、石油石化板块小幅回调，两市上涨个股超过三千只。',
  '分析人士认为，带量采购规则趋于明朗，叠加估值处于历史低位，资金回流明显，短期行情仍有望延续。',
]);

const text = (p: PageArticle) => p.paragraphs.join('\n');

describe('which articles the reader opens join the corpus', () => {
  it('knows the policy family by a measure or by its wording', () => {
    expect(detectMeasures(text(market), catalogue)).toEqual([]);
    expect(touchesPolicy({ title: market.title, text: text(market) }, catalogue)).toBe(false);
    // The precondition of the next case: no measure, only words.
    expect(detectMeasures(text(wording), catalogue)).toEqual([]);
    expect(isPolicyText({ title: wording.title, text: text(wording) })).toBe(true);
    expect(touchesPolicy({ title: wording.title, text: text(wording) }, catalogue)).toBe(true);
    expect(isPolicyText({ title: oneMeasure.title, text: text(oneMeasure) })).toBe(false);
    expect(touchesPolicy({ title: oneMeasure.title, text: text(oneMeasure) }, catalogue)).toBe(true);
  });

  it('leaves an article outside the policy family out, says why, and shows it no related article', async () => {
    db = await seededDB();
    const insight = await analyzePageArticle(market, { db, catalogue, addToCorpus: true });
    expect(insight.corpus).toBeNull();
    expect(insight.notAdded).toBe('not-policy');
    expect(insight.related).toEqual([]);
    expect(await db.articles.where('key').equals(market.key).count()).toBe(0);
  });

  it('adds an article with a measure, or with the wording of policy, and says nothing is missing', async () => {
    db = await seededDB();
    for (const p of [wording, oneMeasure]) {
      const insight = await analyzePageArticle(p, { db, catalogue, addToCorpus: true });
      expect(insight.corpus, p.title).toMatchObject({ origin: 'read', addedNow: true });
      expect(insight.notAdded).toBeUndefined();
    }
    expect(await db.articles.count()).toBe(7);
  });

  it('adds nothing when the setting is off, and says that is why', async () => {
    db = await seededDB();
    const insight = await analyzePageArticle(wording, { db, catalogue, addToCorpus: false });
    expect(insight).toMatchObject({ corpus: null, notAdded: 'setting-off' });
    expect(await db.articles.count()).toBe(5);
  });
});

describe('an article the reader highlights', () => {
  it('joins the corpus, policy or not, asked of its page, and is indexed', async () => {
    db = await seededDB();
    await analyzePageArticle(market, { db, catalogue, addToCorpus: true });
    const queue = createIndexQueue(db, catalogue);
    const asked: string[] = [];
    const kept = await keepArticleOfHighlight(market.key, async () => (asked.push(market.key), market), {
      db,
      catalogue,
      addToCorpus: true,
      indexLater: (id) => void queue.add(id),
    });
    expect(kept).toBe(true);
    expect(asked).toEqual([market.key]);
    await queue.idle();
    const stored = await db.articles.where('key').equals(market.key).first();
    expect(stored).toMatchObject({ origin: 'read', title: market.title });
    expect(await db.docs.get(stored!.id)).toMatchObject({ policy: false });
    // The next visit finds it in the corpus.
    expect((await analyzePageArticle(market, { db, catalogue, addToCorpus: true })).corpus).toMatchObject({
      id: stored!.id,
      matchedBy: 'key',
    });
    // A second highlight neither asks nor stores again.
    expect(await keepArticleOfHighlight(market.key, async () => (asked.push('again'), market), { db, catalogue, addToCorpus: true })).toBe(
      false,
    );
    expect(asked).toEqual([market.key]);
  });

  it('is not stored when the setting is off, or when the page answers with something else', async () => {
    db = await seededDB();
    const opts = { db, catalogue, addToCorpus: true };
    expect(await keepArticleOfHighlight(market.key, async () => market, { ...opts, addToCorpus: false })).toBe(false);
    expect(await keepArticleOfHighlight(market.key, async () => wording, opts)).toBe(false);
    expect(await keepArticleOfHighlight(market.key, async () => ({ ...market, paragraphs: [] }), opts)).toBe(false);
    expect(await keepArticleOfHighlight(market.key, async () => null, opts)).toBe(false);
    expect(await db.articles.count()).toBe(5);
  });
});
