import { describe, expect, it } from 'vitest';
import { loadSeeds, loadSplit, articleText } from '../../tests/eval/dataset';
import { POLICY_TOPIC_THRESHOLD, POLICY_WORDS, policyTopicScore, policyWordsIn } from './policy-words';
import { isStopWord } from './stop-terms';

describe('policy words', () => {
  it('are whole words of the field: no numbers, no stop words, no umbrella words on their own', () => {
    for (const word of POLICY_WORDS) {
      expect(word, word).not.toMatch(/^\d+$/);
      expect(word.length, word).toBeGreaterThanOrEqual(2);
      expect(isStopWord(word), word).toBe(false);
    }
    for (const umbrella of ['医保', '医疗', '改革', '保障', '工作', '发展']) expect(POLICY_WORDS).not.toContain(umbrella);
  });

  it('finds the longest word at each place, and a shorter one only where it stands alone', () => {
    expect(policyWordsIn('加强医保基金监管，打击欺诈骗保')).toEqual(['医保基金监管', '打击欺诈骗保']);
    expect(policyWordsIn('医保基金监管；管好医保基金')).toEqual(['医保基金监管', '医保基金']);
    // Never a fragment such as 医保基 or 保基金.
    for (const w of policyWordsIn('医保基金是群众的“救命钱”，要用好医保基金')) expect(['医保基金']).toContain(w);
    // Latin words whole: the DRG of DRG付费, not of DRGS.
    expect(policyWordsIn('推进DRG付费')).toContain('drg');
    expect(policyWordsIn('DRGS系统')).not.toContain('drg');
  });
});

describe('policyTopicScore', () => {
  it('is the share of Han characters inside policy words', () => {
    expect(policyTopicScore('医保基金')).toBe(1);
    expect(policyTopicScore('今天天气很好')).toBe(0);
    expect(policyTopicScore('医保基金今天天气')).toBeCloseTo(0.5, 5);
    expect(policyTopicScore('')).toBe(0);
  });

  it('puts every seed and every policy article of the dev split above the threshold, and every off-topic one below', () => {
    const articles = [...loadSeeds().articles, ...loadSplit('dev').articles];
    const score = (a: (typeof articles)[number]) => policyTopicScore(`${a.title}\n${articleText(a)}`);
    for (const a of articles.filter((x) => x.kind === 'policy')) expect(score(a), a.id).toBeGreaterThanOrEqual(POLICY_TOPIC_THRESHOLD);
    for (const a of articles.filter((x) => x.kind === 'off-topic')) expect(score(a), a.id).toBeLessThan(POLICY_TOPIC_THRESHOLD);
  });
});
