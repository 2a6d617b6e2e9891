import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVAL_DIR, loadConcepts, loadSeeds, loadSplit, type Concept, type EvalArticle, type EvalSplit } from './dataset';
import { dcg, ndcgAt, scoreMeasures, scoreOtherMeasures, sentenceMatches } from './score';

const concepts: Concept[] = [
  { id: 'drg-payment', name: 'DRG付费', core: true, category: 'payment-reform', note: 'n' },
  { id: 'volume-based-procurement', name: '集采', core: true, category: 'drug-procurement', note: 'n' },
  { id: 'fund-supervision', name: '医保基金监管', core: true, category: 'fund-supervision', note: 'n' },
  { id: 'family-doctor', name: '家庭医生', core: false, category: 'care-delivery', note: 'n' },
];

function article(id: string, over: Partial<EvalArticle> = {}): EvalArticle {
  return {
    id,
    kind: 'policy',
    title: id,
    date: '2023-01-01',
    source: '新华社',
    paragraphs: ['正文。'],
    measures: [],
    lures: [],
    policyActions: [],
    related: {},
    ...over,
  };
}

const split = (articles: EvalArticle[]): EvalSplit => ({ split: 't', about: 'a', articles });

describe('scoreMeasures', () => {
  const data = split([
    article('p1', {
      measures: [
        { concept: 'drg-payment', evidence: ['DRG'] },
        { concept: 'family-doctor', evidence: ['家庭医生'] },
      ],
    }),
    article('p2', { measures: [{ concept: 'volume-based-procurement', evidence: ['集采'] }] }),
    article('l1', { kind: 'lure', lures: [{ concept: 'fund-supervision', quote: '基金监管', why: 'securities' }] }),
    article('o1', { kind: 'off-topic' }),
    article('o2', { kind: 'off-topic' }),
  ]);

  it('counts pairs: precision over every prediction, recall over core and over all labels', () => {
    const predictions: Record<string, string[]> = {
      p1: ['drg-payment'],
      p2: ['volume-based-procurement', 'fund-supervision'],
      l1: ['fund-supervision'],
      o1: ['drg-payment', 'family-doctor'],
    };
    const s = scoreMeasures(data, (a) => predictions[a.id] ?? [], concepts);
    expect(s.precision).toEqual({ hit: 2, of: 6, value: 2 / 6 });
    expect(s.recallCore).toEqual({ hit: 2, of: 2, value: 1 });
    expect(s.recallAll).toEqual({ hit: 2, of: 3, value: 2 / 3 });
    expect(s.luresTaken).toMatchObject({ hit: 1, of: 1, taken: [{ article: 'l1', concept: 'fund-supervision' }] });
    expect(s.offTopic).toEqual({
      articles: 2,
      withAnyMeasure: 1,
      pairs: [
        { article: 'o1', concept: 'drg-payment' },
        { article: 'o1', concept: 'family-doctor' },
      ],
    });
    expect(s.misses).toEqual([{ article: 'p1', concept: 'family-doctor', core: false }]);
    expect(s.falsePositives).toHaveLength(4);
    expect(s.unknownConcepts).toEqual([]);
  });

  it('scores a perfect predictor at 1 and reports ids outside the concept list', () => {
    const perfect = scoreMeasures(data, (a) => a.measures.map((m) => m.concept), concepts);
    expect([perfect.precision.value, perfect.recallCore.value, perfect.recallAll.value, perfect.luresTaken.hit]).toEqual([1, 1, 1, 0]);
    const odd = scoreMeasures(data, (a) => (a.id === 'p1' ? ['drg-payment', 'made-up'] : []), concepts);
    expect(odd.unknownConcepts).toEqual(['made-up']);
    expect(odd.precision).toMatchObject({ hit: 1, of: 2 });
  });

  it('gives precision 1 and recall 0 to a predictor that predicts nothing', () => {
    const s = scoreMeasures(data, () => [], concepts);
    expect(s.precision.value).toBe(1);
    expect(s.recallCore.value).toBe(0);
  });
});

describe('scoreOtherMeasures', () => {
  const action = '国家医保局印发《关于做好医保药品目录调整工作的通知》，明确了调整范围。';
  const data = split([
    article('p1', { paragraphs: [`${action}市场人士预计，十年期国债收益率将在2.6%附近震荡。`], policyActions: [action] }),
  ]);

  it('counts an offered sentence as right when it is the action, a clause of it, or mostly it', () => {
    expect(sentenceMatches(action, action)).toBe(true);
    expect(sentenceMatches('国家医保局印发《关于做好医保药品目录调整工作的通知》', action)).toBe(true);
    expect(sentenceMatches(` ${action.replace('。', '')} `, action)).toBe(true);
    expect(sentenceMatches('明确了', action)).toBe(false);
    expect(
      sentenceMatches(
        `${action}市场人士预计，十年期国债收益率将在2.6%附近震荡，但短期内仍将承压，投资者需要关注资金面变化和债券供给节奏。`,
        action,
      ),
    ).toBe(false);
  });

  it('measures precision over offered sentences', () => {
    const s = scoreOtherMeasures(data, () => [action, '市场人士预计，十年期国债收益率将在2.6%附近震荡。']);
    expect(s.precision).toEqual({ hit: 1, of: 2, value: 0.5 });
    expect(s.recall).toEqual({ hit: 1, of: 1, value: 1 });
    expect(s.wrong).toEqual([{ article: 'p1', sentence: '市场人士预计，十年期国债收益率将在2.6%附近震荡。' }]);
    expect(scoreOtherMeasures(data, () => []).precision.value).toBe(1);
  });
});

