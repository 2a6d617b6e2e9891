import { describe, expect, it } from 'vitest';
import { sharedPhrases } from './phrases';

const shared = (...terms: string[]) => new Map(terms.map((t, i) => [t, 1 / (i + 1)]));

describe('sharedPhrases', () => {
  it('merges overlapping shared bigrams back into the phrase of the text', () => {
    const text = '纵深推进药品和耗材集中带量采购改革';
    expect(sharedPhrases(text, shared('集中', '中带', '带量', '量采', '采购', '药品'))).toEqual(['集中带量采购', '药品']);
  });

  it('does not merge across punctuation or a term that is not shared', () => {
    expect(sharedPhrases('医保，基金', shared('医保', '基金'))).toEqual(['医保', '基金']);
    expect(sharedPhrases('医保基金', shared('医保', '基金'))).toEqual(['医保', '基金']);
  });

  it('drops an edge character that belongs to a stop word or is a function character', () => {
    // 加强 is a stop word: 强医 is shared but 强 belongs to 加强.
    expect(sharedPhrases('加强医保基金监管', shared('强医', '医保', '保基', '基金', '金监', '监管'))).toEqual(['医保基金监管']);
    // 是 ends a clause, not a term; the 管 of 监管的 stays.
    expect(sharedPhrases('医保基金是', shared('医保', '保基', '基金', '金是'))).toEqual(['医保基金']);
    expect(sharedPhrases('基金监管的', shared('基金', '金监', '监管'))).toEqual(['基金监管']);
  });

  it('cuts a chain longer than eight characters at its weakest bigram', () => {
    const contributions = new Map([
      ['集中', 1],
      ['中带', 1],
      ['带量', 1],
      ['量采', 1],
      ['采购', 1],
      ['购改', 0.01],
      ['改革', 1],
      ['革试', 1],
      ['试点', 1],
    ]);
    expect(sharedPhrases('集中带量采购改革试点', contributions)).toEqual(['集中带量采购', '改革试点']);
  });

  it('shows words and numbers as they are, and at most `limit` phrases', () => {
    expect(sharedPhrases('DRG付费2021年', shared('drg', '2021'))).toEqual(['drg', '2021']);
    expect(sharedPhrases('医保，基金，集采', shared('医保', '基金', '集采'), 2)).toEqual(['医保', '基金']);
  });
});
