import { describe, expect, it, vi } from 'vitest';
import { frameSecrets, memorySecretStore } from './frame-secret';
import { HighlightStoreError } from '../../highlights/store';
import { setLang } from '../../i18n';
import { createRouter, type Handler, type Handlers } from './router';
import type { SenderKind } from './sender';
import type { ArticleInsight } from '../../insight/analyze';
import { makeHighlight } from '../../../tests/support/db/highlights';

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

const insight: ArticleInsight = { key: article.key, textLength: 3, corpus: null, measures: [], otherMeasures: [], related: [] };
const record = makeHighlight('h1', article.key, {
  url: ARTICLE_URL,
  title: '标题',
  quote: { type: 'TextQuoteSelector', exact: '第一', prefix: '', suffix: '段' },
  position: { type: 'TextPositionSelector', start: 0, end: 2 },
});

/** A spy for each request type, answering a reply of the contract's shape; each is given its sender. */
function setup() {
  const handlers = {
    'article:analyze': vi.fn<Handler<'article:analyze', SenderKind>>(async () => insight),
    'page:load-fallback': vi.fn<Handler<'page:load-fallback', SenderKind>>(async () => true),
    'frame:secret': vi.fn<Handler<'frame:secret', SenderKind>>(async () => 'secret'),
    'reveal:take': vi.fn<Handler<'reveal:take', SenderKind>>(async () => null),
    'panel:state': vi.fn<Handler<'panel:state', SenderKind>>(async () => null),
    'panel:reveal': vi.fn<Handler<'panel:reveal', SenderKind>>(async () => false),
    'panel:set-open': vi.fn<Handler<'panel:set-open', SenderKind>>(async () => false),
    'panel:toggle': vi.fn<Handler<'panel:toggle', SenderKind>>(async () => true),
    'panel:retry': vi.fn<Handler<'panel:retry', SenderKind>>(async () => false),
    'panel:highlight': vi.fn<Handler<'panel:highlight', SenderKind>>(async () => true),
    'panel:reattach': vi.fn<Handler<'panel:reattach', SenderKind>>(async () => record),
    'library:open': vi.fn<Handler<'library:open', SenderKind>>(async () => ({ tabId: 1 })),
    'highlights:changed-all': vi.fn<Handler<'highlights:changed-all', SenderKind>>(async () => null),
    'highlights:list': vi.fn<Handler<'highlights:list', SenderKind>>(async () => ({ highlights: [], colorRenames: {} })),
    'highlights:create': vi.fn<Handler<'highlights:create', SenderKind>>(async () => record),
    'highlights:update': vi.fn<Handler<'highlights:update', SenderKind>>(async () => record),
    'highlights:delete': vi.fn<Handler<'highlights:delete', SenderKind>>(async () => null),
    'highlights:restore': vi.fn<Handler<'highlights:restore', SenderKind>>(async () => record),
  } satisfies Handlers<SenderKind>;
  const secrets = frameSecrets(memorySecretStore());
  return {
    handlers,
    secrets,
    route: createRouter(handlers, { extensionId: EXT_ID, extensionOrigin: ORIGIN, context: (sender) => sender, checkFrame: secrets.check }),
  };
}

const contentScript = { id: EXT_ID, url: ARTICLE_URL, tab: { id: 7 }, frameId: 0 };
const extensionPage = { id: EXT_ID, url: `${ORIGIN}options.html` };

