/**
 * Refuses bodies that carry active content. A seed or imported file is data: nothing in it
 * should ever run, so a body with scripts, event handlers, javascript: URLs or embedded frames
 * is refused rather than cleaned, since it was not made by Sina's article template. The check runs
 * on a DOM parsed by DOMParser (or linkedom), which never executes what it parses.
 */
import { CorpusError } from './errors';

const EMBEDDING_TAGS = ['iframe', 'frame', 'frameset', 'object', 'embed'];
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'data',
  'poster',
  'background',
  'cite',
  'srcset',
  'longdesc',
  'lowsrc',
  'dynsrc',
  'ping',
]);

/**
 * `source` is the body's HTML and `firstLine` the file line it starts on: the DOM has no line
 * numbers, so the offending markup is looked up in the source (outside comments) to name a line.
 */
export function assertSafeBody(root: ParentNode, source: string, file: string, firstLine: number): void {
  const lineOf = (pattern: RegExp) => firstLine + lineIndex(withoutComments(source), pattern);

  if (root.querySelectorAll('script').length) {
    throw new CorpusError('body-script', file, lineOf(/<script\b/i), 'body contains a <script> element');
  }
  for (const tag of EMBEDDING_TAGS) {
    if (root.querySelectorAll(tag).length) {
      throw new CorpusError(
        'body-embedded-content',
        file,
        lineOf(new RegExp(`<${tag}\\b`, 'i')),
        `body contains an <${tag}> element (embedded content is not allowed)`,
        undefined,
        { tag },
      );
    }
  }
  for (const el of root.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    for (const { name, value } of Array.from(el.attributes)) {
      const attr = name.toLowerCase();
      if (attr.startsWith('on')) {
        throw new CorpusError(
          'body-event-handler',
          file,
          lineOf(new RegExp(`[\\s"'/]${escape(attr)}\\s*=`, 'i')),
          `body has an event-handler attribute (${attr}) on <${tag}>`,
          undefined,
          { attr, tag },
        );
      }
      if (URL_ATTRIBUTES.has(attr) && isScriptUrl(value)) {
        throw new CorpusError(
          'body-javascript-url',
          file,
          lineOf(/(?:java|vb)script\s*:/i),
          `body has a javascript: URL in ${attr} on <${tag}>`,
          undefined,
          { attr, tag },
        );
      }
    }
  }
}

/** Browsers ignore ASCII whitespace and control characters inside the scheme (`java\tscript:`). */
function isScriptUrl(value: string): boolean {
  return /^(?:javascript|vbscript):/i.test(value.replace(/[\u0000-\u0020]/g, ''));
}

/** Comments blanked to spaces (newlines kept), so markup quoted in `<!--article_adlist[…]-->` is not found. */
function withoutComments(html: string): string {
  return html.replace(/<!--[\s\S]*?(?:-->|$)/g, (c) => c.replace(/[^\n]/g, ' '));
}

/** 0-based line of the first match; 0 when not found (the entity-encoded `&#106;avascript:`). */
function lineIndex(text: string, pattern: RegExp): number {
  const at = text.search(pattern);
  return at < 0 ? 0 : text.slice(0, at).split('\n').length - 1;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
