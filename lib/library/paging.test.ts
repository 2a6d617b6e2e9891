import { describe, expect, it } from 'vitest';
import type { HighlightRecord } from '../db/schema';
import type { LibraryGroup } from './';
import { FIRST_PAGE, FIRST_WINDOW, nextLimit, nextWindow, pageGroups, PAGE_SIZE } from './paging';

const group = (key: string, n: number): LibraryGroup => ({
  key,
  title: key,
  source: '',
  count: n,
  newestAt: '2024-01-01T00:00:00.000Z',
  highlights: Array.from({ length: n }, (_, i) => ({ id: `${key}-${i}` }) as HighlightRecord),
});

describe('pageGroups', () => {
  it('cuts the list after `limit` highlights, keeping the cut group with its full count', () => {
    const page = pageGroups([group('a', 3), group('b', 4), group('c', 2)], 5);
    expect(page.groups.map((g) => [g.group.key, g.shown.length, g.group.count])).toEqual([
      ['a', 3, 3],
      ['b', 2, 4],
    ]);
    expect(page).toMatchObject({ shown: 5, total: 9, hasMore: true });
  });

  it('shows everything when it fits', () => {
    const page = pageGroups([group('a', 3)], PAGE_SIZE);
    expect(page).toMatchObject({ shown: 3, total: 3, hasMore: false });
    expect(page.groups[0]!.shown).toBe(page.groups[0]!.group.highlights);
  });

  it('renders one page of 10,000 highlights, and one more page per step', () => {
    const groups = Array.from({ length: 500 }, (_, i) => group(`g${i}`, 20));
    const first = pageGroups(groups, PAGE_SIZE);
    expect(first.shown).toBe(PAGE_SIZE);
    expect(first.groups).toHaveLength(3);
    expect(first.total).toBe(10_000);
    expect(nextLimit(PAGE_SIZE, first.total)).toBe(2 * PAGE_SIZE);
    expect(nextLimit(9_990, 10_000)).toBe(10_000);
    expect(nextLimit(PAGE_SIZE, 10)).toBe(PAGE_SIZE);
  });
});

describe('nextWindow', () => {
  // 40 loaded groups of 300 px; a 600 px viewport; 1,200 px of margin.
  const heights = Array.from({ length: 40 }, () => 300);
  const at = (scrolled: number, focus = -1) => ({
    heights,
    listTop: 100 - scrolled,
    height: 600,
    margin: 1200,
    focus,
    rows: heights.map(() => 3),
    keepRows: 0,
  });

  it('renders the groups within a margin of the viewport', () => {
    // At the top: groups 0–5 reach down to 1,700 px, under 600 + 1,200 below the list's top at 100.
    expect(nextWindow(FIRST_WINDOW, at(0))).toEqual({ first: 0, last: 5, limit: FIRST_PAGE });
    // 6,000 px down: the viewport shows 5,900–6,500 of the list; groups 15–25 (4,500–7,800) are within 1,200 px of it.
    expect(nextWindow(FIRST_WINDOW, at(6000))).toEqual({ first: 15, last: 25, limit: FIRST_PAGE });
  });

  it('keeps the window through small scrolls', () => {
    const w = nextWindow(FIRST_WINDOW, at(6000));
    expect(nextWindow(w, at(6200))).toBe(w);
    expect(nextWindow(w, at(5800))).toBe(w);
    // Far enough that half a margin is no longer covered: moved.
    expect(nextWindow(w, at(7000))).toEqual({ first: 19, last: 28, limit: FIRST_PAGE });
  });

  it('keeps a first page whole however far below it reaches', () => {
    // 16 groups of 3: 48 highlights, kept; 17 groups: 51, cut to what is within reach.
    expect(nextWindow(FIRST_WINDOW, { ...at(0), heights: heights.slice(0, 16), keepRows: 50 })).toEqual({
      first: 0,
      last: 15,
      limit: FIRST_PAGE,
    });
    expect(nextWindow(FIRST_WINDOW, { ...at(0), heights: heights.slice(0, 17), keepRows: 50 })).toEqual({
      first: 0,
      last: 5,
      limit: FIRST_PAGE,
    });
  });

  it('jumps anywhere: from the end back to the top', () => {
    const end = nextWindow(FIRST_WINDOW, at(11_500));
    expect(end.last).toBe(39);
    expect(nextWindow(end, at(0))).toEqual({ first: 0, last: 5, limit: FIRST_PAGE });
  });

  it('never drops the group holding the focus, nor the "Show more" button', () => {
    expect(nextWindow(FIRST_WINDOW, at(6000, 2))).toEqual({ first: 2, last: 25, limit: FIRST_PAGE });
    expect(nextWindow(FIRST_WINDOW, at(0, 40)).last).toBe(39);
  });
});
