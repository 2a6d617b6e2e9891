/**
 * The reader's selection, as something a highlight can be made of: only inside the article body,
 * not collapsed, not only whitespace, described as W3C selectors against the same text (with the
 * same skipped promo blocks) that anchoring will search on the next visit.
 *
 * A selection outside the body (title, navigation, comments, ads) is refused rather than clipped:
 * the toolbar simply does not appear there, which is easier to understand than a highlight that
 * silently covers less than what was selected.
 */
import { buildTextMap, describeRange, type TextMap, type TextPositionSelector, type TextQuoteSelector } from '../../../anchoring';
import { isNotArticleText } from '../../../highlights/skip';
import { findBody } from '../../../sina/markup';
import type { RectLike } from './geometry';

export type { RectLike };

/** Why a selection cannot become a highlight. */
export type SelectionRefusal = 'none' | 'collapsed' | 'no-article' | 'outside-article' | 'no-text';

export interface CapturedSelection {
  body: Element;
  /** A copy of the selected range (the live selection changes as the reader clicks on). */
  range: Range;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  /** The highlighted text (the quote, trimmed of edge whitespace). */
  text: string;
  /** Viewport rect of the whole selection (null without layout). */
  rect: RectLike | null;
  /** Viewport rect of the line where the selection ends — where the pointer is — for the toolbar. */
  focusRect: RectLike | null;
  backwards: boolean;
}

export type CaptureResult = { ok: true; selection: CapturedSelection } | { ok: false; reason: SelectionRefusal };

export interface CaptureOptions {
  /** The article body; defaults to findBody(document). */
  body?: Element | null;
  /** A text map of the body that reflects the current DOM (saves rebuilding it). */
  map?: TextMap;
}

/** Both ends of the range inside `el` (the element itself included). */
export function isRangeInside(range: Range, el: Element): boolean {
  return el.contains(range.startContainer) && el.contains(range.endContainer);
}

function toRect(r: DOMRect | RectLike): RectLike {
  return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height };
}

const laidOut = (r: RectLike) => r.width > 0 || r.height > 0;

/** Bounding and focus-end rects of a range in viewport coordinates; null where there is no layout. */
export function rangeRects(range: Range, backwards = false): { rect: RectLike | null; focusRect: RectLike | null } {
  const bounding = typeof range.getBoundingClientRect === 'function' ? toRect(range.getBoundingClientRect()) : null;
  const lines = typeof range.getClientRects === 'function' ? Array.from(range.getClientRects(), toRect).filter(laidOut) : [];
  const rect = bounding && laidOut(bounding) ? bounding : null;
  const focusRect = (backwards ? lines[0] : lines[lines.length - 1]) ?? rect;
  return { rect, focusRect };
}

/** Whether the reader selected from the end towards the start (the pointer is then at the start). */
function isBackwards(selection: Selection, range: Range): boolean {
  const direction = (selection as Selection & { direction?: string }).direction;
  if (direction === 'backward') return true;
  if (direction === 'forward' || direction === 'none') return false;
  return selection.anchorNode === range.endContainer && selection.anchorOffset === range.endOffset && !range.collapsed;
}

/** Turns the current selection into selectors for a new highlight, or says why it cannot be one. */
export function captureSelection(selection: Selection | null, options: CaptureOptions = {}): CaptureResult {
  if (!selection || selection.rangeCount === 0) return { ok: false, reason: 'none' };
  // Firefox allows several ranges (Ctrl+select); a highlight is one passage, so the first one counts.
  const live = selection.getRangeAt(0);
  if (live.collapsed) return { ok: false, reason: 'collapsed' };
  const doc = live.startContainer.ownerDocument ?? (live.startContainer as Document);
  const body = options.body === undefined ? (findBody(doc)?.el ?? null) : options.body;
  if (!body) return { ok: false, reason: 'no-article' };
  if (!isRangeInside(live, body)) return { ok: false, reason: 'outside-article' };
  // Cheap early refusal before building the text map.
  if (live.toString().trim() === '') return { ok: false, reason: 'no-text' };

  const map = options.map ?? buildTextMap(body, { skip: isNotArticleText });
  const selectors = describeRange(map, live);
  if (!selectors) return { ok: false, reason: 'no-text' }; // only whitespace or only a promo block
  const backwards = isBackwards(selection, live);
  const range = live.cloneRange();
  return {
    ok: true,
    selection: {
      body,
      range,
      quote: selectors.quote,
      position: selectors.position,
      text: selectors.quote.exact,
      backwards,
      ...rangeRects(range, backwards),
    },
  };
}
