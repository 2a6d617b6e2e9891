import { describe, expect, it } from 'vitest';
import { normalizeText, normalizeTitle } from './normalize';

describe('normalizeText', () => {
  it('folds full-width letters, digits and ASCII punctuation to half width', () => {
    expect(normalizeText('ＤＲＧ付费２０２１年')).toBe('DRG付费2021年');
    expect(normalizeText('（试行）：')).toBe('(试行):');
  });

  it('collapses every kind of whitespace run, the ideographic space included, and trims', () => {
    expect(normalizeText('　　国家医保局\u3000\u3000召开\n\t会议\u00a0 ')).toBe('国家医保局 召开 会议');
  });

  it('keeps CJK punctuation that has no ASCII form, and keeps case', () => {
    expect(normalizeText('“救命钱”、《工作任务》。Ab')).toBe('“救命钱”、《工作任务》。Ab');
  });
});

describe('normalizeTitle', () => {
  it('makes a corpus title and its live page title equal', () => {
    expect(normalizeTitle('韩正：医保基金是群众的_救命钱_ 要持续加大监管力度')).toBe('韩正医保基金是群众的救命钱要持续加大监管力度');
    expect(normalizeTitle('韩正：医保基金是群众的“救命钱” 要持续加大监管力度')).toBe('韩正医保基金是群众的救命钱要持续加大监管力度');
  });

  it('removes each character the corpus replaced by _, in ASCII and full width', () => {
    const replaced = [
      ':',
      '/',
      '\\',
      '?',
      '*',
      '“',
      '”',
      '"',
      "'",
      '<',
      '>',
      '|',
      '[',
      ']',
      '：',
      '？',
      '／',
      '＊',
      '＂',
      '＜',
      '＞',
      '｜',
      '［',
      '］',
    ];
    for (const ch of replaced) expect(normalizeTitle(`医保${ch}基金`), ch).toBe('医保基金');
    expect(normalizeTitle('医保_基金')).toBe('医保基金');
  });

  it('removes the other quote styles editors use: ‘’ 「」 『』 〝〞', () => {
    expect(normalizeTitle('‘两个允许’「三医」『联动』〝改革〞')).toBe('两个允许三医联动改革');
  });

  it('removes all whitespace, including U+3000, and lower-cases Latin letters', () => {
    expect(normalizeTitle(' 国家医保局　召开 DRG\t会议 ')).toBe('国家医保局召开drg会议');
    expect(normalizeTitle('ＤＲＧ')).toBe('drg');
    expect(normalizeTitle('医保\u200b基金\ufeff')).toBe('医保基金');
  });

  it('keeps the full-width punctuation the corpus kept: 《》 and （） (as ASCII brackets)', () => {
    expect(normalizeTitle('国办印发《工作任务》（全文）')).toBe('国办印发《工作任务》(全文)');
  });

  it('still tells different titles apart', () => {
    expect(normalizeTitle('国家医保局：累计追回医保基金约506亿元')).not.toBe(normalizeTitle('国家医保局：累计追回医保基金约605亿元'));
  });
});
