import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { anchorAll, describe as describeText } from '../../../anchoring';
import { isNotArticleText } from '../../../highlights/skip';
import type { RectLike } from './geometry';
import { createPainter, luminance, mergeLines, type Painter } from './painter';
import { captureShadowRoots, until } from '../../../../tests/support/article-view/highlights';

const PARAS = [
  '　　2021年全国医保基金支出2.4万亿元，比上年增长14.3%。',
  '　　医保基金是人民群众的“救命钱”。',
  '　　2022年全国医保基金支出2.5万亿元。',
];

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

/** happy-dom lays nothing out: each range gets the rects a test gives it (viewport coordinates). */
const layout = new Map<Range, RectLike[]>();
const rect = (left: number, top: number, width: number, height = 20): RectLike => ({
  left,
  top,
  width,
  height,
  right: left + width,
  bottom: top + height,
});
const rectsOf = (range: Range) => layout.get(range) ?? [];

let shadow: ReturnType<typeof captureShadowRoots>;
let painter: Painter | undefined;
beforeEach(() => {
  shadow = captureShadowRoots();
});
afterEach(() => {
  painter?.destroy();
  painter = undefined;
  vi.restoreAllMocks();
  layout.clear();
  document.body.innerHTML = '';
  document.head.innerHTML = '';
});

/** A light-scheme painter over the article (kept for afterEach to destroy), each quote anchored under its id and laid out at the rects given. */
async function lightPainterOver(
  quotes: Record<string, [quote: string, ...rects: RectLike[]]>,
): Promise<{ root: Element; ranges: Map<string, Range>; painter: Painter }> {
  const root = article();
  const ranges = await anchoredRanges(root, Object.fromEntries(Object.entries(quotes).map(([id, [quote]]) => [id, quote])));
  for (const [id, [, ...rects]] of Object.entries(quotes)) layout.set(ranges.get(id)!, rects);
  painter = createPainter(document, { body: root, scheme: 'light', rectsOf });
  return { root, ranges, painter };
}

/** The painter's boxes as the reader would see them: class and place (relative to the sheet). */
function boxes(): { cls: string; left: number; top: number; width: number }[] {
  const root = shadow.rootOf('.sheet');
  return [...root.querySelectorAll<HTMLElement>('.sheet > .box')].map((b) => ({
    cls: b.className,
    left: parseFloat(b.style.left),
    top: parseFloat(b.style.top),
    width: parseFloat(b.style.width),
  }));
}

