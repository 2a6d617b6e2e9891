/**
 * The one text fold: which characters count as the same when Policy Lens compares text, and, for
 * folds that drop or expand characters, the map back to the original offsets.
 *
 * Nothing here is used to show text. Two kinds of fold, for two kinds of caller:
 *
 * - `foldText(text, options)` works code unit by code unit through one table (full width to ASCII,
 *   Latin case, the quote family, CJK punctuation families, spacing) and returns the folded string
 *   with `toOrig` (folded offset → original offset) and `toFolded` (original → folded). A fold may
 *   drop spacing ("DRG 付费" → "DRG付费") or expand a character ("…" → "..."), and a match found in
 *   the folded text still reports exact offsets in the original. Anchoring (quotes in a page) and
 *   measures (mentions in an article) use it, each with its own options.
 * - `foldKey(text, options)` is NFKC, whitespace runs to one space, trimmed, optionally lower case
 *   and straight quotes. No offset map: its results are compared or stored, never located. The related
 *   index's terms, the identity fingerprint and the library search use it. Stored keys depend on it
 *   byte for byte (tests/unit/stored-keys.test.ts): change it only with a versioned re-index.
 */

/**
 * The quote family, each member spelled once here. Editors write “ ” 「 」 『 』 〝 〞 (and, pasting
 * from elsewhere, the low-9 forms „ ‟ ‚ ‛) where a reader types " and '.
 */
const CURLY_DOUBLE = '“”';
const CURLY_SINGLE = '‘’';
const LOW9_DOUBLE = '„‟';
const LOW9_SINGLE = '‚‛';
const CJK_QUOTES = '「」『』〝〞';
/** Every quote that folds to ASCII `"`. */
export const DOUBLE_QUOTES = CURLY_DOUBLE + LOW9_DOUBLE + CJK_QUOTES;
/** Every quote that folds to ASCII `'`. */
export const SINGLE_QUOTES = CURLY_SINGLE + LOW9_SINGLE;
/**
 * The quotes that title keys remove (lib/text/normalize.ts). Not the low-9 forms: titleNorm is a
 * stored index key, and removing more characters now would orphan records stored with them.
 */
export const TITLE_QUOTES = CURLY_DOUBLE + CURLY_SINGLE + CJK_QUOTES;

/** Zero-width characters CMS editors leave behind (ZWSP, ZWNJ, ZWJ, word joiner, BOM). */
export const ZERO_WIDTH = '\u200b\u200c\u200d\u2060\ufeff';
/** Characters that never show: the zero-width ones and the soft hyphen. */
const INVISIBLE = `${ZERO_WIDTH}\u00ad`;

/**
 * CJK and typographic punctuation to one ASCII representative per family, for `punctuation: 'all'`.
 * One ellipsis character stands for three full stops, so "…" and "..." compare equal.
 */
const PUNCTUATION_FAMILIES: readonly [members: string, folded: string][] = [
  ['。｡', '.'],
  ['、﹐', ','],
  ['【〔〖', '['],
  ['】〕〗', ']'],
  ['《〈«', '<'],
  ['》〉»', '>'],
  ['—–―‐‑‒−', '-'],
  ['…', '...'],
  ['・•', '·'],
];

/** JavaScript's `\s` (WhiteSpace and LineTerminator), fixed by the language, listed so no regex runs per character. */
const WHITESPACE = [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff];
for (let c = 0x2000; c <= 0x200a; c++) WHITESPACE.push(c);
/** Spacing an editor adds or leaves out at will within a line: space, tab, NBSP, the ideographic space. */
const HORIZONTAL_SPACE = [0x20, 0x09, 0xa0, 0x3000];

export interface FoldOptions {
  /** Latin letters (after full width → ASCII). */
  readonly case: 'upper' | 'lower' | 'keep';
  /** `quotes`: the quote family to `"` and `'`; `all`: also the CJK punctuation families (。→. 《→< — → - …→...). */
  readonly punctuation: 'quotes' | 'all';
  /**
   * - `drop`: every whitespace character (line breaks too) and every invisible one is dropped;
   * - `join`: horizontal spacing and invisible characters are dropped, except that one space stays
   *   between two Latin letters or digits ("DRG DIP" must not become "DRGDIP"); line breaks stay;
   * - `keep`: nothing is dropped, NBSP and the ideographic space become a space (the fold keeps length).
   */
  readonly spacing: 'drop' | 'join' | 'keep';
}

