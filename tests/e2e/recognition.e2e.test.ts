import { describe, expect, it } from 'vitest';
import { fixture, loadFixturePages } from '../../scripts/harness/fixture-server';
import { readStore } from './support/extension-db';
import { lensHost } from './support/highlights';
import { BROWSERS, useLens, type LensPage } from './support/lens';
import { lensActive } from './support/panel';

const pages = loadFixturePages();
const articlePages = pages.filter((p) => p.kind === 'article').map((p) => p.name);
const otherPages = pages.filter((p) => p.kind === 'not-article').map((p) => p.name);

type Row = { key?: string; url?: string; origin: string; title: string };

describe.each(BROWSERS)('recognition in %s', (name) => {
  const lens = useLens(name);
  const storedArticles = async (): Promise<Row[]> => {
    const ext = await lens.browser.openExtensionPage('/options.html');
    await ext.waitFor('the corpus to be seeded', () => document.querySelectorAll('tr[data-origin="seed"]').length === 5);
    const rows = (await ext.evaluate(readStore, 'articles')) as Row[];
    await ext.close();
    return rows;
  };

  it.each(articlePages)('recognises the article fixture %s', async (fixtureName) => {
    const page = await lens.browser.openPage(lens.server.urlOf(fixture(fixtureName)));
    // The late-body fixture inserts its body 1.5 s after load; the bounded observer waits for it.
    expect(await lensActive(page, 20_000)).toBe(true);
    await page.close();
  });

  it('files the desktop and mobile pages of one article under one key', async () => {
    for (const f of ['seed-000-mobile', 'seed-000-desktop']) {
      const page = await lens.browser.openPage(lens.server.urlOf(fixture(f)));
      expect(await lensActive(page), `the lens on ${f}`).toBe(true);
      await page.close();
    }
    let rows: Row[] = [];
    for (let i = 0; i < 50; i++) {
      rows = (await storedArticles()).filter((r) => r.key === 'sina:kqcfnaz9077291');
      if (rows.length) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(rows).toHaveLength(1);
    // It is the seed article itself, now knowing its real URL.
    expect(rows[0]).toMatchObject({
      origin: 'seed',
      title: '韩正：医保基金是群众的_救命钱_ 要持续加大监管力度',
      url: 'https://finance.sina.com.cn/china/gncj/2021-06-04/doc-ikqcfnaz9077291.shtml',
    });
  });

  it('ignores an article page served over plain http, which anyone on the network path could have written', async () => {
    const page = await lens.browser.openPage(lens.server.plainUrlOf(fixture('seed-002-desktop')));
    expect(await page.evaluate(() => location.protocol)).toBe('http:');
    // The same page over https is recognised within a second or two (the test above).
    expect(await lensActive(page, 2500)).toBe(false);
    expect(await page.evaluate(lensHost)).toBeNull();
    await page.close();
  });

  it.each(otherPages)('shows nothing on the non-article page %s', async (fixtureName) => {
    const f = fixture(fixtureName);
    const page: LensPage = await lens.browser.openPage(lens.server.urlOf(f));
    await page.waitFor('the page to be parsed', () => document.readyState !== 'loading');
    // Past document_idle and the body wait's first checks; an article's panel would be there well before.
    expect(await lensActive(page, 2500)).toBe(false);
    expect(await page.evaluate(lensHost)).toBeNull();
    await page.close();
    const key = /doc-i(\w+)\.shtml/.exec(f.url)?.[1];
    if (key) expect((await storedArticles()).filter((r) => r.key === `sina:${key}`)).toEqual([]);
  });
});
