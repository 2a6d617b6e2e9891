/**
 * Matching-only normalisation with an offset map back to the original text.
 *
 * Sina pages are re-typeset over time: paragraphs gain or lose the `　　` indent, editors swap
 * full-width and half-width punctuation, quotes change style. None of that should turn a highlight
 * into an orphan, so quotes are compared on a normalised form and the result mapped back to the
 * original offsets. Digits are deliberately left as digits (full-width folded to ASCII) because the
 * figures rule in `figures.ts` must still see them.
 *
 * The rules (each original UTF-16 unit yields zero, one or several normalised units):
 * - whitespace of any kind (incl. U+3000 ideographic space, NBSP) and zero-width marks are dropped:
 *   Chinese prose has no meaningful spaces and paragraph breaks are only whitespace in textContent;
 * - full-width ASCII forms (U+FF01–FF5E) fold to ASCII;
 * - CJK punctuation folds to one ASCII representative per family (quotes, brackets, dashes…);
 * - ASCII letters lower-case.
 */

/** A text together with its normalised form and the maps between the two. */
export interface PreparedText {
  /** The original text (what selector offsets refer to). */
  readonly text: string;
  /** The normalised text that matching runs on. */
  readonly norm: string;
  /** `toOrig[j]` = index in `text` of the unit that produced `norm[j]`. */
  readonly toOrig: Int32Array;
  /** `toNorm[i]` = number of normalised units produced by `text[0..i)`; length `text.length + 1`. */
  readonly toNorm: Int32Array;
}

const FOLD: Record<string, string> = {
  '。': '.',
  '｡': '.',
  '、': ',',
  '﹐': ',',
  '“': '"',
  '”': '"',
  '„': '"',
  '‟': '"',
  '〝': '"',
  '〞': '"',
  '「': '"',
  '」': '"',
  '『': '"',
  '』': '"',
  '‘': "'",
  '’': "'",
  '‚': "'",
  '‛': "'",
  '【': '[',
  '】': ']',
  '〔': '[',
  '〕': ']',
  '〖': '[',
  '〗': ']',
  '《': '<',
  '》': '>',
  '〈': '<',
  '〉': '>',
  '«': '<',
  '»': '>',
  '—': '-',
  '–': '-',
  '―': '-',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '−': '-',
  // One ellipsis character stands for three full stops, so "…" and "..." compare equal.
  '…': '...',
  '・': '·',
  '•': '·',
};

/** Zero-width characters that `\s` does not cover but that do not show on the page. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/;
const SPACE = /\s/;

/** Normalised form of one original UTF-16 unit ('' when it is dropped). */
function foldUnit(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x80) {
    if (code <= 0x20) return SPACE.test(ch) ? '' : ch;
    return code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 0x20) : ch;
  }
  // CJK ideographs are most of the text and never fold: skip the lookups below.
  if (code >= 0x4e00 && code <= 0x9fff) return ch;
  if (SPACE.test(ch) || INVISIBLE.test(ch)) return '';
  if (code >= 0xff01 && code <= 0xff5e) return foldUnit(String.fromCharCode(code - 0xfee0));
  return FOLD[ch] ?? ch;
}

// Per-code-unit memo of `foldUnit` (punctuation and spaces are a tenth of an article and come from a
// small set): a folded code unit, or one of the markers below.
const UNKNOWN = -1;
const DROP = -2;
const MANY = -3;
const FOLD_CACHE = new Int32Array(0x10000).fill(UNKNOWN);

/** Characters normalised between pauses in `prepareTextSteps`. */
const UNITS_PER_STEP = 16_384;

/** Normalise `text` and keep the offset maps both ways. Linear in the text length. */
export function prepareText(text: string): PreparedText {
  const steps = prepareTextSteps(text);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** `prepareText` as bounded steps, so a long article is normalised between other work. */
export function* prepareTextSteps(text: string): Generator<void, PreparedText, void> {
  const toNorm = new Int32Array(text.length + 1);
  // Most units map one-to-one; the buffers grow only for the rare one-to-many folds (ellipsis).
  let toOrig = new Int32Array(text.length + 8);
  let codes = new Uint16Array(text.length + 8);
  let n = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (i > 0 && i % UNITS_PER_STEP === 0) yield;
    toNorm[i] = n;
    const code = text.charCodeAt(i);
    // Fast path for the bulk of an article: CJK ideographs and ASCII letters/digits pass unchanged.
    if ((code >= 0x4e00 && code <= 0x9fff) || (code > 0x20 && code < 0x41) || (code > 0x5a && code < 0x7f)) {
      toOrig[n] = i;
      codes[n] = code;
      n += 1;
      continue;
    }
    const cached = FOLD_CACHE[code] ?? UNKNOWN;
    if (cached >= 0) {
      toOrig[n] = i;
      codes[n] = cached;
      n += 1;
      continue;
    }
    if (cached === DROP) continue;
    const folded = foldUnit(text.charAt(i));
    if (cached === UNKNOWN) FOLD_CACHE[code] = folded.length === 0 ? DROP : folded.length === 1 ? folded.charCodeAt(0) : MANY;
    if (n + folded.length > toOrig.length) {
      const size = toOrig.length * 2 + folded.length;
      const grownOrig = new Int32Array(size);
      grownOrig.set(toOrig);
      toOrig = grownOrig;
      const grownCodes = new Uint16Array(size);
      grownCodes.set(codes);
      codes = grownCodes;
    }
    for (let k = 0; k < folded.length; k += 1) {
      toOrig[n] = i;
      codes[n] = folded.charCodeAt(k);
      n += 1;
    }
  }
  toNorm[text.length] = n;
  return { text, norm: decodeUnits(codes, n), toOrig: toOrig.subarray(0, n), toNorm };
}

/** Build a string from UTF-16 units in chunks (spreading 100K arguments at once would overflow the stack). */
function decodeUnits(codes: Uint16Array, length: number): string {
  const parts: string[] = [];
  for (let at = 0; at < length; at += 8192) {
    // `apply` takes the typed array as an array-like directly; spreading it would go through the
    // iterator protocol, which is several times slower.
    parts.push(String.fromCharCode.apply(null, codes.subarray(at, Math.min(length, at + 8192)) as unknown as number[]));
  }
  return parts.join('');
}

/** The normalised form alone, for short strings such as quotes and their context. */
export function normalize(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) out += foldUnit(text.charAt(i));
  return out;
}

/** Map a half-open range in normalised coordinates back to the original text. */
export function toOriginalRange(prepared: PreparedText, normStart: number, normEnd: number): { start: number; end: number } {
  const { toOrig, text } = prepared;
  if (normEnd <= normStart || toOrig.length === 0) {
    const at = normStart < toOrig.length ? (toOrig[normStart] ?? text.length) : text.length;
    return { start: at, end: at };
  }
  const start = toOrig[normStart] ?? text.length;
  const last = toOrig[normEnd - 1] ?? text.length - 1;
  return { start, end: last + 1 };
}

/** Map an original offset into normalised coordinates (clamped to the text). */
export function toNormOffset(prepared: PreparedText, offset: number): number {
  const i = Math.max(0, Math.min(prepared.text.length, Math.round(offset)));
  return prepared.toNorm[i] ?? prepared.norm.length;
}
