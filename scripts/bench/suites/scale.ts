/**
 * Issue 18: a full library costs little, in Chromium and in Firefox. `npm run bench -- scale` writes
 * bench/scale.json (the contract the issue states) besides the usual tables.
 *
 * Measured the same way in both browsers, through the test harness (Playwright for Chromium,
 * puppeteer-core over WebDriver BiDi for Firefox), from the extension's own performance marks read
 * in its pages, with no browser-specific tracing:
 *  - panelReadyMs: a fresh tab on the fixture article; the panel frame marks PANEL_READY_MARK when it
 *    commits its analysis. Its time, on the frame's clock (timeOrigin + mark), minus the article page's
 *    navigation start (its timeOrigin): both are the browser's wall-clock time origin, so they compare
 *    across processes (the skew between the two contexts' clocks is measured and reported too);
 *  - popupFirstListMs / libraryFirstListMs: /popup.html and /library.html in a tab of their own; the
 *    view marks FIRST_LIST_MARK when its first rows (or empty state) are committed, and COMPLETE_MARK
 *    once the whole library is read and searchable: both are ms since that page's navigation start.
 * Two profiles per browser: small (the 5 seeds, SMALL_HIGHLIGHTS highlights on the fixture) and full
 * (ARTICLES synthetic articles and HIGHLIGHTS highlights, PAGE_HIGHLIGHTS on the fixture), filled as the
 * load bench fills them (library-fill.ts). Runs interleave small and full; medians of RUNS after WARMUP.
 *
 * Also, through one function each (scripts/bench/scale/): archiveImport (Chromium, a fresh profile) and
 * indexOneArticleMs (Chromium, the full profile, after the runs). Their files say what the lead
 * switches when the import and index branches are merged.
 *
 * Knobs: BENCH_SCALE_BROWSERS (chromium,firefox), BENCH_SCALE_ARTICLES, BENCH_SCALE_HIGHLIGHTS,
 * BENCH_SCALE_RUNS, BENCH_SCALE_PROFILES (a directory keeping the filled full profiles, `<browser>-full`,
 * to try a change without filling again), BENCH_SCALE_IMPORT_ARTICLES (0: no import), BENCH_SCALE_IMPORT_CAP_S.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from '../../harness/chromium';
import { fixture, startFixtureServer, type FixtureServer } from '../../harness/fixture-server';
import { launchFirefox } from '../../harness/firefox';
import { extensionDir } from '../../harness/paths';
import type { BrowserName, LensBrowser, LensPage } from '../../harness/types';
import { loadCatalogueFile } from '../../../lib/measures/load-catalogue';
import { COMPLETE_MARK, FIRST_LIST_MARK, PANEL_ANALYSIS_MARK, PANEL_READY_MARK } from '../../../lib/contexts/extension-pages/timing-marks';
import { FILL_FIXTURE, evaluateSource, fillOrReuse, fillerPage, type FillBrowser, type FillPage, type FillReport, type FillSize } from '../library-fill';
import { describerBundle, syntheticArticles, type LensDescribeGlobal, type LoadFillerGlobal } from '../load-data';
import { measureArchiveImport, type ArchiveImportResult } from '../scale/archive-import';
import { measureIndexOneArticle, type IndexOneResult } from '../scale/index-one';
import { round, summarize } from '../stats';
import type { Row, Suite, SuiteResult } from '../types';
import { machineLoad } from './machine-load';

const BROWSERS = (process.env.BENCH_SCALE_BROWSERS ?? 'chromium,firefox').split(',').map((b) => b.trim()).filter((b): b is BrowserName => b === 'chromium' || b === 'firefox');
const ARTICLES = Number(process.env.BENCH_SCALE_ARTICLES ?? 10_000);
const HIGHLIGHTS = Number(process.env.BENCH_SCALE_HIGHLIGHTS ?? 10_000);
const RUNS = Number(process.env.BENCH_SCALE_RUNS ?? 5);
const WARMUP = 1;
const PROFILES = process.env.BENCH_SCALE_PROFILES;
const IMPORT_ARTICLES = Number(process.env.BENCH_SCALE_IMPORT_ARTICLES ?? 10_000);
const IMPORT_CAP_S = Number(process.env.BENCH_SCALE_IMPORT_CAP_S ?? 180);
const SMALL_HIGHLIGHTS = 10;
const PAGE_HIGHLIGHTS = 200;
/** Articles indexed one by one into the full library for indexOneArticleMs. */
const INDEX_ONE = 5;
const WAIT_MS = 90_000;
/** The issue's bounds: full within this many times small. */
const BOUNDS = { panelReadyMs: 1.25, popupFirstListMs: 2, libraryFirstListMs: 2 } as const;

