/**
 * Filling a browser profile's IndexedDB with a library, for the load and scale benches
 * (suites/load.ts with Playwright in Chromium, suites/scale.ts through the test harness in Chromium
 * and Firefox): `articles` synthetic articles indexed by the extension's own code and `highlights`
 * highlights, `onPage` of them on the fixture article (described on its live text, so they anchor)
 * and the rest spread over the synthetic articles (load-data.ts, load-filler.ts). Written from inside
 * an extension page (/welcome.html), where the extension's IndexedDB lives. Every step is timed.
 *
 * A filled profile can be kept in a directory (`keptFill`): the report is saved beside it, and a
 * later run on that directory reuses it instead of filling again.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fixture, type FixtureServer } from '../harness/fixture-server';
import { describerBundle, fillerBundle, pageHighlights, syntheticArticles, syntheticHighlights, type LensDescribeGlobal, type LoadFillerGlobal } from './load-data';
import { round } from './stats';
import type { Row } from './types';

/** The article page whose highlights are described live and measured (panel, painting). */
export const FILL_FIXTURE = 'seed-001-desktop';
/** Highlights per synthetic article (the rest of the highlights, spread). */
const PER_ARTICLE = 4;
/**
 * The last articles are stored one at a time through the product's indexStoredArticle (its path for an
 * article read or imported), timed apart: what one more article costs with the library full.
 */
export const ONE_BY_ONE = 5;
const BATCH = 500;

/** What the fill needs of a page: Playwright's Page and the harness's LensPage both fit. */
export type FillPage = {
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  evaluate<R>(fn: () => R | Promise<R>): Promise<R>;
  close(): Promise<void>;
};

export type FillBrowser = {
  /** A web page, loaded to DOMContentLoaded. */
  openPage(url: string): Promise<FillPage>;
  /** An extension page such as /welcome.html. */
  openExtensionPage(path: string): Promise<FillPage>;
  /** Closes the other tabs (their renderers would share the work), where the driver allows. */
  closeOthers?(keep: FillPage): Promise<void>;
};

export type FillSize = { articles: number; highlights: number; onPage: number };
export type FillReport = { rows: Row[]; pageHighlights: number };

/** Runs a script's source in the page (an extension page's CSP allows no inline script; an evaluated expression is not subject to it). */
export function evaluateSource(page: FillPage, source: string): Promise<unknown> {
  return page.evaluate(source as unknown as () => unknown);
}

type W = { __lensLoad: LoadFillerGlobal };

/** An extension page (the welcome page) with the filler loaded, the catalogue set and the first seeding done. */
export async function fillerPage(b: FillBrowser, root: string, catalogue: unknown, log: (l: string) => void): Promise<FillPage> {
  // An extension page of the extension's origin (its IndexedDB) that watches nothing: the options page keeps
  // live queries over the whole corpus (counts, read usage), which re-run in this page after every write
  // and were timed with the write (indexOneArticleMs: 97 ms for the first article, 600-1,000 ms after).
  const page = await b.openExtensionPage('/welcome.html');
  await b.closeOthers?.(page);
  await evaluateSource(page, await fillerBundle(root));
  const seeded = await page.evaluate(() => (window as unknown as W).__lensLoad.waitSeeded());
  log(`  seeded: ${seeded.articles} articles, corpus ${String(seeded.version)}`);
  await page.evaluate((c) => (window as unknown as W).__lensLoad.setCatalogue(c as never), catalogue);
  return page;
}

export async function fillLibrary(b: FillBrowser, size: FillSize, root: string, server: FixtureServer, catalogue: unknown, log: (l: string) => void): Promise<FillReport> {
  const rows: Row[] = [];
  const step = (what: string, items: number, ms: number) => {
    rows.push({ step: what, items, 'total s': round(ms / 1000, 1), 'ms per item': round(ms / Math.max(1, items), 2) });
    log(`  ${what}: ${items} in ${round(ms / 1000, 1)} s`);
  };

  // The fixture article's highlights, described on its live text (the extension is running there too).
  const f = fixture(FILL_FIXTURE);
  const article = await b.openPage(server.urlOf(f));
  await evaluateSource(article, await describerBundle(root));
  const selectors = await article.evaluate((n) => (window as unknown as { __lensDescribe: LensDescribeGlobal }).__lensDescribe.spread(n), size.onPage);
  const title = await article.evaluate(() => document.querySelector('h1.main-title')?.textContent?.trim() ?? document.title);
  await article.close();
  const key = `sina:${/doc-i([a-z0-9]+)\.shtml/.exec(f.url)![1]}`;
  const onPage = pageHighlights(root, { articleKey: key, url: f.url, title }, selectors);

  let t0 = performance.now();
  const articles = syntheticArticles(root, size.articles);
  const others = syntheticHighlights(root, articles, Math.max(0, size.highlights - onPage.length), PER_ARTICLE);
  step('generate articles and highlights in Node', articles.length + others.length + onPage.length, performance.now() - t0);

  const filler = await fillerPage(b, root, catalogue, log);
  const batched = Math.max(0, articles.length - ONE_BY_ONE);
  t0 = performance.now();
  let inPage = 0;
  for (let i = 0; i < batched; i += BATCH) {
    const batch = articles.slice(i, Math.min(i + BATCH, batched));
    inPage += await filler.evaluate((x) => (window as unknown as W).__lensLoad.storeBatch(x), batch);
    if ((i / BATCH) % 4 === 3) log(`    ${i + batch.length}/${articles.length} articles`);
  }
  step(`articles in batches of ${BATCH} (in the page)`, batched, inPage);
  step(`articles in batches of ${BATCH} (with sending from Node)`, batched, performance.now() - t0);

  const single = articles.slice(batched);
  inPage = await filler.evaluate((x) => (window as unknown as W).__lensLoad.storeOneByOne(x), single);
  step(`last articles one by one (indexStoredArticle, as when one is read), after ${batched}`, single.length, inPage);

  const highlights = [...onPage, ...others];
  inPage = 0;
  for (let i = 0; i < highlights.length; i += 2000) {
    inPage += await filler.evaluate((x) => (window as unknown as W).__lensLoad.storeHighlights(x), highlights.slice(i, i + 2000));
  }
  step('highlights (bulkPut)', highlights.length, inPage);
  const counts = await filler.evaluate(() => (window as unknown as W).__lensLoad.counts());
  log(`  stored: ${JSON.stringify(counts)}`);
  rows.push({ step: `stored in the end: ${counts.articles} articles, ${counts.highlights} highlights, ${counts.docs} index docs, ${counts.terms} index terms`, items: '', 'total s': '', 'ms per item': '' });
  await filler.close();
  return { rows, pageHighlights: onPage.length };
}

/** fillLibrary, or the report of the fill already in `keptDir` (a profile kept across runs). */
export async function fillOrReuse(
  b: FillBrowser,
  size: FillSize,
  keptDir: string | undefined,
  root: string,
  server: FixtureServer,
  catalogue: unknown,
  log: (l: string) => void,
): Promise<FillReport & { reused: boolean }> {
  const report = keptDir && path.join(keptDir, 'lens-load-fill.json');
  if (report && existsSync(report)) {
    log(`  reusing the profile filled before in ${keptDir}`);
    return { ...(JSON.parse(readFileSync(report, 'utf8')) as FillReport), reused: true };
  }
  const t0 = performance.now();
  const filled = await fillLibrary(b, size, root, server, catalogue, log);
  log(`  fill done in ${round((performance.now() - t0) / 1000, 1)} s`);
  if (report) writeFileSync(report, JSON.stringify(filled));
  return { ...filled, reused: false };
}
