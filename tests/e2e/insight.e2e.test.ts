import { describe, expect, it } from 'vitest';
import { fixture } from '../../scripts/harness/fixture-server';
import { BROWSERS, useLens, type LensPage } from './support/lens';

/** What each seed's page must show: some of its measures (from the labelled set) and its title. */
const SEEDS = [
  { fixture: 'seed-000-desktop', title: '韩正：医保基金是群众的“救命钱” 要持续加大监管力度', measures: ['volume-based-procurement', 'fund-supervision', 'anti-fraud-crackdown'] },
  { fixture: 'seed-003-desktop', title: '国家医保局：全力发挥医保支持疫情防控的作用', measures: ['covid-testing', 'nrdl-negotiation', 'volume-based-procurement'] },
  { fixture: 'seed-004-desktop', title: null, measures: ['fund-supervision', 'anti-fraud-crackdown'] },
];

const isPanel = (href: string) => /^(chrome|moz)-extension:\/\/[^/]+\/panel\.html/.test(href);

async function readyPanel(page: LensPage) {
  const panel = await page.frame('the panel frame', isPanel);
  await panel.waitFor('the panel to show its analysis', () => document.querySelector('[data-testid="panel"]')?.getAttribute('data-status') === 'ready', undefined, 20_000);
  return panel;
}

describe.each(BROWSERS)('measures and related articles in %s', (name) => {
  const lens = useLens(name);

  it.each(SEEDS)('shows the measures and related articles of $fixture through the extension', async (seed) => {
    const page = await lens.browser.openPage(lens.server.urlOf(fixture(seed.fixture)));
    const panel = await readyPanel(page);
    const shown = await panel.evaluate(() => ({
      title: document.querySelector('[data-testid="article-title"]')?.textContent ?? '',
      corpus: document.querySelector('[data-testid="corpus-status"]')?.getAttribute('data-origin') ?? null,
      measures: [...document.querySelectorAll('[data-measure-id]')].map((li) => li.getAttribute('data-measure-id')),
      related: [...document.querySelectorAll('[data-testid="related"] li')].map((li) => ({
        id: li.getAttribute('data-article-id'),
        text: li.textContent ?? '',
      })),
    }));
    if (seed.title) expect(shown.title).toBe(seed.title);
    // The page is a seed article: the lens knows it is in the corpus.
    expect(shown.corpus).toBe('seed');
    for (const m of seed.measures) expect(shown.measures).toContain(m);
    expect(shown.related.length).toBeGreaterThan(0);
    for (const r of shown.related) expect(r.text).toMatch(/score|相似度/);
    await page.close();
  });

  it('scrolls the article to a mention when its measure is clicked, then to the next one', async () => {
    const page = await lens.browser.openPage(lens.server.urlOf(fixture('seed-000-desktop')));
    const panel = await readyPanel(page);
    const before = await page.evaluate(() => window.scrollY);
    await panel.evaluate(() => (document.querySelector('[data-measure-id="anti-fraud-crackdown"] [data-testid="measure-reveal"]') as HTMLButtonElement).click());
    await page.waitFor('the page to scroll to the mention', (y) => window.scrollY !== y, before);
    const first = await page.evaluate(() => window.scrollY);
    expect(first).toBeGreaterThan(before);
    await page.close();
  });
});
