import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LensState } from '@/lib/messages/tab-state';
import type { ArticleInsight } from '@/lib/insight/analyze';
import { setLang } from '@/lib/i18n';
import type { PanelSource } from '@/lib/contexts/extension-pages/panel/sources';
import { Panel } from './Panel';
import { PanelApp } from './PanelApp';

const article = {
  key: 'sina:kabc',
  title: '韩正：医保基金是群众的_救命钱_',
  publishedAt: '2021-06-04T20:30:57+08:00',
  source: '央视网',
  url: 'https://finance.sina.com.cn/x/doc-iabc.shtml',
};
const target = (start: number) => ({ exact: '集中带量采购', prefix: '', suffix: '', start, end: start + 6 });
const insight: ArticleInsight = {
  key: 'sina:kabc',
  textLength: 200,
  corpus: { id: 'a_0000000000000001', origin: 'seed', addedAt: '2024-01-01T00:00:00.000Z', matchedBy: 'title', addedNow: false },
  measures: [
    {
      id: 'volume-based-procurement',
      name: '药品和耗材集中带量采购',
      gloss: 'Volume-based procurement',
      category: 'drug-procurement',
      by: 'name',
      mentions: [0, 50].map((s) => ({ start: s, end: s + 6, quote: '集中带量采购', sentence: '推进集中带量采购。', target: target(s) })),
      timeline: [
        { id: 'a_0000000000000002', title: '国办：_谈判药品_落地', date: '2021-06-17T09:48:34.000Z', sentence: '落实集中带量采购。' },
      ],
      timelineTotal: 1,
    },
  ],
  otherMeasures: [],
  related: [
    {
      id: 'a_0000000000000003',
      title: '李克强：扩大集中带量采购',
      date: '2021-07-20T11:57:53.000Z',
      score: 0.42,
      strength: 'strong',
      reasons: { sharedMeasures: [{ id: 'volume-based-procurement', name: '药品和耗材集中带量采购' }], sharedTerms: ['集采'] },
    },
    {
      id: 'a_0000000000000004',
      title: '国家医保局：追回医保基金',
      date: '2021-12-08T14:00:30.000Z',
      url: 'https://finance.sina.com.cn/roll/doc-ikyak.shtml',
      score: 0.25,
      strength: 'related',
      reasons: { sharedMeasures: [], sharedTerms: ['医保'] },
    },
  ],
};
const readyState: LensState = { status: 'ready', article, insight };

let root: HTMLElement | undefined;
function mount(node: ComponentChild): HTMLElement {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(node, root!));
  return root;
}
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  setLang('en');
});
const $ = (el: ParentNode, s: string) => el.querySelector<HTMLElement>(s);

describe('Panel: how the article was read', () => {
  it('says when the extraction fallback read a page in a layout it does not know', () => {
    const el = mount(<Panel state={{ ...readyState, article: { ...article, readBy: 'fallback' } }} onReveal={() => {}} />);
    expect($(el, '[data-testid="read-by-fallback"]')?.textContent).toContain('a layout Policy Lens does not know');
    expect($(el, '[data-testid="no-body-text"]')).toBeNull();
  });

  it('shows an image or video post without measures, with its related articles and the note why', () => {
    const el = mount(<Panel state={{ ...readyState, article: { ...article, noBodyText: true } }} onReveal={() => {}} />);
    expect($(el, '[data-testid="no-body-text"]')?.textContent).toContain('An image or video post');
    expect($(el, '#measures-heading')).toBeNull();
    expect(el.querySelectorAll('[data-testid="related"] li')).toHaveLength(2);
    expect($(el, '[data-testid="read-by-fallback"]')).toBeNull();
  });

  it('says both in Chinese too', () => {
    setLang('zh');
    const el = mount(
      <Panel state={{ ...readyState, article: { ...article, readBy: 'fallback', noBodyText: true } }} onReveal={() => {}} />,
    );
    expect($(el, '[data-testid="read-by-fallback"]')?.textContent).toContain('不认识这个页面的版式');
    expect($(el, '[data-testid="no-body-text"]')?.textContent).toContain('图片或视频稿件');
  });
});

