/**
 * The reader page: a corpus article the reader has no Sina URL for, opened from the panel, rendered as
 * plain text with the same panel beside it.
 */
import { describe, expect, it } from 'vitest';
import { fixture } from '../../scripts/harness/fixture-server';
import { displayTitle } from '../../lib/text/display-title';
import { readStore } from './support/extension-db';
import { BROWSERS, useLens } from './support/lens';
import { flashShows, highlightPhrase, paintedTexts, waitForTint } from './support/highlights';
import { until } from './support/poll';
import { readyPanel } from './support/panel';

type Row = { id: string; title: string; date: string; text: string; paragraphs: string[]; origin: string; url?: string };

/** An imported article whose text looks like markup: the reader must show it, never run or load it. */
const MARKUP_TITLE = '含有标记文字的测试文章';
const MARKUP_FILE = [
  '---',
  `title: '${MARKUP_TITLE}'`,
  'date: Mon, 06 Dec 2021 08:00:00 GMT',
  '---',
  '<p>　　国家医保局表示，将继续推进药品和耗材集中带量采购，&lt;img src=x onerror="window.__pwned=1"&gt;加强医保基金监管。</p>',
  '<p>　　第二段写着 &lt;script&gt;window.__pwned=2&lt;/script&gt; 和 &lt;b&gt;不是粗体&lt;/b&gt;。</p>',
].join('\n');

