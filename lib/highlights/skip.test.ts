import { describe, expect, it } from 'vitest';
import { buildTextMap } from '../anchoring';
import { cleanBody } from '../corpus/clean-body';
import { isNotArticleText, SKIPPED_CLASSES } from './skip';

function body(html: string): Element {
  document.body.innerHTML = `<div id="artibody">${html}</div>`;
  return document.getElementById('artibody') as Element;
}

describe('isNotArticleText', () => {
  it('skips every promo class that the corpus cleaner drops, so highlight text is corpus text', () => {
    for (const c of SKIPPED_CLASSES) {
      const root = body(`<p>　　医保基金是群众的“救命钱”。</p><div class="x ${c}">下载新浪财经APP</div><p>　　要持续加大监管力度。</p>`);
      expect(isNotArticleText(root.querySelector(`.${c}`) as Element), c).toBe(true);
      // The cleaner agrees: the promo's text is not a paragraph.
      expect(cleanBody(root).paragraphs.join('')).not.toContain('下载新浪财经APP');
      expect(buildTextMap(root, { skip: isNotArticleText }).text).toBe('　　医保基金是群众的“救命钱”。　　要持续加大监管力度。');
    }
  });

  it('keeps ordinary article markup and skips form controls and our own hosts', () => {
    const root = body(
      '<p>　　2021年<strong>全国</strong>医保<a href="#">基金</a><font>支出</font></p><button>分享</button><policy-lens-toolbar>重点</policy-lens-toolbar>',
    );
    expect(buildTextMap(root, { skip: isNotArticleText }).text).toBe('　　2021年全国医保基金支出');
    for (const el of root.querySelectorAll('p, strong, a, font')) expect(isNotArticleText(el)).toBe(false);
  });
});
