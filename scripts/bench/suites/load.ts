/**
 * Issue 9: "With 10,000 articles and 10,000 highlights stored, an article page shows its panel and
 * highlights without a main-thread task over 50 ms, and the popup stays responsive."
 *
 * Two real Chromium profiles with the built extension, side by side in one run:
 *  - small: a fresh install (the 5 bundled seed articles) with SMALL_HIGHLIGHTS highlights on the fixture;
 *  - full: the same, then filled from inside an extension page (/options.html, where the extension's
 *    IndexedDB lives) with ARTICLES synthetic articles indexed by the extension's own code (measures,
 *    fingerprint, related-articles index) and HIGHLIGHTS highlights: PAGE_HIGHLIGHTS of them on the
 *    fixture article (described on its live text, so they anchor) and the rest spread over the
 *    synthetic articles (load-data.ts, load-filler.ts). The fill is timed and reported.
 *
 * Measured in each profile, runs interleaved (small, full, small, full …) so drift hits both alike:
 *  - the article page (FIXTURE): a fresh tab per run, a Chrome trace over the load. From navigation
 *    start until the panel is ready AND every stored highlight is painted (the panel lists that many
 *    as anchored): the longest main-thread task of the page's renderer and the number over 50 ms, the
 *    longest task that ran content-script code, the longest task in the panel frame's renderer; time
 *    to panel ready and to highlights painted. Tasks are the trace's top-level `RunTask` events on the
 *    renderer's main thread (DevTools' "Task"), whoever caused them: the page's own parse and
 *    scripts are in there too, in both profiles alike.
 *  - the popup (`/popup.html` opened in a tab) and the library page (`/library.html`): time to the
 *    first list render (first highlight row committed; for the empty library, its empty state) and the
 *    longest task until then; search latency for a word committed at once into the search box (as an
 *    input method commits a Chinese word): from that `input` event to the list's count changing,
 *    which includes the search box's 150 ms debounce (lib/library/debounce.ts), and the longest task
 *    meanwhile.
 *
 * Medians over RUNS runs after WARMUP unmeasured ones. Environment knobs for a quick try:
 * BENCH_LOAD_ARTICLES, BENCH_LOAD_HIGHLIGHTS, BENCH_LOAD_RUNS, BENCH_LOAD_FULL_PROFILE.
 */
import { type BrowserContext, type Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES_DIR, fixture, startFixtureServer, type FixtureServer } from '../../harness/fixture-server';
import { loadCatalogueFile } from '../../../lib/measures/load-catalogue';
import { FILL_FIXTURE, ONE_BY_ONE, fillOrReuse, type FillBrowser, type FillPage, type FillReport, type FillSize } from '../library-fill';
import { round, summarize } from '../stats';
import { peersLeftOut, type Row, type Suite, type SuiteResult } from '../types';
import { launchBareChromium, launchLensChromium } from '../chromium-lens';
import { machineLoad } from './machine-load';

const ARTICLES = Number(process.env.BENCH_LOAD_ARTICLES ?? 10_000);
const HIGHLIGHTS = Number(process.env.BENCH_LOAD_HIGHLIGHTS ?? 10_000);
const PAGE_HIGHLIGHTS = 200;
/** The small library: the 5 seeds and this many highlights, all on the fixture article. */
const SMALL_HIGHLIGHTS = 10;
const RUNS = Number(process.env.BENCH_LOAD_RUNS ?? 5);
/**
 * A directory to keep the full profile in across runs, filled on the first (for trying a change to the
 * extension without waiting for the fill again; the reported fill figures are then the first run's).
 */
const KEEP_FULL_PROFILE = process.env.BENCH_LOAD_FULL_PROFILE;
const WARMUP = 1;
const FIXTURE = FILL_FIXTURE;
/** The template of the new articles (one per run and profile). */
const NEW_FROM = 'seed-000-desktop';
const BODY_OPEN = '<div class="article" id="artibody" data-sudaclick="blk_content">';
/** Words searched in the library: a topic phrase, and a word in almost every highlight. */
const SEARCHES = ['集中带量采购', '医保'];
const LONG_TASK_MS = 50;
/** The page without the extension is traced this long from navigation start (about a panel-ready time). */
const BARE_WINDOW_MS = 1500;
const WAIT_MS = 60_000;

