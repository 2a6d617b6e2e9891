/**
 * Issue 4's figures, in real Chromium against the fixture pages:
 *  - extraction time per fixture (the content script's read: recognise, then extract) side by side with
 *    `new Readability(clone).parse()` alone on the same page, in the same page load;
 *  - what the content script costs on pages that are not articles: the extension's JavaScript parsed
 *    in the page and the script time, against the same page in a browser without the extension.
 */
import { chromium, type Page } from 'playwright-core';
import { findBrowser } from '../../harness/browsers';
import { extensionArgs, fixtureServerArgs } from '../../harness/chromium-args';
import { fixture, loadFixturePages, startFixtureServer, type FixtureServer } from '../../harness/fixture-server';
import { extensionDir } from '../../harness/paths';
import { benchBundle } from '../page-bundle';
import { summarize } from '../stats';
import { peersLeftOut, type Row, type Suite, type SuiteResult } from '../types';

const RUNS = 30;

async function launch(server: FixtureServer, withExtension: boolean) {
  return chromium.launchPersistentContext('', {
    executablePath: findBrowser('chromium'),
    headless: true,
    ignoreHTTPSErrors: true,
    args: [
      ...fixtureServerArgs(server.hosts, server.port),
      ...(withExtension ? extensionArgs(extensionDir('chromium')) : []),
      '--disable-background-networking',
      '--no-first-run',
    ],
  });
}

async function timeInPage(page: Page, url: string, peers: boolean) {
  return page.evaluate(
    async ({ url, runs, peers }) => {
      const b = (window as unknown as { __lensBench: any }).__lensBench;
      const ours: number[] = [];
      const readability: number[] = [];
      for (let i = 0; i < runs + 3; i++) {
        let t0 = performance.now();
        const res = await b.readArticlePage(document, url, { timeoutMs: 1 });
        const t1 = performance.now();
        if (peers) new b.Readability(document.cloneNode(true)).parse();
        const t2 = performance.now();
        if (i >= 3) {
          ours.push(t1 - t0);
          readability.push(t2 - t1);
        }
        if (!res.ok) throw new Error(`not recognised: ${res.reason}`);
        t0 = 0;
      }
      return { ours, readability };
    },
    { url, runs: RUNS, peers },
  );
}

async function pageCost(page: Page, url: string) {
  const cdp = await page.context().newCDPSession(page);
  let extBytes = 0;
  cdp.on('Debugger.scriptParsed', (e) => {
    if (e.url.startsWith('chrome-extension://')) extBytes += e.length ?? 0;
  });
  await cdp.send('Debugger.enable');
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.waitForTimeout(1500);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const scriptMs = (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
  await cdp.detach();
  return { extBytes, scriptMs };
}

export const extractionSuite: Suite = {
  id: 'extraction',
  async run({ root, log, peers }) {
    const server = await startFixtureServer(0);
    const bundle = await benchBundle(root);
    const results: SuiteResult[] = [];
    try {
      const plain = await launch(server, false);
      const rows: Row[] = [];
      for (const f of loadFixturePages().filter((p) => p.kind === 'article' && p.layout !== 'late')) {
        log(`extraction on ${f.name}`);
        const page = await plain.newPage();
        await page.goto(server.urlOf(f), { waitUntil: 'domcontentloaded' });
        await page.addScriptTag({ content: bundle });
        const { ours, readability } = await timeInPage(page, f.url, peers);
        const a = summarize(ours);
        const r = peers ? summarize(readability) : null;
        rows.push({ fixture: f.name, 'lens median ms': a.median, 'lens p95 ms': a.p95, ...(r ? { 'Readability median ms': r.median, 'Readability p95 ms': r.p95 } : {}) });
        await page.close();
      }
      results.push({
        title: `Extraction per fixture in Chromium (${RUNS} runs): Policy Lens read${peers ? ' vs Readability.parse() alone' : ''}`,
        columns: ['fixture', 'lens median ms', 'lens p95 ms', ...(peers ? ['Readability median ms', 'Readability p95 ms'] : [])],
        rows,
        notes: [
          'Policy Lens reads Sina markup and runs Readability (on a clone) only when no Sina body is found.',
          ...(peers ? [] : [peersLeftOut('Readability.parse() alone on the same page')]),
        ],
      });

      const costRows: Row[] = [];
      const withExt = await launch(server, true);
      for (const name of ['channel-front', 'roll-list', 'not-found', 'video']) {
        const url = server.urlOf(fixture(name));
        const samples = { extBytes: [] as number[], on: [] as number[], off: [] as number[] };
        for (let i = 0; i < 5; i++) {
          const on = await pageCost(await withExt.newPage(), url);
          samples.extBytes.push(on.extBytes);
          samples.on.push(on.scriptMs);
          if (peers) samples.off.push((await pageCost(await plain.newPage(), url)).scriptMs);
        }
        costRows.push({
          page: name,
          'extension JS parsed KiB': Math.round((Math.max(...samples.extBytes) / 1024) * 10) / 10,
          'script ms with lens': summarize(samples.on).median,
          ...(peers ? { 'script ms without': summarize(samples.off).median } : {}),
        });
      }
      results.push({
        title: 'Content script cost on pages that are not articles (Chromium, median of 5 loads)',
        columns: ['page', 'extension JS parsed KiB', 'script ms with lens', ...(peers ? ['script ms without'] : [])],
        rows: costRows,
        notes: [
          ...(peers ? [] : [peersLeftOut('the same page without the extension')]),
          'channel-front and roll-list do not match the manifest patterns, so no extension code loads at all.',
          'not-found and video sit at article-looking URLs: the content script loads, checks the page and stops.',
        ],
      });
      await withExt.close();
      await plain.close();
    } finally {
      await server.close();
    }
    return results;
  },
};
