import { afterEach, describe, expect, it, vi } from 'vitest';
import { describe as describeText } from '../../anchoring';
import type { LensState } from '../../messages/tab-state';
import { openLensDB, type LensDB } from '../../db/schema';
import { createHighlight } from '../../highlights/store';
import { loadCatalogueFile } from '../../measures/load-catalogue';
import { ALL_ARTICLES, RequestSchema, type ContentRequest } from '../../messages/contract';
import { HANDLERS, type BackgroundDeps } from './handlers';
import { createRouter } from './router';

const EXT_ID = 'lens-id';
const ORIGIN = 'chrome-extension://lens-id/';
const URL_A = 'https://finance.sina.com.cn/china/2022-06-08/doc-ikfwxyuz1234567.shtml';
const KEY_A = 'sina:kfwxyuz1234567';
const TEXT = '国家医保局6月8日发布公报。2021年全国医保基金支出2.4万亿元。';
const catalogue = loadCatalogueFile();

const contentScript = { id: EXT_ID, url: URL_A, tab: { id: 7 }, frameId: 0 };
const popup = { id: EXT_ID, url: `${ORIGIN}popup.html` };

let db: LensDB | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

/** The real handler table behind the real router, on a fake-indexeddb database; the tab answers `tab`. */
function setup(tab: (tabId: number, message: ContentRequest) => unknown = () => undefined) {
  db = openLensDB(`test-${crypto.randomUUID()}`);
  const toTab = vi.fn(async (tabId: number, message: ContentRequest) => tab(tabId, message));
  const deps: BackgroundDeps = {
    db,
    catalogue,
    toTab,
    ensureSeeded: async () => undefined,
    notify: vi.fn(),
    badge: vi.fn(),
    indexRead: vi.fn(),
    indexKept: vi.fn(),
    secrets: { mint: vi.fn(async (tabId: number) => `secret-of-${tabId}`) },
    reveals: { take: vi.fn(async () => null), remember: vi.fn(async () => undefined) },
    tabs: { tabs: async () => [], focus: async () => undefined, create: async () => ({ id: 9 }), readerPage: `${ORIGIN}reader.html` },
    loadFallback: vi.fn(async () => true as const),
  };
  const route = createRouter(HANDLERS, { extensionId: EXT_ID, extensionOrigin: ORIGIN, context: (sender) => ({ ...deps, sender }) });
  return { db, deps, toTab, route };
}

async function storedHighlight(db: LensDB) {
  const start = TEXT.indexOf('医保基金支出');
  const { quote, position } = describeText(TEXT, start, start + 6);
  return createHighlight(db, { articleKey: KEY_A, url: URL_A, title: '公报', quote, position, color: 'green', note: '' });
}

