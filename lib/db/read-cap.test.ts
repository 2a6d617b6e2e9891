/**
 * Issue 16 item 6: pages cannot grow the corpus without limit. Read articles are bounded by count and
 * by text; the oldest without highlights go first; seeds, imports and highlighted articles never go.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Article } from '../corpus/article';
import { openLensDB, type LensDB, type StoredArticle } from './schema';
import { evictReadArticles, freeRoom, readUsage } from './read-cap';
import { makeArticle } from '../../tests/support/db/articles';
import { makeHighlight } from '../../tests/support/db/highlights';

let db: LensDB;
afterEach(() => db?.delete());

/** Article n, of origin `origin`, that joined the corpus on day n, with a body of `chars` characters. */
function article(n: number, origin: Article['origin'], chars = 100): StoredArticle {
  const paragraphs = [`第${n}篇。${'医'.repeat(chars - `第${n}篇。`.length)}`];
  return {
    ...makeArticle(n, { origin, paragraphs, lead: paragraphs[0]!, text: paragraphs[0]!, length: chars }),
    key: `sina:kcap${String(n).padStart(10, '0')}`,
    addedAt: new Date(Date.UTC(2024, 0, n)).toISOString(),
  };
}

async function library(): Promise<LensDB> {
  db = openLensDB(`test-${crypto.randomUUID()}`);
  await db.articles.bulkAdd([article(1, 'seed'), article(2, 'imported'), ...Array.from({ length: 10 }, (_, i) => article(10 + i, 'read'))]);
  return db;
}

const highlight = (id: string, articleKey: string) =>
  makeHighlight(id, articleKey, {
    url: 'https://finance.sina.com.cn/china/2024-01-01/doc-ikcap00000000.shtml',
    quote: { type: 'TextQuoteSelector', exact: '医', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 5, end: 6 },
  });

const ids = async (origin: Article['origin']) => (await db.articles.where('origin').equals(origin).primaryKeys()).sort();

describe('the cap on read articles', () => {
  it('evicts the oldest read articles without highlights first, and never seeds, imports or highlighted ones', async () => {
    await library();
    // The two oldest read articles carry highlights: one on its Sina page, one in the reader page.
    await db.highlights.bulkAdd([highlight('h1', article(10, 'read').key!), highlight('h2', `corpus:${article(11, 'read').id}`)]);
    const unindexed: string[] = [];
    const evicted = await evictReadArticles(db, { cap: { articles: 6, chars: 1e9 }, unindex: async (id) => void unindexed.push(id) });
    // 10 read articles, cap 6: down to 5 (the slack), so 5 go — the oldest without highlights.
    expect(evicted).toEqual([12, 13, 14, 15, 16].map((n) => article(n, 'read').id));
    expect(unindexed).toEqual(evicted);
    expect(await ids('read')).toEqual([10, 11, 17, 18, 19].map((n) => article(n, 'read').id).sort());
    expect(await ids('seed')).toEqual([article(1, 'seed').id]);
    expect(await ids('imported')).toEqual([article(2, 'imported').id]);
    // Their heads went with them.
    expect(await db.articleHeads.bulkGet(evicted)).toEqual(evicted.map(() => undefined));
  });

  it('keeps the read articles within a budget of text as well as a count', async () => {
    await library();
    await db.articles.add(article(30, 'read', 5000));
    expect(await readUsage(db, { articles: 100, chars: 3000 })).toMatchObject({ articles: 11, chars: 6000 });
    await evictReadArticles(db, { cap: { articles: 100, chars: 3000 } });
    const usage = await readUsage(db, { articles: 100, chars: 3000 });
    expect(usage.chars).toBeLessThanOrEqual(3000 * 0.98);
    // The oldest went first, though the newest is the big one: all ten small ones, then the big one.
    expect(await ids('read')).toEqual([]);
  });

  it('never evicts the article being read, nor anything while within the cap', async () => {
    await library();
    expect(await evictReadArticles(db, { cap: { articles: 10, chars: 1e9 } })).toEqual([]);
    const keep = article(10, 'read').id;
    const evicted = await evictReadArticles(db, { cap: { articles: 1, chars: 1e9 }, keep: [keep] });
    expect(evicted).not.toContain(keep);
    expect(await ids('read')).toEqual([keep]);
  });

  it('reads the lengths from heads, filling in heads written before they carried one', async () => {
    await library();
    const head = (await db.articleHeads.get(article(12, 'read').id))!;
    delete head.length;
    await db.articleHeads.put(head);
    expect((await readUsage(db)).chars).toBe(1000);
    expect((await db.articleHeads.get(article(12, 'read').id))?.length).toBe(100);
  });

  it('frees room for notes on demand, even within the cap, and says when there is none to free', async () => {
    await library();
    expect(await freeRoom(db)).toBe(true);
    expect(await ids('read')).toEqual([]);
    expect(await freeRoom(db)).toBe(false);
  });
});
