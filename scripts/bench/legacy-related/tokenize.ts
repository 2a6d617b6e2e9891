// Copied unchanged from lib/related at c03d002 (the v3 layout), except imports; see db.ts.
/**
 * Text → index terms, identical in every browser: overlapping character bigrams for runs of Han
 * characters (医保基金 → 医保 保基 基金) and whole tokens for ASCII words and numbers (drg, 2021).
 *
 * Not Intl.Segmenter: Chrome and Firefox segment Chinese differently (and Firefox marks some words as
 * not word-like), so an index built in one and queried with the other's tokens would miss. Bigrams
 * need no dictionary, and a two-character window covers most Chinese policy vocabulary (医保, 集采,
 * 骗保); longer words are matched as chains of bigrams.
 */
import { foldText, isHan, isWordChar } from './normalize';
import { isStopTerm } from './stop-terms';

/**
 * Visit every term of the text in order, stop terms included, with the fold already applied.
 * `overlapsPrevious` is true for a bigram that shares its first character with the bigram just
 * visited (same Han run), which is how phrases.ts rebuilds readable phrases.
 * A Han run of one character (between punctuation) yields nothing: a single ideograph is too
 * ambiguous to be a topic. Words and numbers of one character (the 6 of 6月4日) are dropped likewise.
 */
export function forEachRawTerm(text: string, visit: (term: string, overlapsPrevious: boolean) => void): void {
  const folded = foldText(text);
  let prevHan = ''; // previous character of the current Han run, '' outside a run
  let runBigrams = 0; // bigrams visited in the current Han run
  let word = '';
  const endWord = () => {
    if (word.length >= 2) visit(word, false);
    word = '';
  };
  for (const ch of folded) {
    const cp = ch.codePointAt(0)!;
    if (isHan(cp)) {
      endWord();
      if (prevHan) visit(prevHan + ch, runBigrams++ > 0);
      prevHan = ch;
    } else {
      prevHan = '';
      runBigrams = 0;
      if (isWordChar(cp)) word += ch;
      else endWord();
    }
  }
  endWord();
}

/** The index terms of a text in reading order, stop terms removed. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  forEachRawTerm(text, (t) => {
    if (!isStopTerm(t)) out.push(t);
  });
  return out;
}

/**
 * How often each term occurs. The map's iteration order is the order of first occurrence, which
 * callers use to break ties deterministically (an earlier term is the more prominent one).
 */
export function termCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of tokenize(text)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}
