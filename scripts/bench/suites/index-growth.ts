/**
 * Issue 18.1: what one more article costs the related-articles index when the library is large, for
 * the layout up to schema v3 (df and all postings of a term in one row) and the v4 layout (df in its
 * own table, postings in blocks), side by side in one run, in Node (fake-indexeddb) and in Chromium
 * (real IndexedDB on disk, the driver bundled into a plain http page).
 *
 * Per layout and environment, on a fresh database: LIBRARY synthetic articles (the related bench's
 * generator) indexed in batches of BATCH (the fill, timed), then NEW more articles indexed one at a
 * time with indexArticle (each timed: the figure of the issue), QUERIES related-article queries by
 * id, and the NEW articles removed one at a time. Only the index is timed: not measure detection,
 * not the article's own row.
 *
 * Environment knobs for a quick try: BENCH_INDEX_ARTICLES (library size), BENCH_INDEX_BROWSER=0
 * (Node only).
 */
import 'fake-indexeddb/auto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pageBundle } from '../page-bundle';
import { chromium } from 'playwright-core';
import { findBrowser } from '../../harness/browsers';
import { measureCounts, topicsOf } from '../../../lib/insight/related';
import { detectMeasures } from '../../../lib/measures';
import { loadCatalogueFile } from '../../../lib/measures/load-catalogue';
import { openLayout, timeEach, type BenchEntry, type LayoutName } from '../index-growth/layouts';
import { round, summarize } from '../stats';
import { peersLeftOut, type Row, type Suite } from '../types';
import { machineLoad } from './machine-load';
import { generateCorpus, prng } from './related-corpus';

const LIBRARY = Number(process.env.BENCH_INDEX_ARTICLES ?? 10_000);
const IN_BROWSER = process.env.BENCH_INDEX_BROWSER !== '0';
const NEW = 20;
const QUERIES = 20;
const BATCH = 500;
/** v3 is the baseline (--peers); v4 is lib/related now. */
const LAYOUTS: LayoutName[] = ['v3', 'v4'];

type Figures = { fillS: number; indexOne: number[]; query: number[]; remove: number[]; rows: Record<string, number> };

/** The whole measurement for one layout, given where it runs. */
type Runner = {
  open(layout: LayoutName, dbName: string): Promise<void>;
  indexBatch(entries: BenchEntry[]): Promise<number>;
  indexEach(entries: BenchEntry[]): Promise<number[]>;
  queryEach(entries: BenchEntry[]): Promise<number[]>;
  removeEach(ids: string[]): Promise<number[]>;
  rows(): Promise<Record<string, number>>;
  close(): Promise<void>;
};

function nodeRunner(): Runner {
  let layout: ReturnType<typeof openLayout> | undefined;
  const open = () => layout ?? (() => {
    throw new Error('open a layout first');
  })();
  return {
    async open(name, dbName) {
      layout = openLayout(name, dbName);
    },
    async indexBatch(entries) {
      const t0 = performance.now();
      await open().indexBatch(entries);
      return performance.now() - t0;
    },
    indexEach: (entries) => timeEach(entries, (e) => open().indexOne(e)),
    queryEach: (entries) => timeEach(entries, (e) => open().query(e)),
    removeEach: (ids) => timeEach(ids, (id) => open().remove(id)),
    rows: () => open().rows(),
    close: async () => {
      await open().close();
      layout = undefined;
    },
  };
}

/** The driver bundled for a page: `window.__indexBench` with the Runner's methods. */
async function driverBundle(root: string): Promise<string> {
  return pageBundle(
    root,
    `
        import { openLayout, timeEach } from './scripts/bench/index-growth/layouts';
        let layout;
        window.__indexBench = {
          open: async (name, dbName) => { layout = openLayout(name, dbName); },
          indexBatch: async (entries) => { const t0 = performance.now(); await layout.indexBatch(entries); return performance.now() - t0; },
          indexEach: (entries) => timeEach(entries, (e) => layout.indexOne(e)),
          queryEach: (entries) => timeEach(entries, (e) => layout.query(e)),
          removeEach: (ids) => timeEach(ids, (id) => layout.remove(id)),
          rows: () => layout.rows(),
          close: async () => { await layout.close(); layout = undefined; },
        };`,
  );
}

