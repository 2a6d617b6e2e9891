/**
 * The library's search and filter state (popup and full page) and how it becomes a LibraryQuery.
 * Pure functions, so the components stay small and the rules are tested here.
 */
import type { HighlightColor } from '../highlights/colors';
import { TAG_MAX, TAGS_MAX } from '../highlights/limits';
import type { LibraryIndex, LibraryQuery, LibraryResult } from './';

export type LibraryFilters = {
  /** What the reader typed, as typed (searchTerms folds it). */
  text: string;
  /** Colours shown; none means every colour. */
  colors: HighlightColor[];
  /** A catalogue measure id, or '' for any. */
  measureId: string;
  /** `YYYY-MM-DD` from `<input type="date">`, or ''. */
  from: string;
  to: string;
};

export const NO_FILTERS: LibraryFilters = { text: '', colors: [], measureId: '', from: '', to: '' };

/** Whether anything narrows the list (the count line and the exports say so). */
export function isFiltered(f: LibraryFilters): boolean {
  return f.text.trim() !== '' || f.colors.length > 0 || f.measureId !== '' || f.from !== '' || f.to !== '';
}

/** Whether the colour/measure/date filters (not the text) are set: "Clear filters" is offered then. */
export function hasFieldFilters(f: LibraryFilters): boolean {
  return f.colors.length > 0 || f.measureId !== '' || f.from !== '' || f.to !== '';
}

export function toggleColor(colors: readonly HighlightColor[], color: HighlightColor): HighlightColor[] {
  return colors.includes(color) ? colors.filter((c) => c !== color) : [...colors, color];
}

const YMD = /^\d{4}-\d{2}-\d{2}$/;

/** A date range whose start is after its end matches nothing; the filter bar says why instead. */
export function dateRangeReversed(f: Pick<LibraryFilters, 'from' | 'to'>): boolean {
  // YYYY-MM-DD strings order as the dates do.
  return YMD.test(f.from) && YMD.test(f.to) && f.from > f.to;
}

export function toLibraryQuery(f: LibraryFilters): LibraryQuery {
  return {
    text: f.text,
    colors: f.colors,
    ...(f.measureId && { measureId: f.measureId }),
    // A half-typed date (some browsers' date fields report '' until complete) is no bound at all.
    ...(YMD.test(f.from) && { from: f.from }),
    ...(YMD.test(f.to) && { to: f.to }),
  };
}

const EMPTY: LibraryResult = { groups: [], total: 0 };

/**
 * The matching groups. Never throws: a reversed range gives nothing (the filter bar explains), and a
 * date the index refuses (an impossible day such as 2024-02-30) is treated as absent.
 */
export function runLibraryQuery(index: LibraryIndex, f: LibraryFilters): LibraryResult {
  if (dateRangeReversed(f)) return EMPTY;
  const query = toLibraryQuery(f);
  try {
    return index.query(query);
  } catch {
    const { from: _from, to: _to, ...rest } = query;
    return index.query(rest);
  }
}

/**
 * Tags as typed in one field: separated by commas (ASCII, full-width `，` or `、`), semicolons or new
 * lines, trimmed, blanks and repeats dropped, in the order typed. Spaces stay inside a tag (`基金 监管`
 * is one tag), as the store keeps them.
 */
export function parseTags(input: string): string[] {
  const tags = input
    .split(/[,，、;；\n]/)
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
  return [...new Set(tags)];
}

export function formatTags(tags: readonly string[]): string {
  return tags.join(', ');
}

/** Why these tags would be refused, before asking the background (which checks the same limits). */
export function tagsProblem(
  tags: readonly string[],
): { kind: 'too-many'; max: number } | { kind: 'too-long'; tag: string; max: number } | null {
  if (tags.length > TAGS_MAX) return { kind: 'too-many', max: TAGS_MAX };
  const long = tags.find((tag) => tag.length > TAG_MAX);
  return long === undefined ? null : { kind: 'too-long', tag: long, max: TAG_MAX };
}
