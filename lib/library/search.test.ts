import { describe, expect, it } from 'vitest';
import type { HighlightRecord } from '../db/schema';
import { buildLibraryIndex, createLibraryIndex, foldForSearch, searchTerms, type LibraryQuery } from './search';
import { ARTICLES, HIGHLIGHTS, URL_A, URL_C, URL_D } from '../../tests/support/library';

const index = createLibraryIndex(HIGHLIGHTS, ARTICLES);
const ids = (q: LibraryQuery) =>
  index
    .query(q)
    .groups.flatMap((g) => g.highlights.map((h) => h.id))
    .sort();

describe('foldForSearch and searchTerms', () => {
  it('folds width, case, whitespace and curly quotes the same way everywhere', () => {
    expect(foldForSearch('　ＤＲＧ２０２１（试点）\n\t付费 ')).toBe('drg2021(试点) 付费');
    expect(foldForSearch('“救命钱” ‘x’ 「y」')).toBe('"救命钱" \'x\' "y"');
  });

  it('splits on spaces (ideographic ones too), drops a leading # and repeats', () => {
    expect(searchTerms('  医保　基金  #公报 医保 ')).toEqual(['医保', '基金', '公报']);
    expect(searchTerms('')).toEqual([]);
    expect(searchTerms('# ##')).toEqual([]);
  });
});

describe('createLibraryIndex().query: text', () => {
  it('finds Chinese substrings inside quotes (no word boundaries needed)', () => {
    expect(ids({ text: '万亿' })).toEqual(['3f9c2a4e-8b1d-4c6a-9e2f-0a1b2c3d4e5f']);
    expect(ids({ text: '检查定点' })).toEqual(['h-a-2']);
  });

  it('needs every space-separated term (AND), in any field', () => {
    // 救命钱 is in the quotes of h-a-2 and h-b-1; 70.8 only in h-a-2's.
    expect(ids({ text: '救命钱' })).toEqual(['h-a-2', 'h-b-1']);
    expect(ids({ text: '救命钱 70.8' })).toEqual(['h-a-2']);
    // One term in the quote, the other in the note.
    expect(ids({ text: '万亿元 bulletin' })).toEqual(['3f9c2a4e-8b1d-4c6a-9e2f-0a1b2c3d4e5f']);
    expect(ids({ text: '救命钱 不存在' })).toEqual([]);
  });

  it('searches tags, with or without the #', () => {
    expect(ids({ text: '基金监管' })).toEqual(['h-a-2', 'h-b-1']);
    expect(ids({ text: '#基金监管' })).toEqual(['h-a-2', 'h-b-1']);
    expect(ids({ text: '支付方式改革' })).toEqual(['h-c-1']);
  });

  it('searches the article title, the corpus one and the one the highlight was made under', () => {
    // Only in article A's title.
    expect(ids({ text: '统计公报' })).toEqual(['3f9c2a4e-8b1d-4c6a-9e2f-0a1b2c3d4e5f', 'h-a-0', 'h-a-2']);
    // The seed title says _救命钱_; the highlight's title says “救命钱”; both are searched.
    expect(ids({ text: '韩正 _救命钱_' })).toEqual(['h-b-1']);
    expect(ids({ text: '韩正 "救命钱"' })).toEqual(['h-b-1']);
    // An article outside the corpus: its highlight's own title.
    expect(ids({ text: 'Pay by Group' })).toEqual(['h-d-1']);
    expect(ids({ text: 'group 扩围' })).toEqual(['h-d-1']);
  });

  it('folds case and width in both the query and the text', () => {
    expect(ids({ text: 'figure' })).toEqual(['3f9c2a4e-8b1d-4c6a-9e2f-0a1b2c3d4e5f']);
    expect(ids({ text: 'ＦＩＧＵＲＥ' })).toEqual(['3f9c2a4e-8b1d-4c6a-9e2f-0a1b2c3d4e5f']);
    // ＤＲＧ (full-width) in h-d-1's quote and title, DRG in article C's title and h-c-1's quote.
    expect(ids({ text: 'drg付费' })).toEqual(['h-d-1']);
    expect(ids({ text: 'ＤＲＧ/dip' })).toEqual(['h-c-1']);
    // Curly and straight quotes meet.
    expect(ids({ text: '"救命钱"' })).toEqual(['h-a-2', 'h-b-1']);
  });

  it('does not match across fields or across a tag boundary', () => {
    // h-a-1's tags are 数据 and 基金 支出: "数据基金" spans two tags.
    expect(ids({ text: '数据基金' })).toEqual([]);
    expect(ids({ text: '基金 支出' }).includes('3f9c2a4e-8b1d-4c6a-9e2f-0a1b2c3d4e5f')).toBe(true);
  });

  it('returns everything for an empty query', () => {
    const all = index.query({ text: '   ' });
    expect(all.total).toBe(HIGHLIGHTS.length);
    expect(index.size).toBe(HIGHLIGHTS.length);
  });
});

