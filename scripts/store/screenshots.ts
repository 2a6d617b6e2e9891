/**
 * `npm run store:screenshots` — the store's pictures, made from the real built extension on the
 * fixture pages (as scripts/demo.ts runs it), in Chromium at 1280×800, in Chinese and English:
 *
 *   docs/store/screenshot-1-panel-{zh,en}.png    the panel beside an article, a measure's timeline open
 *   docs/store/screenshot-2-note-{zh,en}.png     a highlight with its note: the popover in the page, the note in the panel
 *   docs/store/screenshot-3-library-{zh,en}.png  the library page with a search
 *   docs/store/promo-440x280.png                 the small promo tile: the icon, the name, and the panel
 *
 * Run `npm run build` first. Nothing is drawn by hand: rerun it when the interface changes.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { highlightPhrase, paintedBox, writeNote } from '../../tests/e2e/support/highlights';
import { readyPanel } from '../../tests/e2e/support/panel';
import { ensureBrowsers, findBrowser } from '../harness/browsers';
import { launchChromium } from '../harness/chromium';
import { fixture, startFixtureServer, type FixtureServer } from '../harness/fixture-server';
import { extensionDir, ROOT } from '../harness/paths';
import type { LensBrowser, LensFrame, LensPage } from '../harness/types';

const OUT = path.join(ROOT, 'docs', 'store');
const WIDTH = 1280;
const HEIGHT = 800;

type Lang = 'zh' | 'en';
const LOCALE: Record<Lang, string> = { zh: 'zh-CN', en: 'en-US' };

/** What the reader writes: their own words, in their language. */
const CONTENT = {
  zh: {
    note: '基金监管：零容忍，发现一起查处一起。对照本地医保局的通报。',
    note2: '专项整治延长一年：关注2022年的追回金额。',
    search: '监管',
  },
  en: {
    note: 'Zero tolerance on fund fraud: compare with the local bureau’s notices.',
    note2: 'The campaign runs one more year: watch the 2022 recovery figure.',
    search: 'fund',
  },
};
const PHRASE = '医保基金是群众的“救命钱”';
const PHRASE_2 = '稳步有序扩大集中带量采购覆盖面';
const PHRASE_3 = '专项整治行动结束时间由2021年12月底延长至2022年12月底';

/** Fonts loaded and two frames painted, in each document: an out-of-process frame may otherwise be photographed stale. */
async function settle(...docs: (LensPage | LensFrame)[]) {
  for (const doc of docs) {
    await doc.waitFor('fonts', () => document.fonts.status === 'loaded');
    await doc.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  }
}

/**
 * tsx keeps function names with an `__name(fn, "name")` helper, which the test helpers' nested
 * functions then call inside the page, where it does not exist: give the page one that does nothing.
 */
async function shimNames(...docs: (LensPage | LensFrame)[]) {
  for (const doc of docs) await doc.evaluate(() => void ((globalThis as { __name?: unknown }).__name ??= (fn: unknown) => fn));
}

async function articlePage(browser: LensBrowser, server: FixtureServer, name: string): Promise<{ page: LensPage; panel: LensFrame }> {
  const page = await browser.openPage(server.urlOf(fixture(name)));
  await page.setViewport(WIDTH, HEIGHT);
  const panel = await readyPanel(page);
  await shimNames(page, panel);
  return { page, panel };
}

/** Writes `note` on the highlight of `quote` in the panel and waits until the panel lists it saved. */
async function noteOn(panel: LensFrame, quote: string, note: string) {
  const find = (q: string) =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="highlight"]')].find((li) => li.textContent?.includes(q))?.dataset.id;
  await panel.waitFor(`the highlight of “${quote}” listed`, find, quote);
  const id = (await panel.evaluate(find, quote))!;
  if (!(await panel.evaluate(writeNote, { id, note }))) throw new Error('the note box did not open');
  await panel.waitFor(
    'the note saved',
    (n) => [...document.querySelectorAll('[data-testid="highlight-note"]')].some((p) => p.textContent === n),
    note,
  );
}

async function shoot(page: LensPage, file: string, ...docs: (LensPage | LensFrame)[]) {
  await settle(page, ...docs);
  await page.screenshot(path.join(OUT, file));
  console.log(`docs/store/${file}`);
}