describe('Panel', () => {
  it('shows this article, its measures, related articles and the highlights section', () => {
    const el = mount(<Panel state={readyState} onReveal={() => {}} />);
    expect($(el, '[data-testid="panel"]')?.tagName).toBe('MAIN');
    // The seed title's `_` pair is shown as the quotes it stood for.
    expect($(el, '[data-testid="article-title"]')?.textContent).toBe('韩正：医保基金是群众的“救命钱”');
    expect($(el, '[data-testid="article-source"]')?.textContent).toBe('央视网');
    expect($(el, '[data-testid="corpus-status"]')?.textContent).toContain('In your corpus since 1 Jan 2024 (shipped with Policy Lens).');
    expect($(el, '[data-testid="mention-count"]')?.textContent).toBe('2 mentions');
    expect($(el, '.gloss')?.textContent).toBe('Volume-based procurement');
    const links = [...el.querySelectorAll<HTMLAnchorElement>('[data-testid="related"] a')];
    expect(links.map((a) => a.dataset.opens)).toEqual(['reader', 'sina']);
    expect(links[0]!.getAttribute('href')).toMatch(/\/reader\.html#a_0000000000000003$/);
    expect(links[1]!.getAttribute('href')).toBe('https://finance.sina.com.cn/roll/doc-ikyak.shtml');
    expect(links.every((a) => a.target === '_blank' && a.rel === 'noreferrer')).toBe(true);
    expect($(el, '[data-testid="highlights"] h2')?.textContent).toBe('My highlights');
    // No collapse button where there is nothing to collapse.
    expect($(el, '[data-testid="collapse"]')).toBeNull();
  });

  it('walks through the mentions one click at a time, and opens the timeline', () => {
    const onReveal = vi.fn();
    const el = mount(<Panel state={readyState} onReveal={onReveal} />);
    const button = $(el, '[data-testid="measure-reveal"]')!;
    expect(button.getAttribute('aria-label')).toBe('Show mention 1 of 2 of 药品和耗材集中带量采购 in the article');
    for (let i = 0; i < 3; i++) act(() => button.click());
    expect(onReveal.mock.calls.map((c) => c[1])).toEqual([0, 1, 0]);
    const toggle = $(el, '[data-testid="timeline-toggle"]')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    act(() => toggle.click());
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect($(el, '[data-testid="timeline"] blockquote')?.textContent).toBe('落实集中带量采购。');
    expect($(el, '[data-testid="timeline"] a')?.textContent).toBe('国办：“谈判药品”落地');
  });

  it('says what is happening while loading, on error (with a retry), and where there is no article', () => {
    let el = mount(<Panel state={{ status: 'loading', article }} onReveal={() => {}} />);
    expect($(el, '[role="status"]')?.textContent).toContain('Reading the article');
    render(null, el);
    const onRetry = vi.fn();
    el = mount(<Panel state={{ status: 'error', article, error: 'database closed' }} onReveal={() => {}} onRetry={onRetry} />);
    expect($(el, '[role="alert"]')?.textContent).toContain('could not analyse this article: database closed');
    act(() => $(el, '[role="alert"] button')!.click());
    expect(onRetry).toHaveBeenCalled();
    render(null, el);
    el = mount(<Panel state={null} onReveal={() => {}} onCollapse={() => {}} />);
    expect($(el, '[data-testid="not-article"]')?.textContent).toContain('Open a Sina Finance article');
    expect($(el, '[data-testid="collapse"]')?.getAttribute('aria-label')).toBe('Collapse the Policy Lens panel');
  });

  it('speaks Chinese to Chinese readers, without the English gloss', () => {
    setLang('zh');
    const el = mount(<Panel state={readyState} onReveal={() => {}} landmark="aside" />);
    expect($(el, '[data-testid="panel"]')?.tagName).toBe('ASIDE');
    expect([...el.querySelectorAll('section > h2')].map((h) => h.firstChild?.textContent?.trim())).toEqual([
      '本文',
      '政策措施',
      '相关文章',
      '我的高亮',
    ]);
    expect($(el, '.gloss')).toBeNull();
    expect($(el, '[data-testid="mention-count"]')?.textContent).toBe('提及 2 次');
  });
});

describe('PanelApp', () => {
  function source(over: Partial<PanelSource> = {}): PanelSource & { fire(): void } {
    let listener: (() => void) | undefined;
    return {
      load: vi.fn(async () => readyState),
      reveal: vi.fn(async () => true),
      subscribe: (l) => {
        listener = l;
        return () => (listener = undefined);
      },
      fire: () => listener?.(),
      ...over,
    };
  }
  const flush = () => act(async () => await new Promise((r) => setTimeout(r, 0)));

  it('loads, reveals and announces the mention, or says the passage is gone', async () => {
    const s = source();
    const el = mount(<PanelApp source={s} />);
    await flush();
    expect($(el, '[data-testid="panel"]')?.dataset.status).toBe('ready');
    act(() => $(el, '[data-testid="measure-reveal"]')!.click());
    await flush();
    expect(s.reveal).toHaveBeenCalledWith(target(0));
    expect($(el, '[data-testid="announce"]')?.textContent).toBe('Showing mention 1 of 2 of 药品和耗材集中带量采购 in the article.');
    vi.mocked(s.reveal).mockResolvedValueOnce(false);
    act(() => $(el, '[data-testid="measure-reveal"]')!.click());
    await flush();
    expect($(el, '[data-testid="notice"]')?.textContent).toBe('That passage could not be found in the page any more.');
  });

  it('asks again when told the state changed, keeping only the newest answer', async () => {
    const answers: ((s: LensState | null) => void)[] = [];
    const s = source({ load: vi.fn(() => new Promise<LensState | null>((r) => answers.push(r))) });
    const el = mount(<PanelApp source={s} />);
    expect($(el, '[data-testid="panel-starting"]')).not.toBeNull();
    s.fire();
    expect(answers).toHaveLength(2);
    answers[1]!(readyState);
    await flush();
    answers[0]!({ status: 'loading', article }); // an older, slower answer
    await flush();
    expect($(el, '[data-testid="panel"]')?.dataset.status).toBe('ready');
  });
});
