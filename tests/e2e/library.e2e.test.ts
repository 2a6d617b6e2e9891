/**
 * The highlights library (issue 8) in the built extension: highlight on two articles and write a note
 * in the panel; the popup lists both articles; on the full library page, a word of the note finds its
 * highlight, and a click brings its article's tab forward with the highlight flashed in view; then a
 * full backup is exported, everything deleted, the backup imported, and every record comes back the
 * same, painted again on the article.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../scripts/harness/fixture-server';
import { ROOT } from '../../scripts/harness/paths';
import { readStore } from './support/extension-db';
import { highlightPhrase, listedHighlights, paintedTexts, panelFrame, waitForFlash, writeNote } from './support/highlights';
import { BROWSERS, useLens, type AxeViolation, type LensPage } from './support/lens';
import { readyPanel } from './support/panel';

type Stored = { id: string; articleKey: string; color: string; note: string; tags: string[]; quote: { exact: string } };

const PHRASE_A = '医保基金是群众的“救命钱”';
const PHRASE_B = '合理确定、动态调整公立医院薪酬水平';
const NOTE = '监管：零容忍，发现一起查处一起';
const SEARCH = '零容忍';

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

async function until<T>(what: string, read: () => Promise<T>, test: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (test(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last saw ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Runs in the library page: the rows listed, as ids. */
function listedIds(): string[] {
  return [...document.querySelectorAll<HTMLElement>('[data-testid="library-highlight"]')].map((r) => r.dataset.id ?? '');
}

/** Runs in an extension page: the id of the active tab of the window last focused. */
async function activeTabId(): Promise<number | undefined> {
  type Tabs = { tabs: { query(q: object): Promise<{ id?: number }[]> } };
  const g = globalThis as unknown as { browser?: Tabs; chrome?: Tabs };
  const [tab] = await (g.browser ?? g.chrome)!.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id;
}

/** Runs in an extension page: stores `n` highlights over 400 articles, straight into IndexedDB. */
function storeManyHighlights(n: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('policy-lens');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('highlights', 'readwrite');
      const store = tx.objectStore('highlights');
      for (let i = 0; i < n; i++) {
        const article = i % 400;
        const at = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
        const exact = `第${i}条：医保基金监管与集中带量采购的进展`;
        store.put({
          id: `perf-${String(i).padStart(5, '0')}`,
          articleKey: `sina:kperf${article}`,
          url: `https://finance.sina.com.cn/roll/2024-01-02/doc-ikperf${article}.shtml`,
          title: `性能测试文章 ${article}`,
          quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
          position: { type: 'TextPositionSelector', start: i, end: i + exact.length },
          color: ['yellow', 'green', 'blue', 'pink'][i % 4],
          note: i % 10 === 0 ? `笔记 ${i}` : '',
          tags: i % 7 === 0 ? ['性能'] : [],
          createdAt: at,
          updatedAt: at,
        });
      }
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/** Runs in the library page: how many highlights the list has loaded, and how many rows are in the document. */
function listed(): { shown: number; rows: number; spacers: number } {
  return {
    shown: Number(document.querySelector<HTMLElement>('[data-testid="library-more"]')?.dataset.shown ?? -1),
    rows: document.querySelectorAll('[data-testid="library-highlight"]').length,
    spacers: document.querySelectorAll('.library-groups > .library-spacer').length,
  };
}

/** Runs in the library page: scrolls down in steps, as a reader would. */
async function scrollThrough(steps: number): Promise<void> {
  for (let i = 0; i < steps; i++) {
    scrollBy(0, 1200);
    await new Promise((r) => setTimeout(r, 50));
  }
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
}

/** Runs in the library page: presses "Show more" `times` times, each after the last page rendered. */
async function showMore(times: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    document.querySelector<HTMLButtonElement>('[data-testid="library-more"]')!.click();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  }
}

