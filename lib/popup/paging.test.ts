import { describe, expect, it } from 'vitest';
import type { HighlightRecord } from '../db/schema';
import type { LibraryGroup } from '../library';
import { nextLimit, pageGroups, PAGE_SIZE } from './paging';

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
