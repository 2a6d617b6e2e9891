import { afterEach, describe, expect, it, vi } from 'vitest';
import { describe as describeText } from '../../anchoring';
import { openLensDB, type LensDB } from '../../db/schema';
import { createHighlight } from '../../highlights/store';
import { openHighlight, type OpenDeps } from './open-highlight';
import { memoryArea, pendingReveals } from './pending-reveal';

let db: LensDB;
afterEach(() => db?.delete());

const TEXT = '医保基金是群众的“救命钱”，要持续加大监管力度。';
const SINA = 'https://finance.sina.com.cn/china/gncj/2021-06-04/doc-ikqcfnaz9077291.shtml';

async function setup(url = SINA, articleKey = 'sina:kqcfnaz9077291') {
  db = openLensDB(`test-${crypto.randomUUID()}`);
  const { quote, position } = describeText(TEXT, 0, 6);
  const record = await createHighlight(db, { articleKey, url, title: '韩正', quote, position });
  const reveals = pendingReveals(memoryArea());
  const deps = {
    db,
    remember: vi.fn(reveals.remember),
    tabs: vi.fn(async () => [
      { id: 1, windowId: 1 },
      { id: 2, windowId: 1 },
      { id: 3, windowId: 2 },
    ]),
    toTab: vi.fn(async (tabId: number, m: { type: string }) => {
      if (m.type === 'tab:has-article') return tabId === 3;
      return true;
    }),
    focus: vi.fn(async () => undefined),
    create: vi.fn(async () => ({ id: 9 })),
    readerPage: 'chrome-extension://abc/reader.html',
  } satisfies OpenDeps;
  return { record, deps, reveals };
}

describe('opening a highlight from the library', () => {
  it('switches to the tab already showing the article and scrolls to the highlight', async () => {
    const { record, deps } = await setup();
    expect(await openHighlight(record.id, deps)).toEqual({ tabId: 3 });
    expect(deps.focus).toHaveBeenCalledWith({ id: 3, windowId: 2 });
    expect(deps.toTab).toHaveBeenLastCalledWith(3, { type: 'tab:highlight', id: record.id });
    expect(deps.create).not.toHaveBeenCalled();
  });

  it('opens the Sina page at its own address and keeps, for its content script only, which highlight to show', async () => {
    const { record, deps, reveals } = await setup();
    deps.toTab.mockImplementation(async () => Promise.reject(new Error('no receiver')));
    expect(await openHighlight(record.id, deps)).toEqual({ tabId: 9 });
    // Nothing in the address a page script could read.
    expect(deps.create).toHaveBeenCalledWith(SINA);
    // Another article loaded in that tab does not get it; the article does, once.
    expect(await reveals.take(9, 'sina:other')).toBeNull();
    await openHighlight(record.id, deps);
    expect(await reveals.take(9, 'sina:kqcfnaz9077291')).toBe(record.id);
    expect(await reveals.take(9, 'sina:kqcfnaz9077291')).toBeNull();
  });

  it('opens a reader-page highlight in the reader page of this install', async () => {
    const { record, deps } = await setup('moz-extension://old-uuid/reader.html#a_00000000000000aa', 'corpus:a_00000000000000aa');
    deps.toTab.mockImplementation(async () => false);
    await openHighlight(record.id, deps);
    expect(deps.create).toHaveBeenCalledWith(`chrome-extension://abc/reader.html?highlight=${record.id}#a_00000000000000aa`);
    expect(deps.remember).not.toHaveBeenCalled();
  });

  it('says so when the highlight is gone', async () => {
    const { deps } = await setup();
    await expect(openHighlight('nope', deps)).rejects.toThrow('no highlight with id nope');
  });
});
