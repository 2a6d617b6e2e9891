import { describe, expect, it } from 'vitest';
import {
  DOUBLE_QUOTES,
  foldedOffset,
  foldKey,
  foldString,
  foldText,
  foldTextSteps,
  originalRange,
  SINGLE_QUOTES,
  type FoldOptions,
} from './fold';

const ANCHORING: FoldOptions = { case: 'lower', punctuation: 'all', spacing: 'drop' };
const MEASURES: FoldOptions = { case: 'upper', punctuation: 'quotes', spacing: 'join' };
const SAME_LENGTH: FoldOptions = { case: 'upper', punctuation: 'quotes', spacing: 'keep' };
const ALL_OPTIONS: FoldOptions[] = [ANCHORING, MEASURES, SAME_LENGTH, { case: 'keep', punctuation: 'all', spacing: 'join' }];

/** A deterministic text over the characters the fold treats specially. */
function randomText(length: number, seed: number): string {
  const alphabet = Array.from(
    '医保基金支出ＡＢＣabcXYZ０１２9，。、；：“”‘’„‚「」『』（）【】《》—…　 \n\t\r%％.．,\u00ad\u200b\ufeff\u00a0𠮷',
  );
  return Array.from({ length }, () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return alphabet[seed % alphabet.length]!;
  }).join('');
}

describe('the folding table', () => {
  it('folds full width to ASCII and Latin case as asked', () => {
    expect(foldString('ＤＲＧ／dip２０２１', MEASURES)).toBe('DRG/DIP2021');
    expect(foldString('ＤＲＧ／dip２０２１', ANCHORING)).toBe('drg/dip2021');
    expect(foldString('ＤＲＧ／dip', { case: 'keep', punctuation: 'quotes', spacing: 'keep' })).toBe('DRG/dip');
  });

  it('folds the whole quote family to straight quotes under every option', () => {
    for (const options of ALL_OPTIONS) {
      for (const q of DOUBLE_QUOTES) expect(foldString(q, options), q).toBe('"');
      for (const q of SINGLE_QUOTES) expect(foldString(q, options), q).toBe("'");
      expect(foldString('＂', options)).toBe('"');
    }
  });

  it('folds CJK punctuation families only under punctuation "all"', () => {
    expect(foldString('。、【】《》——…', ANCHORING)).toBe('.,[]<>--...');
    expect(foldString('。、【】《》——…', MEASURES)).toBe('。、【】《》——…');
  });

  it('drop: every whitespace and invisible character goes, line breaks included', () => {
    expect(foldString('　　医保 基金\n\t支出\u00a0\u200b\u00ad\ufeff\u2003。', ANCHORING)).toBe('医保基金支出.');
  });

  it('join: drops spacing, keeps one space between Latin words, keeps line breaks', () => {
    expect(foldString('DRG 付费　与 DIP\u200b付费', MEASURES)).toBe('DRG付费与DIP付费');
    expect(foldString('DRG  DIP, D\u200bIP 2021 年', MEASURES)).toBe('DRG DIP,DIP 2021年');
    expect(foldString('医保\n 基金', MEASURES)).toBe('医保\n基金');
  });

  it('keep: the folded text has the length of the original', () => {
    const text = randomText(2000, 3);
    const folded = foldString(text, SAME_LENGTH);
    expect(folded).toHaveLength(text.length);
    expect(foldString('医保\u3000基金\u00a0DRG', SAME_LENGTH)).toBe('医保 基金 DRG');
  });
});

describe('the offset maps', () => {
  it('maps a match in "DRG付费" back to "DRG 付费" as written', () => {
    const text = '推进ＤＲＧ　付费改革';
    const f = foldText(text, MEASURES);
    const at = f.folded.indexOf('DRG付费');
    const { start, end } = originalRange(f, at, at + 'DRG付费'.length);
    expect(text.slice(start, end)).toBe('ＤＲＧ　付费');
  });

  it('maps one-to-many folds (the ellipsis) back to the single original character', () => {
    const f = foldText('据悉…下一步', ANCHORING);
    const at = f.folded.indexOf('...');
    expect(originalRange(f, at, at + 3)).toEqual({ start: 2, end: 3 });
    expect(foldedOffset(f, 3)).toBe(at + 3);
  });

  it.each(ALL_OPTIONS.map((o) => [`${o.case}/${o.punctuation}/${o.spacing}`, o] as const))(
    '%s: both maps agree with the fold of each character',
    (_, options) => {
      const text = randomText(5000, 11);
      const f = foldText(text, options);
      expect(f.toOrig).toHaveLength(f.folded.length);
      expect(f.toFolded).toHaveLength(text.length + 1);
      expect(f.toFolded[text.length]).toBe(f.folded.length);
      for (let j = 0; j < f.folded.length; j++) {
        const i = f.toOrig[j]!;
        // Each folded unit comes from an original unit at or after the previous one, and lies within that unit's share.
        if (j > 0) expect(i).toBeGreaterThanOrEqual(f.toOrig[j - 1]!);
        expect(j).toBeGreaterThanOrEqual(f.toFolded[i]!);
        expect(j).toBeLessThan(f.toFolded[i + 1]!);
      }
      for (let i = 0; i < text.length; i++) expect(f.toFolded[i + 1]!).toBeGreaterThanOrEqual(f.toFolded[i]!);
    },
  );

  it('gives the same result in steps as in one go, and pauses on long texts', () => {
    const text = randomText(40_000, 5);
    const steps = foldTextSteps(text, ANCHORING, 16_384);
    let pauses = 0;
    let step = steps.next();
    while (!step.done) {
      pauses++;
      step = steps.next();
    }
    expect(pauses).toBe(2);
    const whole = foldText(text, ANCHORING);
    expect(step.value.folded).toBe(whole.folded);
    expect([...step.value.toOrig]).toEqual([...whole.toOrig]);
  });

  it('keeps lone surrogates and astral characters unit for unit', () => {
    expect(foldString('\ud800医\udc00𠮷', MEASURES)).toBe('\ud800医\udc00𠮷');
  });
});

describe('foldKey', () => {
  it('is NFKC with whitespace runs collapsed and trimmed, case and quotes as asked', () => {
    expect(foldKey('　ＤＲＧ付费\u3000\n“救命钱”  ', { case: 'keep' })).toBe('DRG付费 “救命钱”');
    expect(foldKey('　ＤＲＧ付费\u3000\n“救命钱”  ', { case: 'lower' })).toBe('drg付费 “救命钱”');
    expect(foldKey('「救命钱」‘Ａ’', { case: 'lower', quotes: true })).toBe('"救命钱"\'a\'');
  });
});
