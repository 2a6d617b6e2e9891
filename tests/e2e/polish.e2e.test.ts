/**
 * Issue 17's polish, tried as a new reader would in the Chinese interface: a first real click on a
 * measure scrolls its mention into view; once the page of a seed is read, the library names the page's
 * source (央视网, not 新浪财经) and offers only the measures the reader has highlights on; titles show
 * their quotes, not the seeds' `_`; the extension's tabs are titled in Chinese.
 */
import { describe, expect, it } from 'vitest';
import { fixture } from '../../scripts/harness/fixture-server';
import { highlightPhrase, waitForFlash } from './support/highlights';
import { BROWSERS, useLens, type LensFrame, type LensPage } from './support/lens';
import { readyPanel } from './support/panel';

/** A real mouse click on an element of the panel frame (docked at the right edge of the page). */
async function clickInPanel(page: LensPage, panel: LensFrame, selector: string): Promise<void> {
  const at = await panel.evaluate((s) => {
    const r = document.querySelector(s)!.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2, frameWidth: innerWidth };
  }, selector);
  const pageWidth = await page.evaluate(() => document.documentElement.clientWidth);
  await page.click({ x: pageWidth - at.frameWidth + at.x, y: at.y });
}

describe.each(BROWSERS)('polish in %s, Chinese interface', (name) => {
  const lens = useLens(name, { locale: 'zh-CN' });

  it('scrolls a mention below the fold into view on the first click', async () => {
    const page = await lens.browser.openPage(lens.server.urlOf(fixture('seed-000-desktop')));
    const panel = await readyPanel(page);
    // Headless Chromium drops a click that comes before the panel frame takes input: click a blank
    // spot of the panel (its heading) until the panel hears one. The measure's click is still its first.
    await panel.evaluate(() => {
      (window as unknown as { heard: number }).heard = 0;
      document.addEventListener('mousedown', () => (window as unknown as { heard: number }).heard++, true);
    });
    for (let i = 0; i < 20 && (await panel.evaluate(() => (window as unknown as { heard: number }).heard)) === 0; i++) {
      await clickInPanel(page, panel, '#panel-heading');
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(await page.evaluate(() => scrollY)).toBe(0);
    await clickInPanel(page, panel, '[data-measure-id="anti-fraud-crackdown"] [data-testid="measure-reveal"]');
    // The flash is painted out of the page's reach: seen, as a reader sees it, in a screenshot of the window.
    await waitForFlash(page, '打击欺诈骗保', 'the mention flashed in view');
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(0);
    await page.close();
  });

  it('names the page’s source in the library once read, offers only measures with highlights, and titles tabs in Chinese', async () => {
    const page = await lens.browser.openPage(lens.server.urlOf(fixture('seed-000-desktop')));
    const panel = await readyPanel(page);
    expect(await panel.evaluate(() => document.querySelector('[data-testid="article-source"]')?.textContent)).toBe('央视网');
    await highlightPhrase(page, '医保基金是群众的“救命钱”');

    const library = await lens.browser.openExtensionPage('/library.html');
    await library.waitFor('the library to list the highlight', () => document.querySelector('[data-testid="library-group-source"]'));
    expect(await library.evaluate(() => document.title)).toBe('政策透镜 — 我的高亮');
    expect(await library.evaluate(() => document.querySelector('[data-testid="library-group-source"]')?.textContent)).toBe('央视网');
    // The filter offers the measures of that one article, not the catalogue's 81.
    const offered = await library.evaluate(() =>
      [...document.querySelectorAll<HTMLOptionElement>('[data-testid="filter-measure"] option')]
        .filter((o) => o.value !== '')
        .map((o) => o.value),
    );
    const mentioned = await panel.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-measure-id]')].map((li) => li.dataset.measureId!),
    );
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.length).toBeLessThan(20);
    expect(offered.every((id) => mentioned.includes(id))).toBe(true);
    await library.close();
    await page.close();

    const options = await lens.browser.openExtensionPage('/options.html');
    await options.waitFor('the corpus list', () => document.querySelector('[data-testid="corpus-table"]'));
    expect(await options.evaluate(() => document.title)).toBe('政策透镜 — 语料库与设置');
    const titles = await options.evaluate(() =>
      [...document.querySelectorAll('[data-testid="corpus-table"] tbody tr td:first-child')].map((td) => td.textContent ?? ''),
    );
    expect(titles.some((title) => title.includes('“救命钱”'))).toBe(true);
    expect(titles.filter((title) => /_[^_\s]{1,40}_/.test(title))).toEqual([]);
    await options.close();

    const welcome = await lens.browser.openExtensionPage('/welcome.html');
    await welcome.waitFor('the welcome page', () => document.querySelector('[data-testid="welcome"]'));
    expect(await welcome.evaluate(() => document.title)).toBe('欢迎使用政策透镜');
    await welcome.close();
  });
});