type Profile = { name: 'small' | 'full'; browser: LensBrowser; fill: FillReport & { reused: boolean } };
type ListTiming = { first: number; complete: number; state: string; rows: number };
/** ms from the article's navigation start: the panel frame's own start, the analysis reaching it, its commit. */
type PanelTiming = { ms: number; frameStart: number; analysis: number; skew: number };
type Samples = { panel: PanelTiming[]; popup: ListTiming[]; library: ListTiming[]; analysis: number[] };

function launch(name: BrowserName, server: FixtureServer, profileDir?: string): Promise<LensBrowser> {
  const opts = { extensionDir: extensionDir(name), hosts: server.hosts, port: server.port, ...(profileDir && { profileDir }) };
  return name === 'chromium' ? launchChromium(opts) : launchFirefox(opts);
}

/** The harness's browser as the library fill drives it. Firefox keeps its welcome tab: the harness opens extension pages from it. */
function fillBrowser(b: LensBrowser): FillBrowser {
  return {
    openPage: (url) => b.openPage(url) as Promise<unknown> as Promise<FillPage>,
    openExtensionPage: (p) => b.openExtensionPage(p) as Promise<unknown> as Promise<FillPage>,
    ...(b.name === 'chromium' && {
      async closeOthers(keep: FillPage) {
        for (const p of b.openPages()) if ((p as unknown) !== keep) await p.close();
      },
    }),
  };
}

async function closeAll(b: LensBrowser) {
  if (b.name === 'chromium') for (const p of b.openPages()) await p.close();
}

async function panelReady(b: LensBrowser, url: string): Promise<PanelTiming> {
  const page = await b.openPage(url);
  try {
    const frame = await page.frame('the panel frame', (href) => /^(chrome|moz)-extension:\/\/[^/]+\/panel\.html/.test(href), WAIT_MS);
    await frame.waitFor('the panel to be ready', (mark) => performance.getEntriesByName(mark).length > 0, PANEL_READY_MARK, WAIT_MS);
    const inFrame = await frame.evaluate(
      ([ready, analysis]) => ({
        origin: performance.timeOrigin,
        ready: performance.getEntriesByName(ready)[0]!.startTime,
        analysis: performance.getEntriesByName(analysis)[0]?.startTime ?? NaN,
        skew: performance.timeOrigin + performance.now() - Date.now(),
      }),
      [PANEL_READY_MARK, PANEL_ANALYSIS_MARK] as const,
    );
    const inPage = await page.evaluate(() => ({ origin: performance.timeOrigin, skew: performance.timeOrigin + performance.now() - Date.now() }));
    const start = inFrame.origin - inPage.origin;
    return { ms: start + inFrame.ready, frameStart: start, analysis: start + inFrame.analysis, skew: inFrame.skew - inPage.skew };
  } finally {
    await page.close();
  }
}

async function listTiming(b: LensBrowser, where: '/popup.html' | '/library.html'): Promise<ListTiming> {
  const page: LensPage = await b.openExtensionPage(where);
  try {
    const has = (mark: string) => performance.getEntriesByName(mark).length > 0;
    await page.waitFor(`the first list in ${where}`, has, FIRST_LIST_MARK, WAIT_MS);
    await page.waitFor(`the whole library in ${where}`, has, COMPLETE_MARK, WAIT_MS);
    return await page.evaluate(
      ([first, complete]) => ({
        first: performance.getEntriesByName(first)[0]!.startTime,
        complete: performance.getEntriesByName(complete)[0]!.startTime,
        state: String(((performance.getEntriesByName(first)[0] as PerformanceMark).detail as { state?: string } | null)?.state ?? ''),
        rows: document.querySelectorAll('[data-testid="library-highlight"]').length,
      }),
      [FIRST_LIST_MARK, COMPLETE_MARK] as const,
    );
  } finally {
    await page.close();
  }
}

