import { describe, expect, it } from 'vitest';
import { paragraphsOf, readSeeds } from '../../tests/support/related/seeds';
import { bodyFingerprint, fingerprintBands, fingerprintSimilarity, fingerprintsMatch, SAME_BODY_THRESHOLD } from './fingerprint';

const seeds = readSeeds();

/** The seed body as a live Sina page might carry it: other attributes, inline markup, comments, split paragraphs. */
function remarked(bodyHtml: string): string {
  return bodyHtml
    .replace(/ cms-style="[^"]*"/g, ' data-role="para"')
    .replace(/　　/g, '&nbsp;&nbsp;')
    .replace(/，/g, '，<!-- ad -->')
    .replace(/。(?=[^<])/g, '。</p><p><span>');
}

describe('bodyFingerprint', () => {
  it('is pinned: stored fingerprints must stay comparable across releases and browsers', () => {
    expect(bodyFingerprint('医保基金是群众的“救命钱”')).toBe(bodyFingerprint(['医保基金是群众的', '"救命钱"']));
    expect(bodyFingerprint('医保基金是群众的“救命钱”')).toMatchInlineSnapshot(
      `"fp1.11.2d6e7ca52a0236ac.b75a507467474d2e54d730b61650d444660cccee2dc4a8afcd6f7fc816b1a02fdc5064810afc0f04cea19b8be9ad5f66c2acc043bc77c15d84a14229fc6686c40e48edc3596b74908dfffaa88156095c7f09c72eec498b00fb754b26e6e389894bd547c26928e83c60730bca268f003810d10b7914dbb64dbf30248d9dfe7e1b"`,
    );
  });

  it('ignores whitespace, punctuation, full/half width and how the text is split into paragraphs', () => {
    const a = bodyFingerprint(['　　ＤＲＧ付费改革，2021年启动。', '医保基金监管']);
    expect(bodyFingerprint('DRG付费改革 2021年启动 医保基金监管')).toBe(a);
    expect(bodyFingerprint('drg 付费改革：2021 年启动……\n\n医保 基金 监管')).toBe(a);
  });

  it('is identical for a seed whose markup changed', () => {
    for (const seed of seeds) {
      const live = paragraphsOf(remarked(seed.bodyHtml));
      expect(live).not.toEqual(seed.paragraphs); // the markup change did change the paragraphs
      expect(bodyFingerprint(live)).toBe(bodyFingerprint(seed.paragraphs));
    }
  });

  it('still matches a seed with a sentence rewritten, a paragraph dropped or promo lines added', () => {
    for (const seed of seeds) {
      const ps = seed.paragraphs;
      const longest = ps.indexOf([...ps].sort((a, b) => b.length - a.length)[0]!);
      const variants = [
        ps.map((p, i) => (i === longest ? p.replace(/[^。]*。/, '这是一句完全改写过的新句子，内容与原文不同。') : p)),
        ps.slice(0, -1),
        ps.filter((_, i) => i !== longest),
        [...ps, '新浪财经APP下载，随时随地看行情', '责任编辑：张三 SF000'],
      ];
      for (const variant of variants) {
        expect(fingerprintSimilarity(bodyFingerprint(variant), bodyFingerprint(ps))).toBeGreaterThanOrEqual(SAME_BODY_THRESHOLD);
        expect(fingerprintsMatch(bodyFingerprint(variant), bodyFingerprint(ps))).toBe(true);
      }
    }
  });

  it('tells the seeds apart, though all five are about 医保 policy', () => {
    for (const a of seeds) {
      for (const b of seeds) {
        if (a === b) continue;
        expect(fingerprintSimilarity(bodyFingerprint(a.text), bodyFingerprint(b.text))).toBeLessThan(0.1);
      }
    }
  });

  it('never matches empty bodies or unknown formats', () => {
    expect(fingerprintsMatch(bodyFingerprint(''), bodyFingerprint(''))).toBe(false);
    expect(fingerprintSimilarity('fp0.1.2.3', bodyFingerprint('医保'))).toBe(0);
  });

  it('gives an edited copy band keys in common with the original, for a future near-duplicate index', () => {
    for (const seed of seeds) {
      const original = new Set(fingerprintBands(bodyFingerprint(seed.paragraphs)));
      expect(original.size).toBe(32);
      const edited = fingerprintBands(bodyFingerprint(seed.paragraphs.slice(0, -1)));
      expect(edited.some((b) => original.has(b))).toBe(true);
    }
    expect(fingerprintBands(bodyFingerprint(''))).toEqual([]);
  });
});
