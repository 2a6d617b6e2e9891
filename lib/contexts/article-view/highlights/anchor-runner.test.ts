import { afterEach, describe, expect, it } from 'vitest';
import { describe as describeText, type HighlightToAnchor } from '../../../anchoring';
import { PARAGRAPHS, join } from '../../../../tests/support/anchoring';
import { anchorHighlights, isStale, watchLateContent, type AnchorRun } from './anchor-runner';
import { until } from '../../../../tests/support/article-view/highlights';

const TEXT = join(PARAGRAPHS);

function highlight(id: string, exact: string): HighlightToAnchor {
  const start = TEXT.indexOf(exact);
  if (start < 0) throw new Error(`no ${exact}`);
  return { id, ...describeText(TEXT, start, start + exact.length) };
}

function render(paragraphs: readonly string[]): Element {
  document.body.innerHTML = `<div id="wrap"><div class="article" id="artibody">${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</div></div>`;
  return document.getElementById('artibody') as Element;
}

function addParagraph(body: Element, text: string): void {
  const p = document.createElement('p');
  p.textContent = text;
  body.append('\n', p);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Tracks orphans as a content script would: pending = still orphaned. */
function tracker(all: readonly HighlightToAnchor[], first: AnchorRun) {
  const orphanIds = new Set(first.orphans.map((o) => o.id));
  const runs: AnchorRun[] = [];
  return {
    runs,
    orphanIds,
    pending: () => all.filter((h) => orphanIds.has(h.id)),
    onRun: (run: AnchorRun) => {
      runs.push(run);
      for (const a of run.anchored) orphanIds.delete(a.id);
    },
  };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('anchorHighlights', () => {
  it('splits one pass into anchored ranges and orphans, skipping promo blocks', async () => {
    const body = render(PARAGRAPHS.slice(0, 5));
    body.insertAdjacentHTML('afterbegin', '<div class="appendQr_wrap">下载新浪财经APP 2021年全国医保基金支出</div>');
    const hs = [
      highlight('a', '2.4万亿元，比上年增长14.3%'),
      highlight('b', '累计节约费用约3000亿元'),
      highlight('late', '普通门诊费用纳入统筹基金支付范围'),
    ];
    const seen: string[] = [];
    const run = await anchorHighlights(body, hs, { onOutcome: (o) => seen.push(o.id) });
    expect(run.anchored.map((a) => [a.id, a.text, a.method])).toEqual([
      ['a', '2.4万亿元，比上年增长14.3%', 'exact'],
      ['b', '累计节约费用约3000亿元', 'exact'],
    ]);
    expect(run.orphans).toEqual([{ id: 'late', reason: 'not-found' }]);
    expect(seen).toEqual(['a', 'b', 'late']);
    expect(await anchorHighlights(body, [])).toEqual({ anchored: [], orphans: [] });
  });

  it('stops when aborted', async () => {
    const body = render(PARAGRAPHS);
    const controller = new AbortController();
    controller.abort(new Error('page left'));
    await expect(anchorHighlights(body, [highlight('a', '救命钱')], { signal: controller.signal })).rejects.toThrow('page left');
  });

  it('isStale notices a range whose text the page replaced', async () => {
    const body = render(PARAGRAPHS);
    const { anchored } = await anchorHighlights(body, [highlight('a', '平均降价超过50%')]);
    const a = anchored[0];
    if (!a) throw new Error('not anchored');
    expect(isStale(a, body)).toBe(false);
    const p = body.querySelectorAll('p')[4] as Element;
    p.innerHTML = p.innerHTML; // a script re-rendering the paragraph: same text, new nodes
    expect(isStale(a, body)).toBe(true);
  });
});

describe('watchLateContent', () => {
  it('re-anchors an orphan when its paragraph arrives later, then disconnects', async () => {
    const body = render(PARAGRAPHS.slice(0, 6));
    const hs = [highlight('early', '推进DRG/DIP支付方式改革三年行动计划'), highlight('late', '普通门诊费用纳入统筹基金支付范围')];
    const first = await anchorHighlights(body, hs);
    expect(first.orphans.map((o) => o.id)).toEqual(['late']);
    const t = tracker(hs, first);
    const watcher = watchLateContent(body, { ...t, debounceMs: 10 });

    addParagraph(body, PARAGRAPHS[6] as string);
    expect(await watcher.done).toBe('settled');
    expect(t.runs).toHaveLength(1);
    expect(t.runs[0]?.anchored.map((a) => [a.id, a.text])).toEqual([['late', '普通门诊费用纳入统筹基金支付范围']]);
    expect(t.orphanIds.size).toBe(0);
  });

  it('debounces a burst of changes into one pass', async () => {
    const body = render(PARAGRAPHS.slice(0, 3));
    const hs = [highlight('x', '守护好每一分“救命钱”'), highlight('y', '普通门诊费用纳入统筹基金支付范围')];
    const t = tracker(hs, await anchorHighlights(body, hs));
    const watcher = watchLateContent(body, { ...t, debounceMs: 100, maxWaitMs: 2000 });
    for (const p of PARAGRAPHS.slice(3)) {
      addParagraph(body, p);
      await sleep(1);
    }
    expect(await watcher.done).toBe('settled');
    expect(t.runs).toHaveLength(1);
    expect(t.runs[0]?.anchored.map((a) => a.id).sort()).toEqual(['x', 'y']);
  });

  it('gives up after maxRuns passes and ignores later changes', async () => {
    const body = render(PARAGRAPHS.slice(0, 2));
    const hs = [highlight('never', '普通门诊费用纳入统筹基金支付范围')];
    const t = tracker(hs, await anchorHighlights(body, hs));
    const watcher = watchLateContent(body, { ...t, debounceMs: 5, maxRuns: 2 });
    addParagraph(body, '　　无关的新段落一。');
    await until(() => watcher.runs() === 1);
    addParagraph(body, '　　无关的新段落二。');
    expect(await watcher.done).toBe('max-runs');
    addParagraph(body, PARAGRAPHS[6] as string);
    await sleep(40);
    expect(watcher.runs()).toBe(2);
    expect(t.runs).toHaveLength(2);
    expect(t.orphanIds.has('never')).toBe(true); // still an orphan, still listed by the caller
  });

  it('stops after maxMs, on abort, and when stopped', async () => {
    const hs = [highlight('late', '普通门诊费用纳入统筹基金支付范围')];
    let body = render(PARAGRAPHS.slice(0, 2));
    let t = tracker(hs, await anchorHighlights(body, hs));
    expect(await watchLateContent(body, { ...t, maxMs: 20 }).done).toBe('timeout');

    const controller = new AbortController();
    const aborted = watchLateContent(body, { ...t, signal: controller.signal });
    controller.abort();
    expect(await aborted.done).toBe('aborted');
    const pre = new AbortController();
    pre.abort();
    expect(await watchLateContent(body, { ...t, signal: pre.signal }).done).toBe('aborted');

    body = render(PARAGRAPHS.slice(0, 2));
    t = tracker(hs, await anchorHighlights(body, hs));
    const w = watchLateContent(body, { ...t, debounceMs: 5 });
    w.stop();
    expect(await w.done).toBe('stopped');
    addParagraph(body, PARAGRAPHS[6] as string);
    await sleep(30);
    expect(t.runs).toHaveLength(0);
  });

  it('ignores churn inside promo blocks', async () => {
    const body = render(PARAGRAPHS.slice(0, 2));
    body.insertAdjacentHTML('beforeend', '<div class="appendQr_wrap"><span>下载APP</span></div>');
    const hs = [highlight('late', '普通门诊费用纳入统筹基金支付范围')];
    const t = tracker(hs, await anchorHighlights(body, hs));
    const w = watchLateContent(body, { ...t, debounceMs: 5 });
    const promo = body.querySelector('.appendQr_wrap span') as Element;
    for (let i = 0; i < 5; i++) {
      promo.textContent = `下载APP ${i}`;
      await sleep(3);
    }
    await sleep(30);
    expect(t.runs).toHaveLength(0);
    w.stop();
  });

  it('re-anchors in a body the page replaced, when watching its container', async () => {
    const body = render(PARAGRAPHS.slice(0, 2));
    const wrap = document.getElementById('wrap') as Element;
    const hs = [highlight('late', '普通门诊费用纳入统筹基金支付范围')];
    const t = tracker(hs, await anchorHighlights(body, hs));
    const w = watchLateContent(body, { ...t, container: wrap, resolveBody: () => document.getElementById('artibody'), debounceMs: 5 });
    wrap.innerHTML = `<div class="article" id="artibody">${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}</div>`;
    expect(await w.done).toBe('settled');
    expect(t.runs[0]?.anchored[0]?.range.startContainer.parentElement?.closest('#artibody')).toBe(document.getElementById('artibody'));
  });
});
