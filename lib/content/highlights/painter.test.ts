import { afterEach, describe, expect, it } from 'vitest';
import { anchorAll, describe as describeText } from '../../anchoring';
import { isNotArticleText } from '../../highlights/skip';
import { createPainter, highlightCss, luminance, NOTE_HIGHLIGHT, type CaretPoint, type HighlightApi, type HighlightLike } from './painter';

/** A stand-in for CSS.highlights and Highlight (happy-dom has neither). */
class FakeHighlight implements HighlightLike {
  readonly ranges = new Set<AbstractRange>();
  add(range: AbstractRange) {
    this.ranges.add(range);
    return this;
  }
  delete(range: AbstractRange) {
    return this.ranges.delete(range);
  }
}
function fakeApi(): HighlightApi & { registry: Map<string, FakeHighlight> } {
  const registry = new Map<string, FakeHighlight>();
  return { registry, create: () => new FakeHighlight() };
}

const PARAS = ['　　2021年全国医保基金支出2.4万亿元，比上年增长14.3%。', '　　医保基金是人民群众的“救命钱”。', '　　2022年全国医保基金支出2.5万亿元。'];

function article(): Element {
  document.body.innerHTML = `<div id="artibody">${PARAS.map((p, i) => `<p data-i="${i}">${i === 0 ? p.replace('2.4万亿元', '<strong>2.4万亿元</strong>') : p}</p>`).join('\n')}<div class="appendQr_wrap">下载APP</div></div>`;
  return document.getElementById('artibody') as Element;
}

async function anchoredRanges(root: Element, quotes: Record<string, string>): Promise<Map<string, Range>> {
  const text = PARAS.join('\n');
  const hs = Object.entries(quotes).map(([id, exact]) => {
    const start = text.indexOf(exact);
    return { id, ...describeText(text, start, start + exact.length) };
  });
  const out = new Map<string, Range>();
  for (const o of await anchorAll(root, hs, { skip: isNotArticleText })) if (o.status === 'anchored') out.set(o.id, o.range);
  return out;
}

afterEach(() => {
  document.body.innerHTML = '';
  document.head.innerHTML = '';
});

describe('createPainter with the Highlight API', () => {
  it('registers one Highlight per colour, moves a range on recolour, and removes it cleanly', async () => {
    const root = article();
    const ranges = await anchoredRanges(root, { a: '2.4万亿元，比上年增长', b: '救命钱', c: '2.5万亿元' });
    expect(ranges.size).toBe(3);
    const api = fakeApi();
    const painter = createPainter(document, { api, scheme: 'light' });
    expect(painter.supported).toBe(true);
    painter.paint([
      { id: 'a', range: ranges.get('a') as Range, color: 'yellow' },
      { id: 'b', range: ranges.get('b') as Range, color: 'green', hasNote: true },
      { id: 'c', range: ranges.get('c') as Range, color: 'yellow' },
    ]);
    expect([...api.registry.keys()].sort()).toEqual(['policy-lens-green', NOTE_HIGHLIGHT, 'policy-lens-yellow'].sort());
    expect(api.registry.get('policy-lens-yellow')?.ranges.size).toBe(2);
    expect(api.registry.get(NOTE_HIGHLIGHT)?.ranges.has(ranges.get('b') as Range)).toBe(true);

    expect(painter.update('c', { color: 'pink', hasNote: true })).toBe(true);
    expect(api.registry.get('policy-lens-yellow')?.ranges.size).toBe(1);
    expect(api.registry.get('policy-lens-pink')?.ranges.has(ranges.get('c') as Range)).toBe(true);
    expect(api.registry.get(NOTE_HIGHLIGHT)?.ranges.size).toBe(2);

    expect(painter.remove('b')).toBe(true);
    expect(painter.remove('b')).toBe(false);
    expect(api.registry.get('policy-lens-green')?.ranges.size).toBe(0);
    expect(api.registry.get(NOTE_HIGHLIGHT)?.ranges.size).toBe(1);
    expect(painter.ids().sort()).toEqual(['a', 'c']);

    // The page's DOM is untouched apart from one <style> in <head>.
    expect(root.innerHTML).not.toContain('mark');
    expect(root.querySelectorAll('*')).toHaveLength(5);
    painter.destroy();
    expect(api.registry.size).toBe(0);
    expect(document.head.querySelector('style')).toBeNull();
  });

  it('styles every colour for light and for dark pages, and follows the page when asked', () => {
    expect(highlightCss('light')).toContain('::highlight(policy-lens-yellow) { background-color: rgba(255, 212, 0, 0.42); }');
    expect(highlightCss('dark')).toContain('::highlight(policy-lens-yellow) { background-color: rgba(186, 146, 0, 0.55); }');
    for (const c of ['green', 'blue', 'pink']) expect(highlightCss('light')).toContain(`::highlight(policy-lens-${c})`);

    const root = article();
    root.setAttribute('style', 'color: rgb(230, 230, 230)');
    const painter = createPainter(document, { api: fakeApi(), schemeSource: root });
    painter.paint([{ id: 'x', range: document.createRange(), color: 'blue' }]);
    const style = () => document.head.querySelector('style')?.textContent ?? '';
    expect(style()).toContain('rgba(48, 110, 210, 0.55)'); // dark shade for light text
    painter.setScheme('light');
    expect(style()).toContain('rgba(64, 150, 255, 0.30)');
    expect(luminance('rgb(255, 255, 255)')).toBeCloseTo(1);
    expect(luminance('rgba(0, 0, 0, 0.5)')).toBe(0);
    expect(luminance('canvastext')).toBeNull();
  });

  it('paints an unknown stored colour in the default colour', async () => {
    const ranges = await anchoredRanges(article(), { a: '救命钱' });
    const api = fakeApi();
    createPainter(document, { api, scheme: 'light' }).paint([{ id: 'a', range: ranges.get('a') as Range, color: 'ultraviolet' }]);
    expect(api.registry.get('policy-lens-yellow')?.ranges.size).toBe(1);
  });
});

