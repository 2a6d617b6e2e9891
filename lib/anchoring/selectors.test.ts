import { describe as suite, expect, it } from 'vitest';
import { describe, toSelectorList } from './selectors';
import { AnchorSelectorsSchema, TextPositionSelectorSchema, TextQuoteSelectorSchema, fromSelectorList } from './selector-schemas';
import { ARTICLE, find } from '../../tests/support/anchoring';

suite('describe', () => {
  it('gives the quote with 32 characters of context each side and the position', () => {
    const { start, end } = find(ARTICLE, '平均降价超过50%');
    const sel = describe(ARTICLE, start, end);
    expect(sel.quote).toEqual({
      type: 'TextQuoteSelector',
      exact: '平均降价超过50%',
      prefix: ARTICLE.slice(start - 32, start),
      suffix: ARTICLE.slice(end, end + 32),
    });
    expect(sel.position).toEqual({ type: 'TextPositionSelector', start, end });
    expect(AnchorSelectorsSchema.parse(sel)).toEqual(sel);
  });

  it('shortens context at the edges of the text', () => {
    const sel = describe(ARTICLE, 2, 7);
    expect(sel.quote.prefix).toBe('　　');
    const tail = describe(ARTICLE, ARTICLE.length - 3, ARTICLE.length);
    expect(tail.quote.suffix).toBe('');
  });

  it('trims whitespace picked up at the ends of a drag selection', () => {
    const text = '参保率稳定在95%以上。\n　　2021年全国医保基金支出';
    const sel = describe(text, text.indexOf('。') + 1, text.length);
    expect(sel.quote.exact).toBe('2021年全国医保基金支出');
    expect(sel.position.start).toBe(text.indexOf('2021'));
  });

  it('refuses empty, whitespace-only and out-of-bounds ranges', () => {
    expect(() => describe(ARTICLE, 5, 5)).toThrow(RangeError);
    expect(() => describe('　　\n', 0, 3)).toThrow(RangeError);
    expect(() => describe(ARTICLE, 0, ARTICLE.length + 1)).toThrow(RangeError);
  });

  it('never cuts a surrogate pair in the context', () => {
    const text = `${'𠮷'.repeat(20)}医保${'𠮷'.repeat(20)}`;
    const at = text.indexOf('医保');
    const sel = describe(text, at, at + 2, { contextLength: 3 });
    expect(sel.quote.prefix).toBe('𠮷');
    expect(sel.quote.suffix).toBe('𠮷');
  });
});

suite('selector schemas', () => {
  it('accepts W3C selectors from other tools without prefix/suffix', () => {
    expect(TextQuoteSelectorSchema.parse({ type: 'TextQuoteSelector', exact: '救命钱' })).toEqual({
      type: 'TextQuoteSelector',
      exact: '救命钱',
      prefix: '',
      suffix: '',
    });
  });

  it('rejects malformed selectors', () => {
    expect(TextQuoteSelectorSchema.safeParse({ type: 'TextQuoteSelector', exact: '' }).success).toBe(false);
    expect(TextPositionSelectorSchema.safeParse({ type: 'TextPositionSelector', start: 9, end: 3 }).success).toBe(false);
    expect(TextPositionSelectorSchema.safeParse({ type: 'TextPositionSelector', start: -1, end: 3 }).success).toBe(false);
  });

  it('round-trips through a W3C target.selector list, skipping kinds it does not know', () => {
    const sel = describe(ARTICLE, 10, 20);
    const list = [{ type: 'CssSelector', value: '#artibody' }, ...toSelectorList(sel)];
    expect(fromSelectorList(list)).toEqual(sel);
    expect(fromSelectorList([{ type: 'TextPositionSelector', start: 1, end: 2 }])).toBeNull();
  });
});