describe('the background handler table', () => {
  it('has a handler for each request type of the contract, and no other', () => {
    const types = RequestSchema.options.map((o) => o.shape.type.value);
    expect(Object.keys(HANDLERS).sort()).toEqual([...types].sort());
  });

  it('is reached only through the boundary: bad input is refused with a named code, and no handler runs', async () => {
    const { route, toTab, deps } = setup();
    expect(await route({ type: 'panel:toggle', tabId: 'seven' }, popup)).toMatchObject({
      ok: false,
      code: 'message.invalid',
      error: expect.stringContaining('tabId'),
    });
    expect(await route({ type: 'highlights:list', articleKey: '' }, contentScript)).toMatchObject({
      ok: false,
      code: 'message.invalid',
      error: expect.stringContaining('articleKey'),
    });
    expect(await route({ type: 'corpus:changed' }, popup)).toMatchObject({ ok: false, code: 'message.invalid' });
    expect(await route({ type: 'frame:secret' }, popup)).toMatchObject({ ok: false, code: 'message.not-allowed' });
    expect(toTab).not.toHaveBeenCalled();
    expect(deps.secrets.mint).not.toHaveBeenCalled();
  });

  it('relays the panel’s state request to the tab, and passes on only a lens state', async () => {
    const state: LensState = { status: 'loading', article: { key: KEY_A, title: '公报', publishedAt: null, source: null, url: URL_A } };
    let answer: unknown = state;
    const { route, toTab } = setup(() => answer);
    expect(await route({ type: 'panel:state', tabId: 3 }, popup)).toEqual({ ok: true, value: state });
    expect(toTab).toHaveBeenLastCalledWith(3, { type: 'tab:state' });
    for (answer of [undefined, null, { status: 'ready' }, 'loading']) {
      expect(await route({ type: 'panel:state', tabId: 3 }, popup)).toEqual({ ok: true, value: null });
    }
  });

  it('answers the popup’s toggle with the panel’s new state, and a tab that answers something else as no answer', async () => {
    let answer: unknown = true;
    const { route } = setup(() => answer);
    expect(await route({ type: 'panel:toggle', tabId: 3 }, popup)).toEqual({ ok: true, value: true });
    answer = 'yes';
    expect(await route({ type: 'panel:toggle', tabId: 3 }, popup)).toMatchObject({ ok: false, code: 'message.no-answer' });
  });

  it('re-attach: one reply, the stored record; the tab’s own refusal passed on in its words', async () => {
    let answer: unknown = { ok: false, error: 'Select the text to attach it to first.' };
    const { route, db, toTab } = setup(() => answer);
    const record = await storedHighlight(db);
    expect(await route({ type: 'panel:reattach', id: record.id, tabId: 4 }, popup)).toEqual({
      ok: false,
      error: 'Select the text to attach it to first.',
    });
    expect(toTab).toHaveBeenLastCalledWith(4, { type: 'tab:reattach', id: record.id });
    answer = { ok: true, value: record };
    expect(await route({ type: 'panel:reattach', id: record.id, tabId: 4 }, popup)).toEqual({ ok: true, value: record });
    await db.highlights.delete(record.id);
    expect(await route({ type: 'panel:reattach', id: record.id, tabId: 4 }, popup)).toMatchObject({
      ok: false,
      code: 'highlight.not-found',
    });
  });

  it('after an import or a wipe, tells every view of every article', async () => {
    const { route, deps } = setup();
    expect(await route({ type: 'highlights:changed-all' }, popup)).toEqual({ ok: true, value: null });
    expect(deps.notify).toHaveBeenCalledWith(ALL_ARTICLES);
  });

  it('gives a content script its own tab’s frame secret and pending reveal', async () => {
    const { route, deps } = setup();
    expect(await route({ type: 'frame:secret' }, contentScript)).toEqual({ ok: true, value: 'secret-of-7' });
    expect(await route({ type: 'reveal:take', articleKey: KEY_A }, contentScript)).toEqual({ ok: true, value: null });
    expect(deps.reveals.take).toHaveBeenCalledWith(7, KEY_A);
  });

  it('lists a page’s highlights from the database and shows their count on its tab', async () => {
    const { route, db, deps } = setup();
    const record = await storedHighlight(db);
    expect(await route({ type: 'highlights:list', articleKey: KEY_A }, contentScript)).toEqual({
      ok: true,
      value: { highlights: [record], colorRenames: {} },
    });
    expect(deps.badge).toHaveBeenCalledWith(7, 1);
  });

  it('analyses the article a content script sends, against the corpus in the database', async () => {
    const { route } = setup();
    const article = {
      key: KEY_A,
      id: 'kfwxyuz1234567',
      url: URL_A,
      mobileUrl: null,
      title: '国家医保局发布公报',
      publishedAt: null,
      source: null,
      editor: null,
      originalTitle: null,
      paragraphs: [TEXT],
    };
    const reply = await route({ type: 'article:analyze', article }, contentScript);
    expect(reply).toMatchObject({ ok: true, value: { key: KEY_A, textLength: TEXT.length } });
  });
});
