/**
 * Measures' options of the one text fold (lib/text/fold.ts), applied to article text and to
 * catalogue surface forms before matching.
 *
 * Full width to ASCII (Sina's editors mix ＤＲＧ and DRG), Latin to upper case, the quote family to
 * straight quotes, and the spacing editors put in or leave out at will dropped: "DRG 付费" and
 * "DRG付费", "医保　基金" and "医保基金" are one phrase, while one space stays between two Latin words
 * ("DRG DIP" must not become "DRGDIP") and line breaks (paragraphs) stay. That changes the length,
 * so the fold returns, for every folded character, the index of the character it came from: offsets
 * reported to the panel are mapped back and always point at the page's own text.
 */
import { foldString, foldText, type FoldedText, type FoldOptions } from '../text/fold';

const MEASURES: FoldOptions = { case: 'upper', punctuation: 'quotes', spacing: 'join' };
/** The same, but keeping every character, so offsets in the folded text are offsets in the original. */
const MEASURES_SAME_LENGTH: FoldOptions = { ...MEASURES, spacing: 'keep' };

/** The fold of a whole string character by character; the result has the same length as the input. */
export function foldForMatch(text: string): string {
  return foldString(text, MEASURES_SAME_LENGTH);
}

/**
 * The fold matching runs on: spacing dropped, except one space between two Latin word characters;
 * lib/text/fold's originalRange maps a match back to the original text.
 */
export function foldForMatching(text: string): FoldedText {
  return foldText(text, MEASURES);
}

/** How a catalogue form or term is compared: the same fold as the text. */
export function foldForm(form: string): string {
  return foldString(form, MEASURES);
}

function isLatinWordCode(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
}

/** True for the folded characters that make up Latin words (A–Z, 0–9). */
export function isLatinWordChar(ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && isLatinWordCode(ch.charCodeAt(0));
}

/** isLatinWordChar for the code unit at `index` of a folded string (false outside it). */
export function isLatinWordAt(folded: string, index: number): boolean {
  return index >= 0 && index < folded.length && isLatinWordCode(folded.charCodeAt(index));
}
