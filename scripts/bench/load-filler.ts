/**
 * Browser code for the load bench (scripts/bench/suites/load.ts), bundled by load-data.ts and run in
 * an extension page (`/options.html`), where the extension's IndexedDB lives. It writes the records
 * the extension itself would write, with the extension's own code (lib/db, lib/measures,
 * lib/identity, lib/related, lib/insight): nothing here reimplements what an article or a highlight
 * looks like once stored.
 *
 * Two ways to store articles, both timed by the caller:
 *  - `storeOneByOne`: the product's path for an article read or imported, `indexStoredArticle`, one
 *    transaction per article (measures, fingerprint, related-articles index);
 *  - `storeBatch`: the same derived fields (detectMeasures, bodyFingerprint), then one transaction
 *    per batch with `indexArticles` for the whole batch, as the related bench builds its index.
 */
import { lensDB, type HighlightRecord, type StoredArticle } from '../../lib/db/schema';
import { CORPUS_VERSION_KEY } from '../../lib/db/seed';
import { bodyFingerprint } from '../../lib/identity';
import { analyzePageArticle } from '../../lib/insight/analyze';
import { indexStoredArticle } from '../../lib/insight/indexer';
import type { PageArticle } from '../../lib/messages/contract';
import { measureCounts, topicsOf } from '../../lib/insight/related';
import { compileCatalogue, detectMeasures, type Catalogue, type CompiledCatalogue } from '../../lib/measures';
import { indexArticles } from '../../lib/related';

/** An article as sent from Node: everything but the fields derived from the paragraphs. */
export type ArticleWire = Omit<StoredArticle, 'text' | 'lead' | 'length'>;

let catalogue: Catalogue | undefined;
let compiled: CompiledCatalogue | undefined;

export function setCatalogue(c: Catalogue): void {
  catalogue = c;
  compiled = compileCatalogue(c);
}

function expand(a: ArticleWire): StoredArticle {
  const text = a.paragraphs.join('\n');
  return { ...a, lead: a.paragraphs[0] ?? '', text, length: text.length };
}

/** Waits for the background's first seeding (5 bundled articles), so nothing races it. */
export async function waitSeeded(timeoutMs = 30_000): Promise<{ articles: number; version: unknown }> {
  const db = lensDB();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const version = (await db.meta.get(CORPUS_VERSION_KEY))?.value;
    const articles = await db.articles.count();
    if (version !== undefined && articles > 0) return { articles, version };
    if (Date.now() > deadline) throw new Error(`the corpus was not seeded within ${timeoutMs} ms (${articles} articles)`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function storeOneByOne(batch: ArticleWire[]): Promise<number> {
  if (!catalogue) throw new Error('setCatalogue first');
  const db = lensDB();
  const t0 = performance.now();
  for (const a of batch) await indexStoredArticle(db, expand(a), catalogue);
  return performance.now() - t0;
}

/** storeOneByOne, each article timed apart (ms). */
export async function storeEachTimed(batch: ArticleWire[]): Promise<number[]> {
  if (!catalogue) throw new Error('setCatalogue first');
  const db = lensDB();
  const times: number[] = [];
  for (const a of batch) {
    const t0 = performance.now();
    await indexStoredArticle(db, expand(a), catalogue);
    times.push(performance.now() - t0);
  }
  return times;
}

export async function storeBatch(batch: ArticleWire[]): Promise<number> {
  if (!compiled) throw new Error('setCatalogue first');
  const db = lensDB();
  const t0 = performance.now();
  const indexed = batch.map((wire) => {
    const a = expand(wire);
    const hits = detectMeasures(a.text, compiled!);
    const measureSentences: Record<string, string> = {};
    for (const hit of hits) measureSentences[hit.measureId] = hit.mentions[0]!.sentence;
    return {
      ...a,
      measureIds: hits.map((h) => h.measureId),
      measureSentences,
      measureCounts: measureCounts(hits, a.title, catalogue!),
      fingerprint: bodyFingerprint(a.text),
    } satisfies StoredArticle;
  });
  await db.transaction('rw', db.tables, async () => {
    await db.articles.bulkPut(indexed);
    await indexArticles(
      db,
      indexed.map((a) => ({ article: a, ...topicsOf(a.measureCounts, catalogue!) })),
    );
  });
  return performance.now() - t0;
}

export async function storeHighlights(records: HighlightRecord[]): Promise<number> {
  const db = lensDB();
  const t0 = performance.now();
  await db.transaction('rw', db.highlights, async () => {
    await db.highlights.bulkPut(records);
  });
  return performance.now() - t0;
}

/**
 * The background's answer to a page's article:analyze (measures, timelines, related articles), run
 * here on the same database, timed `runs` times (ms each). Nothing is added to the corpus.
 */
export async function timeAnalysis(page: PageArticle, runs: number): Promise<number[]> {
  if (!catalogue) throw new Error('setCatalogue first');
  const db = lensDB();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await analyzePageArticle(page, { db, catalogue, addToCorpus: false });
    times.push(performance.now() - t0);
  }
  return times;
}

export async function counts(): Promise<Record<string, number>> {
  const db = lensDB();
  return {
    articles: await db.articles.count(),
    highlights: await db.highlights.count(),
    docs: await db.docs.count(),
    terms: await db.terms.count(),
  };
}