describe('background router', () => {
  it('answers a valid message from the content script on an article tab', async () => {
    const { route, handlers } = setup();
    expect(await route({ type: 'article:analyze', article }, contentScript)).toEqual({ ok: true, value: insight });
    expect(handlers['article:analyze']).toHaveBeenCalledWith(
      { type: 'article:analyze', article },
      { kind: 'content-script', tabId: 7, url: ARTICLE_URL },
    );
  });

  it('refuses senders that are not this extension', async () => {
    const { route, handlers } = setup();
    for (const sender of [
      { ...contentScript, id: 'other-extension' },
      { ...contentScript, url: 'https://evil.example/doc-i1.shtml' },
      { ...contentScript, frameId: 3 },
      { id: EXT_ID },
    ]) {
      expect(await route({ type: 'article:analyze', article }, sender)).toEqual({
        ok: false,
        error: 'refused: the sender is not part of Policy Lens',
        code: 'message.foreign-sender',
      });
    }
    expect(handlers['article:analyze']).not.toHaveBeenCalled();
  });

  it('refuses malformed messages with the field that is wrong', async () => {
    const { route } = setup();
    expect(await route({ type: 'nope' }, contentScript)).toMatchObject({
      ok: false,
      error: expect.stringContaining('refused message "nope"'),
    });
    expect(await route('hello', contentScript)).toMatchObject({ ok: false, error: expect.stringContaining('refused message "unknown"') });
    const bad = await route({ type: 'article:analyze', article: { ...article, key: '<script>' } }, contentScript);
    expect(bad).toMatchObject({ ok: false, error: expect.stringContaining('article.key must be a Sina article key') });
  });

  it('refuses a message from the wrong kind of sender', async () => {
    const { route } = setup();
    expect(await route({ type: 'highlights:changed-all' }, contentScript)).toEqual({
      ok: false,
      error: 'refused message "highlights:changed-all": not accepted from a content-script',
      code: 'message.not-allowed',
    });
    expect(await route({ type: 'article:analyze', article }, extensionPage)).toMatchObject({ ok: false });
  });

  it('turns a handler failure into a refusal with its reason', async () => {
    const { route, handlers } = setup();
    handlers['highlights:changed-all'].mockRejectedValueOnce(new Error('database closed'));
    expect(await route({ type: 'highlights:changed-all' }, extensionPage)).toEqual({
      ok: false,
      error: 'The request failed (highlights:changed-all): database closed',
      code: 'message.failed',
    });
  });

  it('words refusals in the interface language, with their code', async () => {
    const { route, handlers } = setup();
    setLang('zh');
    try {
      expect(await route({ type: 'highlights:changed-all' }, contentScript)).toEqual({
        ok: false,
        error: '已拒绝消息“highlights:changed-all”：不接受来自 content-script 的此消息',
        code: 'message.not-allowed',
      });
      const bad = await route({ type: 'article:analyze', article: { ...article, key: '<script>' } }, contentScript);
      expect(bad).toMatchObject({
        ok: false,
        error: '已拒绝消息“article:analyze”：article.key 必须是新浪文章标识',
        code: 'message.invalid',
      });
      handlers['highlights:update'].mockRejectedValueOnce(
        new HighlightStoreError('update', 'at most 10000 characters (got 10001)', 'note', 'field.too-long', { max: 10000 }),
      );
      expect(await route({ type: 'highlights:update', id: 'h1', patch: {} }, extensionPage)).toEqual({
        ok: false,
        error: '修改高亮：note：最多 10000 个字符',
        code: 'field.too-long',
      });
      handlers['highlights:create'].mockRejectedValueOnce(new DOMException('Quota exceeded', 'QuotaExceededError'));
      expect(await route({ type: 'highlights:create', highlight: {} }, contentScript)).toMatchObject({
        ok: false,
        error: expect.stringMatching(/^保存高亮：浏览器的存储空间已满/),
        code: 'storage.full',
      });
    } finally {
      setLang('en');
    }
  });

  it('accepts the panel messages from extension pages only, with or without a tab id', async () => {
    const { route, handlers } = setup();
    expect(await route({ type: 'panel:toggle', tabId: 7 }, extensionPage)).toEqual({ ok: true, value: true });
    expect(handlers['panel:toggle']).toHaveBeenCalledWith({ type: 'panel:toggle', tabId: 7 }, { kind: 'extension-page', tabId: undefined });
    expect(await route({ type: 'panel:state' }, { ...extensionPage, tab: { id: 4 } })).toEqual({ ok: true, value: null });
    expect(await route({ type: 'panel:state', tabId: 5 }, extensionPage)).toEqual({ ok: true, value: null });
    expect(await route({ type: 'panel:retry' }, { ...extensionPage, tab: { id: 4 } })).toEqual({ ok: true, value: false });
    // A content script cannot drive panels, its own or another tab's.
    expect(await route({ type: 'panel:toggle', tabId: 7 }, contentScript)).toMatchObject({ ok: false });
    expect(await route({ type: 'panel:state', tabId: 7 }, contentScript)).toMatchObject({ ok: false });
    // The popup must say which tab; tab ids are whole, non-negative numbers.
    expect(await route({ type: 'panel:toggle' }, extensionPage)).toMatchObject({ ok: false, error: expect.stringContaining('tabId') });
    expect(await route({ type: 'panel:toggle', tabId: -1 }, extensionPage)).toMatchObject({ ok: false });
    expect(await route({ type: 'panel:toggle', tabId: '7' }, extensionPage)).toMatchObject({ ok: false });
  });
});

