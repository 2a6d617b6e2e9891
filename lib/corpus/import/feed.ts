/**
 * The posts of an RSS 2.0 or Atom feed file (an archiver's own `atom.xml` / `rss.xml`): each item's
 * title, date, categories, author and HTML content, dressed as a seed document's fields so the one
 * validation path (articleFromFrontMatter) reads them, with errors naming the feed, the item and its line.
 */
import { LensError } from '../../i18n/errors';
import type { FrontMatter } from '../front-matter';

/** Largest feed an import reads, bytes (a 10,000-item feed with full content is ~60 MiB). */
export const MAX_FEED_BYTES = 256 * 1024 * 1024;

export type FeedItem = {
  /** 1-based position in the feed. */
  index: number;
  /** The item's line in the feed file. */
  line: number;
  /** The item's title as written (for the report even when the item is refused). */
  title: string;
  fields: FrontMatter;
};

/** Parses XML into a document (the browser's DOMParser, or linkedom in a worker and in Node). */
export type ParseXml = (text: string) => Document;

/** Why a feed cannot be read: an `import.feed-*` code, naming the feed. */
export class FeedError extends LensError {
  override readonly name = 'FeedError';
}

export function feedItems(text: string, feedPath: string, parseXml: ParseXml): FeedItem[] {
  let doc: Document;
  try {
    doc = parseXml(text);
  } catch (e) {
    throw new FeedError('import.feed-not-xml', { file: feedPath, detail: (e as Error).message });
  }
  const root = doc.documentElement;
  const rootName = localName(root);
  if (!root || doc.getElementsByTagName('parsererror').length || (rootName !== 'feed' && rootName !== 'rss' && rootName !== 'RDF')) {
    throw new FeedError('import.feed-not-feed', { file: feedPath, root: rootName || '?' });
  }
  const atom = rootName === 'feed';
  const items = descendants(root, atom ? 'entry' : 'item');
  const lines = itemLines(text, atom ? 'entry' : 'item');
  // Atom names the author once for the whole feed as often as per entry.
  const feedAuthorEl = atom ? first(children(root), 'author') : null;
  const feedAuthor = feedAuthorEl ? textOf(first(children(feedAuthorEl), 'name')) : '';

  return items.map((item, i) => {
    const kids = children(item);
    const line = lines[i] ?? 1;
    const title = textOf(first(kids, 'title'));
    const date = textOf(first(kids, atom ? 'published' : 'pubDate')) || textOf(first(kids, atom ? 'updated' : 'date'));
    const categories = kids
      .filter((k) => localName(k) === 'category' || localName(k) === 'subject')
      .map((k) => (atom ? k.getAttribute('term') || k.getAttribute('label') || textOf(k) : textOf(k)))
      .filter(Boolean);
    const authorEl = first(kids, 'author') ?? first(kids, 'creator');
    const author = (atom && authorEl ? textOf(first(children(authorEl), 'name')) : textOf(authorEl)) || feedAuthor;
    const body = textOf(first(kids, atom ? 'content' : 'encoded')) || textOf(first(kids, atom ? 'summary' : 'description'));
    const data: Record<string, unknown> = {
      title,
      ...(date && { date }),
      ...(categories.length && { categories }),
      ...(author && { author }),
    };
    return {
      index: i + 1,
      line,
      title,
      fields: { data, lineOf: () => line, openLine: line, body, bodyLine: line },
    };
  });
}

function localName(el: Element | null | undefined): string {
  return (el?.localName ?? el?.tagName ?? '').replace(/^.*:/, '');
}

function children(el: Element): Element[] {
  return [...el.children];
}

function first(els: Element[], name: string): Element | null {
  return els.find((e) => localName(e) === name) ?? null;
}

function descendants(root: Element, name: string): Element[] {
  const found: Element[] = [];
  const walk = (el: Element) => {
    for (const kid of el.children) {
      if (localName(kid) === name) found.push(kid);
      else walk(kid);
    }
  };
  walk(root);
  return found;
}

function textOf(el: Element | null | undefined): string {
  return (el?.textContent ?? '').trim();
}

/** The file line of each `<entry` / `<item` start tag, in order (the parsed tree has no positions). */
function itemLines(text: string, tag: string): number[] {
  const lines: number[] = [];
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${tag}[\\s>]`, 'g');
  let line = 1;
  let from = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    for (let i = text.indexOf('\n', from); i >= 0 && i < m.index; i = text.indexOf('\n', i + 1)) line++;
    from = m.index;
    lines.push(line);
  }
  return lines;
}
