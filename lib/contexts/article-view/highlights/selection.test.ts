import { afterEach, describe, expect, it } from 'vitest';
import { anchorAll, buildTextMap } from '../../../anchoring';
import { isNotArticleText } from '../../../highlights/skip';
import { captureSelection, isRangeInside, rangeRects } from './selection';

function page(): Element {
  document.body.innerHTML = `
    <h1 class="main-title">国家医保局发布统计公报</h1>
    <div class="article" id="artibody">
      <p cms-style="font-L">　　2021年全国医保基金支出<strong>2.4万亿元</strong>，比上年增长14.3%。</p>
      <p cms-style="font-L">　　医保基金是人民群众的“救命钱”。</p>
      <div class="appendQr_wrap">下载新浪财经APP</div>
      <p class="article-editor">责任编辑：刘万里 SF014</p>
    </div>
    <div class="comments">评论区</div>`;
  return document.getElementById('artibody') as Element;
}

function select(startNode: Node, startOffset: number, endNode: Node, endOffset: number, backwards = false): Selection {
  const sel = window.getSelection() as Selection;
  sel.removeAllRanges();
  if (backwards) {
    sel.setBaseAndExtent(endNode, endOffset, startNode, startOffset);
  } else {
    const r = document.createRange();
    r.setStart(startNode, startOffset);
    r.setEnd(endNode, endOffset);
    sel.addRange(r);
  }
  return sel;
}

const text = (sel: string) => document.querySelector(sel)?.firstChild as Text;

afterEach(() => {
  window.getSelection()?.removeAllRanges();
  document.body.innerHTML = '';
});

describe('captureSelection', () => {
  it('describes a selection across paragraphs and inline elements, relative to the body text without promos', async () => {
    const body = page();
    const p1 = body.querySelectorAll('p')[0] as Element;
    const p2 = body.querySelectorAll('p')[1] as Element;
    const sel = select(p1.firstChild as Text, 7, p2.firstChild as Text, 6);
    const result = captureSelection(sel);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { selection: s } = result;
    expect(s.body).toBe(body);
    expect(s.text).toBe('全国医保基金支出2.4万亿元，比上年增长14.3%。\n      　　医保基金');
    expect(s.quote.prefix).toBe('\n      　　2021年');
    expect(s.position.end - s.position.start).toBe(s.text.length);
    // Same text as anchoring uses: the quote anchors back to the same place.
    const map = buildTextMap(body, { skip: isNotArticleText });
    expect(map.text.slice(s.position.start, s.position.end)).toBe(s.text);
    expect(map.text).not.toContain('下载新浪财经APP');
    const [outcome] = await anchorAll(body, [{ id: 'h', quote: s.quote, position: s.position }], { skip: isNotArticleText });
    expect(outcome).toMatchObject({ status: 'anchored', start: s.position.start, end: s.position.end, method: 'exact' });
    // The captured range is a copy: clearing the selection does not collapse it.
    window.getSelection()?.removeAllRanges();
    expect(s.range.collapsed).toBe(false);
  });

  it('trims edge whitespace (the full-width indent) from what is stored', () => {
    const body = page();
    const sel = select(body.querySelectorAll('p')[1]?.firstChild as Text, 0, body.querySelectorAll('p')[1]?.firstChild as Text, 6);
    const result = captureSelection(sel);
    expect(result.ok && result.selection.text).toBe('医保基金');
  });

  it('refuses selections outside the body, collapsed, empty, whitespace-only or only in a promo block', () => {
    const body = page();
    expect(captureSelection(null)).toEqual({ ok: false, reason: 'none' });
    expect(captureSelection(window.getSelection())).toEqual({ ok: false, reason: 'none' });
    const p1 = body.querySelector('p')?.firstChild as Text;
    expect(captureSelection(select(p1, 3, p1, 3))).toEqual({ ok: false, reason: 'collapsed' });
    expect(captureSelection(select(text('h1'), 0, text('h1'), 4))).toEqual({ ok: false, reason: 'outside-article' });
    // Starting in the article and running into the comments is refused, not clipped.
    expect(captureSelection(select(p1, 4, text('.comments'), 2))).toEqual({ ok: false, reason: 'outside-article' });
    expect(captureSelection(select(p1, 0, p1, 2))).toEqual({ ok: false, reason: 'no-text' });
    expect(captureSelection(select(text('.appendQr_wrap'), 0, text('.appendQr_wrap'), 5))).toEqual({ ok: false, reason: 'no-text' });
    expect(captureSelection(select(text('.article-editor'), 0, text('.article-editor'), 5))).toEqual({ ok: false, reason: 'no-text' });
    document.getElementById('artibody')?.remove();
    expect(captureSelection(select(text('h1'), 0, text('h1'), 4))).toEqual({ ok: false, reason: 'no-article' });
  });

  it('notices a backwards selection (the toolbar then goes by its start)', () => {
    const body = page();
    const p2 = body.querySelectorAll('p')[1]?.firstChild as Text;
    const result = captureSelection(select(p2, 2, p2, 6, true));
    expect(result.ok && result.selection.backwards).toBe(true);
    expect(result.ok && result.selection.text).toBe('医保基金');
  });
});

describe('helpers', () => {
  it('isRangeInside checks both ends', () => {
    const body = page();
    const r = document.createRange();
    r.selectNodeContents(body);
    expect(isRangeInside(r, body)).toBe(true);
    r.setEnd(text('.comments'), 1);
    expect(isRangeInside(r, body)).toBe(false);
  });

  it('rangeRects reports no rect where there is no layout rather than a bogus one at 0,0', () => {
    page();
    const r = document.createRange();
    r.selectNodeContents(document.querySelector('p') as Element);
    expect(rangeRects(r)).toEqual({ rect: null, focusRect: null });
  });
});
