/**
 * Folding applied to article text and to catalogue surface forms before matching.
 *
 * Every change maps one UTF-16 code unit to exactly one code unit, so an index into the folded
 * string is the same index into the original: offsets reported to the panel point at the page's
 * own text without any mapping table. (Folds that change length, such as dropping spaces inside
 * "DRG 付费", are deliberately left out for that reason.)
 */
const CURLY_DOUBLE_QUOTES = new Set(['“', '”', '„', '‟', '「', '」', '『', '』', '〝', '〞', '＂']);
const CURLY_SINGLE_QUOTES = new Set(['‘', '’', '‚', '‛']);

export function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  // Full-width ASCII block (Ａ, ＋, ０ …) to plain ASCII: Sina's editors mix ＤＲＧ and DRG.
  if (code >= 0xff01 && code <= 0xff5e) return foldAscii(String.fromCharCode(code - 0xfee0));
  if (code === 0x3000) return ' ';
  if (CURLY_DOUBLE_QUOTES.has(ch)) return '"';
  if (CURLY_SINGLE_QUOTES.has(ch)) return "'";
  return foldAscii(ch);
}

function foldAscii(ch: string): string {
  // Upper-case Latin so that "DRGs", "drg" and "ＤＲＧ" meet; digits and CJK are untouched.
  return ch >= 'a' && ch <= 'z' ? ch.toUpperCase() : ch;
}

/** Fold a whole string; the result has the same length as the input. */
export function foldForMatch(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldChar(text[i]!);
  return out;
}

/** True for the folded characters that make up Latin words (A–Z, 0–9). */
export function isLatinWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /^[A-Z0-9]$/.test(ch);
}