const med = (xs: number[]) => summarize(xs).median;

/**
 * The background's analysis of the fixture article alone: its code (analyzePageArticle) run in an
 * extension page on the profile's database, on the article as the content script extracts it. What
 * the panel waits for, without the messaging, the page and the frame around it.
 */
async function analysisAlone(b: LensBrowser, root: string, url: string, catalogue: unknown, runs: number, log: (l: string) => void): Promise<number[]> {
  const article = await b.openPage(url);
  await evaluateSource(article as unknown as FillPage, await describerBundle(root));
  const extracted = await article.evaluate(() => (window as unknown as { __lensDescribe: LensDescribeGlobal }).__lensDescribe.pageArticle());
  await article.close();
  const page = await fillerPage(fillBrowser(b), root, catalogue, log);
  try {
    return await page.evaluate(([a, n]) => (window as unknown as { __lensLoad: LoadFillerGlobal }).__lensLoad.timeAnalysis(a as never, n), [extracted, runs] as const);
  } finally {
    await page.close();
  }
}

type BrowserFigures = {
  panelReadyMs: { small: number; full: number };
  popupFirstListMs: { small: number; full: number };
  libraryFirstListMs: { small: number; full: number };
  popupCompleteMs: { small: number; full: number };
  libraryCompleteMs: { small: number; full: number };
  /** full ÷ small, and whether it is within the issue's bound. */
  ratios: Record<keyof typeof BOUNDS, { full_over_small: number; bound: number; met: boolean }>;
  firstListState: { small: string; full: string };
  /** Where the panel's time goes: nav → its frame starts, → the analysis reaches it, and its own render of it (analysis → ready). */
  panelParts: { frameStartMs: { small: number; full: number }; analysisReceivedMs: { small: number; full: number }; renderMs: { small: number; full: number } };
  /** The background's analysis alone (its code in an extension page, see analysisAlone). */
  analysisAloneMs: { small: number; full: number };
  panelClockSkewMs: number;
  runs: number;
  fill: { reused: boolean; steps: Row[] };
};

function figures(samples: Record<'small' | 'full', Samples>, fill: FillReport & { reused: boolean }): BrowserFigures {
  const pair = (f: (s: Samples) => number[]) => ({ small: round(med(f(samples.small)), 1), full: round(med(f(samples.full)), 1) });
  const panelReadyMs = pair((s) => s.panel.map((x) => x.ms));
  const popupFirstListMs = pair((s) => s.popup.map((x) => x.first));
  const libraryFirstListMs = pair((s) => s.library.map((x) => x.first));
  const ratio = (p: { small: number; full: number }, bound: number) => {
    const r = round(p.full / p.small, 2);
    return { full_over_small: r, bound, met: r <= bound };
  };
  return {
    panelReadyMs,
    popupFirstListMs,
    libraryFirstListMs,
    popupCompleteMs: pair((s) => s.popup.map((x) => x.complete)),
    libraryCompleteMs: pair((s) => s.library.map((x) => x.complete)),
    ratios: {
      panelReadyMs: ratio(panelReadyMs, BOUNDS.panelReadyMs),
      popupFirstListMs: ratio(popupFirstListMs, BOUNDS.popupFirstListMs),
      libraryFirstListMs: ratio(libraryFirstListMs, BOUNDS.libraryFirstListMs),
    },
    firstListState: { small: samples.small.popup[0]?.state ?? '', full: samples.full.popup[0]?.state ?? '' },
    panelParts: {
      frameStartMs: pair((s) => s.panel.map((x) => x.frameStart)),
      analysisReceivedMs: pair((s) => s.panel.map((x) => x.analysis)),
      renderMs: pair((s) => s.panel.map((x) => x.ms - x.analysis)),
    },
    analysisAloneMs: pair((s) => s.analysis),
    panelClockSkewMs: round(med([...samples.small.panel, ...samples.full.panel].map((x) => Math.abs(x.skew))), 1),
    runs: samples.full.panel.length,
    fill: { reused: fill.reused, steps: fill.rows },
  };
}

