/**
 * zod schemas for the W3C selectors of selectors.ts, for what reads them from outside (the highlight
 * store, imports). Kept apart so the content script, which only describes and anchors, does not load zod.
 */
import { z } from 'zod';
import type { AnchorSelectors, Selector, TextPositionSelector, TextQuoteSelector } from './selectors';

export const TextQuoteSelectorSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1),
  // Optional in the W3C model; other annotators may omit them, so imports default to no context.
  prefix: z.string().default(''),
  suffix: z.string().default(''),
}) satisfies z.ZodType<TextQuoteSelector>;

export const TextPositionSelectorSchema = z
  .object({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .refine((s) => s.end >= s.start, {
    message: 'end must not be before start',
    params: { code: 'field.end-before-start' },
  }) satisfies z.ZodType<TextPositionSelector>;

/** What a highlight stores to find its text again. */
export const AnchorSelectorsSchema = z.object({
  quote: TextQuoteSelectorSchema,
  position: TextPositionSelectorSchema.optional(),
}) satisfies z.ZodType<AnchorSelectors>;

/** Either selector, as it appears in a W3C `target.selector` array. */
export const SelectorSchema = z.union([TextQuoteSelectorSchema, TextPositionSelectorSchema]) satisfies z.ZodType<Selector>;

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
