import { describe, expect, it } from 'vitest';
import { createLibraryIndex } from './';
import { ARTICLES, HIGHLIGHTS } from '../../tests/support/library';
import {
  dateRangeReversed,
  formatTags,
  hasFieldFilters,
  isFiltered,
  NO_FILTERS,
  parseTags,
  runLibraryQuery,
  tagsProblem,
  toggleColor,
  toLibraryQuery,
} from './list-query';

const index = createLibraryIndex(HIGHLIGHTS, ARTICLES);
const ids = (filters: Partial<typeof NO_FILTERS>) =>
  runLibraryQuery(index, { ...NO_FILTERS, ...filters })
    .groups.flatMap((g) => g.highlights.map((h) => h.id))
    .sort();

describe('library filters', () => {
  it('knows when anything narrows the list', () => {
    expect(isFiltered(NO_FILTERS)).toBe(false);
    expect(isFiltered({ ...NO_FILTERS, text: '  ' })).toBe(false);
    expect(isFiltered({ ...NO_FILTERS, text: '医保' })).toBe(true);
    expect(hasFieldFilters({ ...NO_FILTERS, text: '医保' })).toBe(false);
    expect(hasFieldFilters({ ...NO_FILTERS, from: '2024-01-01' })).toBe(true);
  });

  it('toggles colours on and off', () => {
    expect(toggleColor([], 'pink')).toEqual(['pink']);
    expect(toggleColor(['pink', 'blue'], 'pink')).toEqual(['blue']);
  });

  it('leaves half-typed dates out of the query', () => {
    expect(toLibraryQuery({ ...NO_FILTERS, from: '2024-0', to: '2024-05-01', measureId: '' })).toEqual({
      text: '',
      colors: [],
      to: '2024-05-01',
    });
  });

  it('runs text, colour, measure and date filters together', () => {
    expect(ids({ text: '救命钱' })).toEqual(['h-a-2', 'h-b-1']);
    expect(ids({ text: '救命钱', colors: ['pink'] })).toEqual(['h-b-1']);
    expect(ids({ measureId: 'drg-payment' })).toEqual(['h-c-1']);
    expect(ids({ from: '2024-04-28', to: '2024-04-30' })).toEqual(['h-b-1', 'h-d-1']);
  });

  it('gives nothing for a reversed range, and ignores an impossible day instead of throwing', () => {
    expect(dateRangeReversed({ from: '2024-05-02', to: '2024-05-01' })).toBe(true);
    expect(dateRangeReversed({ from: '2024-05-01', to: '' })).toBe(false);
    expect(ids({ from: '2024-05-02', to: '2024-05-01' })).toEqual([]);
    expect(ids({ from: '2024-02-30' })).toHaveLength(HIGHLIGHTS.length);
  });
});

describe('tags as typed', () => {
  it('splits on ASCII and Chinese commas, semicolons and new lines; keeps spaces inside a tag', () => {
    expect(parseTags('基金监管，DRG、 基金 支出 ; x\n,, x')).toEqual(['基金监管', 'DRG', '基金 支出', 'x']);
    expect(parseTags('  ')).toEqual([]);
    expect(formatTags(['a', '基金 支出'])).toBe('a, 基金 支出');
  });

  it('says which limit a list breaks', () => {
    expect(tagsProblem(['a'])).toBeNull();
    expect(tagsProblem(Array.from({ length: 21 }, (_, i) => `t${i}`))).toEqual({ kind: 'too-many', max: 20 });
    expect(tagsProblem(['ok', 'x'.repeat(51)])).toEqual({ kind: 'too-long', tag: 'x'.repeat(51), max: 50 });
  });
});