function commit(root: string): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head} (with uncommitted changes)` : head;
  } catch {
    return 'unknown';
  }
}

export const scaleSuite: Suite = {
  id: 'scale',
  async run({ root, log }) {
    const busy = machineLoad();
    const server = await startFixtureServer(0);
    const url = server.urlOf(fixture(FILL_FIXTURE));
    const catalogue = loadCatalogueFile();
    const perBrowser: Partial<Record<BrowserName, BrowserFigures>> = {};
    let indexOne: IndexOneResult | undefined;
    let archive: ArchiveImportResult | undefined;
    try {
      for (const name of BROWSERS) {
        const profiles: Profile[] = [];
        try {
          for (const [which, size] of [
            ['small', { articles: 0, highlights: SMALL_HIGHLIGHTS, onPage: SMALL_HIGHLIGHTS }],
            ['full', { articles: ARTICLES, highlights: HIGHLIGHTS, onPage: PAGE_HIGHLIGHTS }],
          ] as const satisfies readonly (readonly ['small' | 'full', FillSize])[]) {
            const kept = which === 'full' && PROFILES ? path.join(PROFILES, `${name}-full`) : undefined;
            if (kept) mkdirSync(kept, { recursive: true });
            log(`${name}: launching the ${which} profile${kept ? ` (kept in ${kept})` : ''}`);
            const browser = await launch(name, server, kept);
            log(`${name}: filling the ${which} profile: ${size.articles} articles, ${size.highlights} highlights (${size.onPage} on ${FILL_FIXTURE})`);
            const fill = await fillOrReuse(fillBrowser(browser), size, kept, root, server, catalogue, log);
            if (fill.pageHighlights !== size.onPage) throw new Error(`described ${fill.pageHighlights} highlights on ${FILL_FIXTURE}, wanted ${size.onPage}`);
            profiles.push({ name: which, browser, fill });
          }
          for (const p of profiles) await closeAll(p.browser);

          const samples: Record<'small' | 'full', Samples> = { small: { panel: [], popup: [], library: [], analysis: [] }, full: { panel: [], popup: [], library: [], analysis: [] } };
          for (let i = 0; i < WARMUP + RUNS; i++) {
            log(`${name}: run ${i + 1}/${WARMUP + RUNS}${i < WARMUP ? ' (warm-up)' : ''}`);
            for (const p of profiles) {
              const panel = await panelReady(p.browser, url);
              const popup = await listTiming(p.browser, '/popup.html');
              const library = await listTiming(p.browser, '/library.html');
              log(`  ${p.name}: panel ready ${round(panel.ms)} ms (frame ${round(panel.frameStart)}, analysis ${round(panel.analysis)}), popup first list ${round(popup.first)} ms (${popup.state}, all read ${round(popup.complete)} ms), library page ${round(library.first)} ms`);
              if (i < WARMUP) continue;
              samples[p.name].panel.push(panel);
              samples[p.name].popup.push(popup);
              samples[p.name].library.push(library);
            }
          }
          for (const p of profiles) {
            samples[p.name].analysis = await analysisAlone(p.browser, root, url, catalogue, WARMUP + RUNS, log);
            log(`  ${p.name}: the background's analysis alone ${samples[p.name].analysis.map((x) => Math.round(x)).join(', ')} ms`);
            samples[p.name].analysis = samples[p.name].analysis.slice(WARMUP);
            await closeAll(p.browser);
          }
          perBrowser[name] = figures(samples, profiles.find((p) => p.name === 'full')!.fill);

          if (name === 'chromium') {
            const full = profiles.find((p) => p.name === 'full')!;
            log('chromium: indexing more articles one by one into the full library');
            const page = await fillerPage(fillBrowser(full.browser), root, catalogue, log);
            // Articles of their own (another seed, other ids, dated after the library), new on every run of a kept profile.
            const tag = `kz${Date.now().toString(36).slice(-5)}`.replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!);
            const extra = syntheticArticles(root, INDEX_ONE, { seed: Date.now() % 100_000, letters: tag, from: new Date(Date.UTC(2025, 0, 1)) });
            indexOne = await measureIndexOneArticle(page, extra, log);
            await page.close();
          }
        } finally {
          for (const p of profiles) await p.browser.close().catch(() => undefined);
        }
      }
      if (BROWSERS.includes('chromium') && IMPORT_ARTICLES > 0) {
        log(`archive import: ${IMPORT_ARTICLES} posts (Chromium, a fresh profile)`);
        archive = await measureArchiveImport({ root, server, articles: IMPORT_ARTICLES, capSeconds: IMPORT_CAP_S, log });
      }
    } finally {
      await server.close();
    }

    const out = {
      ...(archive && { archiveImport: archive }),
      ...(indexOne && { indexOneArticleMs: indexOne }),
      ...perBrowser,
      format: 1,
      generatedAt: new Date().toISOString(),
      commit: commit(root),
      library: { small: { seeds: 5, highlights: SMALL_HIGHLIGHTS }, full: { articles: ARTICLES, highlights: HIGHLIGHTS, onFixture: PAGE_HIGHLIGHTS } },
      machine: { node: process.version, platform: `${os.platform()} ${os.arch()}`, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, loadWhenStarted: busy },
      how: 'Medians. panelReadyMs: article navigation start → the panel frame commits its analysis. popupFirstListMs / libraryFirstListMs: the page\'s navigation start → its first rows committed (the first screen: the newest highlights\' articles); *CompleteMs: → the whole library read and searchable. Both browsers are measured from the extension\'s own performance marks (no tracing).',
    };
    const file = path.join(root, 'bench', 'scale.json');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(out, null, 2) + '\n');
    log(`wrote ${path.relative(root, file)}`);

    const results: SuiteResult[] = [];
    for (const [name, f] of Object.entries(perBrowser) as [BrowserName, BrowserFigures][]) {
      const row = (what: string, p: { small: number; full: number }, bound?: number): Row => ({
        measure: what,
        'small ms': p.small,
        'full ms': p.full,
        'full ÷ small': round(p.full / p.small, 2),
        bound: bound === undefined ? '—' : `≤ ${bound}×`,
      });
      results.push({
        title: `Scale in ${name}: a small library (5 seeds, ${SMALL_HIGHLIGHTS} highlights) vs a full one (${ARTICLES} articles, ${HIGHLIGHTS} highlights), median of ${f.runs} after ${WARMUP} warm-up`,
        columns: ['measure', 'small ms', 'full ms', 'full ÷ small', 'bound'],
        rows: [
          row('article page: navigation → panel ready', f.panelReadyMs, BOUNDS.panelReadyMs),
          row('  of which: navigation → panel frame starts', f.panelParts.frameStartMs),
          row('  of which: navigation → analysis reaches the panel', f.panelParts.analysisReceivedMs),
          row('  of which: the panel renders it (analysis → ready)', f.panelParts.renderMs),
          row("the background's analysis alone (its code in an extension page)", f.analysisAloneMs),
          row('popup: navigation → first list', f.popupFirstListMs, BOUNDS.popupFirstListMs),
          row('popup: navigation → whole library read', f.popupCompleteMs),
          row('library page: navigation → first list', f.libraryFirstListMs, BOUNDS.libraryFirstListMs),
          row('library page: navigation → whole library read', f.libraryCompleteMs),
        ],
        notes: [
          `From the extension's own performance marks, the same in both browsers; the panel's mark is on its frame's clock, ${f.panelClockSkewMs} ms (median) from the page's.`,
          `The full library's first list shows the first screen (state "${f.firstListState.full}"); the small one's is the whole library (state "${f.firstListState.small}").`,
          f.fill.reused ? 'The full profile was filled in an earlier run (BENCH_SCALE_PROFILES).' : 'The full profile was filled in this run.',
          busy,
        ],
      });
    }
    const extra: Row[] = [];
    if (indexOne) extra.push({ measure: `index one more article into ${indexOne.library} (Chromium, median of ${indexOne.samples.length})`, value: `${indexOne.median} ms`, detail: indexOne.samples.join(', ') });
    if (archive) extra.push({ measure: `archive import through the options page (Chromium)`, value: `${archive.articles} of ${archive.requested} posts in ${archive.seconds} s`, detail: archive.finished ? archive.path : `${archive.path}; stopped at the ${IMPORT_CAP_S} s cap` });
    if (extra.length) results.push({ title: 'Scale: indexing and importing (scripts/bench/scale/)', columns: ['measure', 'value', 'detail'], rows: extra, notes: [busy] });
    return results;
  },
};
