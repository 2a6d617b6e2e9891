/**
 * Highlights anchoring: describe a selection as W3C selectors, and find it again on a later visit.
 *
 * - `buildTextMap` / `rangeFromOffsets` / `offsetsFromRange`: the article body's text and the DOM.
 * - `describe` / `describeRange`: TextQuoteSelector + TextPositionSelector for a selection.
 * - `matchQuote` (pure text) and `anchorAll` (DOM, time-sliced): selectors back to a place, or an
 *   orphan with a reason. Wrong places are avoided before anything else (see `match-quote.ts`).
 */
export { anchorAll, describeRange, yieldToEventLoop, type AnchorAllOptions, type AnchorOutcome, type HighlightToAnchor } from './anchor';
export { figureValues, figuresAgree } from './figures';
export { matchQuote, matchQuoteSteps, type AnchorMethod, type MatchOptions, type MatchResult, type OrphanReason } from './match-quote';
export { normalize, prepareText, prepareTextSteps, type PreparedText } from './normalize';
export {
  CONTEXT_LENGTH,
  describe,
  toSelectorList,
  type AnchorSelectors,
  type DescribeOptions,
  type Selector,
  type TextPositionSelector,
  type TextQuoteSelector,
} from './selectors';
// The zod schemas and fromSelectorList are in './selector-schemas', left out here to keep zod out of the content script.
export { buildTextMap, buildTextMapSteps, offsetsFromRange, rangeFromOffsets, type TextMap, type TextMapOptions } from './text-map';
