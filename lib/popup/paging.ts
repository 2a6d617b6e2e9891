/**
 * Paging the library list. With 10,000 highlights the list must not render them all at once, so it
 * shows the first PAGE_SIZE highlights (across article groups, newest article first) and one page
 * more each time the reader scrolls to the end (an IntersectionObserver on a sentinel) or presses
 * "Show more". Paging rather than a windowed list: rows have very different heights (a one-line quote,
 * a long note, an open editor), which a window would have to measure; paged rows are plain document
 * flow, so find-in-page, keyboard focus and screen readers work as on any page. What stays costly once
 * thousands of rows are in the DOM (style and layout of rows far off screen) is skipped by the browser
 * with `content-visibility: auto` on each row (library.css).
 */
import type { HighlightRecord } from '../db/schema';
import type { LibraryGroup } from '../library';

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
