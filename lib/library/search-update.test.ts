/**
 * LibraryIndex.update: the index kept up to date with the library, folding only what changed. Every
 * answer must equal what an index built from scratch on the same data gives.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HighlightRecord } from '../db/schema';
import { buildLibraryIndex, createLibraryIndex, type LibraryArticle, type LibraryIndex, type LibraryQuery } from './search';
import { ARTICLES, ARTICLE_A, HIGHLIGHTS, byId } from '../../tests/support/library';

const QUERIES: LibraryQuery[] = [
  {},
  { text: '医保' },
  { text: '救命钱 基金' },
  { colors: ['yellow', 'blue'] },
  { measureId: 'fund-supervision' },
  { text: '文章' },
  { from: '2024-04-26', to: '2024-05-02' },
];

function sameAnswers(index: LibraryIndex, highlights: readonly HighlightRecord[], articles: readonly LibraryArticle[]) {
  const fresh = createLibraryIndex(highlights, articles);
  expect(index.size).toBe(fresh.size);
  for (const q of QUERIES) expect(index.query(q)).toEqual(fresh.query(q));
}

afterEach(() => vi.restoreAllMocks());

describe('LibraryIndex.update', () => {
  it('gives back the same index when nothing changed', () => {
    const index = createLibraryIndex(HIGHLIGHTS, ARTICLES);
    expect(index.update([...HIGHLIGHTS].reverse(), [...ARTICLES])).toBe(index);
  });

  it('answers as a fresh index after an edit, an addition and a deletion', () => {
    let highlights = [...HIGHLIGHTS];
    let index = createLibraryIndex(highlights, ARTICLES);
    const edited = { ...byId('h-c-1'), note: '新的笔记：谈判药品', updatedAt: '2024-06-01T00:00:00.000Z' };
    highlights = highlights.map((h) => (h.id === edited.id ? edited : h));
    index = index.update(highlights, ARTICLES)!;
    expect(index.query({ text: '谈判药品' }).groups.flatMap((g) => g.highlights.map((h) => h.id))).toEqual(['h-c-1']);
    sameAnswers(index, highlights, ARTICLES);

    const added: HighlightRecord = {
      ...byId('h-d-1'),
      id: 'h-d-2',
      title: '新的标题 更晚',
      createdAt: '2024-06-02T00:00:00.000Z',
      position: { type: 'TextPositionSelector', start: 1, end: 5 },
    };
    highlights = [...highlights, added];
    index = index.update(highlights, ARTICLES)!;
    // The newest highlight of an article outside the corpus names its group.
    expect(index.query().groups[0]).toMatchObject({ key: 'sina:myiabcd1112223', title: '新的标题 更晚', count: 2 });
    sameAnswers(index, highlights, ARTICLES);

    highlights = highlights.filter((h) => h.id !== 'h-a-2');
    index = index.update(highlights, ARTICLES)!;
    expect(index.query().groups.find((g) => g.key === 'corpus:a_00000000000000a1')?.count).toBe(2);
    sameAnswers(index, highlights, ARTICLES);
  });

  it('regroups when an article enters the corpus, and follows a changed article', () => {
    const highlights = [...HIGHLIGHTS];
    let index = createLibraryIndex(highlights, ARTICLES);
    const d: LibraryArticle = {
      id: 'a_00000000000000d4',
      key: 'sina:myiabcd1112223',
      title: '语料库里的标题',
      date: '2023-03-02T00:00:00.000Z',
      source: '新华社',
      measureIds: ['drg-payment'],
    };
    let articles: LibraryArticle[] = [...ARTICLES, d];
    index = index.update(highlights, articles)!;
    expect(index.query({ text: '语料库里' }).groups.map((g) => g.key)).toEqual(['corpus:a_00000000000000d4']);
    sameAnswers(index, highlights, articles);

    articles = articles.map((a) => (a.id === ARTICLE_A.id ? { ...a, title: '改过的标题', measureIds: ['drg-payment'] } : a));
    index = index.update(highlights, articles)!;
    expect(index.query({ text: '改过的' }).total).toBe(3);
    expect(index.query({ measureId: 'fund-supervision' }).groups.map((g) => g.key)).toEqual(['corpus:a_00000000000000b2']);
    sameAnswers(index, highlights, articles);
  });

  it('folds only the changed highlight, not the other 10,000', () => {
    const many: HighlightRecord[] = Array.from({ length: 10_000 }, (_, i) => ({
      ...HIGHLIGHTS[i % HIGHLIGHTS.length]!,
      id: `bulk-${i}`,
      articleKey: `sina:bulk${i % 500}`,
      position: { type: 'TextPositionSelector', start: i, end: i + 5 },
    }));
    const index = createLibraryIndex(many, ARTICLES);
    const normalize = vi.spyOn(String.prototype, 'normalize');
    const next = many.map((h) => (h.id === 'bulk-77' ? { ...h, note: '唯一的新笔记' } : h));
    const updated = index.update(next, ARTICLES)!;
    // Quote, note, tags and the title of the one changed highlight: a handful of folds, not tens of thousands.
    expect(normalize.mock.calls.length).toBeLessThan(20);
    expect(updated.query({ text: '唯一的新笔记' }).groups.flatMap((g) => g.highlights.map((h) => h.id))).toEqual(['bulk-77']);
  });

  it('says so when more changed than the caller wants done at once', () => {
    const index = createLibraryIndex(HIGHLIGHTS, ARTICLES);
    const fresh = HIGHLIGHTS.map((h) => ({ ...h }));
    expect(index.update(fresh, ARTICLES, 3)).toBeNull();
    expect(index.update(HIGHLIGHTS.slice(0, 1), ARTICLES, 3)).toBeNull();
    expect(index.update(HIGHLIGHTS.slice(0, 4), ARTICLES, 3)).not.toBeNull();
  });

  it('keeps what it folded when built anew in slices from a previous index', async () => {
    const index = createLibraryIndex(HIGHLIGHTS, ARTICLES);
    const normalize = vi.spyOn(String.prototype, 'normalize');
    const rebuilt = await buildLibraryIndex(HIGHLIGHTS, ARTICLES, {}, async () => undefined, index);
    expect(normalize).not.toHaveBeenCalled();
    sameAnswers(rebuilt, HIGHLIGHTS, ARTICLES);
  });
});

type Op =
  | { kind: 'add'; template: number; key: number; start: number; day: number; note: boolean }
  | { kind: 'edit'; at: number; note: string }
  | { kind: 'recolor'; at: number; color: 'yellow' | 'green' | 'blue' | 'pink' }
  | { kind: 'remove'; at: number }
  | { kind: 'article'; which: number; title: string };

/** Article keys the generated highlights use: three corpus articles (by Sina key or corpus id) and two outside. */
const KEYS = [
  'sina:kfwxyuz1234567',
  'corpus:a_00000000000000a1',
  'corpus:a_00000000000000b2',
  'sina:kyamrmz7654321',
  'sina:myiabcd1112223',
  'sina:outside0000001',
];

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('add' as const),
    template: fc.nat(5),
    key: fc.nat(KEYS.length - 1),
    start: fc.nat(200),
    day: fc.nat(40),
    note: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('edit' as const), at: fc.nat(), note: fc.constantFrom('', '医保基金', '文章笔记', 'note') }),
  fc.record({
    kind: fc.constant('recolor' as const),
    at: fc.nat(),
    color: fc.constantFrom('yellow' as const, 'green' as const, 'blue' as const, 'pink' as const),
  }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('article' as const), which: fc.nat(3), title: fc.constantFrom('医保文章', '新标题', '谈判') }),
);

