/**
 * Parses one seed-format document (YAML front matter + the HTML of a Sina `#artibody`) into a
 * validated Article. Used for the bundled seeds at build time (Node, linkedom), for files the
 * reader imports (extension pages, the browser's DOMParser) and by the `lens` CLI.
 *
 * Two forms: parseSeedDocument (and parseSeedBytes) throw a CorpusError; tryParseSeedDocument
 * returns `{ ok: true, article, notes } | { ok: false, error }` for callers that report many files
 * (`notes`: what a report should add to "accepted", e.g. that an image post has no body text).
 * Both let any other exception (a bug, not a bad document) escape.
 *
 * Front matter: title (text, required), date (required, see parse-date.ts), categories (list of
 * text, optional), author (text, optional: the Article's source). Other fields (headimg,
 * thumbnail, comments) are ignored.
 */
import { valueKind } from '../i18n/errors';
import { articleNotes, buildArticle, MAX_PARAGRAPHS, MAX_TITLE_LENGTH, type Article, type ArticleNote } from './article';
import { assertSafeBody } from './body-safety';
import { cleanBody } from './clean-body';
import { decodeDocument } from './decode';
import { CorpusError } from './errors';
import { splitFrontMatter, type FrontMatter } from './front-matter';
import { parseDocumentDate } from './parse-date';

/** Dates before this are refused: Sina Finance and China's medical-insurance system are younger. */
export const EARLIEST_DATE = '1990-01-01T00:00:00.000Z';
/** How far past `now` a date may lie (clock skew and time zones), before it counts as the future. */
export const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

export type SeedParseOptions = {
  /** Named in every error message and, as a base name, in Article.file. */
  file: string;
  origin?: 'seed' | 'imported';
  /**
   * Parses the body HTML into a tree cleanBody can read. Defaults to globalThis.DOMParser
   * (browsers, happy-dom); Node passes linkedom (scripts/lens/node-dom.ts).
   */
  parseHtml?: (html: string) => ParentNode;
  /** The present, for refusing dates in the future. */
  now?: Date;
};

export type SeedParseResult = { ok: true; article: Article; notes: ArticleNote[] } | { ok: false; error: CorpusError };

export function parseSeedDocument(input: string | Uint8Array, opts: SeedParseOptions): Article {
  const fm = splitFrontMatter(decodeDocument(input, opts.file), opts.file);
  return articleFromFrontMatter(fm, opts);
}

/**
 * The Article a document's fields and body make, validated the same way whatever carried them: a seed
 * file's front matter, or an item of a feed (lib/corpus/feed.ts) dressed as one.
 */
export function articleFromFrontMatter(fm: FrontMatter, opts: SeedParseOptions): Article {
  const { file } = opts;
  const title = readTitle(fm, file);
  const date = readDate(fm, file, opts.now ?? new Date());
  const categories = readCategories(fm, file);
  const source = readAuthor(fm, file);

  if (!fm.body.trim()) throw new CorpusError('body-empty', file, fm.bodyLine, 'body is empty: nothing follows the front matter');
  const root = (opts.parseHtml ?? parseWithDomParser)(fm.body);
  assertSafeBody(root, fm.body, file, fm.bodyLine);
  const body = cleanBody(root);
  // An image or video post, or one holding only its 原标题, is an article all the same (articleNotes says so).
  if (!body.paragraphs.length && !body.images.length && !body.videos.length && body.originalTitle === undefined) {
    throw new CorpusError(
      'body-no-paragraphs',
      file,
      fm.bodyLine,
      'body has no text, image or video once promos, comments and the editor line are removed',
    );
  }
  if (body.paragraphs.length > MAX_PARAGRAPHS) {
    throw new CorpusError(
      'body-too-many-paragraphs',
      file,
      fm.bodyLine,
      `body has ${body.paragraphs.length} paragraphs, over the limit of ${MAX_PARAGRAPHS}`,
      undefined,
      { count: body.paragraphs.length, max: MAX_PARAGRAPHS },
    );
  }

  return buildArticle({
    title,
    ...(body.originalTitle !== undefined && { originalTitle: body.originalTitle }),
    date,
    categories,
    source,
    ...(body.editor !== undefined && { editor: body.editor }),
    paragraphs: body.paragraphs,
    images: body.images,
    videos: body.videos,
    origin: opts.origin ?? 'seed',
    file: baseName(file),
  });
}

/** parseSeedDocument on a file's bytes, the name the options page's import calls it by. */
export function parseSeedBytes(bytes: Uint8Array, opts: SeedParseOptions): Article {
  return parseSeedDocument(bytes, opts);
}