const PANEL_MARK = 'lens-load-panel-ready';
const PAINT_MARK = 'lens-load-highlights-painted';
const LIST_MARK = 'lens-load-list';
const INPUT_MARK = 'lens-load-input';
const SEARCH_MARK = 'lens-load-search-done';

type TraceEvent = { name: string; cat: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: { name?: string; data?: Record<string, unknown> } };
type Library = { name: 'small' | 'full'; context: BrowserContext; origin: string; pageHighlights: number };
type Tasks = { longest: number; over50: number; count: number; what: string };

/**
 * Runs first in every frame of every page (Playwright init scripts reach extension pages and frames):
 *  - panel.html: marks the commit where the panel gets data-status="ready" (as the panel suite does);
 *    and the commit where it lists `target` highlights as anchored: the page's own frames cannot
 *    say (the highlights are painted in a closed shadow root, out of a page script's reach), and the
 *    panel lists a highlight once the content script has anchored and handed it to the painter,
 *    which paints it in the page's next frame;
 *  - popup.html / library.html: marks the first highlight row (or the empty state) committed.
 */
function probes(arg: { target: number; marks: { panel: string; paint: string; list: string } }) {
  const w = window as unknown as Record<string, unknown>;
  const observe = (check: () => boolean) => {
    const observer = new MutationObserver(() => {
      if (check()) observer.disconnect();
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status', 'data-state'] });
  };
  if (/^(chrome|moz)-extension:$/.test(location.protocol)) {
    if (location.pathname === '/panel.html') {
      observe(() => {
        const status = document.querySelector('[data-testid="panel"]')?.getAttribute('data-status');
        if (status !== 'ready' && status !== 'error') return false;
        if (status === 'ready') performance.mark(arg.marks.panel);
        w.__lensLoadPanel = { status, at: performance.now() };
        return true;
      });
      if (arg.target > 0) {
        observe(() => {
          const count = document.querySelectorAll('[data-testid="highlight"][data-status="anchored"]').length;
          w.__lensLoadPainting = count;
          if (count < arg.target) return false;
          performance.mark(arg.marks.paint);
          w.__lensLoadPainted = { at: performance.now(), count };
          return true;
        });
      }
    } else if (location.pathname === '/popup.html' || location.pathname === '/library.html') {
      observe(() => {
        const state = document.querySelector('[data-testid="library"]')?.getAttribute('data-state');
        const row = document.querySelector('[data-testid="library-highlight"]');
        if (!row && state !== 'empty' && state !== 'error') return false;
        performance.mark(arg.marks.list);
        w.__lensLoadList = { state, at: performance.now(), rows: document.querySelectorAll('[data-testid="library-highlight"]').length };
        return true;
      });
    }
    return;
  }
}

async function launch(server: FixtureServer, target: number, userDataDir = ''): Promise<{ context: BrowserContext; origin: string }> {
  const { context, origin } = await launchLensChromium(server, userDataDir);
  // tsx compiles this file with esbuild's keepNames, which wraps inner functions in `__name(…)`: the
  // functions sent to the browser (the probes, page.evaluate callbacks) need that helper there too.
  const arg = JSON.stringify({ target, marks: { panel: PANEL_MARK, paint: PAINT_MARK, list: LIST_MARK } });
  await context.addInitScript({ content: `globalThis.__name = globalThis.__name || function (f) { return f; };\n(${probes.toString()})(${arg});` });
  return { context, origin };
}

/** Closes every tab but `keep` (the welcome tab the extension opens on install, a filler page): their renderers would share the work measured. */
async function closeOthers(context: BrowserContext, keep?: Page) {
  for (const p of context.pages()) if (p !== keep) await p.close();
}

/** A profile as the library fill drives it (library-fill.ts). */
function fillBrowser(lib: Library): FillBrowser {
  const open = async (url: string) => {
    const page = await lib.context.newPage();
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    return page as unknown as FillPage;
  };
  return {
    openPage: open,
    openExtensionPage: (p) => open(`${lib.origin}${p}`),
    closeOthers: (keep) => closeOthers(lib.context, keep as unknown as Page),
  };
}

async function traced<T>(page: Page, run: () => Promise<T>): Promise<{ value: T; events: TraceEvent[] }> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', 'blink.user_timing', '__metadata'], recordMode: 'recordAsMuchAsPossible' },
    transferMode: 'ReportEvents',
  });
  // Tracing.start returns before every running renderer records (the extension's process may already
  // run): a moment's pause, or a navigation right away can miss its own navigationStart.
  await new Promise((r) => setTimeout(r, 300));
  let value: T;
  try {
    value = await run();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  return { value, events };
}

