import { afterEach, describe, expect, it } from 'vitest';
import { describe as describeText } from '../anchoring';
import { openLensDB, type HighlightRecord, type LensDB } from '../db/schema';
import {
  NOTE_MAX,
  TAGS_MAX,
  TAG_MAX,
  createHighlight,
  deleteHighlight,
  getHighlight,
  listForArticle,
  restoreHighlight,
  updateHighlight,
  type NewHighlight,
} from './store';
import { NOTE_SEPARATORS } from './note-merge';

let db: LensDB;
afterEach(() => db?.delete());
const fresh = () => (db = openLensDB(`test-${crypto.randomUUID()}`));

const TEXT = '　　国家医保局6月8日发布公报。2021年全国医保基金支出2.4万亿元，比上年增长14.3%。医保基金是人民群众的“救命钱”。';

function input(exact: string, extra: Partial<NewHighlight> = {}): NewHighlight {
  const start = TEXT.indexOf(exact);
  const { quote, position } = describeText(TEXT, start, start + exact.length);
  return {
    articleKey: 'sina:kfwxyuz1234567',
    url: 'https://finance.sina.com.cn/china/2022-06-08/doc-ikfwxyuz1234567.shtml',
    title: '国家医保局发布2021年统计公报',
    quote,
    position,
    ...extra,
  };
}

/** A clock that moves only when told to. */
function clock(iso: string) {
  let t = new Date(iso).getTime();
  return { now: () => new Date(t), tick: (ms: number) => (t += ms) };
}

