import { describe, expect, it } from 'vitest';
import { normalize, prepareText, toNormOffset, toOriginalRange } from './normalize';

describe('normalize', () => {
  it('drops whitespace and folds punctuation width and quote styles', () => {
    expect(normalize('　　医保基金是群众的“救命钱”， 必须管好（用好）。')).toBe(normalize('医保基金是群众的"救命钱",必须管好(用好).'));
    expect(normalize('ＤＲＧ／ＤＩＰ')).toBe('drg/dip');
    expect(normalize('……')).toBe('......');
  });

  it('keeps digits as digits (the figures rule needs them)', () => {
    expect(normalize('２.４万亿')).toBe('2.4万亿');
  });
});

describe('prepareText', () => {
  it('maps normalised ranges back to the original text', () => {
    const text = '　　2021年，全国 医保基金支出2.4万亿元。';
    const p = prepareText(text);
    const at = p.norm.indexOf('全国医保');
    const { start, end } = toOriginalRange(p, at, at + 4);
    expect(text.slice(start, end)).toBe('全国 医保');
    expect(toNormOffset(p, text.indexOf('全国'))).toBe(at);
    expect(toNormOffset(p, text.length)).toBe(p.norm.length);
  });

  it('normalises a long text exactly as `normalize` does a quote (the matcher relies on it)', () => {
    const alphabet = Array.from('医保基金支出ＡＢＣabcXYZ０１２9，。、；：“”‘’（）【】《》—…　 \n\t%％.．,­\u200b𠮷');
    let seed = 7;
    const pick = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return alphabet[seed % alphabet.length] as string;
    };
    const text = Array.from({ length: 10_000 }, pick).join('');
    expect(prepareText(text).norm).toBe(normalize(text));
  });

  it('maps one-to-many folds (ellipsis) back to the single original character', () => {
    const p = prepareText('据悉…下一步');
    const at = p.norm.indexOf('...');
    expect(toOriginalRange(p, at, at + 3)).toEqual({ start: 2, end: 3 });
  });
});
