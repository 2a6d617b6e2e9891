/**
 * Helpers for tests of the panel: find its frame, wait for its analysis, and tell from the page
 * (as a reader's eyes would: what is painted where) whether it is open or collapsed to its tab.
 * The panel lives in a closed shadow root of the page's one Policy Lens host (a <div> under <html>),
 * so the page's own DOM cannot say; elementFromPoint can.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DOMParser } from 'linkedom';
import { FIXTURES_DIR, loadFixturePages, type FixturePage } from '../../../scripts/harness/fixture-server';
import { detectMeasures } from '../../../lib/measures';
import { loadCatalogueFile } from '../../../lib/measures/load-catalogue';
import { extractArticle } from '../../../lib/sina/extract';
import { readWithReadability } from '../../../lib/sina/readability-fallback';
import type { LensFrame, LensPage } from './lens';

export const isPanel = (href: string) => /^(chrome|moz)-extension:\/\/[^/]+\/panel\.html/.test(href);

/**
 * Whether Policy Lens is active on a page, as the tests can tell without any marker in the page: its
 * panel frame is there. `timeoutMs` bounds the wait; false when no panel frame came.
 */
export async function lensActive(page: LensPage, timeoutMs = 20_000): Promise<boolean> {
  return page.frame('the panel frame', isPanel, timeoutMs).then(
    () => true,
    () => false,
  );
}

export async function readyPanel(page: LensPage): Promise<LensFrame> {
  const panel = await page.frame('the panel frame', isPanel, 20_000);
  await panel.waitFor(
    'the panel to show its analysis',
    () => document.querySelector('[data-testid="panel"]')?.getAttribute('data-status') === 'ready',
    undefined,
    20_000,
  );
  return panel;
}

/** Runs in the page: is the panel painted over the right-hand side of the window? */
export function panelPainted(): boolean {
  const host = [...document.documentElement.children].find((c) => c !== document.head && c !== document.body) ?? null;
  const x = document.documentElement.clientWidth - 100;
  return host !== null && document.elementFromPoint(x, innerHeight * 0.8) === host;
}

/** Runs in the page: is the collapsed tab painted at the right edge? */
export function tabPainted(): boolean {
  const host = [...document.documentElement.children].find((c) => c !== document.head && c !== document.body) ?? null;
  const x = document.documentElement.clientWidth - 6;
  return host !== null && document.elementFromPoint(x, innerHeight * 0.4 + 30) === host;
}

/** Runs in the page: the article body's right edge and the panel's left edge (when open). */
export function articleClearOfPanel(panelWidth: number): { articleRight: number; panelLeft: number } {
  const body = document.querySelector('#artibody, section.art_content');
  const width = document.documentElement.clientWidth;
  return { articleRight: body?.getBoundingClientRect().right ?? Infinity, panelLeft: width - Math.min(panelWidth, width) };
}

export type Expected = {
  title: string;
  publishedAt: string | null;
  source: string | null;
  measures: { id: string; mentions: number; category: string }[];
};

const catalogue = loadCatalogueFile();

/**
 * What the panel must show for a fixture page, worked out in Node by the extension's own extraction
 * and measure detection on the fixture's HTML (linkedom). The late-body fixture gets its body from a
 * script, so its text is that of the desktop page of the same seed.
 */
export function expectedFor(fixture: FixturePage): Expected {
  const source = fixture.layout === 'late' ? loadFixturePages().find((p) => p.seed === fixture.seed && p.layout === 'desktop')! : fixture;
  const doc = new DOMParser().parseFromString(readFileSync(path.join(FIXTURES_DIR, source.file), 'utf8'), 'text/html');
  // A page in an unknown template is read by the extraction fallback, as the content script does.
  const article = extractArticle(doc as unknown as Document, source.url, source.layout === 'unknown' ? readWithReadability : undefined);
  if (!article) throw new Error(`${source.name}: the extractor finds no article`);
  const hits = detectMeasures(article.paragraphs.join('\n'), catalogue);
  return {
    title: article.title,
    publishedAt: article.publishedAt,
    source: article.source,
    measures: hits.map((h) => ({ id: h.measureId, mentions: h.mentions.length, category: h.category })),
  };
}
