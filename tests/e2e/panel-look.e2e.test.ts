/**
 * The panel and the reader page in both languages and both themes: the right language (zh-CN for a
 * Chinese browser, English otherwise), colours that follow the system, no serious or critical axe-core
 * violation. Screenshots of each go to test-results/screenshots/ (docs/panel.png is one of them).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fixture, FIXTURES_DIR } from '../../scripts/harness/fixture-server';
import { ROOT } from '../../scripts/harness/paths';
import { BROWSERS, useLens, type AxeViolation, type LensFrame, type LensPage } from './support/lens';
import { readyPanel } from './support/panel';

const SCREENSHOTS = path.join(ROOT, 'test-results', 'screenshots');

const LOOKS = [
  { locale: 'en-US', lang: 'en', colorScheme: 'light' },
  { locale: 'en-US', lang: 'en', colorScheme: 'dark' },
  { locale: 'zh-CN', lang: 'zh', colorScheme: 'light' },
  { locale: 'zh-CN', lang: 'zh', colorScheme: 'dark' },
] as const;

const WORDS = {
  en: {
    thisArticle: 'This article',
    measures: 'Policy measures',
    related: 'Related articles',
    highlights: 'My highlights',
    htmlLang: 'en',
    error: 'Policy Lens could not analyse this article: refused message "article:analyze": article.title at most 500 characters',
  },
  zh: {
    thisArticle: '本文',
    measures: '政策措施',
    related: '相关文章',
    highlights: '我的高亮',
    htmlLang: 'zh-CN',
    error: '政策透镜无法分析这篇文章：已拒绝消息“article:analyze”：article.title 最多 500 个字符',
  },
};

/**
 * The desktop fixture under an article URL of its own with a 600-character headline: the background
 * refuses the extracted article (titles are at most 500 characters), and the panel shows why.
 */
const LONG_TITLE_URL = 'https://finance.sina.com.cn/china/gncj/2021-06-04/doc-ikqlongtitle0001.shtml';
function longTitlePage(): string {
  const html = readFileSync(path.join(FIXTURES_DIR, 'pages', 'seed-000-desktop.html'), 'utf8');
  const title = '韩正：医保基金是群众的“救命钱” 要持续加大监管力度';
  return html.split(title).join('医保'.repeat(300));
}

/** Serious and critical violations, readable in a failure message. */
const serious = (violations: AxeViolation[]) =>
  violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).join(', ')}`);

/** Runs in a document: is its background dark? (relative luminance of the body's background colour) */
function backgroundIsDark(): boolean {
  const [r, g, b] = (getComputedStyle(document.body).backgroundColor.match(/[\d.]+/g) ?? ['255', '255', '255']).map(Number) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 100;
}

/** Fonts loaded and two frames painted: an out-of-process frame (the panel) may otherwise be photographed stale. */
async function settle(doc: LensPage | LensFrame) {
  await doc.waitFor('fonts', () => document.fonts.status === 'loaded');
  await doc.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

describe.each(BROWSERS)('the look of the panel in %s', (name) => {
  describe.each(LOOKS)('$lang, $colorScheme', (look) => {
    const lens = useLens(name, { locale: look.locale, colorScheme: look.colorScheme });
    const words = WORDS[look.lang];
    const shot = (what: string) => path.join(SCREENSHOTS, `${what}-${name}-${look.colorScheme}-${look.lang}.png`);

    it('speaks the language, follows the theme, passes axe, and is photographed', async () => {
      mkdirSync(SCREENSHOTS, { recursive: true });
      const page = await lens.browser.openPage(lens.server.urlOf(fixture('seed-000-desktop')));
      const panel = await readyPanel(page);
      const shown = await panel.evaluate(() => ({
        htmlLang: document.documentElement.lang,
        headings: [...document.querySelectorAll('section > h2')].map((h) => (h.firstChild?.textContent ?? '').trim()),
        status: document.querySelector('[data-testid="corpus-status"]')?.textContent ?? '',
      }));
      expect(shown.htmlLang).toBe(words.htmlLang);
      expect(shown.headings).toEqual([words.thisArticle, words.measures, words.related, words.highlights]);
      expect(shown.status).toMatch(look.lang === 'zh' ? /已在语料库中/ : /In your corpus since/);
      expect(await panel.evaluate(backgroundIsDark)).toBe(look.colorScheme === 'dark');

      // One measure's timeline open, so the picture shows what a reader sees after a click.
      await panel.evaluate(() =>
        document.querySelector<HTMLButtonElement>('[data-measure-id="volume-based-procurement"] [data-testid="timeline-toggle"]')!.click(),
      );
      await panel.waitFor('the timeline', () => document.querySelector('[data-testid="timeline"]'));
      await settle(panel);
      await page.screenshot(shot('panel'));
      expect(serious(await panel.axe())).toEqual([]);

      const related = await panel.evaluate(
        () => document.querySelector<HTMLElement>('[data-testid="related"] a[data-opens="reader"]')?.dataset.articleId ?? null,
      );
      await page.close();

      // The reader page for a corpus article.
      expect(related).not.toBeNull();
      const reader = await lens.browser.openExtensionPage(`/reader.html#${related}`);
      await reader.waitFor(
        'the reader page and its panel',
        () => document.querySelector('[data-testid="panel"]')?.getAttribute('data-status') === 'ready',
        undefined,
        20_000,
      );
      expect(await reader.evaluate(() => document.documentElement.lang)).toBe(words.htmlLang);
      expect(await reader.evaluate(() => document.querySelector('#this-article')?.textContent)).toBe(words.thisArticle);
      expect(await reader.evaluate(backgroundIsDark)).toBe(look.colorScheme === 'dark');
      await settle(reader);
      await reader.screenshot(shot('reader'));
      expect(serious(await reader.axe())).toEqual([]);
      await reader.close();

      // The panel's error state: a refusal from the background, worded in the interface language.
      lens.server.route(LONG_TITLE_URL, longTitlePage());
      const refused = await lens.browser.openPage(LONG_TITLE_URL);
      const errorPanel = await refused.frame(
        'the panel frame',
        (href) => /^(chrome|moz)-extension:\/\/[^/]+\/panel\.html/.test(href),
        20_000,
      );
      await errorPanel.waitFor(
        'the panel to show its error',
        () => document.querySelector('[data-testid="panel"]')?.getAttribute('data-status') === 'error',
        undefined,
        20_000,
      );
      expect(await errorPanel.evaluate(() => document.querySelector('[role="alert"]')?.textContent?.trim() ?? '')).toContain(words.error);
      await settle(errorPanel);
      await refused.screenshot(shot('panel-error'));
      expect(serious(await errorPanel.axe())).toEqual([]);
      await refused.close();

      // The browser's side panel page and the popup, with nothing to show: still accessible.
      for (const extPage of ['/sidepanel.html', '/popup.html']) {
        const p = await lens.browser.openExtensionPage(extPage);
        await p.waitFor(
          `${extPage} to render`,
          () => document.querySelector('[data-testid="panel"], [data-testid="page-controls"]')?.getAttribute('data-status') === 'none',
        );
        expect(serious(await p.axe()), extPage).toEqual([]);
        await p.close();
      }
    });
  });
});
