/**
 * Anchoring's options of the one text fold (lib/text/fold.ts), with the offset map back to the
 * original text.
 *
 * Sina pages are re-typeset over time: paragraphs gain or lose the `　　` indent, editors swap
 * full-width and half-width punctuation, quotes change style. None of that should turn a highlight
 * into an orphan, so quotes are compared on a folded form and the result mapped back to the
 * original offsets. Digits are deliberately left as digits (full-width folded to ASCII) because the
 * figures rule in `figures.ts` must still see them.
 *
 * Anchoring folds the most: every whitespace character and invisible mark is dropped (Chinese prose has
 * no meaningful spaces and paragraph breaks are only whitespace in textContent), CJK punctuation folds
 * to one ASCII representative per family (quotes, brackets, dashes, the ellipsis to three dots), and
 * Latin letters are lower-cased.
 */
import { foldedOffset, foldString, foldTextSteps, originalRange, type FoldedText, type FoldOptions } from '../text/fold';

const ANCHORING: FoldOptions = { case: 'lower', punctuation: 'all', spacing: 'drop' };

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
  const f = yield* foldTextSteps(text, ANCHORING, UNITS_PER_STEP);
  return { text, norm: f.folded, toOrig: f.toOrig, toNorm: f.toFolded };
}

/** The normalised form alone, for short strings such as quotes and their context. */
export function normalize(text: string): string {
  return foldString(text, ANCHORING);
}

const asFolded = (p: PreparedText): FoldedText => ({ text: p.text, folded: p.norm, toOrig: p.toOrig, toFolded: p.toNorm });

/** Map a half-open range in normalised coordinates back to the original text. */
export function toOriginalRange(prepared: PreparedText, normStart: number, normEnd: number): { start: number; end: number } {
  return originalRange(asFolded(prepared), normStart, normEnd);
}

/** Map an original offset into normalised coordinates (clamped to the text). */
export function toNormOffset(prepared: PreparedText, offset: number): number {
  return foldedOffset(asFolded(prepared), offset);
}
