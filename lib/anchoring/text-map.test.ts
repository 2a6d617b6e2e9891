import { beforeEach, describe, expect, it } from 'vitest';
import { buildTextMap, offsetsFromRange, rangeFromOffsets } from './text-map';

/** A trimmed-down Sina `div#artibody`: indents, inline links, a style + app-promo block, the editor line. */
const ARTIBODY = `
<p cms-style="font-L">　　国家医保局<a href="https://finance.sina.com.cn/">6月8日</a>发布《2021年全国医疗保障事业发展统计公报》。</p>
<p cms-style="font-L">　　2021年全国医保基金支出<strong>2.4万亿元</strong>，比上年增长14.3%。</p>
<!-- news_keyword_pub,stock,0 -->
<style>.appendQr_wrap{border:1px solid #e5e5e5}</style>
<div class="appendQr_wrap"><div class="appendQr_normal_txt">扫描二维码关注新浪财经客户端</div></div>
<p cms-style="font-L">　　医保基金是人民群众的“看病钱”“救命钱”。</p>
<p class="article-editor">责任编辑：李桐</p>`;

const skipPromo = (el: Element) => el.classList.contains('appendQr_wrap') || el.classList.contains('app-kaihu-qr');

/** Each test starts on a fresh page holding ARTIBODY. */
let root: Element;
beforeEach(() => {
  document.body.innerHTML = `<div class="article" id="artibody">${ARTIBODY}</div>`;
  root = document.getElementById('artibody') as Element;
});

describe('buildTextMap', () => {
  it('concatenates text nodes in document order, without scripts, styles, comments or skipped blocks', () => {
    const map = buildTextMap(root, { skip: skipPromo });
    expect(map.text).toContain('国家医保局6月8日发布《2021年');
    expect(map.text).toContain('基金支出2.4万亿元，比上年');
    expect(map.text).not.toContain('appendQr');
    expect(map.text).not.toContain('扫描二维码');
    expect(map.text).not.toContain('news_keyword_pub');
    expect(map.nodes.map((n) => n.data).join('')).toBe(map.text);
  });

  it('keeps promo text when no skip predicate is given (only scripts and styles are always skipped)', () => {
    expect(buildTextMap(root).text).toContain('扫描二维码');
  });
});

describe('rangeFromOffsets / offsetsFromRange', () => {
  it('builds a range across paragraphs and inline elements and maps it back', () => {
    const map = buildTextMap(root, { skip: skipPromo });
    const start = map.text.indexOf('6月8日发布');
    const end = map.text.indexOf('，比上年增长');
    const range = rangeFromOffsets(map, start, end);
    expect(range.startContainer.textContent).toBe('6月8日');
    expect(range.endContainer.parentElement?.tagName).toBe('STRONG');
    expect(range.toString().replace(/\s/g, '')).toBe(map.text.slice(start, end).replace(/\s/g, ''));
    expect(offsetsFromRange(map, range)).toEqual({ start, end });
  });

  it('puts boundaries that fall between nodes inside the neighbouring text, not on an empty edge', () => {
    const map = buildTextMap(root, { skip: skipPromo });
    const start = map.text.indexOf('2.4万亿元');
    const range = rangeFromOffsets(map, start, start + '2.4万亿元'.length);
    // Both ends sit in the <strong> text node: a start at the end of the previous node or an end
    // at the start of the next one would paint a stray empty box there.
    expect(range.startContainer).toBe(range.endContainer);
    expect(range.startContainer.parentElement?.tagName).toBe('STRONG');
  });

  it('reads element-container boundaries (as a triple-click selection gives them)', () => {
    const map = buildTextMap(root, { skip: skipPromo });
    const paragraphs = root.querySelectorAll('p');
    const second = paragraphs[1] as Element;
    const range = document.createRange();
    range.setStart(second, 0);
    range.setEnd(second, second.childNodes.length);
    const { start, end } = offsetsFromRange(map, range);
    expect(map.text.slice(start, end)).toBe('　　2021年全国医保基金支出2.4万亿元，比上年增长14.3%。');
  });

  it('snaps a boundary inside a skipped block to the nearest article text', () => {
    const map = buildTextMap(root, { skip: skipPromo });
    const promoText = root.querySelector('.appendQr_normal_txt')?.firstChild as Text;
    const range = document.createRange();
    range.setStart(promoText, 3);
    range.setEnd(root.querySelectorAll('p')[2]?.firstChild as Text, 6);
    const { start, end } = offsetsFromRange(map, range);
    expect(map.text.slice(start, end).trim()).toBe('　　医保基金'.trim());
  });

  it('clamps offsets and handles a selection that starts outside the article', () => {
    const map = buildTextMap(root, { skip: skipPromo });
    const outside = document.createElement('h1');
    outside.textContent = '标题';
    document.body.prepend(outside);
    const range = document.createRange();
    range.setStart(outside.firstChild as Text, 1);
    range.setEnd(root.querySelector('a')?.firstChild as Text, 2);
    expect(offsetsFromRange(map, range)).toEqual({ start: 0, end: map.text.indexOf('6月') + 2 });
    const all = rangeFromOffsets(map, -5, map.text.length + 5);
    expect(offsetsFromRange(map, all)).toEqual({ start: 0, end: map.text.length });
  });
});
