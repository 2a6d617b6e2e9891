/**
 * A DOMParser for Node (build, CLI): linkedom. Kept under scripts/ so no extension bundle can
 * import it; extension code uses the browser's own DOMParser.
 */
import { DOMParser } from 'linkedom';

/** The `<body>` of `html` parsed as a document. linkedom needs the html/body wrapper a browser would add. */
export function parseHtmlInNode(html: string): ParentNode {
  const doc = new DOMParser().parseFromString(`<!doctype html><html><head></head><body>${html}</body></html>`, 'text/html');
  return doc.body as unknown as ParentNode;
}
