/**
 * What inside a Sina article body is not article text, for highlights.
 *
 * One predicate for both directions: the selectors a highlight stores are offsets into the body's
 * text *minus* these subtrees, so describing a selection and anchoring it on the next visit must
 * skip exactly the same elements, or every position would be off by the promo's length.
 *
 * - Sina's app promos (`.appendQr_wrap`, `.app-kaihu-qr`) are re-rendered with different copy from
 *   visit to visit, and the editor line (`.article-editor`, 责任编辑) is not part of the article:
 *   the same classes `lib/corpus/clean-body.ts` drops, so a highlight's text is the corpus's text.
 * - Form controls and embedded content: their text is UI labels or fallback content.
 * - Our own UI (`<policy-lens-…>` hosts), in case a host ever ends up inside the body.
 *
 * Scripts, styles, noscript and template are skipped by the text map itself.
 */
import { FINANCE_EDITOR_CLASS, PROMO_CLASSES } from '../sina/markup';

/**
 * Sina's promo classes (lib/sina/markup.ts, which the corpus cleaner drops too) and the finance editor
 * line. Not `p.show_author`: stored selectors' offsets count its text, and skipping it now would shift them.
 */
export const SKIPPED_CLASSES: readonly string[] = [...PROMO_CLASSES, FINANCE_EDITOR_CLASS];

const NOT_TEXT_TAGS = new Set(['BUTTON', 'SELECT', 'INPUT', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'AUDIO', 'VIDEO', 'SVG', 'MATH']);

const OWN_UI_PREFIX = 'POLICY-LENS-';

export function isNotArticleText(el: Element): boolean {
  const tag = el.nodeName.toUpperCase();
  if (NOT_TEXT_TAGS.has(tag) || tag.startsWith(OWN_UI_PREFIX)) return true;
  const classes = el.classList;
  // classList is missing on some foreign elements in older engines; no class means no promo.
  if (!classes) return false;
  for (const c of SKIPPED_CLASSES) if (classes.contains(c)) return true;
  return false;
}
