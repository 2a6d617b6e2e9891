/**
 * The figures rule: a highlight may only land where the numbers are the same.
 *
 * Finance and 医保 reporting repeats templates year after year ("2021年全国医保基金支出2.4万亿元",
 * "2022年全国医保基金支出2.5万亿元"). To an edit-distance matcher the two differ by two characters,
 * which is well within any fuzzy threshold, so similarity alone would happily move a highlight onto
 * last year's figure. Here figures are compared as whole tokens, and any difference rejects the
 * candidate outright; the highlight becomes an orphan rather than a guess.
 *
 * The rule covers the quote and also the quote's own sentence inside the stored prefix/suffix: a
 * highlight on "全国医保基金支出" (no digits) is still tied to "2021年" in front of it.
 */

import { normalize } from './normalize';

export interface FigureToken {
  /** Canonical value: ASCII digits, no thousands separators, no leading zeros. */
  value: string;
  start: number;
  end: number;
}

const DIGIT = '0-9０-９';
// 1,234.5 / 2.4万亿 / 14.3% — the multiplier and the per-cent sign belong to the figure:
// "2.4万亿" and "2.4亿" are not the same number.
const ARABIC = `[${DIGIT}]+(?:[,，][${DIGIT}]{3}(?![${DIGIT}]))*(?:[.．][${DIGIT}]+)?[百千万亿]*[%％‰]?`;
const HAN = '[〇零一二两三四五六七八九十百千万亿]+';
const FIGURE = new RegExp(`(${ARABIC})|(${HAN})`, 'g');

/**
 * Characters that make a lone Chinese numeral a quantity (一年, 三批, 五项). Without this, every 一 in
 * 统一 / 进一步 / 一些 would count as a figure and harmless edits around such words would orphan
 * highlights for nothing.
 */
const COUNTERS = new Set(Array.from('年月日时号个项批家种次倍成元角亿万人名条所级类期轮届岁天周季位款章节份件台张例笔'));

/** Sentence ends: context beyond them belongs to another sentence and another set of figures. */
const SENTENCE_END = /[。！？；!?;\n\r]/;

function canonicalArabic(raw: string): string {
  let s = '';
  for (const ch of raw) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) s += String.fromCharCode(code - 0xfee0);
    else if (ch === ',' || ch === '，') continue;
    else if (ch === '．') s += '.';
    else if (ch === '％') s += '%';
    else s += ch;
  }
  // "06月04日" and "6月4日" name the same date.
  return s.replace(/^0+(?=\d)/, '');
}

/** All figures in `s`, in order. */
export function figureTokens(s: string): FigureToken[] {
  const tokens: FigureToken[] = [];
  FIGURE.lastIndex = 0;
  for (let m = FIGURE.exec(s); m !== null; m = FIGURE.exec(s)) {
    const raw = m[0];
    const start = m.index;
    const end = start + raw.length;
    if (m[1] !== undefined) {
      tokens.push({ value: canonicalArabic(raw), start, end });
      continue;
    }
    const before = s.charAt(start - 1);
    const after = s.charAt(end);
    const quantity = raw.length >= 2 || before === '第' || s.slice(Math.max(0, start - 2), start) === '分之' || COUNTERS.has(after);
    if (quantity) tokens.push({ value: raw.replace(/〇/g, '零'), start, end });
  }
  return tokens;
}

/** Figure values of `s` in order, as one comparable sequence. */
export function figureValues(s: string): string[] {
  return figureTokens(s).map((t) => t.value);
}

interface SentenceFigures {
  before: string[];
  quote: string[];
  after: string[];
}

/**
 * Split the figures around a quote into those before it (same sentence), inside it and after it
 * (same sentence). A figure that straddles the quote boundary counts as inside, whole: a quote
 * ending in "2." of "2.4万亿" is compared on "2.4万亿". A figure touching the far edge of a context
 * window that did not end at a sentence boundary may be cut in half, so it is left out.
 */
function sentenceFigures(prefix: string, exact: string, suffix: string): SentenceFigures {
  let cut = -1;
  for (let i = prefix.length - 1; i >= 0; i -= 1) {
    if (SENTENCE_END.test(prefix.charAt(i))) {
      cut = i;
      break;
    }
  }
  const head = cut >= 0 ? prefix.slice(cut + 1) : prefix;
  const headTruncated = cut < 0 && prefix.length > 0;
  const tailCut = suffix.search(SENTENCE_END);
  const tail = tailCut >= 0 ? suffix.slice(0, tailCut) : suffix;
  const tailTruncated = tailCut < 0 && suffix.length > 0;

  const combined = head + exact + tail;
  const qStart = head.length;
  const qEnd = qStart + exact.length;
  const out: SentenceFigures = { before: [], quote: [], after: [] };
  for (const t of figureTokens(combined)) {
    if (t.end <= qStart) {
      if (!(headTruncated && t.start === 0)) out.before.push(t.value);
    } else if (t.start >= qEnd) {
      if (!(tailTruncated && t.end === combined.length)) out.after.push(t.value);
    } else {
      out.quote.push(t.value);
    }
  }
  return out;
}

