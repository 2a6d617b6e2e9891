/**
 * W3C Web Annotation selectors (https://www.w3.org/TR/annotation-model/#selectors), relative to the
 * text of the article body as `text-map.ts` builds it.
 *
 * The quote selector is what survives edits; the position selector is only a hint for choosing
 * between places and for narrowing the fuzzy search on long pages.
 */
import { z } from 'zod';

/** Characters of context kept on each side of the quote: enough to tell template sentences apart. */
export const CONTEXT_LENGTH = 32;

export const TextQuoteSelectorSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1),
  // Optional in the W3C model; other annotators may omit them, so imports default to no context.
  prefix: z.string().default(''),
  suffix: z.string().default(''),
});
export type TextQuoteSelector = z.infer<typeof TextQuoteSelectorSchema>;

export const TextPositionSelectorSchema = z
  .object({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .refine((s) => s.end >= s.start, { message: 'end must not be before start' });
export type TextPositionSelector = z.infer<typeof TextPositionSelectorSchema>;

/** What a highlight stores to find its text again. */
export const AnchorSelectorsSchema = z.object({
  quote: TextQuoteSelectorSchema,
  position: TextPositionSelectorSchema.optional(),
});
export type AnchorSelectors = z.infer<typeof AnchorSelectorsSchema>;

/** Either selector, as it appears in a W3C `target.selector` array. */
export const SelectorSchema = z.union([TextQuoteSelectorSchema, TextPositionSelectorSchema]);
export type Selector = z.infer<typeof SelectorSchema>;

/**
 * Pick our selectors out of a W3C `target.selector` list (which may hold other kinds, e.g. a
 * RangeSelector from another tool). Returns null when there is no usable quote.
 */
export function fromSelectorList(list: readonly unknown[]): AnchorSelectors | null {
  let quote: TextQuoteSelector | undefined;
  let position: TextPositionSelector | undefined;
  for (const item of list) {
    const parsed = SelectorSchema.safeParse(item);
    if (!parsed.success) continue;
    if (parsed.data.type === 'TextQuoteSelector') quote ??= parsed.data;
    else position ??= parsed.data;
  }
  return quote ? (position ? { quote, position } : { quote }) : null;
}

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
