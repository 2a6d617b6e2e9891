/**
 * First run as a new reader: Firefox starts without the automatic grant of the Sina hosts
 * (extensions.originControls.grantByDefault false), so an article shows nothing; the welcome page and
 * the popup say so, and one click on the welcome page's button (permissions.request) makes the next
 * article show the panel. Chromium grants the hosts at install: the welcome page says so, no button.
 */
import { describe, expect, it } from 'vitest';
import { fixture } from '../../scripts/harness/fixture-server';
import type { LensPage } from './support/lens';
import { BROWSERS, useLens } from './support/lens';
import { readyPanel } from './support/panel';

const accessState = () => document.querySelector<HTMLElement>('[data-testid="host-access"]')?.dataset.state ?? null;

/** A real mouse click on an element (a permission request needs the reader's own gesture). */
async function clickOn(page: LensPage, selector: string): Promise<void> {
  await page.bringToFront();
  const box = await page.evaluate((s) => {
    const r = document.querySelector(s)!.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, selector);
  await page.click(box);
}

describe.each(BROWSERS)('first run in %s', (name) => {
  const lens = useLens(name, { grantHostAccess: false });

  it('asks for access to Sina pages with one button where the browser has not granted it, and then the panel appears', async () => {
    const welcome = await lens.browser.openExtensionPage('/welcome.html');
    await welcome.waitFor('the welcome page to read the host access', accessState);
    // Three lines on what it does, where the panel and popup are, and imports, in both browsers.
    expect(await welcome.evaluate(() => document.querySelectorAll('[data-testid="welcome-what"] li').length)).toBe(3);
    expect(
      await welcome.evaluate(
        () =>
          !!document.querySelector('[data-testid="welcome-where"]') && !!document.querySelector('[data-testid="welcome-import-articles"]'),
      ),
    ).toBe(true);

    if (name === 'chromium') {
      expect(await welcome.evaluate(accessState)).toBe('granted');
      expect(await welcome.evaluate(() => document.querySelector('[data-testid="host-access-allow"]'))).toBeNull();
      await welcome.close();
      return;
    }

    // Firefox as installed: an article shows nothing at all.
    const before = await lens.browser.openPage(lens.server.urlOf(fixture('seed-000-desktop')));
    await before.waitFor('the article to finish parsing', () => document.readyState !== 'loading');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await before.evaluate(() => document.documentElement.dataset.policyLens ?? null)).toBeNull();
    await before.close();

    expect(await welcome.evaluate(accessState)).toBe('missing');
    // The popup says the same instead of "this page is not an article".
    const popup = await lens.browser.openExtensionPage('/popup.html');
    await popup.waitFor('the popup to read the host access', accessState);
    expect(await popup.evaluate(accessState)).toBe('missing');
    expect(await popup.evaluate(() => document.querySelector('[data-testid="page-controls"]')?.textContent ?? '')).not.toContain(
      'this page is not one',
    );
    await popup.close();

    await clickOn(welcome, '[data-testid="host-access-allow"]');
    await welcome.waitFor(
      'the access to be granted',
      () => document.querySelector<HTMLElement>('[data-testid="host-access"]')?.dataset.state === 'granted',
    );

    const after = await lens.browser.openPage(lens.server.urlOf(fixture('seed-000-desktop')));
    const panel = await readyPanel(after);
    expect(await panel.evaluate(() => document.querySelectorAll('[data-measure-id]').length)).toBeGreaterThan(0);
    await after.close();
    await welcome.close();
  });
});