export function tryParseSeedDocument(input: string | Uint8Array, opts: SeedParseOptions): SeedParseResult {
  try {
    const article = parseSeedDocument(input, opts);
    return { ok: true, article, notes: articleNotes(article) };
  } catch (e) {
    if (e instanceof CorpusError) return { ok: false, error: e };
    throw e;
  }
}

function parseWithDomParser(html: string): ParentNode {
  if (typeof DOMParser === 'undefined') throw new Error('parseSeedDocument: no DOMParser here; pass opts.parseHtml (linkedom in Node)');
  return new DOMParser().parseFromString(html, 'text/html').body;
}

function readTitle(fm: FrontMatter, file: string): string {
  if (!Object.hasOwn(fm.data, 'title')) throw new CorpusError('title-missing', file, fm.openLine, 'front matter has no title', 'title');
  const value = fm.data.title;
  const line = fm.lineOf('title');
  if (value === null || (typeof value === 'string' && !value.trim()))
    throw new CorpusError('title-empty', file, line, 'title is empty', 'title');
  if (typeof value !== 'string')
    throw new CorpusError('title-not-string', file, line, `title must be text, not ${describe(value)} (put it in quotes)`, 'title', {
      actualKind: valueKind(value),
    });
  const title = value.trim();
  if (title.length > MAX_TITLE_LENGTH) {
    throw new CorpusError(
      'title-too-long',
      file,
      line,
      `title is ${title.length} characters long, over the limit of ${MAX_TITLE_LENGTH}`,
      'title',
      { length: title.length, max: MAX_TITLE_LENGTH },
    );
  }
  return title;
}

const DATE_FORMS = 'RFC 822 ("Fri, 04 Jun 2021 12:30:57 GMT") or ISO 8601 ("2021-06-04T20:30:57+08:00")';

function readDate(fm: FrontMatter, file: string, now: Date): string {
  const value = fm.data.date;
  if (value === undefined || value === null) {
    const where = Object.hasOwn(fm.data, 'date') ? 'date is empty' : 'front matter has no date';
    throw new CorpusError('date-missing', file, fm.lineOf('date'), where, 'date');
  }
  const line = fm.lineOf('date');
  if (typeof value !== 'string')
    throw new CorpusError('date-invalid', file, line, `date must be text in ${DATE_FORMS}, not ${describe(value)}`, 'date', {
      value: String(value),
    });
  const date = parseDocumentDate(value);
  if (!date) throw new CorpusError('date-invalid', file, line, `date "${value}" is not a date in ${DATE_FORMS}`, 'date', { value });
  const iso = date.toISOString();
  // Compare instants, not strings: year 10000 (9999-12-31 written with a negative offset) is `+010000-…`.
  if (date.getTime() < Date.parse(EARLIEST_DATE))
    throw new CorpusError('date-out-of-range', file, line, `date ${iso} is before 1990`, 'date', { date: iso });
  if (date.getTime() > now.getTime() + FUTURE_TOLERANCE_MS)
    throw new CorpusError('date-out-of-range', file, line, `date ${iso} is in the future`, 'date', { date: iso });
  return iso;
}

function readCategories(fm: FrontMatter, file: string): string[] {
  const value = fm.data.categories;
  if (value === undefined || value === null) return [];
  const line = fm.lineOf('categories');
  if (!Array.isArray(value)) {
    throw new CorpusError(
      'categories-not-list',
      file,
      line,
      `categories must be a list (one '- name' line each), not ${describe(value)}`,
      'categories',
      { actualKind: valueKind(value) },
    );
  }
  return value.map((item: unknown, i) => {
    if (typeof item !== 'string' || !item.trim()) {
      throw new CorpusError('category-not-string', file, line, `category ${i + 1} must be text, not ${describe(item)}`, 'categories', {
        index: i + 1,
        actualKind: valueKind(item),
      });
    }
    return item.trim();
  });
}

function readAuthor(fm: FrontMatter, file: string): string {
  const value = fm.data.author;
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') {
    throw new CorpusError('author-not-string', file, fm.lineOf('author'), `author must be text, not ${describe(value)}`, 'author', {
      actualKind: valueKind(value),
    });
  }
  return value.trim();
}

function describe(value: unknown): string {
  if (value === null) return 'empty';
  if (typeof value === 'string') return value.trim() ? 'a single value' : 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'boolean') return `${value}`;
  return `a ${typeof value}`;
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() || file;
}
