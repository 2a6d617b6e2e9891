/**
 * Identity as the background asks it of the database (findSameArticle through analyzePageArticle):
 * an article re-published under another headline, minutes apart, with a lead paragraph added or
 * removed, is found as the stored one and not stored again; an identical copy is found; a different
 * article on the same topic is never taken for a stored one. On every labelled pair
 * (tests/eval/identity-pairs.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityPairs, type PairArticle } from '../../tests/eval/identity-pairs';
import type { LensDB } from '../db/schema';
import type { PageArticle } from '../messages/contract';
import { analyzePageArticle } from '../insight/analyze';
import { NEAR_WINDOW_MS, nearDuplicateCandidates } from './find-same-article';
import { catalogue, seededDB } from '../../tests/support/insight';
import { bodyFingerprint } from './';

const pairs = identityPairs();
let db: LensDB;
let pageNo = 0;
beforeAll(async () => {
  db = await seededDB();
});
afterAll(() => db?.delete());

/** A page for the article under a URL of its own, so the Sina key never decides. */
function pageOf(a: PairArticle): PageArticle {
  const id = `kpair${String(++pageNo).padStart(9, '0')}`;
  return {
    key: `sina:${id}`,
    id,
    url: `https://finance.sina.com.cn/china/2023-01-01/doc-i${id}.shtml`,
    mobileUrl: null,
    title: a.title,
    publishedAt: a.date ?? null,
    source: null,
    editor: null,
    originalTitle: null,
    paragraphs: a.paragraphs,
  };
}

describe('findSameArticle on labelled pairs', () => {
  it('finds the stored article for every same pair, and never for a different one', { timeout: 60_000 }, async () => {
    const stored = new Map<PairArticle, string>();
    for (const p of pairs) {
      if (stored.has(p.a)) continue;
      const insight = await analyzePageArticle(pageOf(p.a), { db, catalogue, addToCorpus: true });
      stored.set(p.a, insight.corpus!.id);
    }
    const count = await db.articles.count();
    const wrong: string[] = [];
    for (const p of pairs) {
      const insight = await analyzePageArticle(pageOf(p.b), { db, catalogue, addToCorpus: false });
      const found = insight.corpus?.id === stored.get(p.a);
      if (found !== p.same) wrong.push(`${p.id}: ${p.same ? 'not found' : `taken for ${stored.get(p.a)}`}`);
    }
    expect(wrong).toEqual([]);
    expect(await db.articles.count()).toBe(count);
  });

  it('stores a re-titled re-post once: the second visit joins the first', async () => {
    const p = pairs.find((x) => x.same && x.a.title !== x.b.title && x.b.paragraphs.length > x.a.paragraphs.length)!;
    const first = await analyzePageArticle(pageOf(p.a), { db, catalogue, addToCorpus: true });
    const before = await db.articles.count();
    const second = await analyzePageArticle(pageOf(p.b), { db, catalogue, addToCorpus: true });
    expect(second.corpus).toMatchObject({ id: first.corpus!.id, matchedBy: 'fingerprint', addedNow: false });
    expect(await db.articles.count()).toBe(before);
  });

  it('looks for re-posts among the articles published within days of the page only', async () => {
    const p = pairs.find((x) => x.id === 'drg-retitled-lead-added')!;
    const near = await nearDuplicateCandidates(db, { date: new Date(p.b.date!).toISOString() }, bodyFingerprint(p.b.paragraphs));
    expect(near.map((a) => a.title)).toContain(p.a.title);
    const later = new Date(Date.parse(p.b.date!) + NEAR_WINDOW_MS + 3600_000).toISOString();
    expect(await nearDuplicateCandidates(db, { date: later }, bodyFingerprint(p.b.paragraphs))).toEqual([]);
  });
});
