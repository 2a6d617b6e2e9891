/**
 * Folding applied to article text and to catalogue surface forms before matching.
 *
 * foldChar maps one UTF-16 code unit to one code unit (full width to ASCII, curly quotes to straight
 * ones, Latin to upper case). foldForMatching also drops spacing that editors put in or leave out at
 * will: "DRG 付费" and "DRG付费", "医保　基金" and "医保基金" are one phrase. That changes the length,
 * so it returns, for every folded character, the index of the character it came from: offsets
 * reported to the panel are mapped back and always point at the page's own text.
 */
const CURLY_DOUBLE_QUOTES = new Set(['“', '”', '„', '‟', '「', '」', '『', '』', '〝', '〞', '＂']);
const CURLY_SINGLE_QUOTES = new Set(['‘', '’', '‚', '‛']);

export function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  // Full-width ASCII block (Ａ, ＋, ０ …) to plain ASCII: Sina's editors mix ＤＲＧ and DRG.
  if (code >= 0xff01 && code <= 0xff5e) return foldAscii(String.fromCharCode(code - 0xfee0));
  if (code === 0x3000 || code === 0x00a0) return ' ';
  if (CURLY_DOUBLE_QUOTES.has(ch)) return '"';
  if (CURLY_SINGLE_QUOTES.has(ch)) return "'";
  return foldAscii(ch);
}

function foldAscii(ch: string): string {
  // Upper-case Latin so that "DRGs", "drg" and "ＤＲＧ" meet; digits and CJK are untouched.
  return ch >= 'a' && ch <= 'z' ? ch.toUpperCase() : ch;
}

/** Fold a whole string character by character; the result has the same length as the input. */
export function foldForMatch(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldChar(text[i]!);
  return out;
}

export interface FoldedText {
  /** The folded text, without the dropped spacing. */
  folded: string;
  /** origin[i] is the index in the original text of folded[i]. */
  origin: Int32Array;
}

/** Horizontal spacing (after foldChar) and zero-width characters; a line break is a paragraph break and stays. */
function isDroppable(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u200b' || ch === '\u200c' || ch === '\u200d' || ch === '\u2060' || ch === '\ufeff';
}

/**
 * foldChar on every character, and spacing dropped, except one space between two Latin word
 * characters ("DRG DIP" must not become one word "DRGDIP").
 */
export function foldForMatching(text: string): FoldedText {
  const chars: string[] = [];
  const origin = new Int32Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = foldChar(text[i]!);
    if (!isDroppable(ch)) {
      chars.push(ch);
      origin[n++] = i;
      continue;
    }
    // A run of spacing: keep one space only between two Latin word characters.
    let j = i;
    while (j + 1 < text.length && isDroppable(foldChar(text[j + 1]!))) j++;
    const before = n > 0 ? chars[n - 1] : undefined;
    const after = j + 1 < text.length ? foldChar(text[j + 1]!) : undefined;
    if (isLatinWordChar(before) && isLatinWordChar(after)) {
      chars.push(' ');
      origin[n++] = i;
    }
    i = j;
  }
  return { folded: chars.join(''), origin: origin.slice(0, n) };
}

/** How a catalogue form or term is compared: the same fold as the text. */
export function foldForm(form: string): string {
  return foldForMatching(form).folded;
}

/** Offsets in the original text of the folded span [start, end). */
export function originalSpan(folded: FoldedText, start: number, end: number): { start: number; end: number } {
  return { start: folded.origin[start]!, end: folded.origin[end - 1]! + 1 };
}

/** True for the folded characters that make up Latin words (A–Z, 0–9). */
export function isLatinWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /^[A-Z0-9]$/.test(ch);
}
