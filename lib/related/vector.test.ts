import { describe, expect, it } from 'vitest';
import { idf, mostFrequentTerms, norm, termWeight, topTerms, unitWeights, weighTerms } from './vector';

describe('term vectors', () => {
  it('weighs rarer and more repeated terms higher, never negative', () => {
    expect(idf(1, 100)).toBeGreaterThan(idf(10, 100));
    expect(idf(100, 100)).toBeGreaterThan(0);
    expect(termWeight(4, 1)).toBeGreaterThan(termWeight(1, 1));
    expect(termWeight(4, 1)).toBeLessThan(4 * termWeight(1, 1)); // sublinear
  });

  it('keeps the heaviest terms, preferring terms other articles hold, ties in first-occurrence order', () => {
    const counts = new Map([
      ['集采', 3],
      ['正在', 1],
      ['医保', 1],
      ['基金', 1],
    ]);
    const df = new Map([
      ['集采', 2],
      ['正在', 1],
      ['医保', 5],
      ['基金', 5],
    ]);
    const weighted = weighTerms(counts, (t) => df.get(t)!, 10);
    // 正在 (held by this article alone) outweighs 医保 but cannot link to anything.
    expect(topTerms(weighted, 2, (t) => df.get(t)! > 1).map(([t]) => t)).toEqual(['集采', '医保']);
    expect(topTerms(weighted, 4, (t) => df.get(t)! > 1).map(([t]) => t)).toEqual(['集采', '医保', '基金', '正在']);
    expect(topTerms(weighted, 2).map(([t]) => t)).toEqual(['集采', '正在']);
  });

  it('divides the top terms by the norm of the whole vector', () => {
    const weighted: [string, number][] = [
      ['a', 3],
      ['b', 4],
    ];
    expect(norm(weighted)).toBe(5);
    expect([...unitWeights({ terms: [['b', 4]], norm: 5 })]).toEqual([['b', 0.8]]);
    expect(unitWeights({ terms: [], norm: 0 }).size).toBe(0);
  });

  it('orders by frequency, ties by first occurrence', () => {
    expect(mostFrequentTerms(new Map([['b', 1], ['a', 2], ['c', 1]]), 2)).toEqual(['a', 'b']);
  });
});