describe('createLibraryIndex().query: filters', () => {
  it('filters by a set of colours; an empty set means every colour', () => {
    expect(ids({ colors: ['blue'] })).toEqual(['h-a-0', 'h-c-1']);
    expect(ids({ colors: new Set(['pink', 'green']) })).toEqual(['3f9c2a4e-8b1d-4c6a-9e2f-0a1b2c3d4e5f', 'h-b-1']);
    expect(ids({ colors: [] })).toHaveLength(HIGHLIGHTS.length);
    expect(ids({ colors: ['blue'], text: '医保局' })).toEqual(['h-a-0', 'h-c-1']);
  });

  it('filters by measure through the article, and by the quote only where the article is unknown', () => {
    expect(ids({ measureId: 'fund-supervision' })).toEqual(['3f9c2a4e-8b1d-4c6a-9e2f-0a1b2c3d4e5f', 'h-a-0', 'h-a-2', 'h-b-1']);
    expect(ids({ measureId: 'drg-payment' })).toEqual(['h-c-1']);
    // h-d-1's article is not in the corpus: its quote is read, when the caller can detect measures.
    const detecting = createLibraryIndex(HIGHLIGHTS, ARTICLES, {
      detectMeasureIds: (text) => (foldForSearch(text).includes('drg') ? ['drg-payment'] : []),
    });
    expect(
      detecting
        .query({ measureId: 'drg-payment' })
        .groups.flatMap((g) => g.highlights.map((h) => h.id))
        .sort(),
    ).toEqual(['h-c-1', 'h-d-1']);
    expect(ids({ measureId: 'nrdl-negotiation' })).toEqual([]);
  });

  it('filters by local calendar days, both ends inclusive', () => {
    const at = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).toISOString();
    const rows: HighlightRecord[] = [
      { ...HIGHLIGHTS[0]!, id: 'before', createdAt: at(2024, 5, 9, 23, 59) },
      { ...HIGHLIGHTS[0]!, id: 'first-moment', createdAt: at(2024, 5, 10) },
      { ...HIGHLIGHTS[0]!, id: 'last-minute', createdAt: new Date(new Date(2024, 4, 13).getTime() - 1).toISOString() },
      { ...HIGHLIGHTS[0]!, id: 'after', createdAt: at(2024, 5, 13) },
    ];
    const local = createLibraryIndex(rows, ARTICLES);
    const got = (q: LibraryQuery) => local.query(q).groups.flatMap((g) => g.highlights.map((h) => h.id));
    expect(got({ from: '2024-05-10', to: '2024-05-12' }).sort()).toEqual(['first-moment', 'last-minute']);
    expect(got({ from: '2024-05-10' }).sort()).toEqual(['after', 'first-moment', 'last-minute']);
    expect(got({ to: '2024-05-09' })).toEqual(['before']);
    expect(got({ from: '2024-05-13', to: '2024-05-12' })).toEqual([]);
    expect(got({ from: '', to: '' })).toHaveLength(4);
    expect(() => local.query({ from: '2024-02-30' })).toThrow('Search highlights: from: expected a date as YYYY-MM-DD (got "2024-02-30")');
    expect(() => local.query({ to: '10/05/2024' })).toThrow('Search highlights: to: expected a date as YYYY-MM-DD');
  });
});

