/**
 * The DOM an import parses with where the browser gives none: a Worker has no DOMParser, so the
 * options page's import worker parses post bodies and feeds with linkedom — the same DOM the build
 * parses the seeds with (tests/unit/corpus-dom-parity.test.ts holds it to the browser's results).
 */
import { DOMParser } from 'linkedom';

/** The `<body>` of `html` parsed as a document (linkedom needs the wrapper a browser would add). */
export function parseHtmlWithLinkedom(html: string): ParentNode {
  const doc = new DOMParser().parseFromString(`<!doctype html><html><head></head><body>${html}</body></html>`, 'text/html');
  return doc.body as unknown as ParentNode;
}

export function parseXmlWithLinkedom(text: string): Document {
  return new DOMParser().parseFromString(text, 'text/xml') as unknown as Document;
}