async function pictures(lang: Lang, server: FixtureServer): Promise<string> {
  const words = CONTENT[lang];
  const browser = await launchChromium({
    extensionDir: extensionDir('chromium'),
    hosts: server.hosts,
    port: server.port,
    locale: LOCALE[lang],
  });
  try {
    // 1. The panel beside an article, one measure's timeline open.
    const first = await articlePage(browser, server, 'seed-000-desktop');
    await first.panel.evaluate(() =>
      document.querySelector<HTMLButtonElement>('[data-measure-id="volume-based-procurement"] [data-testid="timeline-toggle"]')?.click(),
    );
    await first.panel.waitFor('the timeline', () => document.querySelector('[data-testid="timeline"]'));
    await shoot(first.page, `screenshot-1-panel-${lang}.png`, first.panel);

    // 2. Highlighting with a note: two highlights (one recoloured), a note written in the panel, the
    // note's popover opened from the highlight in the page.
    await first.panel.evaluate(() =>
      document.querySelector<HTMLButtonElement>('[data-measure-id="volume-based-procurement"] [data-testid="timeline-toggle"]')?.click(),
    );
    await highlightPhrase(first.page, PHRASE_2);
    await highlightPhrase(first.page, PHRASE);
    await first.page.evaluate(() => getSelection()?.removeAllRanges());
    await noteOn(first.panel, PHRASE, words.note);
    await first.panel.evaluate((q) => {
      const li = [...document.querySelectorAll<HTMLElement>('[data-testid="highlight"]')].find((l) => l.textContent?.includes(q));
      const select = li?.querySelector<HTMLSelectElement>('[data-testid="highlight-color"]');
      if (select) {
        select.value = 'green';
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }
    }, PHRASE_2);
    await first.panel.evaluate(() => document.querySelector('[data-testid="highlights"]')?.scrollIntoView({ block: 'start' }));
    // The highlight with the note, in the middle of the window, and a click on it for its popover.
    const at = await first.page.evaluate((q) => {
      const registry = (CSS as unknown as { highlights: Map<string, Iterable<Range>> }).highlights;
      const range = [...(registry.get('policy-lens-yellow') ?? [])].find((r) => r.toString() === q)!;
      const top = range.getBoundingClientRect().top + scrollY;
      scrollTo({ top: top - innerHeight / 3, behavior: 'instant' });
      const r = range.getClientRects()[0]!;
      return { x: r.left + Math.min(40, r.width / 2), y: r.top + r.height / 2 };
    }, PHRASE);
    await first.page.click(at);
    await first.page.waitFor('the note popover', paintedBox, { tag: 'policy-lens-note', around: at });
    await shoot(first.page, `screenshot-2-note-${lang}.png`, first.panel);
    await first.page.close();

    // 3. The library with a search: a second article with a note, then the library page.
    const second = await articlePage(browser, server, 'seed-004-desktop');
    await highlightPhrase(second.page, PHRASE_3);
    await noteOn(second.panel, PHRASE_3, words.note2);
    await second.page.close();
    const library = await browser.openExtensionPage('/library.html');
    await library.setViewport(WIDTH, HEIGHT);
    await library.waitFor('the library', () => document.querySelectorAll('[data-testid="library-highlight"]').length >= 3);
    // The one persistent-storage question shows now that there are notes: answered, it goes away.
    for (let i = 0; i < 20; i++) {
      const answered = await library.evaluate(() => {
        const later = document.querySelector<HTMLButtonElement>('[data-testid="persist-later"]');
        later?.click();
        return later !== null;
      });
      if (answered) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await library.evaluate(() => document.querySelector<HTMLInputElement>('[data-testid="library-search"]')!.focus());
    await library.type(words.search);
    await library.waitFor('the search to narrow the list', () => document.querySelectorAll('[data-testid="library-highlight"]').length < 3);
    await shoot(library, `screenshot-3-library-${lang}.png`);
    await library.close();
    return path.join(OUT, `screenshot-1-panel-${lang}.png`);
  } finally {
    await browser.close();
  }
}

/** The 440×280 tile: the icon and name over the Chinese panel screenshot's panel, cropped. */
async function promoTile(panelShot: string) {
  const png = (file: string) => `data:image/png;base64,${readFileSync(file).toString('base64')}`;
  const browser = await chromium.launch({ executablePath: findBrowser('chromium'), headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 440, height: 280 }, deviceScaleFactor: 1 });
    await page.setContent(`<!doctype html><html lang="zh-CN"><body style="margin:0">
<div style="position:relative;width:440px;height:280px;overflow:hidden;background:#17324d;font-family:'WenQuanYi Micro Hei','Noto Sans CJK SC',sans-serif">
  <div style="position:absolute;right:-10px;top:18px;width:230px;height:300px;overflow:hidden;border-radius:10px 0 0 0;box-shadow:0 6px 24px rgba(0,0,0,.45)">
    <img src="${png(panelShot)}" style="position:absolute;left:-901px;top:-4px;width:1280px;height:800px">
  </div>
  <div style="position:absolute;left:24px;top:36px;width:190px;color:#fff">
    <img src="${png(path.join(ROOT, 'public/icon/128.png'))}" width="72" height="72" style="display:block">
    <div style="font-size:30px;font-weight:700;margin-top:12px;letter-spacing:1px">政策透镜</div>
    <div style="font-size:16px;opacity:.85;margin-top:2px">Policy Lens</div>
    <div style="font-size:14px;line-height:1.5;margin-top:14px;color:#ffd43b">读懂医保政策新闻<br>措施 · 相关文章 · 笔记</div>
  </div>
</div></body></html>`);
    await page.waitForFunction(() => [...document.images].every((i) => i.complete) && document.fonts.status === 'loaded');
    await page.screenshot({ path: path.join(OUT, 'promo-440x280.png'), clip: { x: 0, y: 0, width: 440, height: 280 } });
    console.log('docs/store/promo-440x280.png');
  } finally {
    await browser.close();
  }
}

async function main() {
  ensureBrowsers(['chromium']);
  mkdirSync(OUT, { recursive: true });
  const server = await startFixtureServer();
  try {
    const zhPanel = await pictures('zh', server);
    await pictures('en', server);
    await promoTile(zhPanel);
  } finally {
    await server.close();
  }
}

main().catch((error: Error) => {
  console.error(`store:screenshots failed: ${error.message}`);
  process.exit(1);
});