describe('a panel framed in a tab', () => {
  // (Chrome loads it from a per-session address, use_dynamic_url, then serves it at the extension's own.)
  const framed = { id: EXT_ID, url: `${ORIGIN}panel.html#x`, tab: { id: 7 }, frameId: 12 };

  it('is answered with its tab’s frame secret, about its own tab only', async () => {
    const { route, handlers, secrets } = setup();
    const secret = ((await route({ type: 'frame:secret' }, contentScript)) as { value: string }).value;
    expect(handlers['frame:secret']).toHaveBeenCalled();
    const minted = await secrets.mint(7);
    expect(await route({ type: 'panel:state', frame: minted }, framed)).toEqual({ ok: true, value: null });
    expect(handlers['panel:state']).toHaveBeenCalledWith({ type: 'panel:state' }, { kind: 'framed-page', tabId: 7 });
    expect(await route({ type: 'highlights:delete', id: 'h1', frame: minted }, framed)).toEqual({ ok: true, value: null });
    // Not another tab's state, and nothing a framed panel never does.
    expect(await route({ type: 'panel:state', tabId: 8, frame: minted }, framed)).toMatchObject({
      ok: false,
      error: expect.stringContaining('only for its own tab'),
    });
    expect(await route({ type: 'library:open', highlightId: 'h1', frame: minted }, framed)).toMatchObject({ ok: false });
    expect(await route({ type: 'panel:toggle', tabId: 7, frame: minted }, framed)).toMatchObject({ ok: false });
    expect(typeof secret).toBe('string');
  });

  it('gets nothing and changes nothing without the secret, or with another tab’s', async () => {
    const { route, handlers, secrets } = setup();
    await secrets.mint(7);
    const otherTabs = await secrets.mint(8);
    for (const frame of [undefined, '', 'x'.repeat(32), otherTabs, { toString: () => 'x' }]) {
      for (const message of [{ type: 'panel:state' }, { type: 'highlights:delete', id: 'h1' }, { type: 'panel:reattach', id: 'h1' }]) {
        expect(await route({ ...message, frame }, framed)).toMatchObject({
          ok: false,
          error: expect.stringContaining('not made by Policy Lens'),
        });
      }
    }
    expect(handlers['panel:state']).not.toHaveBeenCalled();
    expect(handlers['highlights:delete']).not.toHaveBeenCalled();
    expect(handlers['panel:reattach']).not.toHaveBeenCalled();
  });

  it('is told apart from the extension’s own pages in a tab (top frame) and content scripts', async () => {
    const { route } = setup();
    expect(await route({ type: 'panel:state' }, { ...extensionPage, tab: { id: 4 }, frameId: 0 })).toEqual({ ok: true, value: null });
    // A content script cannot ask for another frame secret as a page frame, nor a page as a content script.
    expect(await route({ type: 'frame:secret' }, framed)).toMatchObject({ ok: false });
    expect(await route({ type: 'frame:secret' }, extensionPage)).toMatchObject({ ok: false });
  });
});

describe('frame secrets', () => {
  it('are 128 random bits, kept per tab (a few, for pages in the back/forward cache), forgotten with the tab', async () => {
    const secrets = frameSecrets(memorySecretStore());
    const first = await secrets.mint(1);
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    const later = [];
    for (let i = 0; i < 8; i++) later.push(await secrets.mint(1));
    expect(new Set([first, ...later]).size).toBe(9);
    expect(await secrets.check(1, later[7])).toBe(true);
    expect(await secrets.check(1, later[0])).toBe(true);
    expect(await secrets.check(1, first)).toBe(false); // the ninth back
    expect(await secrets.check(2, later[7])).toBe(false);
    await secrets.forget(1);
    expect(await secrets.check(1, later[7])).toBe(false);
  });
});

describe('background router and a full disk', () => {
  it('tells the reader the storage is full, in words, when a write hits the quota', async () => {
    const { route, handlers } = setup();
    handlers['highlights:create'].mockRejectedValueOnce(new DOMException('Quota exceeded', 'QuotaExceededError'));
    const reply = await route({ type: 'highlights:create', highlight: {} }, contentScript);
    expect(reply).toEqual({
      ok: false,
      error: expect.stringContaining("Saving the highlight: the browser's storage is full, so nothing was saved"),
      code: 'storage.full',
    });
  });

  it('loads the extraction fallback only for the content script of an article tab', async () => {
    const { route, handlers } = setup();
    expect(await route({ type: 'page:load-fallback' }, contentScript)).toEqual({ ok: true, value: true });
    expect(await route({ type: 'page:load-fallback' }, extensionPage)).toEqual({
      ok: false,
      error: 'refused message "page:load-fallback": not accepted from a extension-page',
      code: 'message.not-allowed',
    });
    expect(handlers['page:load-fallback']).toHaveBeenCalledTimes(1);
  });
});
