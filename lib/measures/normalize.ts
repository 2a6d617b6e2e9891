/**
 * Folding applied to article text and to catalogue surface forms before matching.
 *
 * foldChar maps one UTF-16 code unit to one code unit (full width to ASCII, curly quotes to straight
 * ones, Latin to upper case). foldForMatching also drops spacing that editors put in or leave out at
 * will: "DRG 付费" and "DRG付费", "医保　基金" and "医保基金" are one phrase. That changes the length,
 * so it returns, for every folded character, the index of the character it came from: offsets
 * reported to the panel are mapped back and always point at the page's own text.
 */
/** Full width to ASCII (Sina's editors mix ＤＲＧ and DRG), Latin to upper case, curly quotes to straight ones. */
export function foldChar(ch: string): string {
  return String.fromCharCode(foldCode(ch.charCodeAt(0)));
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

/** foldChar on a UTF-16 code unit, without building strings (the hot loop of foldForMatching). */
function foldCode(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
  else if (code === 0x3000 || code === 0x00a0) return 0x20;
  else if (code >= 0x2018 && code <= 0x2033) {
    if (code === 0x201c || code === 0x201d || code === 0x201e || code === 0x201f) return 0x22;
    if (code === 0x2018 || code === 0x2019 || code === 0x201a || code === 0x201b) return 0x27;
  } else if (code >= 0x300c && code <= 0x301f) {
    if (code === 0x300c || code === 0x300d || code === 0x300e || code === 0x300f || code === 0x301d || code === 0x301e) return 0x22;
  }
  return code >= 0x61 && code <= 0x7a ? code - 0x20 : code;
}

/** Horizontal spacing (after folding) and zero-width characters; a line break is a paragraph break and stays. */
function isDroppable(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x200b || code === 0x200c || code === 0x200d || code === 0x2060 || code === 0xfeff;
}

function isLatinWordCode(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
}

/** Turns the folded code units back into a string in one call; a lone surrogate becomes U+FFFD, one unit for one, so offsets hold. */
const UTF16 = new TextDecoder('utf-16le');

/**
 * foldChar on every character, and spacing dropped, except one space between two Latin word
 * characters ("DRG DIP" must not become one word "DRGDIP").
 */
export function foldForMatching(text: string): FoldedText {
  const out = new Uint16Array(text.length);
  const origin = new Int32Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = foldCode(text.charCodeAt(i));
    if (!isDroppable(code)) {
      out[n] = code;
      origin[n++] = i;
      continue;
    }
    // A run of spacing: keep one space only between two Latin word characters, and only for a
    // visible space (a zero-width character inside DIP is not a word break).
    let j = i;
    let visible = code === 0x20 || code === 0x09;
    while (j + 1 < text.length && isDroppable(foldCode(text.charCodeAt(j + 1)))) {
      j++;
      const next = foldCode(text.charCodeAt(j));
      visible ||= next === 0x20 || next === 0x09;
    }
    if (visible && n > 0 && isLatinWordCode(out[n - 1]!) && j + 1 < text.length && isLatinWordCode(foldCode(text.charCodeAt(j + 1)))) {
      out[n] = 0x20;
      origin[n++] = i;
    }
    i = j;
  }
  // Short strings (catalogue forms, thousands of them) are cheaper without the decoder.
  const folded = n <= 64 ? String.fromCharCode(...out.subarray(0, n)) : UTF16.decode(out.subarray(0, n));
  return { folded, origin: origin.slice(0, n) };
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
  return ch !== undefined && ch.length === 1 && isLatinWordCode(ch.charCodeAt(0));
}

/** isLatinWordChar for the code unit at `index` of a folded string (false outside it). */
export function isLatinWordAt(folded: string, index: number): boolean {
  return index >= 0 && index < folded.length && isLatinWordCode(folded.charCodeAt(index));
}