const serious = (violations: AxeViolation[]) =>
  violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).join(', ')}`);

describe.each(BROWSERS)('the library in %s', (name) => {
  const lens = useLens(name);
  const open = async (fixtureName: string) => {
    const page = await lens.browser.openPage(lens.server.urlOf(fixture(fixtureName)));
    await readyPanel(page);
    return page;
  };
  const highlights = async (page: LensPage) => ((await page.evaluate(readStore, 'highlights')) as Stored[]).sort(byId);

  it('finds a highlight by its note, jumps to it, and gets everything back after export, wipe and import', async () => {
    // Two articles, a highlight on each, a note on the first written in its panel.
    const a = await open('seed-000-desktop');
    await highlightPhrase(a, PHRASE_A);
    const b = await open('seed-002-desktop');
    await highlightPhrase(b, PHRASE_B);

    const library = await lens.browser.openExtensionPage('/library.html');
    const stored = await until(
      'both highlights stored',
      () => highlights(library),
      (rows) => rows.length === 2,
    );
    const noted = stored.find((h) => h.quote.exact === PHRASE_A)!;
    const panelA = await panelFrame(a);
    await panelA.waitFor(
      'the highlight in the panel',
      (id) => document.querySelector(`[data-testid="highlight"][data-id="${id}"]`) !== null,
      noted.id,
    );
    expect(await panelA.evaluate(writeNote, { id: noted.id, note: NOTE })).toBe(true);
    await until(
      'the note stored',
      () => highlights(library),
      (rows) => rows.find((h) => h.id === noted.id)?.note === NOTE,
    );

    // The popup (opened as a tab) lists both articles too.
    const popup = await lens.browser.openExtensionPage('/popup.html');
    await popup.waitFor('the popup to list two articles', () => document.querySelectorAll('[data-testid="library-group"]').length === 2);
    expect(await popup.evaluate(() => document.querySelector('[data-testid="page-controls"]') !== null)).toBe(true);
    await popup.close();

    // The library page lists both, live (the note arrived after it opened).
    await library.waitFor('two articles listed', () => document.querySelectorAll('[data-testid="library-group"]').length === 2);
    await library.waitFor(
      'the note listed',
      (note) => [...document.querySelectorAll('[data-testid="library-note"]')].some((n) => n.textContent === note),
      NOTE,
    );
    const before = await highlights(library);
    expect(before).toHaveLength(2);

    // A word of the note, typed: one result, the noted highlight.
    await library.evaluate(() => document.querySelector<HTMLInputElement>('[data-testid="library-search"]')!.focus());
    await library.type(SEARCH);
    await library.waitFor('one result', () => document.querySelectorAll('[data-testid="library-highlight"]').length === 1);
    expect(await library.evaluate(listedIds)).toEqual([noted.id]);

    // A click on it: article A's tab comes forward (B's was in front) and the highlight is flashed in view.
    // Sina tabs show no URL to the extension (no `tabs` permission), so A's tab is known by its id.
    await a.bringToFront();
    const tabA = await library.evaluate(activeTabId);
    await b.bringToFront();
    expect(await library.evaluate(activeTabId)).not.toBe(tabA);
    await library.bringToFront();
    await library.evaluate(() =>
      document.querySelector<HTMLButtonElement>('[data-testid="library-highlight"] [data-testid="library-open"]')!.click(),
    );
    await waitForFlash(a, PHRASE_A, 'the highlight flashed in view');
    expect(await library.evaluate(activeTabId)).toBe(tabA);
    // The full page stays open for the next one, with no error shown.
    expect(await library.evaluate(() => document.querySelector('[data-testid="library-notice"]')?.textContent ?? '')).toBe('');

    // Export the full backup: the file is what the page's download link holds.
    await library.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid="export-backup"]')!.click());
    await library.waitFor('the backup link', () => document.querySelector('[data-testid="export-link"][data-kind="backup"]') !== null);
    const exported = await library.evaluate(async () => {
      const link = document.querySelector<HTMLAnchorElement>('[data-testid="export-link"]')!;
      return { name: link.download, text: await (await fetch(link.href)).text() };
    });
    expect(exported.name).toMatch(/^policy-lens-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const backup = JSON.parse(exported.text) as { format: string; highlights: Stored[] };
    expect(backup.format).toBe('policy-lens-backup');
    expect(backup.highlights.map((h) => h.id).sort()).toEqual(before.map((h) => h.id));

    // Delete everything, behind the confirmation.
    await library.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid="wipe"]')!.click());
    await library.waitFor('the confirmation', () => document.querySelector('[data-testid="wipe-confirm"]') !== null);
    expect(await library.evaluate(() => document.querySelector('[data-testid="wipe-dialog"]')?.textContent ?? '')).toMatch(/backup|备份/);
    await library.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid="wipe-confirm"]')!.click());
    await library.waitFor(
      'the empty library',
      () => document.querySelector('[data-testid="library"]')?.getAttribute('data-state') === 'empty',
    );
    expect(await highlights(library)).toEqual([]);
    // Open tabs drop their highlights at once.
    await until(
      'article A unpainted',
      () => paintedTexts(a),
      (t) => !(t.yellow ?? []).includes(PHRASE_A),
    );

    // Import the exported file through the file picker.
    const dir = mkdtempSync(path.join(tmpdir(), 'policy-lens-e2e-'));
    try {
      const file = path.join(dir, exported.name);
      writeFileSync(file, exported.text);
      await library.setInputFiles('[data-testid="library-import-input"]', [file]);
      await library.waitFor('the import report', () => document.querySelector('[data-testid="import-report"]') !== null);
      expect(await library.evaluate(() => document.querySelector('[data-testid="import-report"]')?.getAttribute('data-added'))).toBe('2');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    // Everything is back: the same records, listed again, painted again.
    expect(await highlights(library)).toEqual(before);
    // The search typed before is still applied: the noted highlight is found again, and clearing it lists both.
    await library.waitFor(
      'the search result again',
      (id) => document.querySelector(`[data-testid="library-highlight"][data-id="${id}"]`) !== null,
      noted.id,
    );
    await library.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid="library-search-clear"]')!.click());
    await library.waitFor('two articles listed again', () => document.querySelectorAll('[data-testid="library-group"]').length === 2);
    await until(
      'article A painted again',
      () => paintedTexts(a),
      (t) => (t.yellow ?? []).includes(PHRASE_A),
    );
    await a.reload();
    await readyPanel(a);
    await until(
      'article A painted after a reload',
      () => paintedTexts(a),
      (t) => (t.yellow ?? []).includes(PHRASE_A),
    );
    await until(
      'the note in article A’s panel',
      async () => (await panelFrame(a)).evaluate(listedHighlights),
      (items) => items.some((h) => h.id === noted.id && h.note === NOTE),
    );

    await library.close();
    await a.close();
    await b.close();
  });

  it('lists 10,000 highlights a page at a time, adds pages while scrolling, finds one by its note, and passes axe', async () => {
    const library = await lens.browser.openExtensionPage('/library.html');
    // The page has opened (and so created) the database before the test writes to it.
    await library.waitFor('the library page', () =>
      ['empty', 'ready'].includes(document.querySelector('[data-testid="library"]')?.getAttribute('data-state') ?? ''),
    );
    const before = await library.evaluate(() =>
      Number(document.querySelector('[data-testid="library-count"]')?.getAttribute('data-total') ?? 0),
    );
    await library.evaluate(storeManyHighlights, 10_000);
    await library.reload();
    await library.bringToFront();
    // The first screen comes first (the newest articles' highlights), then the count once everything is read.
    await library.waitFor(
      'the first page of the list',
      () => document.querySelectorAll('[data-testid="library-highlight"]').length > 0,
      undefined,
      20_000,
    );
    expect(await library.evaluate(() => document.querySelectorAll('[data-testid="library-highlight"]').length)).toBe(20);
    await library.waitFor(
      'the whole library read',
      () => document.querySelector('[data-testid="library"]')?.getAttribute('data-state') === 'ready',
      undefined,
      20_000,
    );
    expect(await library.evaluate(() => document.querySelector('[data-testid="library-count"]')?.getAttribute('data-total'))).toBe(
      String(10_000 + before),
    );

    // "Show more" adds a page each time; scrolling adds pages as the end comes into view. Only the
    // part of the list near the screen is in the document, the rest is spacers of the same height.
    // (How fast is measured by `npm run bench -- load` and `-- scale`, not asserted here.)
    await library.evaluate(showMore, 6);
    expect((await library.evaluate(listed)).shown).toBe(20 + 6 * 50);
    await library.evaluate(scrollThrough, 40);
    const scrolled = await library.evaluate(listed);
    expect(scrolled.shown).toBeGreaterThan(20 + 6 * 50);
    expect(scrolled.shown).toBeLessThan(10_000);
    expect(scrolled.rows).toBeLessThan(scrolled.shown / 2);
    expect(scrolled.spacers).toBeGreaterThan(0);
    // The window follows the keyboard too: focus on the first group rendered brings the ones before it,
    // so Shift+Tab goes on into the group before, as in a list rendered whole.
    const firstRendered = await library.evaluate(() =>
      Number(document.querySelector<HTMLElement>('[data-testid="library-group"]')?.dataset.position),
    );
    expect(firstRendered).toBeGreaterThan(0);
    await library.evaluate(() =>
      document.querySelector<HTMLElement>('[data-testid="library-group"] [data-testid="library-group-open"]')!.focus(),
    );
    await library.waitFor(
      'the groups before it rendered',
      (n) => Number(document.querySelector<HTMLElement>('[data-testid="library-group"]')?.dataset.position) < n,
      firstRendered,
    );
    await library.press('Shift+Tab');
    expect(
      await library.evaluate(() => Number(document.activeElement?.closest<HTMLElement>('[data-testid="library-group"]')?.dataset.position)),
    ).toBe(firstRendered - 1);

    // Searching all of them stays quick (one note among 10,000).
    await library.evaluate(() => scrollTo(0, 0));
    await library.evaluate(() => document.querySelector<HTMLInputElement>('[data-testid="library-search"]')!.focus());
    await library.type('笔记 9990');
    await library.waitFor('one result', () => document.querySelectorAll('[data-testid="library-highlight"]').length === 1);

    const shots = path.join(ROOT, 'test-results', 'screenshots');
    mkdirSync(shots, { recursive: true });
    await library.screenshot(path.join(shots, `library-${name}.png`));
    expect(serious(await library.axe())).toEqual([]);
    await library.close();

    // The popup lists the first page of them too, and is accessible with them.
    const popup = await lens.browser.openExtensionPage('/popup.html');
    await popup.waitFor(
      'the popup list',
      () => document.querySelectorAll('[data-testid="library-highlight"]').length === 20,
      undefined,
      20_000,
    );
    await popup.screenshot(path.join(shots, `popup-${name}.png`));
    expect(serious(await popup.axe())).toEqual([]);
    await popup.close();
  });
});