describe('hitTest', () => {
  it('finds the highlight under the caret position of a click, the shortest of overlapping ones', async () => {
    const root = article();
    const ranges = await anchoredRanges(root, { wide: '2.4万亿元，比上年增长14.3%', narrow: '2.4万亿元', other: '救命钱' });
    let caret: CaretPoint | null = null;
    const painter = createPainter(document, { api: fakeApi(), scheme: 'light', caretFromPoint: () => caret });
    painter.paint([...ranges].map(([id, range]) => ({ id, range, color: 'yellow' })));

    const strong = root.querySelector('strong')?.firstChild as Text;
    caret = { node: strong, offset: 2 };
    expect(painter.hitTest(10, 10)).toBe('narrow');
    const p0 = root.querySelector('p[data-i="0"]')?.lastChild as Text; // "，比上年增长14.3%。"
    caret = { node: p0, offset: 4 };
    expect(painter.hitTest(10, 10)).toBe('wide');
    const p1 = root.querySelector('p[data-i="1"]')?.firstChild as Text;
    caret = { node: p1, offset: p1.data.indexOf('救') + 1 };
    expect(painter.hitTest(10, 10)).toBe('other');
    caret = { node: p1, offset: 3 };
    expect(painter.hitTest(10, 10)).toBeNull();
    caret = null;
    expect(painter.hitTest(10, 10)).toBeNull();

    painter.remove('narrow');
    caret = { node: strong, offset: 2 };
    expect(painter.hitTest(10, 10)).toBe('wide');
  });

  it('falls back without the API: nothing painted or clickable, but still listed', async () => {
    const ranges = await anchoredRanges(article(), { a: '救命钱' });
    const painter = createPainter(document, { api: null, caretFromPoint: () => ({ node: ranges.get('a')?.startContainer as Node, offset: 13 }) });
    expect(painter.supported).toBe(false);
    painter.paint([{ id: 'a', range: ranges.get('a') as Range, color: 'green' }]);
    expect(painter.ids()).toEqual(['a']);
    expect(painter.rangeOf('a')).toBe(ranges.get('a'));
    expect(painter.hitTest(1, 1)).toBeNull();
    expect(document.head.querySelector('style')).toBeNull();
    expect(createPainter(document).supported).toBe(false); // happy-dom has no CSS.highlights
  });
});