describe('the overlay painter', () => {
  it('paints boxes inside a closed shadow root and leaves the page’s DOM, styles and CSS.highlights alone', async () => {
    const root = article();
    const before = root.innerHTML;
    const ranges = await anchoredRanges(root, { a: '2.4万亿元，比上年增长', b: '救命钱' });
    layout.set(ranges.get('a')!, [rect(100, 40, 60), rect(160, 40, 90)]);
    layout.set(ranges.get('b')!, [rect(200, 80, 40)]);
    painter = createPainter(document, { body: root, scheme: 'light', rectsOf });
    painter.paint([
      { id: 'a', range: ranges.get('a')!, color: 'yellow' },
      { id: 'b', range: ranges.get('b')!, color: 'green', hasNote: true },
    ]);
    painter.layout();
    // Rects on one line that touch become one box; places are relative to the sheet, which starts
    // 8 px before the body (at 0,0 here).
    expect(boxes()).toEqual([
      { cls: 'box c-yellow', left: 108, top: 48, width: 150 },
      { cls: 'box c-green note', left: 208, top: 88, width: 40 },
    ]);
    expect(root.innerHTML).toBe(before);
    expect(document.head.innerHTML).toBe('');
    expect((globalThis as { CSS?: { highlights?: unknown } }).CSS?.highlights ?? null).toBeNull();
    const added = [...document.documentElement.children].filter((c) => c !== document.head && c !== document.body);
    expect(added).toHaveLength(1);
    expect(added[0]!.shadowRoot).toBeNull();
  });

  it('recolours, marks a note and removes a highlight, leaving nothing behind', async () => {
    const { ranges, painter } = await lightPainterOver({ a: ['2.4万亿元', rect(10, 10, 50)], c: ['2.5万亿元', rect(10, 130, 50)] });
    painter.paint([...ranges].map(([id, range]) => ({ id, range, color: 'yellow' })));
    expect(painter.update('c', { color: 'pink', hasNote: true })).toBe(true);
    expect(painter.update('missing', { color: 'pink' })).toBe(false);
    painter.layout();
    expect(boxes().map((b) => b.cls)).toEqual(['box c-yellow', 'box c-pink note']);
    expect(painter.remove('a')).toBe(true);
    expect(painter.remove('a')).toBe(false);
    expect(painter.ids()).toEqual(['c']);
    expect(boxes().map((b) => b.cls)).toEqual(['box c-pink note']);
    painter.clear();
    expect(boxes()).toEqual([]);
  });

  it('paints an unknown stored colour in the default colour', async () => {
    const { ranges, painter } = await lightPainterOver({ a: ['救命钱', rect(0, 0, 30)] });
    painter.paint([{ id: 'a', range: ranges.get('a')!, color: 'ultraviolet' }]);
    painter.layout();
    expect(boxes().map((b) => b.cls)).toEqual(['box c-yellow']);
  });

  it('blends light shades on light pages and dark ones on dark pages, following the page when asked', () => {
    const root = article();
    root.setAttribute('style', 'color: rgb(230, 230, 230)');
    painter = createPainter(document, { body: root, rectsOf });
    painter.layout();
    const sheet = shadow.rootOf('.sheet').querySelector('.sheet')!;
    const css = shadow.rootOf('.sheet').querySelector('style')!.textContent ?? '';
    expect(sheet.className).toBe('sheet dark');
    expect(css).toContain('.sheet.dark .c-blue { background-color: rgba(48, 110, 210, 0.55); }');
    expect(css).toContain('.sheet.light .c-blue { background-color: rgba(64, 150, 255, 0.30); }');
    expect(css).toContain('.sheet.light .box { mix-blend-mode: multiply; }');
    expect(css).toContain('.sheet.dark .box { mix-blend-mode: screen; }');
    painter.setScheme('light');
    painter.layout();
    expect(sheet.className).toBe('sheet light');
    expect(luminance('rgb(255, 255, 255)')).toBeCloseTo(1);
    expect(luminance('rgba(0, 0, 0, 0.5)')).toBe(0);
    expect(luminance('canvastext')).toBeNull();
  });

  it('flashes a range for a moment without counting it as a highlight', async () => {
    const { ranges, painter } = await lightPainterOver({ a: ['救命钱', rect(0, 0, 30)] });
    painter.flash(ranges.get('a')!, 30);
    painter.layout();
    expect(boxes().map((b) => b.cls)).toEqual(['box flash']);
    expect(painter.ids()).toEqual([]);
    expect(painter.hitTest(10, 10)).toBeNull();
    await until(() => boxes().length === 0);
  });

  it('lays the boxes out again by itself when the article changes', async () => {
    const { root, ranges, painter } = await lightPainterOver({ a: ['救命钱', rect(50, 50, 30)] });
    painter.paint([{ id: 'a', range: ranges.get('a')!, color: 'blue' }]);
    await until(() => boxes().length === 1);
    expect(boxes()[0]).toMatchObject({ left: 58, top: 58 });
    // Late content above the passage pushes it down.
    layout.set(ranges.get('a')!, [rect(50, 250, 30)]);
    root.prepend(document.createElement('p'));
    await until(() => boxes()[0]?.top === 258);
  });

  it('merges only rects on the same line that touch', () => {
    expect(mergeLines([rect(50, 0, 10), rect(0, 0, 50), rect(0, 20, 30), rect(200, 0, 10)])).toEqual([
      rect(0, 0, 60),
      rect(200, 0, 10),
      rect(0, 20, 30),
    ]);
  });
});

describe('hitTest', () => {
  it('finds the highlight painted under a point, the shortest of overlapping ones', async () => {
    const { ranges, painter } = await lightPainterOver({
      wide: ['2.4万亿元，比上年增长14.3%', rect(100, 0, 200)],
      narrow: ['2.4万亿元', rect(100, 0, 60)],
      other: ['救命钱', rect(100, 40, 40)],
    });
    painter.paint([...ranges].map(([id, range]) => ({ id, range, color: 'yellow' })));
    expect(painter.hitTest(120, 10)).toBe('narrow');
    expect(painter.hitTest(250, 10)).toBe('wide');
    expect(painter.hitTest(120, 50)).toBe('other');
    expect(painter.hitTest(120, 30)).toBeNull();
    expect(painter.hitTest(10, 10)).toBeNull();
    painter.remove('narrow');
    expect(painter.hitTest(120, 10)).toBe('wide');
    expect(painter.rangeOf('wide')).toBe(ranges.get('wide'));
  });
});
