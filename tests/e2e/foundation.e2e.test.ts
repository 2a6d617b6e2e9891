import { describe, expect, it } from 'vitest';
import { fixture } from '../../scripts/harness/fixture-server';
import { lensHost } from './support/highlights';
import { BROWSERS, useLens } from './support/lens';
import { lensActive } from './support/panel';

describe.each(BROWSERS)('foundation in %s', (name) => {
  const lens = useLens(name);

  it('runs the content script on a Sina article URL', async () => {
    const page = await lens.browser.openPage(lens.server.urlOf(fixture('seed-000-desktop')));
    expect(await lensActive(page)).toBe(true);
    // Nothing in the page marks it: its one trace is the host element of the panel and highlights.
    expect(await page.evaluate(() => document.documentElement.attributes.length)).toBe(0);
    expect(await page.evaluate(lensHost)).not.toBeNull();
    await page.close();
  });

  it('does not run the content script on a non-article Sina URL', async () => {
    // Control first: the same browser does run it on an article, so silence below means something.
    const article = await lens.browser.openPage(lens.server.urlOf(fixture('seed-000-desktop')));
    expect(await lensActive(article)).toBe(true);
    await article.close();

    const front = await lens.browser.openPage(lens.server.urlOf(fixture('channel-front')));
    await front.waitFor('the channel page to finish parsing', () => document.readyState !== 'loading');
    expect(await front.evaluate(() => document.title)).toContain('新浪财经');
    // document_idle has passed for this page well within this wait on every machine we run.
    expect(await lensActive(front, 1500)).toBe(false);
    expect(await front.evaluate(lensHost)).toBeNull();
    await front.close();
  });

  it('opens the popup and the options page', async () => {
    const popup = await lens.browser.openExtensionPage('/popup.html');
    await popup.waitFor('the popup to render', () => document.querySelector('[data-testid="popup"]'));
    expect(await popup.evaluate(() => document.querySelector('h1')?.textContent)).toContain('Policy Lens');
    await popup.close();

    const options = await lens.browser.openExtensionPage('/options.html');
    await options.waitFor('the options page to render', () => document.querySelector('[data-testid="options"]'));
    expect(await options.evaluate(() => document.querySelector('h1')?.textContent)).toContain('Policy Lens');
    await options.close();
  });
});
