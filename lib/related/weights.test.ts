import { describe, expect, it } from 'vitest';
import { measureKey, partOf, scopeKey, threadKey, wordKey } from './layout';
import { breadth, featureWeight, idf, isTopicPart, unitVector } from './weights';

const norm = (v: Map<string, number>, keys: string[]) => Math.hypot(...keys.map((k) => v.get(k)!));

describe('feature weights', () => {
  it('weighs what an article is about by its mentions as they are: the subject outweighs a passing mention, whatever the corpus', () => {
    const features: [string, number][] = [
      [threadKey('payment'), 34],
      [threadKey('services'), 3],
      [measureKey('drg-payment'), 12],
      [measureKey('coding-standards'), 3],
    ];
    // A rare thread (df 1 of 100) gets no boost over a common one (df 90): no IDF on topics.
    const rare = unitVector(features, (k) => (k.includes('services') || k.includes('coding') ? 1 : 90), 100, partOf, 'candidate');
    const common = unitVector(features, () => 50, 5, partOf, 'candidate');
    for (const [key] of features) expect(rare.get(key)).toBeCloseTo(common.get(key)!, 12);
    expect(rare.get(threadKey('payment'))).toBeCloseTo(34 / Math.hypot(34, 3), 12);
    expect(rare.get(threadKey('services'))).toBeCloseTo(3 / Math.hypot(34, 3), 12);
    expect(isTopicPart('threads') && isTopicPart('measures')).toBe(true);
  });

  it('weighs what is written by sublinear TF-IDF: a rarer term counts more, a repeated one less than its count', () => {
    const features: [string, number][] = [
      ['集采', 4],
      ['工作', 4],
      [wordKey('带量采购'), 1],
    ];
    const df = (k: string) => (k === '集采' ? 2 : k === '工作' ? 40 : 5);
    const v = unitVector(features, df, 50, partOf, 'query');
    expect(v.get('集采')! / v.get('工作')!).toBeCloseTo(idf(2, 50) / idf(40, 50), 12);
    expect(featureWeight(4, 1)).toBeLessThan(4);
    expect(isTopicPart('terms') || isTopicPart('words')).toBe(false);
  });

  it('scales each part to unit length on its own', () => {
    const features: [string, number][] = [
      ['医保', 2],
      ['集采', 1],
      [wordKey('集中带量采购'), 3],
      [measureKey('volume-based-procurement'), 5],
      [measureKey('fund-supervision'), 1],
      [threadKey('procurement'), 5],
      [threadKey('supervision'), 1],
    ];
    const v = unitVector(features, () => 3, 10, partOf, 'candidate');
    const byPart = (part: string) => features.map(([k]) => k).filter((k) => partOf(k) === part);
    for (const part of ['terms', 'words', 'measures', 'threads']) expect(norm(v, byPart(part))).toBeCloseTo(1, 12);
  });

  it('measures breadth by the effective number of threads: 0 for one policy, 1 for an overview naming five or more evenly', () => {
    expect(breadth([34])).toBe(0);
    expect(breadth([])).toBe(0);
    // Two threads evenly: exactly two effective threads, the start of the ramp.
    expect(breadth([10, 10])).toBeCloseTo(0, 12);
    expect(breadth([5, 5, 5])).toBeCloseTo(1 / 3, 12);
    expect(breadth([4, 4, 4, 4, 4, 4, 4, 4])).toBe(1);
    // A subject with passing mentions stays narrow.
    expect(breadth([30, 2, 1])).toBe(0);
  });

  it('weighs scope as the candidate’s breadth and the query’s shares, unscaled: their product is the share of the query’s threads a broad candidate names', () => {
    const overview: [string, number][] = ['procurement', 'supervision', 'payment', 'drug-list', 'services', 'financing'].map((t) => [
      scopeKey(t),
      5,
    ]);
    const focused: [string, number][] = [
      [scopeKey('procurement'), 9],
      [scopeKey('prices'), 3],
    ];
    const candidate = unitVector(overview, () => 1, 10, partOf, 'candidate');
    const query = unitVector(focused, () => 1, 10, partOf, 'query');
    for (const [key] of overview) expect(candidate.get(key)).toBe(1);
    expect(query.get(scopeKey('procurement'))).toBeCloseTo(0.75, 12);
    expect(query.get(scopeKey('prices'))).toBeCloseTo(0.25, 12);
    const dot = [...query].reduce((sum, [key, w]) => sum + w * (candidate.get(key) ?? 0), 0);
    expect(dot).toBeCloseTo(0.75, 12);
    // A focused article as a candidate has no breadth: it gains nothing from scope.
    for (const w of unitVector(focused, () => 1, 10, partOf, 'candidate').values()) expect(w).toBe(0);
  });
});
