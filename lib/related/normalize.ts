/**
 * Text folding and character classes shared by the related-articles tokenizer and the identity
 * fingerprint. Local to lib/related until lib/text/normalize.ts offers the same thing (the lead unifies).
 *
 * Everything here is plain code-point arithmetic: no Intl, no locale, no Unicode property escapes,
 * so Chrome, Firefox and Node classify every character the same way.
 */

/**
 * NFKC folds full-width ASCII (ＤＲＧ, ２０２１), the ideographic space and CJK compatibility
 * ideographs onto their ordinary forms; lower-casing then makes DRG, drg and ＤＲＧ one word.
 * Normalisation forms are frozen for assigned characters (Unicode stability policy), so engines agree.
 */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/**
 * Han ideographs by explicit ranges rather than \p{Script=Han}: a property escape follows each engine's
 * Unicode version, a range list does not. Covers the Unified Ideographs block, extension A, the
 * compatibility block (NFKC maps most of it away) and extensions B–H in the supplementary planes.
 */
export function isHan(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x323af)
  );
}

/** ASCII letters and digits after folding: the characters of Latin words (drg, dip) and numbers. */
export function isWordChar(cp: number): boolean {
  return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x30 && cp <= 0x39);
}
