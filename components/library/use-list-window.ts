import type { RefObject } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { LibraryGroup } from '@/lib/library';
import { FIRST_WINDOW, nextLimit, nextWindow, pageGroups, PAGE_SIZE, type ListWindow, type PagedGroup } from '@/lib/library/paging';

/** A group's height before it was ever rendered (only groups whose data changed out of sight): header and rows. */
const estimate = (rows: number) => 56 + 92 * rows;

export type WindowedList = {
  /** The groups to render, with their place among all groups listed (from 0). */
  groups: (PagedGroup & { position: number })[];
  /** Heights of the spacers standing in for the groups before and after them, in px. */
  before: number;
  after: number;
  /** Highlights loaded (rendered or behind a spacer) and matching. */
  shown: number;
  total: number;
  hasMore: boolean;
  /** One page more at the end ("Show more", or the sentinel coming into view). */
  more(): void;
  /** Back to the first page: a new question starts at the top. */
  reset(): void;
  /** For the list's focusin: the window follows the focus. */
  onFocus(): void;
};

/**
 * The window of the list to render (lib/library/paging.ts, nextWindow), checked after every render,
 * on scroll and resize, and when the focus moves inside the list. `list` is the `<ol>` holding the
 * groups (`li.library-group`, each with `data-key` and `data-position`) between the two spacers,
 * followed in its parent by the "Show more" button.
 */
export function useListWindow(list: RefObject<HTMLOListElement | null>, groups: readonly LibraryGroup[]): WindowedList {
  const [w, setW] = useState<ListWindow>(FIRST_WINDOW);
  const heights = useRef(new Map<string, number>());
  const page = useMemo(() => pageGroups(groups, w.limit), [groups, w.limit]);
  const current = useRef({ w, page });
  current.current = { w, page };
  const frame = useRef<number | null>(null);

  const heightOf = (g: PagedGroup) => heights.current.get(g.group.key) ?? estimate(g.shown.length);
  const last = Math.min(w.last, page.groups.length - 1);
  const first = Math.max(0, Math.min(w.first, last));
  let before = 0;
  let after = 0;
  for (let i = 0; i < first; i++) before += heightOf(page.groups[i]!);
  for (let i = last + 1; i < page.groups.length; i++) after += heightOf(page.groups[i]!);

  const check = useCallback(() => {
    frame.current = null;
    const el = list.current;
    if (!el || typeof window === 'undefined') return;
    const { w: now, page: loaded } = current.current;
    const active = document.activeElement;
    const moreButton = el.parentElement?.querySelector('[data-testid="library-more"]');
    let focus = active !== null && moreButton === active ? loaded.groups.length : -1;
    for (const li of el.querySelectorAll<HTMLElement>(':scope > li.library-group')) {
      const key = li.dataset.key;
      if (!key) continue;
      heights.current.set(key, li.getBoundingClientRect().height);
      if (active && li.contains(active)) focus = Number(li.dataset.position ?? -1);
    }
    const height = window.innerHeight;
    const next = nextWindow(now, {
      heights: loaded.groups.map((g) => heights.current.get(g.group.key) ?? estimate(g.shown.length)),
      listTop: el.getBoundingClientRect().top,
      height,
      margin: Math.max(2 * height, 1200),
      focus,
      rows: loaded.groups.map((g) => g.shown.length),
      keepRows: PAGE_SIZE,
    });
    if (next !== now) setW(next);
  }, [list]);

  const schedule = useCallback(() => {
    if (frame.current !== null) return;
    frame.current =
      typeof requestAnimationFrame === 'function' ? requestAnimationFrame(check) : (setTimeout(check, 16) as unknown as number);
  }, [check]);

  useEffect(() => {
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule, { passive: true });
    return () => {
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      if (frame.current !== null && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame.current);
    };
  }, [schedule]);
  // After every render: a page added, an edit or the first measure may have moved things.
  useEffect(schedule);

  const total = page.total;
  return {
    groups: page.groups.slice(first, last + 1).map((g, i) => ({ ...g, position: first + i })),
    before,
    after,
    shown: page.shown,
    total,
    hasMore: page.hasMore,
    // The new page is rendered whole at first (as far as `last` reaches); the next check trims what is out of reach.
    more: useCallback(() => setW((x) => ({ ...x, last: Infinity, limit: nextLimit(x.limit, total) })), [total]),
    reset: useCallback(() => setW(FIRST_WINDOW), []),
    onFocus: schedule,
  };
}
