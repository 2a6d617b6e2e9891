/**
 * Editors put spaces in or leave them out at will between Latin abbreviations and Chinese
 * ("DRG 付费", "ＤＩＰ　付费", "DRG/DIP 支付"): the measures fold (lib/text/fold.ts, `join`) drops that
 * spacing, and every mention still reports its offsets and quote in the original text.
 */
import { describe, expect, it } from 'vitest';
import { detectMeasures, type MeasureHit } from '../../lib/measures';
import { loadCatalogueFile } from '../../lib/measures/load-catalogue';

const catalogue = loadCatalogueFile();

function mentions(text: string, id: string): { start: number; end: number; quote: string }[] {
  const hit = detectMeasures(text, catalogue).find((h: MeasureHit) => h.measureId === id);
  if (!hit) throw new Error(`no ${id} in ${text}`);
  return hit.mentions.map(({ start, end, quote }) => ({ start, end, quote }));
}

/** The mention of `quote` at its first place in `text`, as detect must report it. */
const at = (text: string, quote: string) => ({ start: text.indexOf(quote), end: text.indexOf(quote) + quote.length, quote });

describe("measures across editors' spacing", () => {
  it.each([
    ['医保部门全面推开DRG 付费。', 'drg-payment', 'DRG 付费'],
    ['医保部门全面推开DRG付费。', 'drg-payment', 'DRG付费'],
    ['医保部门全面推开DIP 付费。', 'dip-payment', 'DIP 付费'],
    ['医保部门全面推开ＤＩＰ　付费。', 'dip-payment', 'ＤＩＰ　付费'],
    ['医保部门推进 DRGs 付费。', 'drg-payment', 'DRGs 付费'],
    ['医保部门推进按 病组 付费。', 'drg-payment', '按 病组 付费'],
    ['医保部门推进“DRG 付费”试点。', 'drg-payment', 'DRG 付费'],
  ])('%s: %s quoted as written', (text, id, quote) => {
    expect(mentions(text, id)).toEqual([at(text, quote)]);
    expect(text.slice(at(text, quote).start, at(text, quote).end)).toBe(quote);
  });

  it('reads "DRG/DIP 支付方式改革" as DRG, DIP and payment-method reform, each at its own place', () => {
    for (const text of [
      '医保部门推进DRG/DIP 支付方式改革。',
      '医保部门推进DRG/DIP支付方式改革。',
      '医保部门推进 ＤＲＧ／ＤＩＰ　支付方式改革。',
    ]) {
      const dip = /DIP|ＤＩＰ/.exec(text)!;
      expect(mentions(text, 'drg-payment')).toEqual([at(text, /DRG|ＤＲＧ/.exec(text)![0])]);
      expect(mentions(text, 'dip-payment')).toEqual([{ start: dip.index, end: dip.index + 3, quote: dip[0] }]);
      expect(mentions(text, 'payment-method-reform')).toEqual([at(text, '支付方式改革')]);
    }
  });

  it('drops spacing inside a Chinese phrase too, and keeps the original offsets across it', () => {
    const text = '医保部门推进DRG/DIP 支付 方式改革三年行动计划。';
    expect(mentions(text, 'payment-method-reform')).toEqual([at(text, '支付 方式改革')]);
  });

  it('does not join two Latin words ("DRG DIP" is not one word DRGDIP) but still finds each', () => {
    const text = '医保部门推进DRG DIP付费。';
    expect(mentions(text, 'drg-payment')).toEqual([at(text, 'DRG')]);
    expect(mentions(text, 'dip-payment')).toEqual([at(text, 'DIP付费')]);
  });

  it('treats a zero-width character inside a phrase as nothing at all', () => {
    const text = '医保 DRG\u200b付费';
    expect(mentions(text, 'drg-payment')).toEqual([at(text, 'DRG\u200b付费')]);
  });
});
