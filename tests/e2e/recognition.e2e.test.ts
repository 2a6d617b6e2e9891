/**
 * Recognition on every Sina article template (tests/fixtures/pages.json, one page per template): the
 * panel shows each with the title, time and source the page shows; a page whose meta tags declare an
 * article but whose body no known template holds is read by the extraction fallback, which the panel
 * says; image and video posts are articles without measures; non-articles get nothing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, loadFixturePages, type FixturePage } from '../../scripts/harness/fixture-server';
import type { PageFacts } from '../../scripts/fixtures/build';
import { readStore } from './support/extension-db';
import { lensHost } from './support/highlights';
import { BROWSERS, useLens, type LensFrame, type LensPage } from './support/lens';
import { expectedFor, lensActive, readyPanel } from './support/panel';

type Page = FixturePage & { facts?: PageFacts; template?: string };
const pages = loadFixturePages() as Page[];
const articlePages = pages.filter((p) => p.kind === 'article');
const otherPages = pages.filter((p) => p.kind === 'not-article').map((p) => p.name);

type Row = { key?: string; url?: string; origin: string; title: string; images?: unknown[]; paragraphs: string[] };

/** Runs in the panel: what it shows about this article. */
function shownInPanel() {
  const q = (s: string) => document.querySelector(s);
  return {
    title: q('[data-testid="article-title"]')?.textContent ?? '',
    date: q('[data-testid="article-date"]')?.getAttribute('datetime') ?? null,
    source: q('[data-testid="article-source"]')?.textContent ?? null,
    readByFallback: q('[data-testid="read-by-fallback"]') !== null,
    noBodyText: q('[data-testid="no-body-text"]') !== null,
    measuresShown: q('#measures-heading') !== null,
    measures: [...document.querySelectorAll<HTMLElement>('[data-measure-id]')].map((li) => li.dataset.measureId!),
    related: q('#related-heading') !== null,
  };
}

