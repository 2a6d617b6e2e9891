/**
 * An archive imported through the options page's real import, in Chromium with the built extension: a
 * zip of a Hexo site (`hexo/source/_posts/*.md`, synthetic posts made from the seeds' paragraphs)
 * chosen in the file input, then read, parsed, stored and indexed by the import workers. Timed in the
 * page, from the input's change event to the finished report; the page's long tasks
 * (PerformanceObserver 'longtask') are collected over the same span. Afterwards the stores are counted
 * with raw IndexedDB: every post stored, in the heads table and in the related index.
 * Used by the import suite (`npm run bench -- import`) and by the scale suite's archiveImport.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import type { FixtureServer } from '../harness/fixture-server';
import { compileSeeds } from '../lens/compile-seeds';
import { launchLensChromium } from './chromium-lens';
import { syntheticSeedDocuments } from './suites/seed-format-corpus';

export type ArchiveImportFigures = {
  posts: number;
  finished: boolean;
  ms: number;
  imported: number;
  duplicate: number;
  refused: number;
  /** Worker time, ms: parsing (the parser worker), storing and indexing (the import worker), of which lib/related indexArticles. */
  parseMs: number;
  storeMs: number;
  indexMs: number;
  /** The options page's long tasks over the import: start (ms after the change event) and duration. */
  longTasks: { at: number; ms: number }[];
  stored: { articles: number; heads: number; indexed: number };
  zipBytes: number;
  postBytes: number;
};

type InPage = Omit<ArchiveImportFigures, 'posts' | 'finished' | 'stored' | 'zipBytes' | 'postBytes'>;

export async function importArchiveThroughOptionsPage(opts: { root: string; server: FixtureServer; posts: number; timeoutS: number; log(line: string): void }): Promise<ArchiveImportFigures> {
  const { root, server, posts, timeoutS, log } = opts;
  const dir = path.join(root, 'bench', 'tmp');
  mkdirSync(dir, { recursive: true });
  const zipFile = path.join(dir, `archive-${posts}.zip`);
  log(`writing a zip of ${posts.toLocaleString('en')} posts…`);
  const seeds = compileSeeds(path.join(root, 'seeds'), root).articles;
  // Every post its own: a date within 2015–2021 (six hours apart) and a line naming it, so none is
  // refused for a date in the future or reported as the same text as another.
  const docs = syntheticSeedDocuments(seeds, posts, 10_000).map((d, i) => ({
    ...d,
    text: d.text
      .replace(/^date: .*$/m, `date: ${new Date(Date.UTC(2015, 0, 1) + i * 6 * 3600_000).toUTCString()}`)
      .replace('<div>\n', `<div>\n<p cms-style="font-L">　　本文是导入测试存档的第${i + 1}篇。</p>\n`),
  }));
  const encoder = new TextEncoder();
  const zip = zipSync(Object.fromEntries(docs.map((d, i) => [`hexo/source/_posts/${String(i).padStart(5, '0')}.md`, encoder.encode(d.text)])));
  writeFileSync(zipFile, zip);
  const postBytes = docs.reduce((n, d) => n + encoder.encode(d.text).length, 0);

  const { context, origin } = await launchLensChromium(server);
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/options.html`);
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('[data-testid="corpus-summary"]')?.dataset.total ?? 0) >= 5, undefined, { timeout: 60_000 });
    await page.evaluate(() => {
      const w = window as unknown as { __bench: { start: number; longTasks: { at: number; ms: number }[] } };
      w.__bench = { start: 0, longTasks: [] };
      new PerformanceObserver((list) => {
        if (!w.__bench.start) return;
        for (const e of list.getEntries()) w.__bench.longTasks.push({ at: e.startTime - w.__bench.start, ms: e.duration });
      }).observe({ type: 'longtask', buffered: false });
      document.querySelector('[data-testid="import-input"]')!.addEventListener('change', () => (w.__bench.start = performance.now()), { capture: true });
    });
    log('importing through the options page…');
    await page.setInputFiles('[data-testid="import-input"]', zipFile);
    const read = () =>
      page.evaluate(() => {
        const s = document.querySelector<HTMLElement>('[data-testid="import-summary"]');
        const finished = document.querySelector('[data-testid="import-results"][data-finished="true"]') !== null && s !== null;
        const w = window as unknown as { __bench: { start: number; longTasks: { at: number; ms: number }[] } };
        // No named helper functions in here: the bench's TypeScript transform would wrap them in a
        // helper the page does not have.
        const d = s?.dataset ?? {};
        const imported = finished ? Number(d.imported ?? 0) : document.querySelectorAll('[data-testid="import-results"] li[data-status="imported"]').length;
        return {
          finished,
          page: {
            ms: performance.now() - w.__bench.start,
            longTasks: w.__bench.longTasks,
            imported,
            duplicate: Number(d.duplicate ?? 0),
            refused: Number(d.refused ?? 0),
            parseMs: Number(d.parseMs ?? 0),
            storeMs: Number(d.storeMs ?? 0),
            indexMs: Number(d.indexMs ?? 0),
          } satisfies InPage,
        };
      });
    let result = await read();
    const deadline = Date.now() + timeoutS * 1000;
    while (!result.finished && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      result = await read();
    }
    const stored = (await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('policy-lens');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(['articles', 'articleHeads', 'docs']);
            const out = { articles: 0, heads: 0, indexed: 0 };
            tx.objectStore('articles').count().onsuccess = (e) => (out.articles = (e.target as IDBRequest<number>).result);
            tx.objectStore('articleHeads').count().onsuccess = (e) => (out.heads = (e.target as IDBRequest<number>).result);
            tx.objectStore('docs').count().onsuccess = (e) => (out.indexed = (e.target as IDBRequest<number>).result);
            tx.oncomplete = () => resolve(out);
          };
        }),
    )) as ArchiveImportFigures['stored'];
    return { posts, finished: result.finished, ...result.page, stored, zipBytes: zip.length, postBytes };
  } finally {
    await context.close();
    rmSync(zipFile, { force: true });
  }
}
