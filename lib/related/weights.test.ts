import { describe, expect, it } from 'vitest';
import { measureKey, partOf, threadKey, wordKey } from './layout';
import { featureWeight, idf, isTopicPart, unitVector } from './weights';

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
    const rare = unitVector(features, (k) => (k.includes('services') || k.includes('coding') ? 1 : 90), 100, partOf);
    const common = unitVector(features, () => 50, 5, partOf);
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
    const v = unitVector(features, df, 50, partOf);
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
    const v = unitVector(features, () => 3, 10, partOf);
    const byPart = (part: string) => features.map(([k]) => k).filter((k) => partOf(k) === part);
    for (const part of ['terms', 'words', 'measures', 'threads']) expect(norm(v, byPart(part))).toBeCloseTo(1, 12);
  });
});
