/**
 * Plain-text and title keys, on the one text fold (lib/text/fold.ts). Nothing here is used to show
 * text: it only decides whether two strings mean the same, so it may drop characters and change
 * lengths. normalizeTitle's result is stored (articles.titleNorm) and must not drift.
 */
import { foldKey, TITLE_QUOTES, ZERO_WIDTH } from './fold';

/**
 * NFKC, then every run of whitespace (including the ideographic space U+3000 and NBSP) becomes one
 * ASCII space, trimmed at both ends. NFKC turns full-width forms into ASCII (`ＤＲＧ２０２１` →
 * `DRG2021`, `（` → `(`, `：` → `:`, `，` → `,`) and leaves CJK ideographs and `。、“”《》` alone.
 * Case is kept.
 */
export function normalizeText(text: string): string {
  return foldKey(text, { case: 'keep' });
}

/**
 * Characters removed from titles so a corpus title and the live page's title compare equal.
 * The seed generator replaced `: / \ ? * “ ” < > | [ ]` and ASCII quotes with `_`
 * (`医保基金是群众的_救命钱_` was `医保基金是群众的“救命钱”`); removing both the `_` and every
 * character it may stand for makes the two spellings meet. Also removed: the single curly quotes
 * `‘ ’`, the corner brackets `「 」 『 』` and `〝 〞`, which editors use in place of `“ ”`, and
 * the invisible zero-width characters (U+200B–U+200D, U+2060) that CMS editors leave behind.
 * Full-width forms of the ASCII ones (`：？／＊＂` …) are already ASCII after NFKC.
 */
const TITLE_FOLDED = new RegExp(`[\\s_:/\\\\?*"'<>|[\\]${TITLE_QUOTES}${ZERO_WIDTH}]`, 'gu');

/**
 * The comparison key of a title: NFKC, lower case, then whitespace and every character in
 * TITLE_FOLDED removed. `韩正：医保基金是群众的“救命钱” 要持续加大监管力度` and
 * `韩正：医保基金是群众的_救命钱_ 要持续加大监管力度` both give
 * `韩正医保基金是群众的救命钱要持续加大监管力度`. `《》（）` and other punctuation are kept
 * (`（）` as ASCII `()` after NFKC).
 */
export function normalizeTitle(title: string): string {
  return title.normalize('NFKC').toLowerCase().replace(TITLE_FOLDED, '');
}
