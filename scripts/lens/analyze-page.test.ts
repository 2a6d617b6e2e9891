import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../lib/sina/extract';
import { readWithReadability } from '../../lib/sina/readability-fallback';
import { fixture, fixtureDoc, fixtureHtml, fixturePages } from '../../tests/support/sina/fixtures';
import { analyzePage } from './analyze-page';

// analyzePage parses with linkedom (Node); the content script sees a browser DOM. Both must agree.
describe('analyzePage (linkedom)', () => {
  const complete = fixturePages.filter((p) => p.kind === 'article' && p.layout !== 'late');

  it.each(complete.map((p) => p.name))('recognises %s and extracts what the browser DOM gives', (name) => {
    const result = analyzePage(fixtureHtml(name), fixture(name).url);
    expect(result.recognized).toBe(true);
    if (!result.recognized) return;
    const browser = extractArticle(
      fixtureDoc(name),
      fixture(name).url,
      fixture(name).layout === 'unknown' ? readWithReadability : undefined,
    )!;
    const { recognized: _r, recognition: _k, ...fields } = result;
    expect(fields).toEqual(browser);
  });

  it.each([
    ['not-found', 'error-page'],
    ['video', 'not-news'],
    ['topic-list', 'not-news'],
    ['channel-front', 'url-not-article'],
    ['roll-list', 'url-not-article'],
    // A saved copy never runs its scripts: the late body never arrives.
    ['seed-001-late', 'body-empty'],
  ])('refuses %s: %s', (name, reason) => {
    expect(analyzePage(fixtureHtml(name), fixture(name).url)).toMatchObject({ recognized: false, reason });
  });

  it('gives title, time, source and editor of every template as the page shows them', () => {
    for (const p of complete) {
      const result = analyzePage(fixtureHtml(p.name), p.url);
      if (!result.recognized) throw new Error(`${p.name}: refused (${result.reason})`);
      expect({ title: result.title, publishedAt: result.publishedAt, source: result.source, editor: result.editor }, p.name).toEqual({
        title: p.facts!.title,
        publishedAt: p.facts!.publishedAt,
        source: p.facts!.source,
        editor: p.facts!.editor,
      });
    }
  });

  it('reads a page in an unknown template through the fallback', () => {
    expect(analyzePage(fixtureHtml('unknown-template'), fixture('unknown-template').url)).toMatchObject({
      recognized: true,
      bodyFrom: 'readability',
      layout: 'unknown',
    });
  });

  it('refuses a page at a non-Sina URL', () => {
    expect(
      analyzePage(fixtureHtml('seed-000-desktop'), 'https://finance.sina.com.cn.evil.com/china/gncj/2021-06-04/doc-ikqcfnaz9077291.shtml'),
    ).toEqual({
      recognized: false,
      reason: 'url-not-article',
    });
  });

  it('is plain JSON', () => {
    const result = analyzePage(fixtureHtml('seed-002-desktop'), fixture('seed-002-desktop').url);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});
