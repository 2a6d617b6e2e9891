/**
 * The fold (lib/text/fold.ts's foldKey, lower case) and character classes shared by the
 * related-articles tokenizer and the identity fingerprint.
 *
 * Everything here is plain code-point arithmetic on top of NFKC: no Intl, no locale, no Unicode
 * property escapes, so Chrome, Firefox and Node classify every character the same way. Stored index
 * terms and fingerprints depend on it: a change here (or in foldKey) changes them, which
 * tests/unit/stored-keys.test.ts and the pinned fingerprint in lib/identity/fingerprint.test.ts catch.
 */
import { foldKey } from '../text/fold';

/**
 * NFKC (full-width ＤＲＧ２０２１ → DRG2021, the ideographic space → space, compatibility ideographs →
 * unified ones), whitespace runs to one space, then lower case, so DRG, drg and ＤＲＧ are one word.
 */
export function foldText(text: string): string {
  return foldKey(text, { case: 'lower' });
}

/**
 * Han ideographs by explicit ranges rather than \p{Script=Han}: a property escape follows each engine's
 * Unicode version, a range list does not. Covers the Unified Ideographs block, extension A, the
 * compatibility block (NFKC maps most of it away) and extensions B–H in the supplementary planes.
 */
export function isHan(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x323af)
  );
}

/** ASCII letters and digits after folding: the characters of Latin words (drg, dip) and numbers. */
export function isWordChar(cp: number): boolean {
  return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x30 && cp <= 0x39);
}
