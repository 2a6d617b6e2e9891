import { describe, expect, it } from 'vitest';
import { readArticlePage } from './read-article-page';
import { fixture, fixtureDoc, lateBodyHtml } from './test-support/fixtures';

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
    expect(await readArticlePage(fixtureDoc('channel-front'), fixture('channel-front').url)).toEqual({ ok: false, reason: 'url-not-article' });
    expect(await readArticlePage(fixtureDoc('not-found'), fixture('not-found').url)).toEqual({ ok: false, reason: 'error-page' });
  });
});
