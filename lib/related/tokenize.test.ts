import { afterEach, describe, expect, it } from 'vitest';
import { termCounts, tokenize } from './tokenize';

describe('tokenize', () => {
  it('splits a Han run into overlapping bigrams and drops bigrams holding 的', () => {
    // 众的 goes (particle); the quotes only separate runs.
    expect(tokenize('医保基金是群众的“救命钱”')).toEqual(['医保', '保基', '基金', '金是', '是群', '群众', '救命', '命钱']);
  });

  it('folds full-width Latin and digits, keeps words and numbers whole, drops one-character runs', () => {
    // ＤＲＧ → drg; 年 alone between 2021 and the end of the text yields nothing.
    expect(tokenize('ＤＲＧ付费改革2021年')).toEqual(['drg', '付费', '费改', '改革', '2021']);
    expect(tokenize('DRG/DIP支付方式改革')).toEqual(tokenize('ｄｒｇ／ｄｉｐ支付方式改革'));
    expect(tokenize('6月4日')).toEqual([]);
  });

  it('drops the stop list: 进一步, government verbs, the political preamble', () => {
    expect(tokenize('进一步加强医保基金监管')).toEqual(['步加', '强医', '医保', '保基', '基金', '金监', '监管']);
    // Only the junctions between stop words remain; each is rare and carries little weight.
    expect(tokenize('深入学习贯彻习近平总书记重要讲话精神')).toEqual(['入学', '习贯', '彻习', '记重', '话精']);
  });

  it('treats indentation, full-width spaces and line breaks as separators', () => {
    // 强调 and 坚持 are stop words.
    expect(tokenize('　　韩正强调，要坚持全国一盘棋')).toEqual(['韩正', '正强', '要坚', '持全', '全国', '国一', '一盘', '盘棋']);
    expect(tokenize('集中带量\n采购')).toEqual(['集中', '中带', '带量', '采购']);
  });

  it('maps CJK compatibility ideographs onto the unified ones (NFKC)', () => {
    expect(tokenize('\uF900\uF901')).toEqual(tokenize('\u8C48\u66F4'));
  });

  it('counts terms in order of first occurrence', () => {
    expect([...termCounts('集采集采，医保集采')]).toEqual([
      ['集采', 3],
      ['采集', 1],
      ['医保', 1],
      ['保集', 1],
    ]);
  });

  describe('without Intl.Segmenter', () => {
    const original = Intl.Segmenter;
    afterEach(() => {
      Reflect.set(Intl, 'Segmenter', original);
    });
    it('gives the same terms when the engine has no segmenter at all', () => {
      const text = '国家医保局：累计追回医保基金约506亿元';
      const before = tokenize(text);
      Reflect.set(Intl, 'Segmenter', undefined);
      expect(tokenize(text)).toEqual(before);
      expect(before).toEqual([
        '国家',
        '家医',
        '医保',
        '保局',
        '累计',
        '计追',
        '追回',
        '回医',
        '医保',
        '保基',
        '基金',
        '金约',
        '506',
        '亿元',
      ]);
    });
  });
});