function sameSequence(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** The figures nearest the quote agree, as far as both sides have them. */
function nearestAgree(a: readonly string[], b: readonly string[], fromEnd: boolean): boolean {
  const k = Math.min(a.length, b.length);
  for (let i = 0; i < k; i += 1) {
    const x = fromEnd ? a[a.length - 1 - i] : a[i];
    const y = fromEnd ? b[b.length - 1 - i] : b[i];
    if (x !== y) return false;
  }
  return true;
}

export interface QuoteInContext {
  prefix: string;
  exact: string;
  suffix: string;
}

/**
 * Whether a candidate place may hold the stored quote as far as figures go.
 *
 * - the figures inside the quote must be exactly the same sequence;
 * - in the quote's own sentence, the figures nearest the quote must agree as far as both sides have
 *   them (an edit that drops a figure from the context does not orphan; one that changes it does).
 *
 * `actual` is the candidate's text with context windows as long as the stored prefix and suffix.
 */
export function figuresAgree(stored: QuoteInContext, actual: QuoteInContext): boolean {
  const s = sentenceFigures(stored.prefix, stored.exact, stored.suffix);
  const a = sentenceFigures(actual.prefix, actual.exact, actual.suffix);
  return sameSequence(s.quote, a.quote) && nearestAgree(s.before, a.before, true) && nearestAgree(s.after, a.after, false);
}

/** Matching characters a figure must have on its far side, too, to count as "in the same words". */
const ALIGN_BEYOND = 2;
const FIGURE_MARK = '#';

/** `s` without whitespace or punctuation-width differences, each figure replaced by one mark; the figures in order. */
function skeleton(s: string): { marks: string; values: string[] } {
  const tokens = figureTokens(s);
  let marks = '';
  let at = 0;
  for (const t of tokens) {
    marks += normalize(s.slice(at, t.start)) + FIGURE_MARK;
    at = t.end;
  }
  marks += normalize(s.slice(at));
  // A figure cut in half at the window's far edge has nothing past it, so ALIGN_BEYOND leaves it out.
  return { marks, values: tokens.map((t) => t.value) };
}

/**
 * Whether the figures of one context side (the stored prefix or suffix against the text next to a
 * candidate) agree wherever the two sides say the same words around them.
 *
 * Beyond the quote's own sentence `figuresAgree` does not look: a neighbouring sentence may be
 * rewritten or replaced. But a neighbour that reads word for word the same with other figures is
 * the mark of a look-alike (last year's paragraph of a template round-up, standing where the
 * highlighted one was deleted), not of an edit. Read from the quote outwards, the two sides are
 * compared as skeletons (normalised, each figure one mark); a figure inside the common run, with at
 * least two matching characters beyond it, is "in the same words", and its value must agree.
 *
 * `side` says which way is outwards: a prefix is read from its end, a suffix from its start.
 */
export function alignedFiguresAgree(stored: string, actual: string, side: 'prefix' | 'suffix'): boolean {
  const s = skeleton(stored);
  const a = skeleton(actual);
  const fromEnd = side === 'prefix';
  const len = Math.min(s.marks.length, a.marks.length);
  let run = 0;
  while (run < len) {
    const i = fromEnd ? s.marks.length - 1 - run : run;
    const j = fromEnd ? a.marks.length - 1 - run : run;
    if (s.marks.charAt(i) !== a.marks.charAt(j)) break;
    run += 1;
  }
  // Figures met inside the common run, from the quote outwards, each with ALIGN_BEYOND matching characters past it.
  let nth = 0;
  for (let k = 0; k < run; k += 1) {
    const i = fromEnd ? s.marks.length - 1 - k : k;
    if (s.marks.charAt(i) !== FIGURE_MARK) continue;
    const index = nth;
    nth += 1;
    if (run - k - 1 < ALIGN_BEYOND) break;
    const sv = fromEnd ? s.values[s.values.length - 1 - index] : s.values[index];
    const av = fromEnd ? a.values[a.values.length - 1 - index] : a.values[index];
    if (sv !== av) return false;
  }
  return true;
}
