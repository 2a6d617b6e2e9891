/**
 * W3C Web Annotation selectors (https://www.w3.org/TR/annotation-model/#selectors), relative to the
 * text of the article body as `text-map.ts` builds it.
 *
 * The quote selector is what survives edits; the position selector is only a hint for choosing
 * between places and for narrowing the fuzzy search on long pages.
 */
// No zod here: this module runs in the content script, where building zod schemas cost the page tens
// of milliseconds at start (scripts/bench/suites/load.ts). The schemas are in selector-schemas.ts.

/** Characters of context kept on each side of the quote: enough to tell template sentences apart. */
export const CONTEXT_LENGTH = 32;

export type TextQuoteSelector = { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string };
export type TextPositionSelector = { type: 'TextPositionSelector'; start: number; end: number };
/** What a highlight stores to find its text again. */
export type AnchorSelectors = { quote: TextQuoteSelector; position?: TextPositionSelector };
/** Either selector, as it appears in a W3C `target.selector` array. */
export type Selector = TextQuoteSelector | TextPositionSelector;

/** The W3C `target.selector` list for storage or export. */
export function toSelectorList(selectors: AnchorSelectors): Selector[] {
  return selectors.position ? [selectors.quote, selectors.position] : [selectors.quote];
}

export interface DescribeOptions {
  /** Context characters on each side (default 32). */
  contextLength?: number;
  /**
   * Drop whitespace at both ends of the selection first (default true). A drag-selection across
   * paragraphs usually picks up the `　　` indent or a line break, which is not what the reader meant
   * and would make the stored quote depend on page layout.
   */
  trimWhitespace?: boolean;
}

const EDGE_SPACE = /[\s\u200b\ufeff]/;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Move a cut so it never falls inside a surrogate pair (rare CJK extension characters, emoji). */
function safeCut(text: string, at: number, towardStart: boolean): number {
  if (at <= 0 || at >= text.length) return Math.max(0, Math.min(text.length, at));
  return isHighSurrogate(text.charCodeAt(at - 1)) ? (towardStart ? at - 1 : at + 1) : at;
}

/**
 * Describe `text[start, end)` with both selectors. Throws RangeError for an empty or out-of-bounds
 * range (after trimming), since such a highlight could never be shown.
 */
export function describe(text: string, start: number, end: number, options: DescribeOptions = {}): Required<AnchorSelectors> {
  const contextLength = options.contextLength ?? CONTEXT_LENGTH;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`describe: bad range [${start}, ${end}) for text of length ${text.length}`);
  }
  if (options.trimWhitespace ?? true) {
    while (start < end && EDGE_SPACE.test(text.charAt(start))) start += 1;
    while (end > start && EDGE_SPACE.test(text.charAt(end - 1))) end -= 1;
    if (start >= end) throw new RangeError('describe: the selection is only whitespace');
  }
  const prefixStart = safeCut(text, start - contextLength, false);
  const suffixEnd = safeCut(text, end + contextLength, true);
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, prefixStart), start),
      suffix: text.slice(end, suffixEnd),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}
