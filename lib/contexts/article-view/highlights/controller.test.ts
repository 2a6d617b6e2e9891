/**
 * The DOM shell around the highlight core, on a real (happy-dom) article body: the stored highlights
 * are anchored and listed, a change made in another tab (the background's broadcast → refresh)
 * reaches this page, and a refresh that fails is reported — logged by its code and shown in the
 * panel's view — instead of leaving the page silently out of date. The background is stood in for
 * by an in-memory list: what is tested here is the page's side.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildTextMap, describe as describeText } from '../../../anchoring';
import type { HighlightRecord } from '../../../db/schema';
import { createHighlightController, type HighlightApi, type HighlightController, type HighlightsView } from './controller';

const PARAGRAPHS = [
  '国家医保局近日印发通知，要求各地在年底前全面推开按病组付费改革，覆盖所有统筹地区。',
  '通知明确，2025年起医保基金结算将以病组为单位，医疗机构的结余留用比例不低于百分之五十。',
  '此外，各地要加快医保钱包的推广，允许职工医保个人账户在家庭成员之间共济使用。',
];

function render(): Element {
  document.body.innerHTML = `<div id="wrap"><div class="article" id="artibody">${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}</div></div>`;
  return document.getElementById('artibody')!;
}

function recordOf(body: Element, id: string, exact: string, extra: Partial<HighlightRecord> = {}): HighlightRecord {
  const text = buildTextMap(body).text;
  const start = text.indexOf(exact);
  if (start < 0) throw new Error(`not in the article: ${exact}`);
  const selectors = describeText(text, start, start + exact.length);
  return {
    id,
    articleKey: 'sina:test',
    url: 'https://finance.sina.com.cn/roll/2024-01-01/doc-test.shtml',
    title: 'test',
    quote: selectors.quote,
    position: selectors.position,
    color: 'yellow',
    note: '',
    tags: [],
    createdAt: '2024-01-01T00:00:00Z',
    updatedAt: '2024-01-01T00:00:00Z',
    ...extra,
  };
}

/** What the background holds for the article; `list` can be made to fail or to wait. */
function fakeBackground(initial: HighlightRecord[]) {
  let stored = initial;
  const failures: Error[] = [];
  const api: HighlightApi = {
    list: async () => {
      const failure = failures.shift();
      if (failure) throw failure;
      return { highlights: stored.map((r) => structuredClone(r)), colorRenames: {} };
    },
    create: () => Promise.reject(new Error('not used')),
    update: () => Promise.reject(new Error('not used')),
    remove: () => Promise.reject(new Error('not used')),
    restore: () => Promise.reject(new Error('not used')),
  };
  return {
    api,
    /** Another tab changed the stored highlights. */
    set: (next: HighlightRecord[]) => (stored = next),
    failNextList: (error: Error) => failures.push(error),
  };
}

describe('the highlight controller (DOM shell)', () => {
  let body: Element;
  let controller: HighlightController | undefined;
  let views: HighlightsView[];
  const last = () => views.at(-1)!;
  const byId = (id: string) => controller!.view().items.find((i) => i.id === id);

  beforeEach(() => {
    body = render();
    views = [];
  });
  afterEach(() => {
    controller?.destroy();
    controller = undefined;
    vi.restoreAllMocks();
  });

  const start = async (bg: ReturnType<typeof fakeBackground>) => {
    controller = createHighlightController({
      doc: document,
      body,
      article: { key: 'sina:test', url: 'https://finance.sina.com.cn/roll/2024-01-01/doc-test.shtml', title: 'test' },
      api: bg.api,
      onChange: (v) => views.push(v),
    });
    await controller.load();
  };

  it('anchors the stored highlights and keeps the one whose text is not there as an orphan', async () => {
    const bg = fakeBackground([]);
    const a = recordOf(body, 'a', '按病组付费改革');
    const gone = {
      ...recordOf(body, 'b', '医保钱包'),
      quote: { type: 'TextQuoteSelector' as const, exact: '长期护理保险', prefix: '', suffix: '' },
    };
    bg.set([a, gone]);
    await start(bg);
    expect(last()).toMatchObject({ loaded: true });
    expect(last().error).toBeUndefined();
    expect(byId('a')).toMatchObject({ status: 'anchored', quote: '按病组付费改革' });
    expect(byId('b')).toMatchObject({ status: 'orphan', reason: 'not-found' });
    expect(controller!.reveal('a')).toBe(true);
    expect(controller!.reveal('b')).toBe(false);
  });

  it('takes in a change made in another tab: a new note, a new highlight, a deletion', async () => {
    const a = recordOf(body, 'a', '按病组付费改革');
    const b = recordOf(body, 'b', '结余留用比例');
    const bg = fakeBackground([a, b]);
    await start(bg);
    expect(controller!.view().items.map((i) => i.id)).toEqual(['a', 'b']);

    bg.set([{ ...a, note: '重点' }, recordOf(body, 'c', '个人账户')]);
    await controller!.refresh();
    expect(byId('a')).toMatchObject({ status: 'anchored', note: '重点' });
    expect(byId('b')).toBeUndefined();
    expect(byId('c')).toMatchObject({ status: 'anchored' });
    expect(controller!.reveal('b')).toBe(false);
    expect(last().items.map((i) => i.id)).toEqual(['a', 'c']);
  });

  it('reports a refresh that fails: logged with its code, shown in the panel, cleared by the next one that works', async () => {
    const a = recordOf(body, 'a', '按病组付费改革');
    const bg = fakeBackground([a]);
    await start(bg);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    bg.set([{ ...a, color: 'green' }]);
    bg.failNextList(new Error('Loading highlights: no answer from the background'));
    const before = views.length;
    await controller!.refresh();
    expect(warn).toHaveBeenCalledWith('[Policy Lens] highlight.refresh-failed:', 'Loading highlights: no answer from the background');
    expect(views.length).toBe(before + 1);
    expect(last()).toMatchObject({ loaded: true, error: 'Loading highlights: no answer from the background' });

    await controller!.refresh();
    expect(last().error).toBeUndefined();
    expect(byId('a')).toMatchObject({ status: 'anchored', color: 'green' });
  });

  it('reports a first load that fails by its own code', async () => {
    const bg = fakeBackground([]);
    bg.failNextList(new Error('storage is gone'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await start(bg);
    expect(warn).toHaveBeenCalledWith('[Policy Lens] highlight.load-failed:', 'storage is gone');
    expect(last()).toMatchObject({ loaded: true, error: 'storage is gone', items: [] });
  });

  it('keeps the newer list when two refreshes cross (the older reply arrives last)', async () => {
    const a = recordOf(body, 'a', '按病组付费改革');
    const bg = fakeBackground([a]);
    await start(bg);
    // The first refresh's reply is held back until after the second's.
    let release: () => void = () => undefined;
    const list = bg.api.list.bind(bg.api);
    const held = list('sina:test');
    bg.api.list = vi
      .fn()
      .mockImplementationOnce(() => new Promise((resolve) => (release = () => resolve(held))))
      .mockImplementation(list);
    const first = controller!.refresh();
    bg.set([]);
    await controller!.refresh();
    expect(byId('a')).toBeUndefined();
    release();
    await first;
    expect(byId('a')).toBeUndefined();
  });
});
