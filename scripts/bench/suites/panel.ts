/**
 * How long a reader waits for the in-page panel, in real Chromium with the built extension
 * (.output/chrome-mv3) on each article fixture, next to `new Readability(document.cloneNode(true)).parse()`
 * alone on the same page load.
 *
 * Each measured run is a fresh tab loading the fixture, with a Chrome trace recorded over the load. All
 * three moments below come from that one trace, so they share one clock (the browser's monotonic
 * clock, which every process's trace events use) even though the page and the panel frame run in
 * different renderer processes:
 *  - navigation start: the trace's `navigationStart` for the page's main-frame document (the same
 *    instant as the page's `performance.timeOrigin`);
 *  - content script start: the beginning of the `EvaluateScript` event for content-scripts/sina.js in
 *    the page, i.e. when Chrome injects it at document_idle, compile included. The extension's source
 *    is not touched to get this;
 *  - panel ready: a `performance.mark` made inside panel.html (an init script, not extension code) by a
 *    MutationObserver the moment `[data-testid="panel"]` gets `data-status="ready"`, i.e. when Preact
 *    commits the first render that has the article's analysis (measures, related). That is the DOM
 *    commit; the paint follows at the next frame.
 *
 * Columns:
 *  - `start→panel`: content script start → panel ready. Everything the lens does: confirm and extract
 *    the article, mount the frame, load panel.html, the background's analysis, the render.
 *  - `nav→panel`: navigation start → panel ready, what the reader sees end to end, including the page's
 *    own load up to document_idle. `nav→start` is that first part alone (medians do not subtract).
 *  - `Readability`: one `new Readability(document.cloneNode(true)).parse()` in the same tab after the
 *    panel is ready and the trace is stopped: cold, once per page load, as the content script would be.
 *
 * Tracing costs a little CPU in every process while it records, so the panel columns carry that small
 * overhead; Readability is timed after the trace stops.
 *
 * As a check on the clocks, the panel frame also records `performance.timeOrigin + performance.now()`
 * at ready; minus the page's `performance.timeOrigin` it must agree with the trace's nav→panel.
 *
 * The first loads of a browser profile also start the background and seed the corpus, and the first
 * visit of an article adds it to the corpus: WARMUP loads per fixture run first and are not counted.
 */
import { type BrowserContext, type Frame, type Page } from 'playwright-core';
import { loadFixturePages, startFixtureServer, type FixtureServer } from '../../harness/fixture-server';
import { benchBundle, type LensBenchGlobal } from '../page-bundle';
import { round, summarize } from '../stats';
import { peersLeftOut, type Row, type Suite } from '../types';
import { launchLensChromium } from '../chromium-lens';

const RUNS = 15;
const WARMUP = 2;
const READY_TIMEOUT_MS = 20_000;
const READY_MARK = 'lens-bench-panel-ready';

type TraceEvent = { name: string; cat: string; ph: string; ts: number; pid: number; args?: { data?: Record<string, unknown> } };
/** What the init script leaves on the panel frame's window. */
type PanelProbe = { status: string; at: number; width: number };
type Sample = { navToStart: number; startToPanel: number; navToPanel: number; clockSkew: number; readability: number | null };

/**
 * Runs in every frame before its own scripts (Playwright init scripts reach the chrome-extension://
 * frame too); only panel.html acts. A MutationObserver fires in the same task as Preact's commit, so the
 * mark is the commit, not a later poll.
 */
