/**
 * After the fallback read a clone of the page, where is that text in the live page? The highlights and
 * "scroll to this mention" need the live element. It is the smallest element holding both the first and
 * the last paragraph the fallback found: found from the text node where the first paragraph begins,
 * walking up. Null when the text is not there as one piece (it then cannot be highlighted either).
 */
const SHOW_TEXT = 4;
const PROBE = 24;

export function locateLiveBody(doc: Document, paragraphs: readonly string[]): Element | null {
  const firstPara = paragraphs.find((p) => p.trim());
  if (!firstPara || !doc.body) return null;
  const head = firstPara.slice(0, PROBE);
  const tail = paragraphs.at(-1)!.slice(-PROBE);
  const walker = doc.createTreeWalker(doc.body, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!squashed(node.textContent).includes(squashed(head).slice(0, 8))) continue;
    for (let el = node.parentElement; el && el !== doc.documentElement; el = el.parentElement) {
      const text = squashed(el.textContent);
      if (text.includes(squashed(head)) && text.includes(squashed(tail))) return el;
    }
  }
  return null;
}

/** Whitespace (the full-width indent included) does not take part in the comparison. */
function squashed(s: string | null): string {
  return (s ?? '').replace(/[\s\u3000]+/g, '');
}
