import { afterEach, describe, expect, it, vi } from 'vitest';
import { describe as describeText } from '../../anchoring';
import { openLensDB, type LensDB } from '../../db/schema';
import { saveColorRename } from '../../highlights/color-settings';
import { HIGHLIGHT_HANDLERS, type HighlightHandlerDeps, type HighlightType } from './highlights';
import type { RequestOf } from '../../messages/contract';
import type { SenderKind } from './sender';

let db: LensDB;
afterEach(() => db?.delete());

const URL_A = 'https://finance.sina.com.cn/china/2022-06-08/doc-ikfwxyuz1234567.shtml';
const KEY_A = 'sina:kfwxyuz1234567';
const URL_B = 'https://finance.sina.com.cn/china/2022-06-09/doc-ikfwxyuz7654321.shtml';
const KEY_B = 'sina:kfwxyuz7654321';
const TEXT = '国家医保局6月8日发布公报。2021年全国医保基金支出2.4万亿元。';

const tabA: SenderKind = { kind: 'content-script', tabId: 1, url: URL_A };
const tabB: SenderKind = { kind: 'content-script', tabId: 2, url: URL_B };
const page: SenderKind = { kind: 'extension-page' };

/** The handlers given `deps`, called as the router calls them (the request, and who sent it). */
function bound(deps: HighlightHandlerDeps) {
  return <K extends HighlightType>(type: K, req: RequestOf<K>, sender: SenderKind) => HIGHLIGHT_HANDLERS[type](req, { ...deps, sender });
}

function setup() {
  db = openLensDB(`test-${crypto.randomUUID()}`);
  const notify = vi.fn();
  const badge = vi.fn();
  return { h: bound({ db, notify, badge }), notify, badge };
}

function newHighlight(articleKey = KEY_A, url = URL_A) {
  const start = TEXT.indexOf('医保基金支出');
  const { quote, position } = describeText(TEXT, start, start + 6);
  return { articleKey, url, title: '公报', quote, position, color: 'green', note: '' };
}

describe('background highlight handlers', () => {
  it('creates, lists (with colour renames), edits and deletes, telling every view of the article each time', async () => {
    const { h, notify, badge } = setup();
    await saveColorRename(db, 'blue', '待核实');
    const created = await h('highlights:create', { type: 'highlights:create', highlight: newHighlight() }, tabA);
    expect(notify).toHaveBeenLastCalledWith(KEY_A);
    expect(await h('highlights:list', { type: 'highlights:list', articleKey: KEY_A }, tabA)).toEqual({
      highlights: [created],
      colorRenames: { blue: '待核实' },
    });
    // The tab's toolbar badge shows its count.
    expect(badge).toHaveBeenLastCalledWith(1, 1);

    const edited = await h('highlights:update', { type: 'highlights:update', id: created.id, patch: { note: '同比增长' } }, page);
    expect(edited.note).toBe('同比增长');
    expect(notify).toHaveBeenCalledTimes(2);
    // An edit that changes nothing wakes nobody.
    await h('highlights:update', { type: 'highlights:update', id: created.id, patch: { note: '同比增长' } }, tabA);
    expect(notify).toHaveBeenCalledTimes(2);

    const removed = await h('highlights:delete', { type: 'highlights:delete', id: created.id }, tabA);
    expect(removed?.id).toBe(created.id);
    expect(notify).toHaveBeenCalledTimes(3);
    await h('highlights:restore', { type: 'highlights:restore', record: removed as unknown as Record<string, unknown> }, tabA);
    expect(await db.highlights.get(created.id)).toEqual(edited);
    expect(notify).toHaveBeenCalledTimes(4);
  });

  it("holds a content script to its own article's highlights", async () => {
    const { h, notify } = setup();
    const created = await h('highlights:create', { type: 'highlights:create', highlight: newHighlight() }, tabA);
    notify.mockClear();
    await expect(h('highlights:list', { type: 'highlights:list', articleKey: KEY_A }, tabB)).rejects.toThrow(/own article/);
    await expect(h('highlights:create', { type: 'highlights:create', highlight: newHighlight(KEY_A) }, tabB)).rejects.toThrow(
      /own article/,
    );
    await expect(h('highlights:update', { type: 'highlights:update', id: created.id, patch: { note: 'x' } }, tabB)).rejects.toThrow(
      /own article/,
    );
    await expect(h('highlights:delete', { type: 'highlights:delete', id: created.id }, tabB)).rejects.toThrow(/own article/);
    await expect(
      h('highlights:restore', { type: 'highlights:restore', record: { ...created, articleKey: KEY_B, note: 'overwrite' } }, tabB),
    ).rejects.toThrow(/own article/);
    expect(await db.highlights.get(created.id)).toEqual(created);
    expect(notify).not.toHaveBeenCalled();
    // Extension pages (panel, popup) may touch any article.
    expect((await h('highlights:list', { type: 'highlights:list', articleKey: KEY_A }, page)).highlights).toHaveLength(1);
  });

  it('passes the store’s refusal, which names the field, and stores nothing', async () => {
    const { h, notify } = setup();
    await expect(h('highlights:create', { type: 'highlights:create', highlight: { ...newHighlight(), note: 7 } }, tabA)).rejects.toThrow(
      'Create highlight: note: must be text',
    );
    expect(await db.highlights.count()).toBe(0);
    expect(notify).not.toHaveBeenCalled();
  });
});

describe('a highlight made on a page', () => {
  it('tells the background which tab made it, so the page’s article joins the corpus; not for extension pages', async () => {
    db = openLensDB(`test-${crypto.randomUUID()}`);
    const created = vi.fn();
    const h = bound({ db, notify: vi.fn(), created });
    const record = await h('highlights:create', { type: 'highlights:create', highlight: newHighlight() }, tabA);
    expect(created).toHaveBeenCalledWith(record, 1);
    await h('highlights:create', { type: 'highlights:create', highlight: newHighlight(KEY_B, URL_B) }, page);
    expect(created).toHaveBeenCalledTimes(1);
  });
});