/** The renderer main thread (`CrRendererMain`) of process `pid`. */
function mainThread(events: TraceEvent[], pid: number): number | undefined {
  return events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain')?.tid;
}

const isTask = (e: TraceEvent) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.dur !== undefined;

/** Top-level tasks on `pid`'s main thread that started in [from, to] (trace µs), optionally only those running code from a URL matching `code`. */
function tasksIn(events: TraceEvent[], pid: number, from: number, to: number, code?: RegExp): Tasks {
  const tid = mainThread(events, pid);
  const onThread = events.filter((e) => e.pid === pid && e.tid === tid);
  let tasks = onThread.filter((e) => isTask(e) && e.ts >= from && e.ts <= to);
  if (code) {
    const calls = onThread.filter((e) => typeof e.args?.data?.url === 'string' && code.test(e.args.data.url as string));
    tasks = tasks.filter((t) => calls.some((c) => c.ts >= t.ts && c.ts <= t.ts + t.dur!));
  }
  const ms = tasks.map((t) => t.dur! / 1000);
  const longest = tasks.reduce<TraceEvent | undefined>((a, t) => (!a || t.dur! > a.dur! ? t : a), undefined);
  return { longest: ms.length ? Math.max(...ms) : 0, over50: ms.filter((d) => d > LONG_TASK_MS).length, count: ms.length, what: longest ? describeTask(onThread, longest) : '' };
}