/** A text, its folded form and the maps between the two. */
export interface FoldedText {
  /** The original text (what reported offsets refer to). */
  readonly text: string;
  readonly folded: string;
  /** `toOrig[j]` = index in `text` of the unit that produced `folded[j]`. */
  readonly toOrig: Int32Array;
  /** `toFolded[i]` = number of folded units produced by `text[0..i)`; length `text.length + 1`. */
  readonly toFolded: Int32Array;
}

// Table entries: a folded code unit (>= 0), or one of these.
const DROP = -1;
/** Horizontal spacing under `join`: dropped unless it separates two Latin word characters. */
const GAP = -2;
/** Folds to several units (the ellipsis), looked up in the table's `many`. */
const MANY = -3;

interface FoldTable {
  readonly codes: Int32Array;
  readonly many: ReadonlyMap<number, string>;
}

const tables = new Map<string, FoldTable>();

function tableFor(options: FoldOptions): FoldTable {
  const key = `${options.case}|${options.punctuation}|${options.spacing}`;
  let table = tables.get(key);
  if (!table) tables.set(key, (table = buildTable(options)));
  return table;
}

/** The fold of every UTF-16 code unit under `options`, built once per set of options (64K entries). */
function buildTable(options: FoldOptions): FoldTable {
  const codes = new Int32Array(0x10000);
  const many = new Map<number, string>();
  for (let c = 0; c < codes.length; c++) codes[c] = c;
  // Full width to ASCII first, so the rules below see ＤＲＧ as DRG and ＂ as ".
  for (let c = 0xff01; c <= 0xff5e; c++) codes[c] = c - 0xfee0;
  const setAll = (members: string, folded: number) => {
    for (const ch of members) codes[ch.charCodeAt(0)] = folded;
  };
  setAll(DOUBLE_QUOTES, 0x22);
  setAll(SINGLE_QUOTES, 0x27);
  if (options.punctuation === 'all') {
    for (const [members, folded] of PUNCTUATION_FAMILIES) {
      if (folded.length === 1) setAll(members, folded.charCodeAt(0));
      else
        for (const ch of members) {
          codes[ch.charCodeAt(0)] = MANY;
          many.set(ch.charCodeAt(0), folded);
        }
    }
  }
  if (options.case !== 'keep') {
    const [from, delta] = options.case === 'upper' ? [0x61, -0x20] : [0x41, 0x20];
    for (let c = 0; c < codes.length; c++) {
      const folded = codes[c]!;
      if (folded >= from && folded < from + 26) codes[c] = folded + delta;
    }
  }
  if (options.spacing === 'drop') {
    for (const c of WHITESPACE) codes[c] = DROP;
    setAll(INVISIBLE, DROP);
  } else if (options.spacing === 'join') {
    setAll(INVISIBLE, DROP);
    for (const c of HORIZONTAL_SPACE) codes[c] = GAP;
  } else {
    codes[0xa0] = codes[0x3000] = 0x20;
  }
  return { codes, many };
}