async function chromiumRunner(root: string): Promise<Runner & { shutdown(): Promise<void> }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>index bench</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const context = await chromium.launchPersistentContext('', { executablePath: findBrowser('chromium'), headless: true, args: ['--no-first-run'] });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  await page.evaluate(await driverBundle(root));
  type Api = Omit<Runner, never>;
  const call = <K extends keyof Api>(method: K, ...args: Parameters<Api[K]>) =>
    page.evaluate(({ method, args }) => (window as unknown as { __indexBench: Record<string, (...a: unknown[]) => unknown> }).__indexBench[method]!(...args), { method, args }) as ReturnType<Api[K]>;
  return {
    open: (name, dbName) => call('open', name, dbName),
    indexBatch: (entries) => call('indexBatch', entries),
    indexEach: (entries) => call('indexEach', entries),
    queryEach: (entries) => call('queryEach', entries),
    removeEach: (ids) => call('removeEach', ids),
    rows: () => call('rows'),
    close: () => call('close'),
    async shutdown() {
      await context.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

async function measure(runner: Runner, layout: LayoutName, library: BenchEntry[], fresh: BenchEntry[], asked: BenchEntry[], log: (l: string) => void): Promise<Figures> {
  await runner.open(layout, `bench-index-${layout}-${Date.now()}`);
  let fillMs = 0;
  for (let i = 0; i < library.length; i += BATCH) {
    fillMs += await runner.indexBatch(library.slice(i, i + BATCH));
    if ((i / BATCH) % 4 === 3) log(`    ${layout}: ${i + BATCH}/${library.length} (${round(fillMs / 1000, 1)} s)`);
  }
  const indexOne = await runner.indexEach(fresh);
  const query = await runner.queryEach(asked);
  const remove = await runner.removeEach(fresh.map((e) => e.article.id));
  const rows = await runner.rows();
  await runner.close();
  return { fillS: round(fillMs / 1000, 1), indexOne, query, remove, rows };
}

export const indexGrowthSuite: Suite = {
  id: 'index',
  async run({ root, log, peers }) {
    const busy = machineLoad();
    const layouts = LAYOUTS.filter((l) => peers || l === 'v4');
    log(`generating ${LIBRARY} + ${NEW} synthetic articles…`);
    const catalogue = loadCatalogueFile();
    const entries: BenchEntry[] = generateCorpus(LIBRARY + NEW, root).map((a) => {
      const hits = detectMeasures(a.text, catalogue);
      return { article: { id: a.id, title: a.title, text: a.text }, measureIds: hits.map((h) => h.measureId), topics: topicsOf(measureCounts(hits, a.title, catalogue), catalogue) };
    });
    const library = entries.slice(0, LIBRARY);
    const fresh = entries.slice(LIBRARY);
    const rand = prng(11);
    const asked = Array.from({ length: QUERIES }, () => library[Math.floor(rand() * library.length)]!);

    const rows: Row[] = [];
    const environments: [string, () => Promise<Runner & { shutdown?(): Promise<void> }>][] = [['Node, fake-indexeddb', async () => nodeRunner()]];
    if (IN_BROWSER) environments.push(['Chromium, IndexedDB', () => chromiumRunner(root)]);
    for (const [where, start] of environments) {
      const runner = await start();
      try {
        for (const layout of layouts) {
          log(`${where}: ${layout} layout…`);
          const f = await measure(runner, layout, library, fresh, asked, log);
          const one = summarize(f.indexOne);
          log(`  one article: median ${one.median} ms; fill ${f.fillS} s`);
          rows.push({
            where,
            layout: layout === 'v3' ? 'v3: df + all postings per term row' : 'v4: df table + postings blocks',
            [`fill ${LIBRARY} (batches of ${BATCH}) s`]: f.fillS,
            'index one more: median ms': one.median,
            'index one more: p95 ms': one.p95,
            'query by id: median ms': summarize(f.query).median,
            'remove one: median ms': summarize(f.remove).median,
            rows: Object.entries(f.rows)
              .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
              .join(', '),
          });
        }
      } finally {
        await runner.shutdown?.();
      }
    }
    return {
      title: `Related-articles index at ${LIBRARY.toLocaleString('en')} articles: one more article indexed, ${peers ? 'v3 layout vs v4 (same run)' : 'v4 layout'}`,
      columns: Object.keys(rows[0]!),
      rows,
      notes: [
        `Each layout on a fresh database: ${LIBRARY.toLocaleString('en')} synthetic articles (scripts/bench/suites/related-corpus.ts) in batches of ${BATCH}, then ${NEW} more indexed one at a time with indexArticle (one transaction each: the figure issue 18 asks for), ${QUERIES} queries by id (limit 8), and the ${NEW} removed one at a time. Only the index: measure detection is done before, the article row is not written.`,
        peers
          ? 'v3 = lib/related at c03d002 (scripts/bench/legacy-related): a term row holds its df and all its postings, so every term of a new article rewrites a list that grows with the corpus. v4 = lib/related now: df and last block number in `terms`, postings in blocks of at most POSTING_BLOCK in `postings`.'
          : `v4 = lib/related now: df and last block number in \`terms\`, postings in blocks of at most POSTING_BLOCK in \`postings\`. ${peersLeftOut('the v3 layout (lib/related at c03d002)')}`,
        'Chromium: headless /usr/bin/chromium, the same driver bundled by esbuild into a plain http://127.0.0.1 page; IndexedDB on disk in a temporary profile.',
        busy,
      ],
    };
  },
};