function panelProbe(mark: string) {
  if (location.protocol !== 'chrome-extension:' || location.pathname !== '/panel.html') return;
  const observer = new MutationObserver(() => {
    const status = document.querySelector('[data-testid="panel"]')?.getAttribute('data-status');
    if (status !== 'ready' && status !== 'error') return;
    if (status === 'ready') performance.mark(mark);
    const probe: PanelProbe = { status, at: performance.timeOrigin + performance.now(), width: innerWidth };
    (window as unknown as { __lensBenchPanel: PanelProbe }).__lensBenchPanel = probe;
    observer.disconnect();
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
}

async function launch(server: FixtureServer): Promise<BrowserContext> {
  const { context } = await launchLensChromium(server);
  await context.addInitScript(panelProbe, READY_MARK);
  return context;
}

/** Polls the page's frames for the probe's verdict; the moment itself comes from the trace, not from here. */
async function waitForPanel(page: Page): Promise<{ probe: PanelProbe; frame: Frame }> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const probe = await frame.evaluate(() => (window as unknown as { __lensBenchPanel?: PanelProbe }).__lensBenchPanel ?? null).catch(() => null);
      if (probe) return { probe, frame };
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const seen = await page
    .evaluate(() => `readyState ${document.readyState}`)
    .catch((e: Error) => e.message);
  const frames = page.frames().map((f) => f.url()).join(', ');
  throw new Error(`the panel did not reach data-status="ready" within ${READY_TIMEOUT_MS} ms (${seen}; frames ${frames})`);
}

/** One fresh tab: trace the load until the panel is ready, then (with peers) time Readability once on the same page. */
async function measureLoad(context: BrowserContext, url: string, bundle: string, peers: boolean): Promise<Sample> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    // The protocol types trace events as string maps; they carry numbers and nested args.
    cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    // Only what the three moments need: devtools.timeline has EvaluateScript, blink.user_timing has
    // navigationStart and performance.mark. Fewer categories, less tracing overhead in the figures.
    await cdp.send('Tracing.start', {
      traceConfig: { includedCategories: ['devtools.timeline', 'blink.user_timing'], recordMode: 'recordAsMuchAsPossible' },
      transferMode: 'ReportEvents',
    });
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const { probe } = await waitForPanel(page);
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
    if (probe.status !== 'ready') throw new Error(`the panel showed data-status="${probe.status}"`);
    if (probe.width === 0) throw new Error('the panel is collapsed, so it shows nothing: the figure would not be what a reader waits for');

    const nav = events.find(
      (e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL === url && e.args?.data?.isOutermostMainFrame === true,
    );
    const script = events.find(
      (e) => e.name === 'EvaluateScript' && e.pid === nav?.pid && String(e.args?.data?.url).endsWith('/content-scripts/sina.js'),
    );
    const ready = events.find((e) => e.name === READY_MARK);
    if (!nav || !script || !ready) {
      throw new Error(`trace lacks ${[!nav && 'navigationStart', !script && 'the content script', !ready && 'the ready mark'].filter(Boolean).join(', ')}`);
    }
    const ms = (from: TraceEvent, to: TraceEvent) => (to.ts - from.ts) / 1000; // trace ts are µs

    const readability = peers ? await timeReadability(page, bundle) : null;
    const pageOrigin = await page.evaluate(() => performance.timeOrigin);
    return {
      navToStart: ms(nav, script),
      startToPanel: ms(script, ready),
      navToPanel: ms(nav, ready),
      clockSkew: Math.abs(probe.at - pageOrigin - ms(nav, ready)),
      readability,
    };
  } finally {
    await page.close();
  }
}

async function timeReadability(page: Page, bundle: string): Promise<number> {
  await page.addScriptTag({ content: bundle });
  return page.evaluate(() => {
    const { Readability } = (window as unknown as { __lensBench: LensBenchGlobal }).__lensBench;
    const t0 = performance.now();
    const parsed = new Readability(document.cloneNode(true) as Document).parse();
    const t1 = performance.now();
    if (!parsed?.textContent) throw new Error('Readability found no article');
    return t1 - t0;
  });
}

export const panelSuite: Suite = {
  id: 'panel',
  async run({ root, log, peers }) {
    const server = await startFixtureServer(0);
    const bundle = await benchBundle(root);
    const rows: Row[] = [];
    let worstSkew = 0;
    try {
      const context = await launch(server);
      try {
        for (const f of loadFixturePages().filter((p) => p.kind === 'article')) {
          const url = server.urlOf(f);
          log(`panel on ${f.name}: ${WARMUP} warm-up + ${RUNS} loads`);
          for (let i = 0; i < WARMUP; i++) await measureLoad(context, url, bundle, peers);
          const samples: Sample[] = [];
          for (let i = 0; i < RUNS; i++) samples.push(await measureLoad(context, url, bundle, peers));
          const col = (k: Exclude<keyof Sample, 'readability'>) => summarize(samples.map((s) => s[k]));
          const [start, panel, total] = [col('navToStart'), col('startToPanel'), col('navToPanel')];
          const readability = peers ? summarize(samples.map((s) => s.readability ?? 0)) : null;
          worstSkew = Math.max(worstSkew, ...samples.map((s) => s.clockSkew));
          rows.push({
            fixture: f.name,
            'nav→start median ms': start.median,
            'start→panel median ms': panel.median,
            'start→panel p95 ms': panel.p95,
            'nav→panel median ms': total.median,
            'nav→panel p95 ms': total.p95,
            ...(readability ? { 'Readability median ms': readability.median, 'Readability p95 ms': readability.p95 } : {}),
          });
        }
      } finally {
        await context.close();
      }
    } finally {
      await server.close();
    }
    return {
      title: `Time to the in-page panel per fixture in Chromium (${RUNS} fresh loads, after ${WARMUP} warm-up)${peers ? ' vs Readability.parse() alone' : ''}`,
      columns: [
        'fixture',
        'nav→start median ms',
        'start→panel median ms',
        'start→panel p95 ms',
        'nav→panel median ms',
        'nav→panel p95 ms',
        ...(peers ? ['Readability median ms', 'Readability p95 ms'] : []),
      ],
      rows,
      notes: [
        'start = the content script injected at document_idle (trace EvaluateScript); panel = panel.html commits its render with data-status="ready".',
        'nav = navigation start. All three from one Chrome trace per load, so one clock across the page and the panel frame.',
        peers
          ? 'Readability = one cold new Readability(document.cloneNode(true)).parse() in the same tab, after the panel is ready.'
          : peersLeftOut('Readability.parse() alone on the same page'),
        'seed-001-late delivers its body 1.5 s after load: start→panel includes the content script waiting for it.',
        `clock check: the panel frame's timeOrigin+now against the trace differed by at most ${round(worstSkew)} ms.`,
      ],
    };
  },
};
