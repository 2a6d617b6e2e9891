/**
 * Painting 200 highlights on a long article in Chromium: Policy Lens's painter (boxes in a closed
 * shadow root, lib/contexts/article-view/highlights/painter.ts) beside the CSS Custom Highlight API painter it
 * replaced (scripts/bench/peers/css-highlight-painter.ts), in the same page, the same run.
 *
 * The page is a Sina article page whose body is the anchoring bench's ~100 KiB article (362
 * paragraphs, tests/support/anchoring/edited-article.ts) with its 200 highlights, anchored once (not timed).
 * Each run, alternating painters, on the same page:
 *  - paint: the synchronous work of painting all 200 (ours: reading every range's text rects and
 *    placing the boxes, in one pass; the peer: adding the ranges to the registry);
 *  - to frame: from the call until the second animation frame after it, i.e. the browser has done
 *    the style, layout and paint that the change needs and shown a frame;
 *  - relayout: the article's width changes (as when the panel opens beside it), until the second
 *    frame after: ours measures and places every box again, the peer's are re-laid out by the
 *    browser;
 *  - longest task: the longest main-thread task (PerformanceObserver 'longtask', 50 ms and over)
 *    during the run, 0 when there was none.
 */
import path from 'node:path';
import { pageBundle } from '../page-bundle';
import { chromium, type Page } from 'playwright-core';
import { findBrowser } from '../../harness/browsers';
import { fixtureServerArgs } from '../../harness/chromium-args';
import { fixture, FIXTURES_DIR, startFixtureServer } from '../../harness/fixture-server';
import { buildArticle, HIGHLIGHTS, pickHighlights } from '../../../tests/support/anchoring/edited-article';
import { compileSeeds } from '../../lens/compile-seeds';
import { summarize } from '../stats';
import { peersLeftOut, type Row, type Suite } from '../types';
import { readFileSync } from 'node:fs';

const RUNS = 12;
const BODY_OPEN = '<div class="article" id="artibody" data-sudaclick="blk_content">';

async function bundle(root: string): Promise<string> {
  return pageBundle(
    root,
    `
        import { anchorAll } from './lib/anchoring';
        import { isNotArticleText } from './lib/highlights/skip';
        import { createPainter } from './lib/contexts/article-view/highlights/painter';
        import { createPainter as createCssPainter } from './scripts/bench/peers/css-highlight-painter';
        window.__paintBench = { anchorAll, isNotArticleText, createPainter, createCssPainter };`,
  );
}

type Sample = { paint: number; frame: number; relayout: number; longest: number; boxes?: number };

/**
 * One run of one painter in the page: paint, wait for the frame, widen the article, wait again,
 * clear. Plain JavaScript in a string: tsx would wrap named inner functions in a helper the page
 * does not have.
 */
const RUN_IN_PAGE = String.raw`async (which) => {
  const b = window.__paintState;
  const twoFrames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
  const tasks = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration)));
  observer.observe({ type: 'longtask' });
  const painter = b.painters[which];
  const body = document.getElementById('artibody');
  await twoFrames();
  const t0 = performance.now();
  painter.paint(b.items);
  if (painter.layout) painter.layout();
  const t1 = performance.now();
  await twoFrames();
  const t2 = performance.now();
  body.style.width = body.style.width ? '' : '560px';
  const t3 = performance.now();
  await twoFrames();
  const t4 = performance.now();
  painter.clear();
  await twoFrames();
  observer.disconnect();
  return { paint: t1 - t0, frame: t2 - t0, relayout: t4 - t3, longest: Math.max(0, ...tasks) };
}`;

const runInPage = (page: Page, which: 'ours' | 'peer'): Promise<Sample> => page.evaluate(`(${RUN_IN_PAGE})(${JSON.stringify(which)})`) as Promise<Sample>;

async function prepare(page: Page, highlights: { id: string; quote: unknown; position: unknown }[]): Promise<number> {
  return page.evaluate(async (hs) => {
    const w = window as unknown as { __paintBench: any; __paintState: unknown; __layouts: number[] };
    const layouts: number[] = (w.__layouts = []);
    const body = document.getElementById('artibody')!;
    const outcomes = await w.__paintBench.anchorAll(body, hs, { skip: w.__paintBench.isNotArticleText });
    const colors = ['yellow', 'green', 'blue', 'pink'];
    const items = outcomes
      .filter((o: { status: string }) => o.status === 'anchored')
      .map((o: { id: string; range: Range }, i: number) => ({ id: o.id, range: o.range, color: colors[i % 4], hasNote: i % 5 === 0 }));
    w.__paintState = {
      items,
      painters: {
        // (A bound push, not an arrow: tsx would name an arrow with a helper the page lacks.) Pairs of ms, highlights.
        ours: w.__paintBench.createPainter(document, { body, scheme: 'light', onLayout: layouts.push.bind(layouts) }),
        peer: w.__paintBench.createCssPainter(document, { scheme: 'light' }),
      },
    };
    return items.length;
  }, highlights);
}