describe('LibraryIndex.update, property', () => {
  it('after any sequence of changes, answers exactly as an index built from scratch', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), fc.integer({ min: 1, max: 8 }), async (ops, maxChanges) => {
        let highlights: HighlightRecord[] = [...HIGHLIGHTS];
        let articles: LibraryArticle[] = [...ARTICLES];
        let index = createLibraryIndex(highlights, articles);
        let n = 0;
        for (const o of ops) {
          if (o.kind === 'add') {
            const t = HIGHLIGHTS[o.template]!;
            highlights = [
              ...highlights,
              {
                ...t,
                id: `gen-${n++}`,
                articleKey: KEYS[o.key]!,
                url: o.key === 5 ? 'moz-extension://x/reader.html' : t.url,
                note: o.note ? '文章' : '',
                position: { type: 'TextPositionSelector', start: o.start, end: o.start + 3 },
                createdAt: new Date(Date.UTC(2024, 3, 1 + o.day)).toISOString(),
              },
            ];
          } else if (highlights.length > 0 && o.kind !== 'article') {
            const at = o.at % highlights.length;
            const h = highlights[at]!;
            if (o.kind === 'remove') highlights = highlights.filter((_, i) => i !== at);
            else
              highlights = highlights.map((x, i) =>
                i === at ? (o.kind === 'edit' ? { ...h, note: o.note } : { ...h, color: o.color }) : x,
              );
          } else if (o.kind === 'article') {
            if (o.which === 3) articles = articles.length > 2 ? articles.slice(0, 2) : [...ARTICLES];
            else articles = articles.map((a, i) => (i === o.which ? { ...a, title: o.title } : a));
          }
          // A small budget: big changes fall back to a build from the previous index, as the view does.
          index =
            index.update(highlights, articles, maxChanges) ??
            (await buildLibraryIndex(highlights, articles, {}, async () => undefined, index));
          sameAnswers(index, highlights, articles);
        }
      }),
      { numRuns: 150 },
    );
  });
});