describe('ndcgAt', () => {
  const seeds = split([
    article('seed-000', { related: { 'seed-001': 2, 'dev-p01': 1 } }),
    article('seed-001', { related: { 'seed-000': 2 } }),
  ]);
  const dev = split([
    article('dev-p01', { related: { 'seed-000': 1, 'dev-p02': 2, 'test-p09': 2 } }),
    article('dev-p02', { related: { 'dev-p01': 2 } }),
    article('dev-o01', { kind: 'off-topic' }),
    article('dev-l01', { kind: 'lure', lures: [{ concept: 'fund-supervision', quote: '正文', why: 'x' }] }),
  ]);

  it('uses gain 2^g − 1 and a log2(rank + 1) discount', () => {
    expect(dcg([2, 1], 5)).toBeCloseTo(3 + 1 / Math.log2(3));
    expect(dcg([0, 2], 1)).toBe(0);
  });

  it('is 1 for the ideal ranking, ignores grades outside the corpus, and counts noise on off-topic and lure queries', () => {
    const ideal = (q: EvalArticle, corpus: readonly EvalArticle[]) =>
      Object.entries(q.related)
        .filter(([id]) => corpus.some((a) => a.id === id))
        .sort((a, b) => b[1] - a[1])
        .map(([id]) => id);
    const s = ndcgAt(5, dev, ideal, seeds);
    expect(s.perQuery.map((q) => q.query)).toEqual(['seed-000', 'seed-001', 'dev-p01', 'dev-p02']);
    expect(s.ndcg).toBe(1);
    expect(s.silence).toEqual({ queries: 2, withAnyRelated: 0, noisy: [] });
  });

  it('scores a reversed ranking below 1 and an everything-for-everyone ranker as noisy', () => {
    const everything = (_q: EvalArticle, corpus: readonly EvalArticle[]) => corpus.map((a) => a.id);
    const s = ndcgAt(5, dev, everything, seeds);
    // dev-p01 gets seed-000 (1), seed-001 (0), dev-p02 (2): DCG = 1 + 3/log2(4); ideal = 3 + 1/log2(3).
    expect(s.perQuery.find((q) => q.query === 'dev-p01')?.ndcg).toBeCloseTo((1 + 3 / 2) / (3 + 1 / Math.log2(3)));
    expect(s.silence.withAnyRelated).toBe(2);
    expect(s.ndcg).toBeLessThan(1);
    expect(ndcgAt(5, dev, () => [], seeds).ndcg).toBe(0);
  });
});

describe('scoring the real dev split', () => {
  const concepts = loadConcepts().concepts;
  const dev = loadSplit('dev');
  const seeds = loadSeeds();

  it('gives the labels themselves a perfect score', () => {
    const m = scoreMeasures(dev, (a) => a.measures.map((x) => x.concept), concepts);
    expect([m.precision.value, m.recallCore.value, m.recallAll.value, m.luresTaken.hit, m.offTopic.withAnyMeasure]).toEqual([
      1, 1, 1, 0, 0,
    ]);
    expect(m.recallCore.of).toBeGreaterThan(100);
    expect(scoreOtherMeasures(dev, (a) => a.policyActions).precision.value).toBe(1);
    const ideal = (q: EvalArticle, corpus: readonly EvalArticle[]) =>
      corpus
        .filter((a) => q.related[a.id])
        .sort((a, b) => q.related[b.id]! - q.related[a.id]!)
        .map((a) => a.id);
    const r = ndcgAt(5, dev, ideal, seeds);
    expect(r.ndcg).toBe(1);
    expect(r.perQuery).toHaveLength(5 + dev.articles.filter((a) => a.kind === 'policy').length);
    expect(r.silence).toMatchObject({ queries: dev.articles.filter((a) => a.kind !== 'policy').length, withAnyRelated: 0 });
  });

  it('takes every lure when a predictor guesses each lure’s concept', () => {
    const m = scoreMeasures(dev, (a) => a.lures.map((l) => l.concept), concepts);
    expect(m.luresTaken.hit).toBe(m.luresTaken.of);
    expect(m.precision.hit).toBe(0);
  });
});

describe('scoring the real test split', () => {
  // Loaded inside the test: a skipped describe still runs its body, and test.json may be absent.
  it.runIf(existsSync(join(EVAL_DIR, 'test.json')))(
    'gives the labels themselves a perfect score, with the seeds’ grades towards test mirrored on',
    () => {
      const concepts = loadConcepts().concepts;
      const test = loadSplit('test');
      const seeds = loadSeeds();
      const m = scoreMeasures(test, (a) => a.measures.map((x) => x.concept), concepts);
      expect([
        m.precision.value,
        m.recallCore.value,
        m.recallAll.value,
        m.luresTaken.hit,
        m.offTopic.withAnyMeasure,
        m.unknownConcepts,
      ]).toEqual([1, 1, 1, 0, 0, []]);
      expect(scoreOtherMeasures(test, (a) => a.policyActions).precision.value).toBe(1);
      const ideal = (q: EvalArticle, corpus: readonly EvalArticle[]) =>
        corpus
          .filter((a) => q.related[a.id])
          .sort((a, b) => q.related[b.id]! - q.related[a.id]!)
          .map((a) => a.id);
      const r = ndcgAt(5, test, ideal, seeds);
      expect(r.ndcg).toBe(1);
      expect(r.unjudged).toEqual([]);
      expect(r.perQuery).toHaveLength(5 + test.articles.filter((a) => a.kind === 'policy').length);
      expect(r.silence).toMatchObject({ queries: 22, withAnyRelated: 0 });
    },
  );
});
