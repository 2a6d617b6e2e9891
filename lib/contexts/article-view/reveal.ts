/**
 * Finds a piece of the article's text and scrolls to it. The text is found with the same anchoring
 * as highlights (quote with context, position as a hint), so it lands on the right mention even when
 * a sentence repeats. The flash that shows it is painted by the highlight painter, out of the page's
 * reach like the highlights themselves.
 */
import { buildTextMap, matchQuote, rangeFromOffsets } from '../../anchoring';
import type { TextTarget } from '../../messages/contract';

/** The target's place within `body` (an article body, or the reader page's article), or null. */
export function findText(body: Element, target: TextTarget): Range | null {
  const map = buildTextMap(body);
  const match = matchQuote(map.text, {
    quote: { type: 'TextQuoteSelector', exact: target.exact, prefix: target.prefix, suffix: target.suffix },
    position: { type: 'TextPositionSelector', start: target.start, end: target.end },
  });
  return match.status === 'anchored' ? rangeFromOffsets(map, match.start, match.end) : null;
}

/**
 * Scrolls a range of the page to the middle of the window. The range itself is centred, not its
 * paragraph (a long paragraph centred can leave the mention below the fold), and at once: a smooth
 * scroll started by a first click in the panel was cancelled in Chromium when focus moved into the
 * panel's frame, leaving the flash out of sight.
 */
export function scrollToRange(range: Range): void {
  const view = range.startContainer.ownerDocument?.defaultView;
  const rect = range.getBoundingClientRect();
  if (view && (rect.width > 0 || rect.height > 0)) {
    view.scrollTo({ top: view.scrollY + rect.top - Math.max(0, (view.innerHeight - rect.height) / 2), behavior: 'instant' });
  } else {
    const el = range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement;
    el?.scrollIntoView({ block: 'center', behavior: 'instant' });
  }
}
