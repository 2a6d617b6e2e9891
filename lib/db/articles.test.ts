import { afterEach, describe, expect, it } from 'vitest';
import {
  importArticles,
  learnArticleUrl,
  listCorpus,
  rekeyReaderHighlights,
  removeArticle,
  restoreArticle,
  type ParseArticle,
} from './articles';
import { openLensDB, type LensDB } from './schema';
import { seedCorpus } from './seed';
import { makeArticle } from '../../tests/support/db/articles';
import { makeHighlight } from '../../tests/support/db/highlights';

let db: LensDB;
afterEach(() => db?.delete());
const fresh = () => (db = openLensDB(`test-${crypto.randomUUID()}`));

// A stand-in parser keyed by file name: the real parser has its own tests; here the subject is storage.
const parse: ParseArticle = (bytes, file) => {
  const text = new TextDecoder().decode(bytes);
  if (text.startsWith('BAD')) throw new Error(`${file}:1: missing front matter`);
  return makeArticle(Number(text), { origin: 'imported' });
};
const file = (name: string, body: string) => ({ name, bytes: new TextEncoder().encode(body) });

describe('importArticles', () => {
  it('imports good files, reports duplicates and refuses bad ones without writing them', async () => {
    fresh();
    await seedCorpus(db, { version: 'v1', articles: [makeArticle(1)] });
    const progress: number[] = [];
    const results = await importArticles(db, [file('a.txt', '20'), file('bad.txt', 'BAD'), file('b.txt', '21'), file('again.txt', '1')], {
      parse,
      onProgress: (done) => progress.push(done),
      now: () => new Date('2024-05-05T00:00:00Z'),
    });
    expect(results.map((r) => r.status)).toEqual(['imported', 'refused', 'imported', 'duplicate']);
    expect(results[1]).toEqual({ file: 'bad.txt', status: 'refused', reason: 'bad.txt:1: missing front matter' });
    expect(progress).toEqual([1, 2, 3, 4]);
    expect(await db.articles.count()).toBe(3);
    const a = await db.articles.get(makeArticle(20).id);
    expect(a).toMatchObject({ origin: 'imported', file: 'a.txt', addedAt: '2024-05-05T00:00:00.000Z' });
    // The duplicate of a seed leaves the seed as it was.
    expect((await db.articles.get(makeArticle(1).id))?.origin).toBe('seed');
  });

  it('rolls the write back when indexing the article fails', async () => {
    fresh();
    const results = await importArticles(db, [file('a.txt', '30')], {
      parse,
      index: async () => {
        throw new Error('index full');
      },
    }).catch((e: Error) => e);
    expect(results).toBeInstanceOf(Error);
    expect(await db.articles.count()).toBe(0);
  });
});

describe('listCorpus and removeArticle', () => {
  it('lists newest first and removes imported articles but never seeds', async () => {
    fresh();
    await seedCorpus(db, { version: 'v1', articles: [makeArticle(1), makeArticle(3)] });
    await importArticles(db, [file('x.txt', '2')], { parse });
    const rows = await listCorpus(db);
    expect(rows.map((r) => r.origin)).toEqual(['seed', 'imported', 'seed']);
    expect(rows[0]).not.toHaveProperty('paragraphs');

    await expect(removeArticle(db, makeArticle(1).id)).rejects.toThrow(/ships with Policy Lens/);
    await expect(removeArticle(db, 'a_missing')).rejects.toThrow(/no article with id a_missing/);
    const unindexed: string[] = [];
    await removeArticle(db, makeArticle(2).id, async (id) => void unindexed.push(id));
    expect(unindexed).toEqual([makeArticle(2).id]);
    expect((await listCorpus(db)).map((r) => r.id)).toEqual([makeArticle(3).id, makeArticle(1).id]);
  });

  it('gives back the removed record, which undo puts back and indexes again', async () => {
    fresh();
    await importArticles(db, [file('x.txt', '2')], { parse });
    const before = await db.articles.get(makeArticle(2).id);
    const removed = await removeArticle(db, makeArticle(2).id);
    expect(removed).toEqual(before);
    const indexed: string[] = [];
    await restoreArticle(db, removed, async (a) => void indexed.push(a.id));
    expect(await db.articles.get(makeArticle(2).id)).toEqual(before);
    expect(indexed).toEqual([makeArticle(2).id]);
  });
});

describe('reader-page highlights and the Sina key', () => {
  const page = { key: 'sina:kqcfnaz9077291', url: 'https://finance.sina.com.cn/china/gncj/2021-06-04/doc-ikqcfnaz9077291.shtml' };
  /** A highlight made in the reader page, so filed under the corpus key with the reader page's URL. */
  const highlight = (id: string, articleKey: string) =>
    makeHighlight(id, articleKey, {
      url: 'chrome-extension://abc/reader.html',
      quote: { type: 'TextQuoteSelector', exact: '第1篇', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: 3 },
      note: '读者页面的笔记',
    });

  it('moves them to the key, with the page URL, when the article learns its Sina page', async () => {
    fresh();
    await seedCorpus(db, { version: 'v1', articles: [makeArticle(1), makeArticle(2)] });
    await db.highlights.bulkAdd([highlight('h1', `corpus:${makeArticle(1).id}`), highlight('h2', `corpus:${makeArticle(2).id}`)]);
    const moved = await learnArticleUrl(db, (await db.articles.get(makeArticle(1).id))!, page);
    expect(moved).toEqual([`corpus:${makeArticle(1).id}`, page.key]);
    expect(await db.highlights.get('h1')).toMatchObject({ articleKey: page.key, url: page.url, note: '读者页面的笔记' });
    expect((await db.highlights.get('h2'))?.articleKey).toBe(`corpus:${makeArticle(2).id}`);
    expect(await db.articles.get(makeArticle(1).id)).toMatchObject(page);
    // Known already: nothing moves again.
    expect(await learnArticleUrl(db, (await db.articles.get(makeArticle(1).id))!, { key: 'sina:other', url: 'https://x' })).toEqual([]);
  });

  it('moves those of articles that learned their key before this existed, at start', async () => {
    fresh();
    await seedCorpus(db, { version: 'v1', articles: [makeArticle(1), makeArticle(2)] });
    await db.articles.update(makeArticle(1).id, page);
    await db.highlights.bulkAdd([highlight('h1', `corpus:${makeArticle(1).id}`), highlight('h2', `corpus:${makeArticle(2).id}`)]);
    expect(await rekeyReaderHighlights(db)).toEqual([`corpus:${makeArticle(1).id}`, page.key]);
    expect((await db.highlights.get('h1'))?.articleKey).toBe(page.key);
    expect((await db.highlights.get('h2'))?.articleKey).toBe(`corpus:${makeArticle(2).id}`);
  });
});