/** A letter or digit, either case: the characters of Latin words (DRG, dip, 2021). */
function isLatinWordCode(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** Fold `text` under `options`, with the offset maps both ways. Linear in the text length. */
export function foldText(text: string, options: FoldOptions): FoldedText {
  const steps = foldTextSteps(text, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Only the folded string, for short strings (catalogue forms, quotes, search terms). */
export function foldString(text: string, options: FoldOptions): string {
  return foldText(text, options).folded;
}

/**
 * `foldText` as bounded steps: it pauses (yields) after every `unitsPerStep` original units, so a
 * long article is folded between other work.
 */
export function* foldTextSteps(text: string, options: FoldOptions, unitsPerStep = Infinity): Generator<void, FoldedText, void> {
  const { codes: table, many } = tableFor(options);
  const join = options.spacing === 'join';
  const toFolded = new Int32Array(text.length + 1);
  // Most units map one to one; the buffers grow only for one-to-many folds (the ellipsis).
  let toOrig = new Int32Array(text.length + 8);
  let out = new Uint16Array(text.length + 8);
  let n = 0;
  let nextPause = unitsPerStep;
  for (let i = 0; i < text.length; i++) {
    if (i >= nextPause) {
      nextPause += unitsPerStep;
      yield;
    }
    toFolded[i] = n;
    const folded = table[text.charCodeAt(i)]!;
    if (folded >= 0) {
      out[n] = folded;
      toOrig[n++] = i;
      continue;
    }
    if (folded === MANY) {
      const units = many.get(text.charCodeAt(i))!;
      if (n + units.length > out.length) {
        const size = out.length * 2 + units.length;
        const grownOrig = new Int32Array(size);
        grownOrig.set(toOrig);
        toOrig = grownOrig;
        const grownOut = new Uint16Array(size);
        grownOut.set(out);
        out = grownOut;
      }
      for (let k = 0; k < units.length; k++) {
        out[n] = units.charCodeAt(k);
        toOrig[n++] = i;
      }
      continue;
    }
    if (!join) continue;
    // A run of droppable spacing: one space stays only for visible spacing between two Latin word
    // characters (a zero-width character inside DIP is not a word break).
    let j = i;
    let visible = folded === GAP;
    while (j + 1 < text.length) {
      const next = table[text.charCodeAt(j + 1)]!;
      if (next !== GAP && next !== DROP) break;
      visible ||= next === GAP;
      j++;
    }
    if (visible && n > 0 && isLatinWordCode(out[n - 1]!) && j + 1 < text.length && isLatinWordCode(table[text.charCodeAt(j + 1)]!)) {
      out[n] = 0x20;
      toOrig[n++] = i;
    }
    toFolded.fill(n, i + 1, j + 1);
    i = j;
  }
  toFolded[text.length] = n;
  return { text, folded: decodeUnits(out, n), toOrig: toOrig.subarray(0, n), toFolded };
}

/** Build a string from UTF-16 units in chunks (spreading 100K arguments at once would overflow the stack). */
function decodeUnits(codes: Uint16Array, length: number): string {
  // `apply` takes the typed array as an array-like directly; spreading it would go through the
  // iterator protocol, which is several times slower. Lone surrogates pass through unchanged.
  if (length <= 8192) return String.fromCharCode.apply(null, codes.subarray(0, length) as unknown as number[]);
  const parts: string[] = [];
  for (let at = 0; at < length; at += 8192) {
    parts.push(String.fromCharCode.apply(null, codes.subarray(at, Math.min(length, at + 8192)) as unknown as number[]));
  }
  return parts.join('');
}

/** The original range of the folded range [start, end); an empty range maps to an empty one. */
export function originalRange(f: FoldedText, start: number, end: number): { start: number; end: number } {
  const { toOrig, text } = f;
  if (end <= start || toOrig.length === 0) {
    const at = start < toOrig.length ? (toOrig[start] ?? text.length) : text.length;
    return { start: at, end: at };
  }
  return { start: toOrig[start] ?? text.length, end: (toOrig[end - 1] ?? text.length - 1) + 1 };
}

/** An original offset in folded coordinates (clamped to the text). */
export function foldedOffset(f: FoldedText, offset: number): number {
  const i = Math.max(0, Math.min(f.text.length, Math.round(offset)));
  return f.toFolded[i] ?? f.folded.length;
}

export interface KeyOptions {
  readonly case: 'lower' | 'keep';
  /** The quote family to straight quotes (NFKC leaves “ ” alone). */
  readonly quotes?: boolean;
}

const DOUBLE_QUOTE_RUN = new RegExp(`[${DOUBLE_QUOTES}]`, 'g');
const SINGLE_QUOTE_RUN = new RegExp(`[${SINGLE_QUOTES}]`, 'g');

/**
 * NFKC, then every run of whitespace (U+3000 and NBSP included) to one ASCII space, trimmed;
 * optionally lower case and straight quotes. NFKC turns full-width forms into ASCII (`ＤＲＧ２０２１`
 * → `DRG2021`, `（` → `(`), compatibility ideographs into unified ones, and leaves CJK ideographs and
 * `。、“”《》` alone; it is frozen for assigned characters (Unicode stability policy), so engines
 * agree. String.prototype.toLowerCase is locale-independent, unlike toLocaleLowerCase.
 */
export function foldKey(text: string, options: KeyOptions): string {
  let key = text.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (options.case === 'lower') key = key.toLowerCase();
  if (options.quotes) key = key.replace(DOUBLE_QUOTE_RUN, '"').replace(SINGLE_QUOTE_RUN, "'");
  return key;
}
