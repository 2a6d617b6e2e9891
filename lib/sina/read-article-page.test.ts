import { describe, expect, it } from 'vitest';
import { findBody } from './markup';
import { readWithReadability } from './readability-fallback';
import { readArticlePage } from './read-article-page';
import { fixture, fixtureDoc, fixtureHtml, lateBodyHtml } from '../../tests/support/sina/fixtures';

describe('readArticlePage', () => {
  it('reads a complete page without waiting', async () => {
    const r = await readArticlePage(fixtureDoc('seed-002-desktop'), fixture('seed-002-desktop').url);
    expect(r).toMatchObject({ ok: true, waited: false, article: { key: 'sina:kqciyzk0276134' } });
  });

  it('waits for a late body, then reads it', async () => {
    const doc = fixtureDoc('seed-001-late');
    setTimeout(() => (doc.getElementById('artibody')!.innerHTML = lateBodyHtml('seed-001-late')), 40);
    const r = await readArticlePage(doc, fixture('seed-001-late').url, { timeoutMs: 2000 });
    expect(r.ok && r.waited).toBe(true);
    expect(r.ok && r.article.paragraphs.length).toBe(8);
  });

  it('gives up on a body that never comes', async () => {
    const r = await readArticlePage(fixtureDoc('seed-001-late'), fixture('seed-001-late').url, { timeoutMs: 50 });
    expect(r).toEqual({ ok: false, reason: 'body-empty' });
  });

  it('stops at the URL for a channel page and at the page for a 404', async () => {
    expect(await readArticlePage(fixtureDoc('channel-front'), fixture('channel-front').url)).toEqual({
      ok: false,
      reason: 'url-not-article',
    });
    expect(await readArticlePage(fixtureDoc('not-found'), fixture('not-found').url)).toEqual({ ok: false, reason: 'error-page' });
  });

  it('reads a page in an unknown template with the fallback, loaded only then, and finds its body in the live page', async () => {
    const doc = fixtureDoc('unknown-template');
    let loads = 0;
    const loadFallback = async () => {
      loads++;
      return readWithReadability;
    };
    const r = await readArticlePage(doc, fixture('unknown-template').url, { missingTimeoutMs: 20, loadFallback });
    expect(loads).toBe(1);
    expect(r).toMatchObject({
      ok: true,
      article: { bodyFrom: 'readability', layout: 'unknown', title: '国家医保局公布2023年医保药品目录调整工作方案' },
    });
    // Highlights and "scroll to this mention" find the live element holding that text.
    expect(findBody(doc)).toEqual({ el: doc.getElementById('contentText'), layout: 'unknown' });
  });

  it("never loads the fallback for a page Sina's markup reads, nor for one whose known body stays empty", async () => {
    let loads = 0;
    const loadFallback = async () => {
      loads++;
      return readWithReadability;
    };
    await readArticlePage(fixtureDoc('news-2019'), fixture('news-2019').url, { loadFallback });
    expect(await readArticlePage(fixtureDoc('seed-001-late'), fixture('seed-001-late').url, { timeoutMs: 30, loadFallback })).toEqual({
      ok: false,
      reason: 'body-empty',
    });
    expect(loads).toBe(0);
  });

  it('gives up on an unknown template when the fallback cannot be had', async () => {
    const r = await readArticlePage(fixtureDoc('unknown-template'), fixture('unknown-template').url, {
      missingTimeoutMs: 20,
      loadFallback: async () => null,
    });
    expect(r).toEqual({ ok: false, reason: 'body-missing' });
  });
});

describe('readArticlePage: what the fallback may not pass off as an article', () => {
  it('gives nothing for an article page whose body was taken out (Readability would offer its footer)', async () => {
    const html = fixtureHtml('seed-000-desktop').replace(
      /<div class="article" id="artibody"[\s\S]*?<div class="keywords"/,
      '<div class="keywords"',
    );
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const r = await readArticlePage(doc, fixture('seed-000-desktop').url, {
      missingTimeoutMs: 20,
      loadFallback: async () => readWithReadability,
    });
    expect(r).toEqual({ ok: false, reason: 'fallback-found-nothing' });
  });
});
