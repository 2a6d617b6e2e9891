import { describe, expect, it, vi } from 'vitest';
import { createRouter, type Handlers } from './router';

const EXT_ID = 'lens-id';
const ORIGIN = 'chrome-extension://lens-id/';
const ARTICLE_URL = 'https://finance.sina.com.cn/china/gncj/2021-06-04/doc-ikqcfnaz9077291.shtml';
const article = {
  key: 'sina:kqcfnaz9077291',
  id: 'kqcfnaz9077291',
  url: ARTICLE_URL,
  mobileUrl: null,
  title: '标题',
  publishedAt: '2021-06-04T20:30:57+08:00',
  source: '央视网',
  editor: '逯文云',
  originalTitle: null,
  paragraphs: ['第一段'],
};

function setup() {
  const handlers: Handlers = {
    'article:analyze': vi.fn(async () => ({ insight: true })),
    'page:load-fallback': vi.fn(async () => true),
    'corpus:changed': vi.fn(async () => undefined),
    'panel:state': vi.fn(async () => null),
    'panel:reveal': vi.fn(async () => undefined),
    'panel:set-open': vi.fn(async () => undefined),
    'panel:toggle': vi.fn(async () => true),
    'panel:retry': vi.fn(async () => undefined),
    'panel:highlight': vi.fn(async () => true),
    'panel:reattach': vi.fn(async () => undefined),
    'library:open': vi.fn(async () => ({ tabId: 1 })),
    'highlights:changed-all': vi.fn(async () => undefined),
    'highlights:list': vi.fn(async () => ({ highlights: [], colorRenames: {} })),
    'highlights:create': vi.fn(async () => undefined),
    'highlights:update': vi.fn(async () => undefined),
    'highlights:delete': vi.fn(async () => null),
    'highlights:restore': vi.fn(async () => undefined),
  };
  return { handlers, route: createRouter(handlers, EXT_ID, ORIGIN) };
}

const contentScript = { id: EXT_ID, url: ARTICLE_URL, tab: { id: 7 }, frameId: 0 };
const extensionPage = { id: EXT_ID, url: `${ORIGIN}options.html` };

describe('background router', () => {
  it('answers a valid message from the content script on an article tab', async () => {
    const { route, handlers } = setup();
    expect(await route({ type: 'article:analyze', article }, contentScript)).toEqual({ ok: true, value: { insight: true } });
    expect(handlers['article:analyze']).toHaveBeenCalledWith({ type: 'article:analyze', article }, { kind: 'content-script', tabId: 7, url: ARTICLE_URL });
  });

  it('refuses senders that are not this extension', async () => {
    const { route, handlers } = setup();
    for (const sender of [
      { ...contentScript, id: 'other-extension' },
      { ...contentScript, url: 'https://evil.example/doc-i1.shtml' },
      { ...contentScript, frameId: 3 },
      { id: EXT_ID },
    ]) {
      expect(await route({ type: 'article:analyze', article }, sender)).toEqual({ ok: false, error: 'refused: the sender is not part of Policy Lens' });
    }
    expect(handlers['article:analyze']).not.toHaveBeenCalled();
  });

  it('refuses malformed messages with the field that is wrong', async () => {
    const { route } = setup();
    expect(await route({ type: 'nope' }, contentScript)).toMatchObject({ ok: false, error: expect.stringContaining('refused message "nope"') });
    expect(await route('hello', contentScript)).toMatchObject({ ok: false, error: expect.stringContaining('refused message "unknown"') });
    const bad = await route({ type: 'article:analyze', article: { ...article, key: '<script>' } }, contentScript);
    expect(bad).toMatchObject({ ok: false, error: expect.stringContaining('article.key must be a Sina article key') });
  });

  it('refuses a message from the wrong kind of sender', async () => {
    const { route } = setup();
    expect(await route({ type: 'corpus:changed' }, contentScript)).toEqual({
      ok: false,
      error: 'refused message "corpus:changed": not accepted from a content-script',
    });
    expect(await route({ type: 'article:analyze', article }, extensionPage)).toMatchObject({ ok: false });
  });

  it('turns a handler failure into a refusal with its reason', async () => {
    const { route, handlers } = setup();
    vi.mocked(handlers['corpus:changed']).mockRejectedValueOnce(new Error('database closed'));
    expect(await route({ type: 'corpus:changed' }, extensionPage)).toEqual({ ok: false, error: 'corpus:changed failed: database closed' });
  });

  it('accepts the panel messages from extension pages only, with or without a tab id', async () => {
    const { route, handlers } = setup();
    expect(await route({ type: 'panel:toggle', tabId: 7 }, extensionPage)).toEqual({ ok: true, value: true });
    expect(handlers['panel:toggle']).toHaveBeenCalledWith({ type: 'panel:toggle', tabId: 7 }, { kind: 'extension-page', tabId: undefined });
    expect(await route({ type: 'panel:state' }, { ...extensionPage, tab: { id: 4 } })).toEqual({ ok: true, value: null });
    expect(await route({ type: 'panel:state', tabId: 5 }, extensionPage)).toEqual({ ok: true, value: null });
    expect(await route({ type: 'panel:retry' }, { ...extensionPage, tab: { id: 4 } })).toEqual({ ok: true, value: undefined });
    // A content script cannot drive panels, its own or another tab's.
    expect(await route({ type: 'panel:toggle', tabId: 7 }, contentScript)).toMatchObject({ ok: false });
    expect(await route({ type: 'panel:state', tabId: 7 }, contentScript)).toMatchObject({ ok: false });
    // The popup must say which tab; tab ids are whole, non-negative numbers.
    expect(await route({ type: 'panel:toggle' }, extensionPage)).toMatchObject({ ok: false, error: expect.stringContaining('tabId') });
    expect(await route({ type: 'panel:toggle', tabId: -1 }, extensionPage)).toMatchObject({ ok: false });
    expect(await route({ type: 'panel:toggle', tabId: '7' }, extensionPage)).toMatchObject({ ok: false });
  });
});

describe('background router and a full disk', () => {
  it('tells the reader the storage is full, in words, when a write hits the quota', async () => {
    const { route, handlers } = setup();
    (handlers['highlights:create'] as ReturnType<typeof vi.fn>).mockRejectedValueOnce(new DOMException('Quota exceeded', 'QuotaExceededError'));
    const reply = await route({ type: 'highlights:create', highlight: {} }, contentScript);
    expect(reply).toEqual({ ok: false, error: expect.stringContaining("highlights:create: the browser's storage is full, so nothing was saved") });
  });

  it('loads the extraction fallback only for the content script of an article tab', async () => {
    const { route, handlers } = setup();
    expect(await route({ type: 'page:load-fallback' }, contentScript)).toEqual({ ok: true, value: true });
    expect(await route({ type: 'page:load-fallback' }, extensionPage)).toEqual({ ok: false, error: 'refused message "page:load-fallback": not accepted from a extension-page' });
    expect(handlers['page:load-fallback']).toHaveBeenCalledTimes(1);
  });
});