describe('createHighlight', () => {
  it('stores selectors, article, colour, note, tags and times, with defaults', async () => {
    fresh();
    const c = clock('2024-05-01T08:00:00Z');
    const h = await createHighlight(db, input('2.4万亿元'), { now: c.now, newId: () => 'h1' });
    expect(h).toEqual({
      id: 'h1',
      articleKey: 'sina:kfwxyuz1234567',
      url: 'https://finance.sina.com.cn/china/2022-06-08/doc-ikfwxyuz1234567.shtml',
      title: '国家医保局发布2021年统计公报',
      quote: {
        type: 'TextQuoteSelector',
        exact: '2.4万亿元',
        prefix: '　　国家医保局6月8日发布公报。2021年全国医保基金支出',
        suffix: '，比上年增长14.3%。医保基金是人民群众的“救命钱”。',
      },
      position: { type: 'TextPositionSelector', start: TEXT.indexOf('2.4万亿元'), end: TEXT.indexOf('2.4万亿元') + 6 },
      color: 'yellow',
      note: '',
      tags: [],
      createdAt: '2024-05-01T08:00:00.000Z',
      updatedAt: '2024-05-01T08:00:00.000Z',
    });
    expect(await getHighlight(db, 'h1')).toEqual(h);
  });

  it('tidies tags: trimmed, empties and duplicates dropped', async () => {
    fresh();
    const h = await createHighlight(db, input('救命钱', { color: 'blue', note: '核对原文', tags: [' 基金监管 ', '', '基金监管', '公报'] }));
    expect(h).toMatchObject({ color: 'blue', note: '核对原文', tags: ['基金监管', '公报'] });
  });

  it.each<[Record<string, unknown>, string]>([
    [{ note: 'x'.repeat(NOTE_MAX + 1) }, `Create highlight: note: at most ${NOTE_MAX} characters (got ${NOTE_MAX + 1})`],
    [
      { tags: Array.from({ length: TAGS_MAX + 1 }, (_, i) => `t${i}`) },
      `Create highlight: tags: at most ${TAGS_MAX} tags (got ${TAGS_MAX + 1})`,
    ],
    [{ tags: ['长'.repeat(TAG_MAX + 1)] }, `Create highlight: tags.0: each tag at most ${TAG_MAX} characters`],
    [{ color: 'purple' }, 'Create highlight: color: colour must be one of yellow, green, blue, pink'],
    [{ url: 'javascript:alert(1)' }, 'Create highlight: url: must be an http(s) or extension URL'],
    [{ title: '  ' }, 'Create highlight: title: must not be empty'],
    [{ articleKey: '' }, 'Create highlight: articleKey: must not be empty'],
    [{ quote: { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' } }, 'Create highlight: quote.exact: must not be empty'],
    [{ position: { type: 'TextPositionSelector', start: 9, end: 3 } }, 'Create highlight: position: end must not be before start'],
    [{ createdAt: '2020-01-01T00:00:00Z' }, 'Create highlight: unknown field(s) createdAt'],
  ])('refuses %j with a message naming the field', async (extra, message) => {
    fresh();
    await expect(createHighlight(db, { ...input('救命钱'), ...extra })).rejects.toThrow(message);
    expect(await db.highlights.count()).toBe(0);
  });

  it('accepts a note of exactly the limit and an extension URL (the reader page)', async () => {
    fresh();
    const h = await createHighlight(
      db,
      input('救命钱', {
        note: '注'.repeat(NOTE_MAX),
        articleKey: 'corpus:a_00000000000000b2',
        url: 'chrome-extension://abcdefghijklmnop/reader.html?id=x',
      }),
    );
    expect(h.note).toHaveLength(NOTE_MAX);
  });

  it('keeps a highlight to its article: an https Sina URL with the same key, or the reader page for corpus keys', async () => {
    fresh();
    const refused = async (extra: Partial<NewHighlight>) =>
      createHighlight(db, input('救命钱', extra)).then(
        () => 'stored',
        (e: Error) => e.message,
      );
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,<script>x</script>',
      'file:///etc/passwd',
      'https://example.com/doc-ikfwxyuz1234567.shtml',
      'chrome-extension://abc/reader.html',
    ]) {
      expect(await refused({ url })).toMatch(/^Create highlight: url: must be/);
    }
    expect(await refused({ url: 'https://finance.sina.com.cn/china/2022-06-08/doc-iotherid1234567.shtml' })).toBe(
      "Create highlight: url: is the Sina article sina:otherid1234567, not the highlight's article sina:kfwxyuz1234567",
    );
    expect(await refused({ articleKey: 'anything' })).toMatch(/^Create highlight: articleKey: must be sina:<article id>/);
    expect(await refused({ articleKey: 'corpus:a_00000000000000b2', url: 'javascript:alert(1)' })).toMatch(
      /^Create highlight: url: must be/,
    );
    // Old records with http Sina URLs come back as https.
    const h = await createHighlight(db, input('救命钱', { url: 'http://finance.sina.com.cn/china/2022-06-08/doc-ikfwxyuz1234567.shtml' }));
    expect(h.url).toBe('https://finance.sina.com.cn/china/2022-06-08/doc-ikfwxyuz1234567.shtml');
  });
});

describe('updateHighlight', () => {
  it('edits note, colour and tags and moves updatedAt forward, even within the same millisecond', async () => {
    fresh();
    const c = clock('2024-05-01T08:00:00Z');
    const h = await createHighlight(db, input('2.4万亿元'), { now: c.now });
    const a = await updateHighlight(db, h.id, { note: '比2020年多', color: 'green' }, { now: c.now });
    expect(a).toMatchObject({ note: '比2020年多', color: 'green', createdAt: h.createdAt, updatedAt: '2024-05-01T08:00:00.001Z' });
    c.tick(5000);
    const b = await updateHighlight(db, h.id, { tags: ['数据'] }, { now: c.now });
    expect(b).toMatchObject({ note: '比2020年多', color: 'green', tags: ['数据'], updatedAt: '2024-05-01T08:00:05.000Z' });
    expect(await getHighlight(db, h.id)).toEqual(b);
  });

  it('writes nothing for a patch that changes nothing', async () => {
    fresh();
    const c = clock('2024-05-01T08:00:00Z');
    const h = await createHighlight(db, input('救命钱', { note: 'n' }), { now: c.now });
    c.tick(1000);
    expect(await updateHighlight(db, h.id, { note: 'n', color: 'yellow' }, { now: c.now })).toEqual(h);
  });

  it('re-attaches an orphan with a new quote and position, together only', async () => {
    fresh();
    const h = await createHighlight(db, input('2.4万亿元'));
    const moved = input('14.3%');
    const r = await updateHighlight(db, h.id, { quote: moved.quote, position: moved.position });
    expect(r.quote.exact).toBe('14.3%');
    expect(r.position).toEqual(moved.position);
    await expect(updateHighlight(db, h.id, { quote: moved.quote })).rejects.toThrow(
      'Update highlight: quote: quote and position are re-attached together',
    );
  });

  it('refuses unknown fields, bad values and missing highlights by name', async () => {
    fresh();
    const h = await createHighlight(db, input('救命钱'));
    await expect(updateHighlight(db, h.id, { articleKey: 'sina:other' })).rejects.toThrow('Update highlight: unknown field(s) articleKey');
    await expect(updateHighlight(db, h.id, { note: 'x'.repeat(NOTE_MAX + 1) })).rejects.toThrow(
      `Update highlight: note: at most ${NOTE_MAX} characters`,
    );
    await expect(updateHighlight(db, 'nope', { note: 'a' })).rejects.toThrow('Update highlight: no highlight with id nope');
  });
});

describe('the same note edited in two places', () => {
  it('keeps both versions, visibly, when the note was saved elsewhere since this editor opened', async () => {
    fresh();
    const h = await createHighlight(db, input('救命钱', { note: '原文' }));
    // Two tabs open the editor on '原文'; the first saves, then the second.
    await updateHighlight(db, h.id, { note: '第一个标签页写的', baseNote: '原文' });
    const second = await updateHighlight(db, h.id, { note: '第二个标签页写的', baseNote: '原文' });
    expect(second.note).toBe(`第一个标签页写的\n\n${NOTE_SEPARATORS.otherTab}\n第二个标签页写的`);
    expect((await getHighlight(db, h.id))?.note).toBe(second.note);
  });

  it('takes the edit as it is when nobody else changed the note meanwhile (a colour change does not count)', async () => {
    fresh();
    const h = await createHighlight(db, input('救命钱', { note: '原文' }));
    await updateHighlight(db, h.id, { color: 'pink' });
    expect((await updateHighlight(db, h.id, { note: '改过的', baseNote: '原文' })).note).toBe('改过的');
    // The same text saved twice (a double click, two tabs typing the same) is no conflict either.
    expect((await updateHighlight(db, h.id, { note: '改过的', baseNote: '原文' })).note).toBe('改过的');
    // A caller that does not say what it started from replaces the note, as before.
    expect((await updateHighlight(db, h.id, { note: '直接替换' })).note).toBe('直接替换');
  });

  it('refuses, keeping both saved and typed text where they are, when the two versions together would not fit', async () => {
    fresh();
    const h = await createHighlight(db, input('救命钱', { note: '原文' }));
    await updateHighlight(db, h.id, { note: '甲'.repeat(6000), baseNote: '原文' });
    await expect(updateHighlight(db, h.id, { note: '乙'.repeat(6000), baseNote: '原文' })).rejects.toThrow(
      /^Update highlight: note: this note was changed elsewhere while you edited it/,
    );
    expect((await getHighlight(db, h.id))?.note).toBe('甲'.repeat(6000));
  });
});

describe('delete and undo', () => {
  it('returns the deleted record and restores it exactly', async () => {
    fresh();
    const c = clock('2024-05-01T08:00:00Z');
    const h = await createHighlight(db, input('救命钱', { note: '重要', tags: ['监管'], color: 'pink' }), { now: c.now });
    c.tick(60_000);
    const edited = await updateHighlight(db, h.id, { note: '很重要' }, { now: c.now });
    const deleted = await deleteHighlight(db, h.id);
    expect(deleted).toEqual(edited);
    expect(await getHighlight(db, h.id)).toBeUndefined();
    expect(await deleteHighlight(db, h.id)).toBeNull();
    await restoreHighlight(db, deleted);
    expect(await getHighlight(db, h.id)).toEqual(edited);
  });

  it('refuses to restore something that is not a whole record', async () => {
    fresh();
    const h = await createHighlight(db, input('救命钱'));
    const { createdAt: _omit, ...partial } = h;
    await expect(restoreHighlight(db, partial)).rejects.toThrow('Restore highlight: createdAt:');
    await expect(restoreHighlight(db, { ...h, updatedAt: 'yesterday' })).rejects.toThrow(
      'Restore highlight: updatedAt: must be an ISO 8601 date-time',
    );
  });
});

describe('listForArticle', () => {
  it('lists one article’s highlights in reading order, whatever the creation order', async () => {
    fresh();
    const c = clock('2024-05-01T08:00:00Z');
    const made: HighlightRecord[] = [];
    for (const exact of ['救命钱', '国家医保局', '14.3%', '2.4万亿元']) {
      made.push(await createHighlight(db, input(exact), { now: c.now }));
      c.tick(1000);
    }
    await createHighlight(
      db,
      input('救命钱', { articleKey: 'sina:kother1234567', url: 'https://finance.sina.com.cn/china/2022-06-08/doc-ikother1234567.shtml' }),
    );
    const listed = await listForArticle(db, 'sina:kfwxyuz1234567');
    expect(listed.map((h) => h.quote.exact)).toEqual(['国家医保局', '2.4万亿元', '14.3%', '救命钱']);
  });
});
