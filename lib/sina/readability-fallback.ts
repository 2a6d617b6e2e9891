/**
 * The extraction fallback: Mozilla's Readability, on a clone of the page (it rewrites the document it is
 * given, and the live page must stay untouched). Never imported by the content script itself: the
 * browser loads it into the page's isolated world only when a page needs it (lib/contexts/sina-page/fallback.ts,
 * entrypoints/extraction-fallback.ts); Node tools (the `lens` CLI, tests) import it directly.
 *
 * Readability always returns its best guess, even on a page with no article text left (a page whose body
 * was removed gives its footer). What it found counts only when it reads like an article: enough text,
 * and not mostly links (Readability's own isProbablyReaderable counts Latin-length paragraphs, which
 * Chinese text rarely reaches).
 */
import { Readability } from '@mozilla/readability';
import type { ExtractionFallback } from './extract';

/** Least text (characters) for the fallback's find to count as an article. */
export const FALLBACK_MIN_TEXT = 200;
/** Largest share of that text inside links: more, and it is a list or a footer. */
export const FALLBACK_MAX_LINK_SHARE = 0.5;

export const readWithReadability: ExtractionFallback = (doc) => {
  const clone = doc.cloneNode(true) as Document;
  // keepClasses: cleanBody recognises p.ori_titlesource and p.article-editor by class.
  const parsed = new Readability<Element>(clone, { keepClasses: true, serializer: (node) => node as Element }).parse();
  if (!parsed?.content || !readsLikeAnArticle(parsed.content)) return null;
  return { content: parsed.content, title: parsed.title, publishedTime: parsed.publishedTime };
};

function readsLikeAnArticle(content: Element): boolean {
  const text = squashed(content.textContent);
  if (text.length < FALLBACK_MIN_TEXT) return false;
  const linked = [...content.querySelectorAll('a')].reduce((n, a) => n + squashed(a.textContent).length, 0);
  return linked / text.length <= FALLBACK_MAX_LINK_SHARE;
}

function squashed(s: string | null): string {
  return (s ?? '').replace(/[\s\u3000]+/g, '');
}
