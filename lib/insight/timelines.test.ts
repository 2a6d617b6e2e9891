import { afterEach, describe, expect, it } from 'vitest';
import { openLensDB, type LensDB, type StoredArticle } from '../db/schema';
import { makeArticle } from '../../tests/support/db/articles';
import { indexArticle, indexArticles, removeFromIndex } from '../related';
import { latestMentioning, TIMELINE_LIMIT } from './timelines';

const opened: LensDB[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const article = (n: number, date: string, measureIds: string[]): StoredArticle => ({
  ...makeArticle(n, { origin: 'imported', date }),
  addedAt: '2024-01-01T00:00:00.000Z',
  measureIds,
});

/** Stored and indexed, as the extension stores articles. */
async function corpus(articles: StoredArticle[]): Promise<LensDB> {
  const db = openLensDB(`test-${crypto.randomUUID()}`);
  opened.push(db);
  await db.articles.bulkAdd(articles);
  await indexArticles(
    db,
    articles.map((a) => ({ article: a, measures: Object.fromEntries(a.measureIds!.map((id) => [id, 1])) })),
  );
  return db;
}

const day = (d: number) => new Date(Date.UTC(2022, 0, d)).toISOString();
const idOf = (n: number) => makeArticle(n).id;
const ids = (t: { entries: StoredArticle[] } | undefined) => t?.entries.map((a) => a.id);

describe('latestMentioning', () => {
  it('gives each measure its latest mentions, oldest first, and counts them all without the article itself', async () => {
    const many = Array.from({ length: TIMELINE_LIMIT + 5 }, (_, i) => article(i + 1, day(i + 1), ['fund']));
    // A measure whose name starts like another's is a measure of its own.
    const db = await corpus([...many, article(100, day(2), ['fund-x']), article(101, day(3), ['drugs', 'fund'])]);
    const self = many.at(-1)!.id;
    const timelines = await latestMentioning(db, ['fund', 'drugs', 'none'], self);

    const fund = timelines.get('fund')!;
    expect(fund.total).toBe(TIMELINE_LIMIT + 5); // 25 articles and 101, less the article itself
    expect(fund.entries).toHaveLength(TIMELINE_LIMIT);
    expect(fund.entries.map((a) => a.date)).toEqual([...fund.entries.map((a) => a.date)].sort());
    expect(ids(fund)).not.toContain(self);
    expect(ids(fund)!.at(-1)).toBe(many.at(-2)!.id);
    expect(ids(timelines.get('drugs'))).toEqual([idOf(101)]);
    expect(timelines.get('drugs')!.total).toBe(1);
    expect(timelines.get('none')).toEqual({ entries: [], total: 0 });
    expect(timelines.get('fund-x')).toBeUndefined();
  });

  it('follows the corpus as articles change their measures or leave', async () => {
    const db = await corpus([article(1, day(1), ['fund']), article(2, day(2), ['fund'])]);
    await db.articles.update(idOf(2), { measureIds: ['drugs'] });
    await indexArticle(db, (await db.articles.get(idOf(2)))!, { measures: { drugs: 1 } });
    await db.articles.delete(idOf(1));
    await removeFromIndex(db, idOf(1));
    const timelines = await latestMentioning(db, ['fund', 'drugs'], undefined);
    expect(timelines.get('fund')).toEqual({ entries: [], total: 0 });
    expect(ids(timelines.get('drugs'))).toEqual([idOf(2)]);
    expect(timelines.get('drugs')!.total).toBe(1);
  });

  it('lists an article stored but not yet indexed, and counts at least what it lists', async () => {
    const db = await corpus([article(1, day(1), ['fund'])]);
    await db.articles.add(article(2, day(2), ['fund']));
    const fund = (await latestMentioning(db, ['fund'], undefined)).get('fund')!;
    expect(ids(fund)).toEqual([idOf(1), idOf(2)]);
    expect(fund.total).toBe(2);
  });
});