export const paintingSuite: Suite = {
  id: 'painting',
  async run({ root, log, peers }) {
    const seeds = compileSeeds(path.join(root, 'seeds'), root).articles;
    const paragraphs = buildArticle(seeds.flatMap((a) => a.paragraphs));
    const text = paragraphs.join('\n');
    const highlights = pickHighlights(text, paragraphs).map((h) => ({ id: h.id, quote: h.quote, position: h.position }));
    const server = await startFixtureServer(0);
    const context = await chromium.launchPersistentContext('', {
      executablePath: findBrowser('chromium'),
      headless: true,
      ignoreHTTPSErrors: true,
      viewport: { width: 1280, height: 900 },
      args: [...fixtureServerArgs(server.hosts, server.port), '--disable-background-networking', '--no-first-run'],
    });
    try {
      // The Sina page of seed-001 with the long article as its body.
      const f = fixture('seed-001-desktop');
      const html = readFileSync(path.join(FIXTURES_DIR, f.file), 'utf8');
      const start = html.indexOf(BODY_OPEN);
      const end = html.indexOf('</div>', start);
      if (start < 0 || end < 0) throw new Error('painting bench: the fixture has no article body');
      const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
      const body = paragraphs.map((p) => `<p cms-style="font-L">${escape(p)}</p>`).join('\n');
      server.route(f.url, html.slice(0, start) + BODY_OPEN + body + html.slice(end));
      const page = await context.newPage();
      await page.goto(server.urlOf(f), { waitUntil: 'domcontentloaded' });
      await page.addScriptTag({ content: await bundle(root) });
      const anchored = await prepare(page, highlights);
      log(`${anchored} of ${HIGHLIGHTS} highlights anchored on a ${paragraphs.length}-paragraph article`);
      const samples: Record<'ours' | 'peer', Sample[]> = { ours: [], peer: [] };
      // One unmeasured run each (JIT, first style of the boxes), then alternate.
      await runInPage(page, 'ours');
      if (peers) await runInPage(page, 'peer');
      for (let i = 0; i < RUNS; i++) {
        const order = i % 2 ? (['peer', 'ours'] as const) : (['ours', 'peer'] as const);
        for (const which of order) if (peers || which === 'ours') samples[which].push(await runInPage(page, which));
      }
      // Our painter's own layout passes that placed every highlight (the first paint of each run, and each relayout).
      const passes = await page.evaluate(() => (window as unknown as { __layouts?: number[] }).__layouts ?? []);
      const ourPasses = passes.filter((_, i) => i % 2 === 0 && passes[i + 1] === anchored);
      const row = (name: string, s: Sample[]): Row => {
        const paint = summarize(s.map((x) => x.paint));
        const frame = summarize(s.map((x) => x.frame));
        const relayout = summarize(s.map((x) => x.relayout));
        return {
          painter: name,
          'paint ms (median / p95)': `${paint.median} / ${paint.p95}`,
          'to frame ms (median / p95)': `${frame.median} / ${frame.p95}`,
          'relayout to frame ms (median / p95)': `${relayout.median} / ${relayout.p95}`,
          'runs with a long task': `${s.filter((x) => x.longest > 0).length}/${s.length}`,
          'longest task ms': Math.round(Math.max(...s.map((x) => x.longest))),
        };
      };
      const layout = summarize(ourPasses);
      return {
        title: `Painting ${anchored} highlights on a ${paragraphs.length}-paragraph Sina article page in Chromium (${RUNS} runs${peers ? ' each, alternating' : ''}): Policy Lens's private painter${peers ? ' vs the CSS Custom Highlight API painter it replaced' : ''}`,
        columns: ['painter', 'paint ms (median / p95)', 'to frame ms (median / p95)', 'relayout to frame ms (median / p95)', 'runs with a long task', 'longest task ms'],
        rows: [
          row('Policy Lens: boxes in a closed shadow root (lib/contexts/article-view/highlights/painter.ts)', samples.ours),
          ...(peers ? [row('peer: CSS.highlights (the page can list them)', samples.peer)] : []),
        ],
        notes: [
          ...(peers ? [] : [peersLeftOut('the CSS Custom Highlight API painter it replaced')]),
          'paint: the synchronous call (ours reads every range\'s text rects and places the boxes in one pass; the peer adds ranges to CSS.highlights). to frame: from the call to the second animation frame after it (style, layout and paint done, a frame shown). relayout: the article narrows or widens (as when the panel opens beside it) until the second frame after; ours measures and places every box again in that frame, the browser re-lays out the peer\'s ranges itself.',
          `longest task: PerformanceObserver("longtask") entries (50 ms and over) during a run (painting, relayout, clearing); 0 means none. Every frame-based figure includes the page's own work in those frames (a width change re-lays out all ${paragraphs.length} paragraphs) and the machine's load.`,
          `Policy Lens's own layout pass (reading every highlight's text rects, placing its boxes; instrumented with the painter's onLayout): median ${layout.median} ms, p95 ${layout.p95} ms over ${ourPasses.length} passes of ${anchored} highlights.`,
        ],
      };
    } finally {
      await context.close();
      await server.close();
    }
  },
};
