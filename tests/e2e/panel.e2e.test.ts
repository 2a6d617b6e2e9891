/**
 * The side panel on Sina article pages: what it shows for every seed fixture page, mentions revealed in
 * the article, collapse kept across reloads, keyboard use, narrow windows, the popup's toggle and the
 * browser's own side panel following the active tab.
 */
import { describe, expect, it } from 'vitest';
import { fixture, loadFixturePages } from '../../scripts/harness/fixture-server';
import { PANEL_WIDTH } from '../../lib/contexts/sina-page/panel-layout';
import { displayTitle } from '../../lib/text/display-title';
import { readStore } from './support/extension-db';
import { BROWSERS, useLens, type LensPage } from './support/lens';
import { flashShows, waitForFlash } from './support/highlights';
import { until } from './support/poll';
import { articleClearOfPanel, expectedFor, panelPainted, readyPanel, tabPainted } from './support/panel';

type Row = { id: string; title: string; date: string; file?: string; measureIds?: string[]; url?: string };

const SEED_PAGES = loadFixturePages()
  .filter((p) => p.kind === 'article' && p.seed)
  .map((p) => p.name);

describe.each(BROWSERS)('the side panel in %s', (name) => {
  const lens = useLens(name);
  let corpus: Row[] | undefined;
  const corpusRows = async () => {
    if (!corpus) {
      const options = await lens.browser.openExtensionPage('/options.html');
      await options.waitFor('the corpus to be seeded', () => document.querySelectorAll('tr[data-origin="seed"]').length === 5);
      corpus = (await options.evaluate(readStore, 'articles')) as Row[];
      await options.close();
    }
    return corpus;
  };
  const open = (fixtureName: string) => lens.browser.openPage(lens.server.urlOf(fixture(fixtureName)));

  it.each(SEED_PAGES)('shows the article, its measures and related articles on %s', async (fixtureName) => {
    const f = fixture(fixtureName);
    const want = expectedFor(f);
    const rows = await corpusRows();
    const self = rows.find((r) => r.file === f.seed)!;
    const page = await open(fixtureName);
    const panel = await readyPanel(page);
    const shown = await panel.evaluate(() => {
      const q = (s: string) => document.querySelector(s);
      return {
        title: q('[data-testid="article-title"]')?.textContent ?? '',
        date: q('[data-testid="article-date"]')?.getAttribute('datetime') ?? null,
        source: q('[data-testid="article-source"]')?.textContent ?? null,
        corpus: {
          origin: q('[data-testid="corpus-status"]')?.getAttribute('data-origin'),
          id: q('[data-testid="corpus-status"]')?.getAttribute('data-corpus-id'),
          text: q('[data-testid="corpus-status"]')?.textContent ?? '',
        },
        measures: [...document.querySelectorAll<HTMLElement>('[data-measure-id]')].map((li) => ({
          id: li.dataset.measureId!,
          mentions: Number(li.dataset.mentions),
          category: li.dataset.category!,
          categoryLabel: li.querySelector('[data-testid="category"]')?.textContent ?? '',
          countText: li.querySelector('[data-testid="mention-count"]')?.textContent ?? '',
        })),
        related: [...document.querySelectorAll<HTMLElement>('[data-testid="related"] > li')].map((li) => ({
          id: li.dataset.articleId!,
          score: Number(li.dataset.score),
          title: li.querySelector('a')?.textContent ?? '',
          date: li.querySelector('time')?.getAttribute('datetime') ?? '',
          text: li.textContent ?? '',
          reasons: li.querySelectorAll('[data-testid="reason"]').length,
        })),
        highlights: q('[data-testid="highlights"] h2')?.firstChild?.textContent?.trim() ?? '',
      };
    });

    // 1. This article: title, date, source, and since when the corpus has it.
    expect(shown.title).toBe(want.title);
    expect(shown.date).toBe(want.publishedAt);
    expect(shown.source).toBe(want.source);
    expect(shown.corpus.origin).toBe('seed');
    expect(shown.corpus.id).toBe(self.id);
    expect(shown.corpus.text).toMatch(/In corpus\s+In your corpus since \d{1,2} \w{3} \d{4} \(shipped with Policy Lens\)\./);

    // 2. Policy measures: exactly what the extension's detector finds in the page's text, in order.
    expect(shown.measures.map(({ id, mentions, category }) => ({ id, mentions, category }))).toEqual(want.measures);
    for (const m of shown.measures) {
      expect(m.categoryLabel.length).toBeGreaterThan(0);
      expect(m.countText).toBe(m.mentions === 1 ? '1 mention' : `${m.mentions} mentions`);
    }

    // 3. Related articles: other corpus articles, best first, each with its date, strength and reason;
    //    none (and the panel says why) when no seed comes close enough. 000 and 004 are the
    //    fund-supervision pair: each is related to the other.
    if (/^00[04]_/.test(f.seed!)) expect(shown.related.length).toBeGreaterThan(0);
    if (shown.related.length === 0)
      expect(await panel.evaluate(() => document.querySelector('[data-testid="related-empty"]') !== null)).toBe(true);
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const r of shown.related) {
      const row = byId.get(r.id);
      expect(row, `related ${r.id} is in the corpus`).toBeDefined();
      expect(r.id).not.toBe(self.id);
      expect(r.title).toBe(displayTitle(row!.title));
      expect(r.date).toBe(row!.date);
      // Strength in words (the number is in its tooltip).
      expect(r.text).toMatch(/strongly related|related/);
    }
    expect(shown.related.map((r) => r.score)).toEqual([...shown.related.map((r) => r.score)].sort((a, b) => b - a));
    if (shown.related.length) expect(shown.related[0]!.reasons).toBeGreaterThan(0);

    // Expanding a measure lists the other corpus articles that mention it, oldest first, with the sentence.
    const withTimeline = await panel.evaluate(() => {
      const button = [...document.querySelectorAll<HTMLButtonElement>('[data-testid="timeline-toggle"]')].find(
        (b) => !/\(0\)$/.test(b.textContent ?? ''),
      );
      if (!button) return null;
      button.click();
      return button.closest<HTMLElement>('[data-measure-id]')!.dataset.measureId!;
    });
    if (withTimeline) {
      await panel.waitFor(
        'the timeline to open',
        (id) => document.querySelector(`[data-measure-id="${id}"] [data-testid="timeline"]`),
        withTimeline,
      );
      const entries = await panel.evaluate(
        (id) =>
          [...document.querySelectorAll<HTMLElement>(`[data-measure-id="${id}"] [data-testid="timeline"] > li`)].map((li) => ({
            id: li.dataset.articleId!,
            date: li.querySelector('time')?.getAttribute('datetime') ?? '',
            sentence: li.querySelector('blockquote')?.textContent ?? '',
          })),
        withTimeline,
      );
      expect(entries.length).toBeGreaterThan(0);
      expect(entries.map((e) => e.date)).toEqual([...entries.map((e) => e.date)].sort());
      for (const e of entries) {
        expect(e.id).not.toBe(self.id);
        expect(byId.get(e.id)?.measureIds).toContain(withTimeline);
        expect(e.sentence.length).toBeGreaterThan(0);
      }
    }

    // 4. My highlights: the section is there (highlights.e2e covers what it lists).
    expect(shown.highlights).toBe('My highlights');
    await page.close();
  });

  it('scrolls the article to a mention and flashes it, then to the next mention', async () => {
    const page = await open('seed-000-desktop');
    const panel = await readyPanel(page);
    const quote = await panel.evaluate(() => {
      const li = document.querySelector<HTMLElement>('[data-measure-id="anti-fraud-crackdown"]')!;
      li.querySelector<HTMLButtonElement>('[data-testid="measure-reveal"]')!.click();
      return li.querySelector('.name')!.textContent;
    });
    expect(quote).toBe('打击欺诈骗保');
    // The reader sees the mention flash (a screenshot of the window: the paint is out of the page's reach).
    const first = await waitForFlash(page, '打击欺诈骗保', 'the first mention to flash');
    await page.waitFor('the page to scroll to it', () => scrollY > 0);
    await panel.evaluate(() =>
      document.querySelector<HTMLButtonElement>('[data-measure-id="anti-fraud-crackdown"] [data-testid="measure-reveal"]')!.click(),
    );
    const second = await waitForFlash(page, '打击欺诈骗保', 'the next mention to flash', first);
    expect(second).not.toBe(first);
    // The panel says which mention it showed, for screen readers.
    expect(await panel.evaluate(() => document.querySelector('[data-testid="announce"]')?.textContent)).toMatch(
      /Showing mention 2 of 4 of 打击欺诈骗保/,
    );
    await page.close();
  });

  it('keeps the panel collapsed across a reload, and opens it again from the keyboard', async () => {
    const page = await open('seed-002-desktop');
    const panel = await readyPanel(page);
    expect(await page.evaluate(panelPainted)).toBe(true);
    await panel.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid="collapse"]')!.click());
    await page.waitFor('the panel to collapse to its tab', () => {
      const host = [...document.documentElement.children].find((c) => c !== document.head && c !== document.body);
      const x = document.documentElement.clientWidth;
      return (
        document.elementFromPoint(x - 6, innerHeight * 0.4 + 30) === host && document.elementFromPoint(x - 100, innerHeight * 0.8) !== host
      );
    });

    await page.reload();
    await readyPanel(page);
    await page.waitFor('the tab after the reload', tabPainted);
    expect(await page.evaluate(panelPainted)).toBe(false);

    // Keyboard only: the tab is the page's last stop; Enter opens the panel.
    await page.press('Shift+Tab');
    await page.waitFor(
      'focus on the panel tab',
      () =>
        document.activeElement !== null &&
        document.activeElement === [...document.documentElement.children].find((c) => c !== document.head && c !== document.body),
    );
    await page.press('Enter');
    await page.waitFor('the panel to open', () => {
      const host = [...document.documentElement.children].find((c) => c !== document.head && c !== document.body);
      return document.elementFromPoint(document.documentElement.clientWidth - 100, innerHeight * 0.8) === host;
    });
    // Into the panel (a new frame since the reload): focus lands on its last control, visibly.
    const reloaded = await readyPanel(page);
    await page.press('Shift+Tab');
    await reloaded.waitFor('focus inside the panel', () => document.hasFocus() && document.activeElement !== document.body);
    expect(await reloaded.evaluate(() => document.activeElement?.matches(':focus-visible'))).toBe(true);

    await page.reload();
    await readyPanel(page);
    await page.waitFor('the panel open again after the reload', panelPainted);
    await page.close();
  });

  it('reveals a mention from the keyboard', async () => {
    const page = await open('seed-003-desktop');
    const panel = await readyPanel(page);
    // Start from the panel's first control, then Tab to the first measure and press Enter.
    await panel.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid="collapse"]')!.focus());
    await page.press('Tab');
    await panel.waitFor('focus on the first measure', () => document.activeElement?.getAttribute('data-testid') === 'measure-reveal');
    expect(await panel.evaluate(() => document.activeElement?.matches(':focus-visible'))).toBe(true);
    await page.press('Enter');
    await until(
      'the mention to flash',
      () => flashShows(page, '#artibody'),
      (shown) => shown,
    );
    await page.close();
  });

  it('never covers the article unasked: beside it on a wide window, collapsed on a narrow one', async () => {
    const page = await open('seed-003-desktop');
    await readyPanel(page);
    await page.waitFor('the panel', panelPainted);
    const wide = await page.evaluate(articleClearOfPanel, PANEL_WIDTH);
    expect(wide.articleRight).toBeLessThanOrEqual(wide.panelLeft);

    await page.setViewport(820, 800);
    await page.waitFor(
      'the panel to step aside on a narrow window',
      () =>
        document.elementFromPoint(document.documentElement.clientWidth - 100, innerHeight * 0.8) !==
        [...document.documentElement.children].find((c) => c !== document.head && c !== document.body),
    );
    await page.waitFor('its tab', tabPainted);

    // The reader asks: it opens over the page.
    await page.press('Shift+Tab');
    await page.waitFor(
      'focus on the panel tab',
      () =>
        document.activeElement !== null &&
        document.activeElement === [...document.documentElement.children].find((c) => c !== document.head && c !== document.body),
    );
    await page.press('Enter');
    await page.waitFor('the panel over the page', panelPainted);

    await page.setViewport(1280, 900);
    await page.waitFor('the panel beside the article again', panelPainted);
    const again = await page.evaluate(articleClearOfPanel, PANEL_WIDTH);
    expect(again.articleRight).toBeLessThanOrEqual(again.panelLeft);
    await page.close();
  });

  it("shows and hides the panel from the popup's button", async () => {
    const article = await open('seed-001-desktop');
    await readyPanel(article);
    const popup = await lens.browser.openExtensionPage('/popup.html');
    // The popup acts on the active tab: make it the article, as when the reader clicks the toolbar button there.
    await article.bringToFront();
    await popup.reload();
    await popup.waitFor(
      'the popup to find the article',
      () => document.querySelector('[data-testid="page-controls"]')?.getAttribute('data-status') === 'article',
    );
    expect(await popup.evaluate(() => document.querySelector('[data-testid="toggle-panel"]')?.textContent)).toBe(
      'Show or hide the panel on this page',
    );

    await popup.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid="toggle-panel"]')!.click());
    await article.waitFor('the panel to collapse', tabPainted);
    await popup.waitFor('the popup to say so', () =>
      /collapsed/.test(document.querySelector('[data-testid="toggle-result"]')?.textContent ?? ''),
    );
    await popup.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid="toggle-panel"]')!.click());
    await article.waitFor('the panel to open', panelPainted);
    await popup.waitFor('the popup to say so', () =>
      /open beside/.test(document.querySelector('[data-testid="toggle-result"]')?.textContent ?? ''),
    );

    // On a page that is not an article there is nothing to toggle.
    const front = await open('channel-front');
    await front.bringToFront();
    await popup.reload();
    await popup.waitFor(
      'the popup to see no article',
      () => document.querySelector('[data-testid="page-controls"]')?.getAttribute('data-status') === 'none',
    );
    expect(await popup.evaluate(() => document.querySelector('[data-testid="toggle-panel"]'))).toBeNull();
    for (const p of [popup, front, article]) await p.close();
  });

  it("follows the active tab in the browser's side panel page", async () => {
    const article = await open('seed-004-desktop');
    await readyPanel(article);
    const side: LensPage = await lens.browser.openExtensionPage('/sidepanel.html');
    // Its own tab is active: no article there.
    await side.waitFor(
      'the side panel to say there is no article',
      () => document.querySelector('[data-testid="panel"]')?.getAttribute('data-status') === 'none',
    );
    await article.bringToFront();
    await side.waitFor(
      'the side panel to follow the article tab',
      () => document.querySelector('[data-testid="panel"]')?.getAttribute('data-status') === 'ready',
    );
    expect(await side.evaluate(() => document.querySelector('[data-testid="article-title"]')?.textContent)).toBe(
      '国家医保局：累计追回医保基金约506亿元',
    );
    // It has no in-page panel to collapse, and its measures reveal text in the article's tab.
    expect(await side.evaluate(() => document.querySelector('[data-testid="collapse"]'))).toBeNull();
    await side.evaluate(() =>
      document.querySelector<HTMLButtonElement>('[data-measure-id="fraud-special-campaign"] [data-testid="measure-reveal"]')!.click(),
    );
    await until(
      'the mention to flash in the article',
      () => flashShows(article, '#artibody'),
      (shown) => shown,
    );
    await side.close();
    await article.close();
  });
});
