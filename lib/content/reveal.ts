/**
 * Scrolls the article to a piece of its text and flashes it. The text is found with the same anchoring
 * as highlights (quote with context, position as a hint), so it lands on the right mention even when
 * a sentence repeats. The flash uses the CSS Custom Highlight API: nothing in the page's DOM changes.
 */
import { buildTextMap, matchQuote, rangeFromOffsets } from '../anchoring';
import type { TextTarget } from '../messages/contract';
import { findBody } from '../sina/markup';

const FLASH = 'policy-lens-flash';
const FLASH_MS = 1600;

export function revealText(doc: Document, target: TextTarget): boolean {
  const body = findBody(doc)?.el;
  return body ? revealIn(body, target) : false;
}

/** The same within any element whose text the target's offsets refer to (the reader page's article). */
export function revealIn(body: Element, target: TextTarget): boolean {
  const map = buildTextMap(body);
  const match = matchQuote(map.text, {
    quote: { type: 'TextQuoteSelector', exact: target.exact, prefix: target.prefix, suffix: target.suffix },
    position: { type: 'TextPositionSelector', start: target.start, end: target.end },
  });
  if (match.status !== 'anchored') return false;
  showRange(rangeFromOffsets(map, match.start, match.end));
  return true;
}

/**
 * Scrolls a range of the page to the middle of the window and flashes it. The range itself is
 * centred, not its paragraph (a long paragraph centred can leave the mention below the fold), and at
 * once: a smooth scroll started by a first click in the panel was cancelled in Chromium when focus
 * moved into the panel's frame, leaving the flash out of sight.
 */
export function showRange(range: Range): void {
  const doc = range.startContainer.ownerDocument;
  const view = doc?.defaultView;
  const rect = range.getBoundingClientRect();
  if (view && (rect.width > 0 || rect.height > 0)) {
    view.scrollTo({ top: view.scrollY + rect.top - Math.max(0, (view.innerHeight - rect.height) / 2), behavior: 'instant' });
  } else {
    const el = range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement;
    el?.scrollIntoView({ block: 'center', behavior: 'instant' });
  }
  if (doc) flash(doc, range);
}

function flash(doc: Document, range: Range): void {
  const view = doc.defaultView as (Window & { CSS?: { highlights?: Map<string, unknown> }; Highlight?: new (...r: Range[]) => unknown }) | null;
  const registry = view?.CSS?.highlights;
  if (!registry || !view?.Highlight) return;
  if (!doc.getElementById(FLASH)) {
    const style = doc.createElement('style');
    style.id = FLASH;
    style.textContent = `::highlight(${FLASH}) { background-color: #ffd54f; color: inherit; }`;
    doc.head.append(style);
  }
  registry.set(FLASH, new view.Highlight(range));
  setTimeout(() => registry.delete(FLASH), FLASH_MS);
}
