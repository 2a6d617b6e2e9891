/**
 * The extraction fallback: Mozilla's Readability, on a clone of the page (it rewrites the document it is
 * given, and the live page must stay untouched). Never imported by the content script itself: the
 * browser loads it into the page's isolated world only when a page needs it (lib/content/fallback.ts,
 * entrypoints/extraction-fallback.ts); Node tools (the `lens` CLI, tests) import it directly.
 */
import { Readability } from '@mozilla/readability';
import type { ExtractionFallback } from './extract';

export const readWithReadability: ExtractionFallback = (doc) => {
  const clone = doc.cloneNode(true) as Document;
  // keepClasses: cleanBody recognises p.ori_titlesource and p.article-editor by class.
  const parsed = new Readability<Element>(clone, { keepClasses: true, serializer: (node) => node as Element }).parse();
  if (!parsed?.content) return null;
  return { content: parsed.content, title: parsed.title, publishedTime: parsed.publishedTime };
};