describe.each(BROWSERS)('recognition in %s', (name) => {
  const lens = useLens(name);
  const storedArticles = async (): Promise<Row[]> => {
    const ext = await lens.browser.openExtensionPage('/options.html');
    await ext.waitFor('the corpus to be seeded', () => document.querySelectorAll('tr[data-origin="seed"]').length === 5);
    const rows = (await ext.evaluate(readStore, 'articles')) as Row[];
    await ext.close();
    return rows;
  };
  const storedWithKey = async (key: string): Promise<Row[]> => {
    let rows: Row[] = [];
    for (let i = 0; i < 50 && !rows.length; i++) {
      rows = (await storedArticles()).filter((r) => r.key === key);
      if (!rows.length) await new Promise((r) => setTimeout(r, 200));
    }
    return rows;
  };

  it.each(articlePages.map((p) => [p.name, p.template ?? ''] as const))('shows the panel on %s (%s)', async (fixtureName) => {
    const f = fixture(fixtureName) as Page;
    const facts = f.facts!;
    const page = await lens.browser.openPage(lens.server.urlOf(f));
    // The late-body page inserts its body 1.5 s after load; the bounded observer waits for it.
    const panel: LensFrame = await readyPanel(page);
    const shown = await panel.evaluate(shownInPanel);
    expect({ title: shown.title, date: shown.date, source: shown.source }).toEqual({
      title: facts.title,
      date: facts.publishedAt,
      source: facts.source,
    });
    expect(shown.readByFallback).toBe(f.layout === 'unknown');
    expect(shown.noBodyText).toBe(Boolean(facts.noBodyText));
    expect(shown.related).toBe(true);
    if (facts.noBodyText) {
      expect(shown.measuresShown).toBe(false);
    } else {
      expect(shown.measuresShown).toBe(true);
      expect(shown.measures).toEqual(expectedFor(f).measures.map((m) => m.id));
    }
    await page.close();
  });

  it('files the desktop and mobile pages of one article under one key', async () => {
    for (const f of ['seed-000-mobile', 'seed-000-desktop']) {
      const page = await lens.browser.openPage(lens.server.urlOf(fixture(f)));
      await readyPanel(page);
      await page.close();
    }
    const rows = await storedWithKey('sina:kqcfnaz9077291');
    expect(rows).toHaveLength(1);
    // It is the seed article itself, now knowing its real URL.
    expect(rows[0]).toMatchObject({
      origin: 'seed',
      title: '韩正：医保基金是群众的_救命钱_ 要持续加大监管力度',
      url: 'https://finance.sina.com.cn/china/gncj/2021-06-04/doc-ikqcfnaz9077291.shtml',
    });
  });

  it('stores an image post it reads with its image and no body text', async () => {
    const page = await lens.browser.openPage(lens.server.urlOf(fixture('image-post')));
    await readyPanel(page);
    await page.close();
    const [row] = await storedWithKey('sina:kmmcdnb7241865');
    expect(row?.images).toHaveLength(1);
    expect(row?.paragraphs).toEqual(['图片来源：国家医保局']);
  });

  it('loads the extraction fallback only where it is needed, from a file no page can fetch', () => {
    const manifest = JSON.parse(readFileSync(path.join(lens.browser.extensionDir, 'manifest.json'), 'utf8')) as {
      web_accessible_resources?: { resources: string[] }[];
      content_scripts: { js: string[] }[];
    };
    const exposed = (manifest.web_accessible_resources ?? []).flatMap((w) => w.resources);
    expect(exposed.some((r) => r.includes('extraction-fallback'))).toBe(false);
    expect(manifest.content_scripts.flatMap((c) => c.js).some((j) => j.includes('extraction-fallback'))).toBe(false);
    const content = readFileSync(path.join(lens.browser.extensionDir, manifest.content_scripts[0]!.js[0]!), 'utf8');
    // Readability's own code is not in the script every article page evaluates.
    expect(content).not.toContain('_grabArticle');
  });

  it.runIf(name === 'chromium')(
    'asks for nothing more at install for it: the same warnings without scripting and the host permissions',
    async () => {
      const manifest = JSON.parse(readFileSync(path.join(lens.browser.extensionDir, 'manifest.json'), 'utf8')) as Record<
        string,
        unknown
      > & { permissions: string[] };
      const { host_permissions: _hosts, ...rest } = manifest;
      const without = { ...rest, permissions: manifest.permissions.filter((p) => p !== 'scripting') };
      const options = await lens.browser.openExtensionPage('/options.html');
      const warnings = (m: unknown) =>
        options.evaluate(
          (json) =>
            (
              globalThis as unknown as { chrome: { management: { getPermissionWarningsByManifest(m: string): Promise<string[]> } } }
            ).chrome.management.getPermissionWarningsByManifest(json),
          JSON.stringify(m),
        );
      const [withFallback, before] = [await warnings(manifest), await warnings(without)];
      expect(withFallback.length).toBeGreaterThan(0);
      expect(withFallback).toEqual(before);
      await options.close();
    },
  );

  it('ignores an article page served over plain http, which anyone on the network path could have written', async () => {
    const page = await lens.browser.openPage(lens.server.plainUrlOf(fixture('seed-002-desktop')));
    expect(await page.evaluate(() => location.protocol)).toBe('http:');
    // The same page over https shows its panel within a second or two (the tests above).
    expect(await lensActive(page, 3000)).toBe(false);
    expect(await page.evaluate(lensHost)).toBeNull();
    await page.close();
  });

  it.each(otherPages)('shows nothing on the non-article page %s', async (fixtureName) => {
    const f = fixture(fixtureName);
    const page: LensPage = await lens.browser.openPage(lens.server.urlOf(f));
    await page.waitFor('the page to be parsed', () => document.readyState !== 'loading');
    // Past document_idle and the body wait's first checks; an article shows its panel well before.
    expect(await lensActive(page, 3000)).toBe(false);
    expect(await page.evaluate(lensHost)).toBeNull();
    await page.close();
    const key = /doc-i(\w+)\.shtml/.exec(f.url)?.[1];
    if (key) expect((await storedArticles()).filter((r) => r.key === `sina:${key}`)).toEqual([]);
  });
});