describe('createLibraryIndex().query: grouping', () => {
  it('groups by article, newest group first, highlights in reading order, with the article details', () => {
    const { groups, total } = index.query();
    expect(total).toBe(6);
    expect(groups.map((g) => [g.key, g.count, g.newestAt])).toEqual([
      ['corpus:a_00000000000000a1', 3, '2024-05-03T10:00:00.000Z'],
      ['sina:myiabcd1112223', 1, '2024-04-30T12:00:00.000Z'],
      ['corpus:a_00000000000000b2', 1, '2024-04-28T06:15:00.000Z'],
      ['corpus:a_00000000000000c3', 1, '2024-04-25T12:00:00.000Z'],
    ]);
    expect(groups[0]!.highlights.map((h) => h.id)).toEqual(['h-a-0', '3f9c2a4e-8b1d-4c6a-9e2f-0a1b2c3d4e5f', 'h-a-2']);
    expect(groups[0]).toMatchObject({
      articleId: 'a_00000000000000a1',
      title: '国家医保局发布2021年全国医疗保障事业发展统计公报',
      url: URL_A,
      date: '2022-06-08T02:00:00.000Z',
      source: '国家医保局',
    });
    // Outside the corpus: the highlight's title and URL, no date or source.
    expect(groups[1]).toEqual({
      key: 'sina:myiabcd1112223',
      title: '多地医保局推进ＤＲＧ付费 “Pay by Group” 试点扩围',
      url: URL_D,
      source: '',
      count: 1,
      newestAt: '2024-04-30T12:00:00.000Z',
      highlights: [HIGHLIGHTS[5]],
    });
    // A seed in the reader page: the display title (quotes restored) and no link (the reader page URL is not one).
    expect(groups[2]).toMatchObject({
      articleId: 'a_00000000000000b2',
      title: '韩正：医保基金是群众的“救命钱” 要持续加大监管力度',
      source: '新华社',
    });
    expect(groups[2]).not.toHaveProperty('url');
    expect(groups[3]).toMatchObject({ url: URL_C, date: '2021-11-26T09:15:00.000Z' });
  });

  it('orders groups by their newest matching highlight', () => {
    // Without green h-a-1, article A's newest match is still h-a-2 (2024-05-03): first.
    // With only blue and pink, A's only match is h-a-0 (2024-04-20): last.
    const { groups } = index.query({ colors: ['blue', 'yellow', 'pink'] });
    expect(groups.map((g) => g.key)).toEqual([
      'corpus:a_00000000000000a1',
      'sina:myiabcd1112223',
      'corpus:a_00000000000000b2',
      'corpus:a_00000000000000c3',
    ]);
    const blueOrPink = index.query({ colors: ['blue', 'pink'] }).groups;
    expect(blueOrPink.map((g) => [g.key, g.newestAt])).toEqual([
      ['corpus:a_00000000000000b2', '2024-04-28T06:15:00.000Z'],
      ['corpus:a_00000000000000c3', '2024-04-25T12:00:00.000Z'],
      ['corpus:a_00000000000000a1', '2024-04-20T23:30:00.000Z'],
    ]);
  });

  it('makes one group of an article highlighted on the Sina page and in the reader page', () => {
    const inReader: HighlightRecord = {
      ...HIGHLIGHTS[2]!,
      id: 'h-a-reader',
      articleKey: 'corpus:a_00000000000000a1',
      url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/reader.html?id=a_00000000000000a1',
      position: { type: 'TextPositionSelector', start: 50, end: 55 },
      createdAt: '2024-05-05T00:00:00.000Z',
    };
    const { groups } = createLibraryIndex([...HIGHLIGHTS, inReader], ARTICLES).query();
    expect(groups[0]).toMatchObject({ key: 'corpus:a_00000000000000a1', count: 4, url: URL_A, newestAt: '2024-05-05T00:00:00.000Z' });
    expect(groups[0]!.highlights.map((h) => h.id)).toEqual(['h-a-0', '3f9c2a4e-8b1d-4c6a-9e2f-0a1b2c3d4e5f', 'h-a-reader', 'h-a-2']);
  });

  it('gives the same order whatever order the highlights come in', () => {
    const shuffled = [HIGHLIGHTS[4]!, HIGHLIGHTS[1]!, HIGHLIGHTS[5]!, HIGHLIGHTS[0]!, HIGHLIGHTS[3]!, HIGHLIGHTS[2]!];
    expect(createLibraryIndex(shuffled, [...ARTICLES].reverse()).query()).toEqual(index.query());
  });
});

describe('createLibraryIndex at scale', () => {
  // How fast is for `npm run bench -- load`; here, that 10,000 are searched right.
  it('indexes and answers 10,000 highlights', () => {
    const many: HighlightRecord[] = Array.from({ length: 10_000 }, (_, i) => {
      const base = HIGHLIGHTS[i % HIGHLIGHTS.length]!;
      return {
        ...base,
        id: `bulk-${i}`,
        articleKey: `sina:bulk${String(i % 500).padStart(10, '0')}`,
        note: `${base.note} 第${i}条笔记`,
        position: { type: 'TextPositionSelector', start: i, end: i + 10 },
        createdAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
      };
    });
    const big = createLibraryIndex(many, ARTICLES);
    const typed = ['救', '救命', '救命钱', '救命钱 第99', '救命钱 第999条'].map((text) => big.query({ text, colors: ['yellow', 'pink'] }));
    expect(typed[4]!.total).toBe(1);
    expect(typed[0]!.groups.length).toBeGreaterThan(0);
  });
});

describe('buildLibraryIndex', () => {
  it('answers as createLibraryIndex does, built in slices that give the event loop its turn', async () => {
    const many: HighlightRecord[] = Array.from({ length: 2_600 }, (_, i) => ({ ...HIGHLIGHTS[i % HIGHLIGHTS.length]!, id: `h${i}` }));
    let pauses = 0;
    const sliced = await buildLibraryIndex(many, ARTICLES, {}, async () => {
      pauses += 1;
    });
    const whole = createLibraryIndex(many, ARTICLES);
    expect(pauses).toBeGreaterThan(5);
    for (const q of [{}, { text: '医保' }, { colors: ['green'] }] as LibraryQuery[]) expect(sliced.query(q)).toEqual(whole.query(q));
  });
});