/** What took the time in a task: its longest timeline events inside (script evaluation, a function call, style, layout…). */
function describeTask(onThread: TraceEvent[], task: TraceEvent): string {
  const inside = onThread
    .filter((e) => e !== task && e.ph === 'X' && e.dur !== undefined && !isTask(e) && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur!)
    .sort((a, b) => b.dur! - a.dur!);
  const label = (e: TraceEvent) => {
    const d = e.args?.data ?? {};
    const where = [d.functionName, typeof d.url === 'string' ? (d.url as string).replace(/^.*\//, '') : undefined].filter(Boolean).join(' ');
    return `${e.name}${where ? ` ${where}` : ''} ${round(e.dur! / 1000, 1)}`;
  };
  const within = (e: TraceEvent, o: TraceEvent) => o !== e && o.ts <= e.ts && o.ts + o.dur! >= e.ts + e.dur! && o.dur! > e.dur!;
  // The top-level events inside the task (not nested in another inside event), longest first; for the
  // longest, the chain of its longest children (a message whose handler ran a function …).
  const top = inside.filter((e) => !inside.some((o) => within(e, o)));
  const chain = (e: TraceEvent, depth: number): string => {
    const child = depth > 0 ? inside.find((c) => within(c, e) && !inside.some((o) => o !== e && within(c, o) && within(o, e))) : undefined;
    return child && child.dur! > e.dur! / 2 ? `${label(e)} > ${chain(child, depth - 1)}` : label(e);
  };
  return [top[0] && chain(top[0], 3), ...top.slice(1, 2).map(label)].filter(Boolean).join(' + ');
}

/** What the longest of these tasks (one per run) was doing. */
const worst = (runs: Tasks[]) => runs.reduce<Tasks | undefined>((a, t) => (!a || t.longest > a.longest ? t : a), undefined)?.what ?? '';

const navOf = (events: TraceEvent[], url: string) =>
  events.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL === url && e.args?.data?.isOutermostMainFrame === true);

async function until<T>(what: string, read: () => Promise<T | null | undefined>, timeoutMs = WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read().catch(() => null);
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`load bench: timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

type ArticleSample = { panel: number; painted: number | null; page: Tasks; lens: Tasks; panelFrame: Tasks; listed: number };

/** `highlights`: how many stored highlights this page must show painted (0: none expected, e.g. a new article). */
async function measureArticle(lib: Library, url: string, highlights: number): Promise<ArticleSample> {
  const page = await lib.context.newPage();
  try {
    const { value, events } = await traced(page, async () => {
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      const panelFrame = await until('the panel frame to report', async () => {
        for (const f of page.frames()) {
          if (f === page.mainFrame()) continue;
          const probe = await f.evaluate(() => (window as unknown as { __lensLoadPanel?: { status: string } }).__lensLoadPanel ?? null).catch(() => null);
          if (probe) return { frame: f, probe };
        }
        return null;
      }).catch(async (e: Error) => {
        const frames = await Promise.all(
          page.frames().map(async (f) => `${f.url()} ${await f.evaluate(() => document.querySelector('[data-testid="panel"]')?.getAttribute('data-status') ?? 'no panel').catch((x: Error) => x.message.slice(0, 60))}`),
        );
        throw new Error(`${lib.name}: ${e.message}; frames: ${frames.join(' | ')}`);
      });
      if (panelFrame.probe.status !== 'ready') throw new Error(`the panel showed data-status="${panelFrame.probe.status}"`);
      if (highlights > 0) {
        await until(`${highlights} highlights painted`, () =>
          panelFrame.frame.evaluate(() => (window as unknown as { __lensLoadPainted?: { count: number } }).__lensLoadPainted ?? null),
        ).catch(async (e: Error) => {
          const painting = await panelFrame.frame.evaluate(() => (window as unknown as { __lensLoadPainting?: number }).__lensLoadPainting).catch(() => '?');
          throw new Error(`${e.message} (${painting} anchored)`);
        });
      }
      // What the panel lists, once it got the highlights (after the measured window).
      return panelFrame.frame;
    });
    const nav = navOf(events, url);
    const ready = events.find((e) => e.name === PANEL_MARK);
    const painted = events.find((e) => e.name === PAINT_MARK);
    if (!nav || !ready || (highlights > 0 && !painted)) {
      throw new Error(`trace lacks ${[!nav && 'navigationStart', !ready && 'the panel mark', highlights > 0 && !painted && 'the painted mark'].filter(Boolean).join(', ')}`);
    }
    const end = Math.max(ready.ts, highlights > 0 ? painted!.ts : 0);
    const listed = highlights
      ? await until('the panel to list the highlights', async () => {
          const n = await value.evaluate(() => document.querySelectorAll('[data-testid="highlight"]').length);
          return n >= highlights ? n : null;
        }, 20_000).catch(() => -1)
      : 0;
    return {
      panel: (ready.ts - nav.ts) / 1000,
      painted: highlights > 0 ? (painted!.ts - nav.ts) / 1000 : null,
      page: tasksIn(events, nav.pid, nav.ts, end),
      lens: tasksIn(events, nav.pid, nav.ts, end, /\/content-scripts\//),
      panelFrame: tasksIn(events, ready.pid, nav.ts, end),
      listed,
    };
  } finally {
    await page.close();
  }
}

/** The article page in a browser without the extension: its own tasks, from navigation start for BARE_WINDOW_MS. */
async function measureBare(context: BrowserContext, url: string): Promise<Tasks> {
  const page = await context.newPage();
  try {
    const { events } = await traced(page, async () => {
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      await new Promise((r) => setTimeout(r, BARE_WINDOW_MS));
    });
    const nav = navOf(events, url);
    if (!nav) throw new Error('trace of the page without the extension lacks navigationStart');
    return tasksIn(events, nav.pid, nav.ts, nav.ts + BARE_WINDOW_MS * 1000);
  } finally {
    await page.close();
  }
}

type ListSample = { list: number; listTasks: Tasks; rows: number; total: number | null; searches: { word: string; ms: number; hits: number; tasks: Tasks }[] };

/** Runs in the library view: arms a watch for the list's count changing after the next input event. */
function armSearchWatch() {
  const s = { input: 0, done: 0, hits: -1 };
  (window as unknown as { __lensSearch: typeof s }).__lensSearch = s;
  const box = document.querySelector<HTMLInputElement>('[data-testid="library-search"]')!;
  // The count line changes with every answer ("10 highlights in 1 article" → "10 of 10 highlights
  // match"), even when every highlight matches.
  const count = () => document.querySelector<HTMLElement>('[data-testid="library-count"]');
  const total = () => count()?.textContent ?? null;
  let before: string | null = null;
  box.addEventListener(
    'input',
    () => {
      s.input = performance.now();
      before = total();
      performance.mark('lens-load-input');
    },
    { capture: true, once: true },
  );
  const observer = new MutationObserver(() => {
    if (!s.input) return;
    const now = total();
    const none = document.querySelector('[data-testid="library-none"]');
    if (now === before && !none) return;
    s.done = performance.now();
    s.hits = none ? 0 : Number(count()?.dataset.total);
    performance.mark('lens-load-search-done');
    observer.disconnect();
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-total'] });
  box.focus();
}

async function measureList(lib: Library, path: '/popup.html' | '/library.html'): Promise<ListSample> {
  const page = await lib.context.newPage();
  const url = `${lib.origin}${path}`;
  try {
    const { value, events } = await traced(page, async () => {
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      const list = await until('the library list', () =>
        page.evaluate(() => (window as unknown as { __lensLoadList?: { state: string; at: number; rows: number } }).__lensLoadList ?? null),
      );
      // A full library shows its first screen first (data-state="partial"); searching waits for the whole library.
      await until('the whole library read', () => page.evaluate(() => (document.querySelector('[data-testid="library"]')?.getAttribute('data-state') !== 'partial' ? true : null)));
      const total = await page.evaluate(() => document.querySelector<HTMLElement>('[data-testid="library-count"]')?.dataset.total ?? null);
      const searches: { word: string; ms: number; hits: number }[] = [];
      if (list.state !== 'empty') {
        for (const word of SEARCHES) {
          await page.evaluate(armSearchWatch);
          await page.keyboard.insertText(word);
          const s = await until(`the list to answer “${word}”`, () =>
            page.evaluate(() => {
              const r = (window as unknown as { __lensSearch: { input: number; done: number; hits: number } }).__lensSearch;
              return r.done ? r : null;
            }),
          );
          searches.push({ word, ms: s.done - s.input, hits: s.hits });
          // Esc empties the box; wait for the whole list to come back before the next word.
          await page.keyboard.press('Escape');
          await until('the whole list back', () =>
            page.evaluate((t) => (document.querySelector<HTMLElement>('[data-testid="library-count"]')?.dataset.total === t ? true : null), total),
          );
        }
      }
      return { list, total, searches };
    });
    // The list mark is in the trace; navigation start is the page's time origin, `list.at` ms before it
    // (the trace does not always carry navigationStart for an extension page).
    const listMark = events.find((e) => e.name === LIST_MARK);
    if (!listMark) throw new Error(`trace of ${path} lacks the list mark`);
    const navTs = listMark.ts - value.list.at * 1000;
    const inputs = events.filter((e) => e.name === INPUT_MARK).sort((a, b) => a.ts - b.ts);
    const dones = events.filter((e) => e.name === SEARCH_MARK).sort((a, b) => a.ts - b.ts);
    return {
      list: value.list.at,
      listTasks: tasksIn(events, listMark.pid, navTs, listMark.ts),
      rows: value.list.rows,
      total: value.total === null ? null : Number(value.total),
      searches: value.searches.map((s, i) => ({ ...s, tasks: inputs[i] && dones[i] ? tasksIn(events, listMark.pid, inputs[i]!.ts, dones[i]!.ts) : { longest: NaN, over50: NaN, count: 0, what: '' } })),
    };
  } finally {
    await page.close();
  }
}

/**
 * A Sina article the corpus does not hold yet, at a URL of its own: seed-000-desktop with another id,
 * title and a first paragraph of its own (so neither key, title nor body fingerprint finds it). Its
 * first visit adds it to the corpus, as reading any new article does (corpus.addRead, on by default).
 */
function newArticle(server: FixtureServer, tag: string): string {
  const f = fixture(NEW_FROM);
  const oldId = /doc-i([a-z0-9]+)\.shtml/.exec(f.url)![1]!;
  const id = `kzn${tag}`.padEnd(14, '0').slice(0, 14);
  const html = readFileSync(path.join(FIXTURES_DIR, f.file), 'utf8')
    .split(oldId)
    .join(id)
    .replace(/(<h1 class="main-title">)([^<]*)/, `$1$2（${tag}）`)
    .replace(/(<title>)([^<_]*)/, `$1$2（${tag}）`)
    .replace(/(<meta property="og:title" content=")([^"]*)/, `$1$2（${tag}）`)
    .replace(BODY_OPEN, `$&\n<p>　　（编号${tag}）本文为基准测试新载入的文章，此前未收入语料库。</p>`);
  const url = f.url.replace(oldId, id);
  if (url === f.url || !html.includes(`编号${tag}`)) throw new Error(`load bench: ${NEW_FROM} changed, cannot make a new article from it`);
  server.route(url, html);
  return server.urlOf(url);
}

const med = (xs: number[]) => summarize(xs).median;

export const loadSuite: Suite = {
  id: 'load',
  async run({ root, log, peers }) {
    const busy = machineLoad();
    const server = await startFixtureServer(0);
    const url = server.urlOf(fixture(FIXTURE));
    const libs: Library[] = [];
    let bare: BrowserContext | undefined;
    try {
      // Issue 8 compares the popup with 10 and with 10,000 highlights; issue 9, a page with the library full.
      const SMALL: FillSize = { articles: 0, highlights: SMALL_HIGHLIGHTS, onPage: SMALL_HIGHLIGHTS };
      const FULL: FillSize = { articles: ARTICLES, highlights: HIGHLIGHTS, onPage: PAGE_HIGHLIGHTS };
      const filled: Record<Library['name'], FillReport> = {} as Record<Library['name'], FillReport>;
      for (const [name, size] of [['small', SMALL], ['full', FULL]] as const) {
        log(`launching the ${name} profile`);
        // The probe's paint target is what spread() aims for; checked after the fill.
        const kept = name === 'full' ? KEEP_FULL_PROFILE : undefined;
        const lib: Library = { name, ...(await launch(server, size.onPage, kept)), pageHighlights: 0 };
        libs.push(lib);
        log(`filling the ${name} profile: ${size.articles} articles, ${size.highlights} highlights (${size.onPage} on ${FIXTURE})`);
        filled[name] = await fillOrReuse(fillBrowser(lib), size, kept, root, server, loadCatalogueFile(), log);
        if (filled[name].pageHighlights !== size.onPage) throw new Error(`described ${filled[name].pageHighlights} highlights on ${FIXTURE}, wanted ${size.onPage}`);
        lib.pageHighlights = size.onPage;
      }
      for (const lib of libs) await closeOthers(lib.context);
      // The peer every article row is read against (--peers): the same page in the same browser without Policy Lens.
      if (peers) {
        bare = await launchBareChromium(server);
        await closeOthers(bare);
      }
      const bareSamples: Tasks[] = [];

      const article: Record<string, ArticleSample[]> = { small: [], full: [], 'small new': [], 'full new': [] };
      const lists: Record<string, ListSample[]> = { 'small /popup.html': [], 'full /popup.html': [], 'small /library.html': [], 'full /library.html': [] };
      for (let i = 0; i < WARMUP + RUNS; i++) {
        log(`run ${i + 1}/${WARMUP + RUNS}${i < WARMUP ? ' (warm-up)' : ''}`);
        if (bare) {
          const b = await measureBare(bare, url);
          if (i >= WARMUP) bareSamples.push(b);
        }
        for (const lib of libs) {
          const a = await measureArticle(lib, url, lib.pageHighlights);
          if (i >= WARMUP) article[lib.name]!.push(a);
          const fresh = await measureArticle(lib, newArticle(server, `${lib.name[0]}${i}x${Date.now() % 1e6}`), 0);
          if (i >= WARMUP) article[`${lib.name} new`]!.push(fresh);
          for (const path of ['/popup.html', '/library.html'] as const) {
            // A trace now and then misses the extension page's renderer (a loaded machine): measured again once.
            const l = await measureList(lib, path).catch((e: Error) => {
              if (!/lacks the list mark/.test(e.message)) throw e;
              log(`  ${e.message}: measuring again`);
              return measureList(lib, path);
            });
            if (i >= WARMUP) lists[`${lib.name} ${path}`]!.push(l);
          }
        }
      }

      const articleRows: Row[] = libs.flatMap((lib) =>
        (['known', 'new'] as const).map((kind) => {
          const s = article[kind === 'known' ? lib.name : `${lib.name} new`]!;
          const painted = s.map((x) => x.painted).filter((x): x is number => x !== null);
          const shown = kind === 'known' ? lib.pageHighlights : 0;
          return {
            library: lib.name === 'small' ? `small (5 seeds, ${SMALL_HIGHLIGHTS} highlights)` : `full (${ARTICLES} articles, ${HIGHLIGHTS} highlights)`,
            page: kind === 'known' ? `${FIXTURE} (in the corpus)` : `new article (added on this visit)`,
            'highlights on page': shown,
            'nav→panel ready ms': med(s.map((x) => x.panel)),
            'nav→highlights painted ms': painted.length ? med(painted) : '—',
            'longest page task ms': med(s.map((x) => x.page.longest)),
            'page tasks >50 ms': med(s.map((x) => x.page.over50)),
            'longest lens task ms': med(s.map((x) => x.lens.longest)),
            'lens tasks >50 ms': med(s.map((x) => x.lens.over50)),
            'longest panel-frame task ms': med(s.map((x) => x.panelFrame.longest)),
            'worst page task ms (all runs)': round(Math.max(...s.map((x) => x.page.longest))),
            'longest page task was (worst run, ms)': worst(s.map((x) => x.page)),
            'longest lens task was (worst run, ms)': worst(s.map((x) => x.lens)),
            'panel lists': shown ? Math.min(...s.map((x) => x.listed)) : 0,
          };
        }),
      );
      if (peers) articleRows.unshift({
        library: 'none: the page without Policy Lens',
        page: FIXTURE,
        'highlights on page': 0,
        'nav→panel ready ms': '—',
        'nav→highlights painted ms': '—',
        'longest page task ms': med(bareSamples.map((x) => x.longest)),
        'page tasks >50 ms': med(bareSamples.map((x) => x.over50)),
        'longest lens task ms': '—',
        'lens tasks >50 ms': '—',
        'longest panel-frame task ms': '—',
        'worst page task ms (all runs)': round(Math.max(...bareSamples.map((x) => x.longest))),
        'longest page task was (worst run, ms)': worst(bareSamples),
        'longest lens task was (worst run, ms)': '—',
        'panel lists': 0,
      });
      const listRows: Row[] = [];
      for (const path of ['/popup.html', '/library.html'] as const) {
        for (const lib of libs) {
          const s = lists[`${lib.name} ${path}`]!;
          const search = (w: number) => {
            const xs = s.map((x) => x.searches[w]).filter((x): x is NonNullable<typeof x> => x !== undefined);
            return xs.length ? { ms: med(xs.map((x) => x.ms)), hits: xs[0]!.hits, longest: med(xs.map((x) => x.tasks.longest)) } : null;
          };
          const [a, b] = [search(0), search(1)];
          listRows.push({
            page: path,
            library: lib.name,
            'highlights listed': s[0]?.total ?? 0,
            'nav→first list render ms': med(s.map((x) => x.list)),
            'longest task until then ms': med(s.map((x) => x.listTasks.longest)),
            'tasks >50 ms until then': med(s.map((x) => x.listTasks.over50)),
            'longest task was (worst run, ms)': worst(s.map((x) => x.listTasks)),
            [`search “${SEARCHES[0]}” ms (hits)`]: a ? `${a.ms} (${a.hits})` : '—',
            [`longest task in “${SEARCHES[0]}” ms`]: a ? a.longest : '—',
            [`search “${SEARCHES[1]}” ms (hits)`]: b ? `${b.ms} (${b.hits})` : '—',
            [`longest task in “${SEARCHES[1]}” ms`]: b ? b.longest : '—',
          });
        }
      }

      const results: SuiteResult[] = [
        {
          title: `Filling the full profile's IndexedDB from /options.html (Chromium): ${ARTICLES} articles with their related-articles index, ${HIGHLIGHTS} highlights`,
          columns: ['step', 'items', 'total s', 'ms per item'],
          rows: filled.full.rows,
          notes: [
            `All but the last ${ONE_BY_ONE} articles: the fields indexStoredArticle derives (detectMeasures, bodyFingerprint), then indexArticles per batch in one transaction, as scripts/bench/suites/related.ts builds its index. The last ${ONE_BY_ONE} go through indexStoredArticle one transaction each, the product's path for an article read or imported: their time per item is what indexing one more article costs in a full library. A page read for the first time no longer waits for it: the article is stored at once and indexed after the panel has its answer (lib/insight/index-queue.ts), see the 'new article' rows below.`,
            busy,
          ],
        },
        {
          title: `Article pages with a small vs a full library in Chromium: panel and highlights (median of ${RUNS} fresh tabs after ${WARMUP} warm-up, runs interleaved)`,
          columns: Object.keys(articleRows[0]!),
          rows: articleRows,
          notes: [
            'Window: navigation start → panel ready (panel.html commits data-status="ready") and, when the library has highlights on this page, the panel\'s commit listing all of them anchored (painted in the page\'s next frame; the paint itself is out of a page script\'s reach). ' +
              (peers
                ? 'Without Policy Lens (the first row, the peer): navigation start → ' + BARE_WINDOW_MS + ' ms later, in a profile without the extension.'
                : peersLeftOut('the same page without Policy Lens')),
            `new article = ${NEW_FROM} under a new id, title and first paragraph, a different one each run: not in the corpus, so the visit stores it before the panel gets its analysis and indexes it for related articles afterwards (lib/insight/index-queue.ts).`,
            "Tasks: the trace's top-level RunTask events on the renderer main thread. 'page' = the article tab's renderer (the page's own parse and scripts included, in both profiles alike); 'lens' = those of them that ran content-script code; 'panel-frame' = the renderer of the extension frame.",
            `Issue 9's bound is no task over ${LONG_TASK_MS} ms; the columns show what it is. 'panel lists' = highlights the panel listed after the window (-1: fewer than stored within 20 s).`,
            busy,
          ],
        },
        {
          title: `Popup and library page with a small vs a full library in Chromium (median of ${RUNS} loads after ${WARMUP} warm-up)`,
          columns: Object.keys(listRows[0]!),
          rows: listRows,
          notes: [
            '/popup.html is opened in a tab (as the e2e tests do): same document and code as the toolbar popup, in a tab-sized window.',
            'first list render = the first highlight row committed to the DOM (the empty library: its empty state); with a full library that is its first screen (the newest highlights\' articles), read before the rest (lib/library/feed.ts). The searches start once the whole library is read.',
            'search = a word committed at once into the box (as an input method commits it), from that input event to the list count changing: includes the box\'s 150 ms debounce.',
            busy,
          ],
        },
      ];
      return results;
    } finally {
      for (const context of [...libs.map((l) => l.context), bare]) await context?.close().catch(() => undefined);
      await server.close();
    }
  },
};