describe.each(BROWSERS)('the reader page in %s', (name) => {
  const lens = useLens(name);

  it('opens a corpus article from the panel and shows it with the same panel beside it', async () => {
    const page = await lens.browser.openPage(lens.server.urlOf(fixture('seed-000-desktop')));
    const panel = await readyPanel(page);
    // A related article whose Sina page the reader has not visited opens in the reader page.
    const link = await panel.evaluate(() => {
      const a = document.querySelector<HTMLAnchorElement>('[data-testid="related"] a[data-opens="reader"]');
      return a ? { href: a.href, id: a.dataset.articleId! } : null;
    });
    expect(link).not.toBeNull();
    expect(link!.href).toMatch(/^(chrome|moz)-extension:\/\/[^/]+\/reader\.html#a_[0-9a-f]{16}$/);
    await panel.evaluate(() => document.querySelector<HTMLAnchorElement>('[data-testid="related"] a[data-opens="reader"]')!.click());
    const reader = await lens.browser.waitForPage(link!.href);
    await reader.waitFor(
      'the reader page to render the article',
      () => document.querySelector('[data-testid="reader"]')?.getAttribute('data-status') === 'ready',
      undefined,
      20_000,
    );

    const row = ((await reader.evaluate(readStore, 'articles')) as Row[]).find((r) => r.id === link!.id)!;
    const shown = await reader.evaluate(() => ({
      title: document.querySelector('[data-testid="reader-title"]')?.textContent ?? '',
      text: document.querySelector('[data-testid="reader-body"]')?.textContent ?? '',
      tags: [...new Set([...document.querySelectorAll('[data-testid="reader-body"] *')].map((e) => e.tagName))],
      docTitle: document.title,
    }));
    expect(shown.title).toBe(displayTitle(row.title));
    expect(shown.docTitle).toContain(displayTitle(row.title));
    // The body is the stored text exactly, paragraph by paragraph, and nothing but paragraphs.
    expect(shown.text).toBe(row.text);
    expect(shown.tags).toEqual(['P']);

    // The panel beside it: the article is in the corpus, with its measures and related articles (never itself).
    await reader.waitFor(
      'the reader panel',
      () => document.querySelector('[data-testid="panel"]')?.getAttribute('data-status') === 'ready',
    );
    const side = await reader.evaluate(() => ({
      corpusId: document.querySelector('[data-testid="corpus-status"]')?.getAttribute('data-corpus-id'),
      title: document.querySelector('[data-testid="article-title"]')?.textContent,
      measures: [...document.querySelectorAll<HTMLElement>('[data-measure-id]')].map((li) => li.dataset.measureId!),
      related: [...document.querySelectorAll<HTMLElement>('[data-testid="related"] > li')].map((li) => li.dataset.articleId!),
      collapse: document.querySelector('[data-testid="collapse"]') !== null,
    }));
    expect(side.corpusId).toBe(row.id);
    expect(side.title).toBe(displayTitle(row.title));
    expect(side.measures.length).toBeGreaterThan(0);
    expect(side.related.length).toBeGreaterThan(0);
    expect(side.related).not.toContain(row.id);
    expect(side.collapse).toBe(false);

    // A measure click flashes its mention in the reader's text.
    const quote = await reader.evaluate(() => {
      const li = document.querySelector<HTMLElement>('[data-measure-id]')!;
      li.querySelector<HTMLButtonElement>('[data-testid="measure-reveal"]')!.click();
      return li.dataset.measureId!;
    });
    expect(quote).toBe(side.measures[0]);
    await until(
      'the mention to flash in the reader’s text',
      () => flashShows(reader, '[data-testid="reader-body"]'),
      (shown) => shown,
    );
    await reader.close();
    await page.close();
  });

  it('shows stored text that looks like markup as text: nothing runs, nothing loads', async () => {
    const options = await lens.browser.openExtensionPage('/options.html');
    await options.waitFor('the corpus list', () => document.querySelectorAll('tr[data-origin="seed"]').length === 5);
    await options.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'markup.txt', { type: 'text/plain' }));
      document
        .querySelector('[data-testid="dropzone"]')!
        .dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, MARKUP_FILE);
    await options.waitFor('the import', () => document.querySelector('[data-testid="import-results"] [data-status="imported"]'));
    const row = ((await options.evaluate(readStore, 'articles')) as Row[]).find((r) => r.title === MARKUP_TITLE)!;
    expect(row.text).toContain('<img src=x onerror="window.__pwned=1">');
    await options.close();

    const reader = await lens.browser.openExtensionPage(`/reader.html#${row.id}`);
    await reader.waitFor(
      'the reader page',
      () => document.querySelector('[data-testid="reader"]')?.getAttribute('data-status') === 'ready',
    );
    const shown = await reader.evaluate(() => ({
      text: document.querySelector('[data-testid="reader-body"]')?.textContent ?? '',
      elements: document.querySelectorAll(
        '[data-testid="reader-body"] img, [data-testid="reader-body"] script, [data-testid="reader-body"] b',
      ).length,
      pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
    }));
    expect(shown.text).toBe(row.text);
    expect(shown.text).toContain('<script>window.__pwned=2</script>');
    expect(shown.elements).toBe(0);
    expect(shown.pwned).toBeNull();
    await reader.close();
  });

  it('says so when the article is not in the corpus', async () => {
    const reader = await lens.browser.openExtensionPage('/reader.html#a_0000000000000000');
    await reader.waitFor(
      'the reader page to give up',
      () => document.querySelector('[data-testid="reader"]')?.getAttribute('data-status') === 'missing',
    );
    expect(await reader.evaluate(() => document.querySelector('[role="alert"]')?.textContent)).toMatch(/not in your corpus/);
    await reader.close();
  });

  it('highlights in the reader page too, and keeps them across a reload', async () => {
    const options = await lens.browser.openExtensionPage('/options.html');
    await options.waitFor('the corpus to be seeded', () => document.querySelectorAll('tr[data-origin="seed"]').length === 5);
    const row = ((await options.evaluate(readStore, 'articles')) as Row[]).find((r) => r.origin === 'seed' && r.paragraphs.length > 2)!;
    await options.close();
    const reader = await lens.browser.openExtensionPage(`/reader.html#${row.id}`);
    await reader.waitFor(
      'the reader page to render the article',
      () => document.querySelector('[data-testid="reader"]')?.getAttribute('data-status') === 'ready',
      undefined,
      20_000,
    );
    // A passage from the middle of the second paragraph.
    const phrase = row.paragraphs[1]!.trim().slice(6, 20);
    await highlightPhrase(reader, phrase);

    const [stored] = (await reader.evaluate(readStore, 'highlights')) as { articleKey: string; quote: { exact: string }; url: string }[];
    expect(stored).toMatchObject({ articleKey: `corpus:${row.id}`, quote: { exact: phrase } });
    await reader.waitFor(
      'the highlight in the reader panel',
      (p) =>
        [...document.querySelectorAll('[data-testid="highlight"]')].some(
          (li) => li.getAttribute('data-status') === 'anchored' && li.textContent?.includes(p),
        ),
      phrase,
    );

    await reader.reload();
    await reader.waitFor(
      'the reader page after the reload',
      () => document.querySelector('[data-testid="reader"]')?.getAttribute('data-status') === 'ready',
      undefined,
      20_000,
    );
    const texts = await until(
      'the highlight anchored after the reload',
      () => paintedTexts(reader),
      (t) => (t.yellow?.length ?? 0) > 0,
      15_000,
    );
    expect(texts.yellow).toEqual([phrase]);
    await waitForTint(reader, phrase, 'yellow', 'the highlight painted after the reload');
    await reader.close();
  });
});
