/**
 * Paging and windowing the library list. With 10,000 highlights the list must not render them all,
 * so it shows the first FIRST_PAGE highlights (across article groups, newest article first) and
 * PAGE_SIZE more each time the reader scrolls to the end (an IntersectionObserver on a sentinel) or
 * presses "Show more". Of the groups loaded so, only those near the viewport are rendered (nextWindow):
 * a spacer of their measured height stands in for the groups above and another for those below, so
 * the document holds a few screens of rows however far the reader goes, and the scrollbar still
 * spans everything loaded.
 *
 * The rows that are rendered are plain document flow (no absolute positions, no estimated heights for
 * what is on screen): rows of very different heights (a one-line quote, a long note, an open editor)
 * need no measuring to be laid out, and keyboard focus and screen readers work as on any page. A
 * group holding the focus is never dropped, and focus moving up into the first rendered group brings
 * the ones above back before it gets there. Rows off screen but still rendered cost little: the
 * browser skips their style and layout (`content-visibility: auto` on each row, library.css).
 */
import type { HighlightRecord } from '../db/schema';
import type { LibraryGroup } from './';

/** Highlights rendered first: a screen's worth and more (rows are ~60–120 px), so the first list costs little. */
export const FIRST_PAGE = 20;
/** Highlights added by each "Show more" (or the sentinel coming into view). */
export const PAGE_SIZE = 50;

export type PagedGroup = {
  group: LibraryGroup;
  /** The group's first highlights that fit in the limit (all of them for every group but maybe the last). */
  shown: HighlightRecord[];
};

export type Page = {
  groups: PagedGroup[];
  /** Highlights rendered. */
  shown: number;
  /** Highlights matching. */
  total: number;
  hasMore: boolean;
};

/** The groups cut to at most `limit` highlights, in order; a group cut short keeps its header and count. */
export function pageGroups(groups: readonly LibraryGroup[], limit: number): Page {
  const out: PagedGroup[] = [];
  let shown = 0;
  let total = 0;
  for (const group of groups) {
    total += group.highlights.length;
    const room = limit - shown;
    if (room <= 0) continue;
    const slice = group.highlights.length <= room ? group.highlights : group.highlights.slice(0, room);
    out.push({ group, shown: slice });
    shown += slice.length;
  }
  return { groups: out, shown, total, hasMore: shown < total };
}

/** The next limit after "more": one page further, never past everything. */
export function nextLimit(limit: number, total: number, pageSize: number = PAGE_SIZE): number {
  return Math.min(Math.max(limit, 0) + pageSize, Math.max(total, pageSize));
}

/**
 * What part of the list is rendered: of the groups loaded (those holding the first `limit`
 * highlights), groups `first` to `last`; a spacer of their measured height stands in for the groups
 * before and after. `last` may be past the end (everything loaded, e.g. right after "Show more").
 */
export type ListWindow = { first: number; last: number; limit: number };

export const FIRST_WINDOW: ListWindow = { first: 0, last: Infinity, limit: FIRST_PAGE };

export type WindowLayout = {
  /** The loaded groups' heights in px: measured when they were last rendered (estimated before). */
  heights: readonly number[];
  /** The list's top edge relative to the viewport, in px (negative once scrolled past). */
  listTop: number;
  /** The viewport's height. */
  height: number;
  /** How far beyond the viewport groups stay rendered, in px. */
  margin: number;
  /** The group holding the focus (heights.length or more: the "Show more" button after them); -1 for none. */
  focus: number;
  /** Highlights shown in each loaded group, and how many a window may hold whatever its reach (the first page stays whole). */
  rows: readonly number[];
  keepRows: number;
};

/**
 * The window after a scroll, a resize, a render or a move of the focus: the groups within `margin` of
 * the viewport, and the one holding the focus (a focused element is never taken out of the document).
 * The current window is kept while it covers half a margin around the viewport and reaches no more
 * than two margins beyond it (or holds no more than `keepRows` highlights), so small scrolls
 * re-render nothing.
 */
export function nextWindow(w: ListWindow, layout: WindowLayout): ListWindow {
  const { heights, margin } = layout;
  const n = heights.length;
  if (n === 0) return w;
  const starts = [0];
  for (const h of heights) starts.push(starts[starts.length - 1]! + h);
  const top = -layout.listTop;
  const bottom = top + layout.height;
  const focus = layout.focus < 0 ? -1 : Math.min(layout.focus, n - 1);

  const last = Math.min(w.last, n - 1);
  const first = Math.min(w.first, last);
  const covers = starts[first]! <= Math.max(0, top - margin / 2) && (last === n - 1 || starts[last + 1]! >= bottom + margin / 2);
  let rows = 0;
  for (let i = first; i <= last; i++) rows += layout.rows[i] ?? 0;
  const lean = rows <= layout.keepRows || (starts[first + 1]! >= top - 2 * margin && starts[last]! <= bottom + 2 * margin);
  const holdsFocus = focus < 0 || (focus >= first && focus <= last);
  if (covers && lean && holdsFocus) return w.last === last && w.first === first ? w : { ...w, first, last };

  let from = 0;
  while (from < n - 1 && starts[from + 1]! <= top - margin) from++;
  let to = n - 1;
  while (to > from && starts[to]! >= bottom + margin) to--;
  if (focus >= 0) {
    from = Math.min(from, focus);
    to = Math.max(to, focus);
  }
  return from === w.first && to === w.last ? w : { first: from, last: to, limit: w.limit };
}
