/**
 * The reader's corpus: list it, import more articles, remove imported ones. Each file is parsed and
 * validated completely before anything is written, and written in a transaction of its own, so a
 * refused file changes nothing while the rest still import.
 */
import { describeError, LensError } from '../i18n/errors';
import { articleIdCandidates, type Article } from '../corpus/article';
import { sameBody } from '../identity';
import type { LensDB, StoredArticle } from './schema';

export type ImportFile = { name: string; bytes: Uint8Array };

export type ImportResult =
  | { file: string; status: 'imported'; id: string; title: string }
  | { file: string; status: 'duplicate'; id: string; title: string }
  | { file: string; status: 'refused'; reason: string };

/** Turns one file into an Article or throws an error whose message names the file, line and problem. */
export type ParseArticle = (bytes: Uint8Array, file: string) => Article;

export type ImportOptions = {
  parse: ParseArticle;
  /** Called after each file with how many are done, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Indexes a stored article (measures, related-articles index). It runs inside the same transaction
   * as the write, so an article is never stored unindexed; it must only touch IndexedDB.
   */
  index?: (article: StoredArticle) => Promise<void>;
  now?: () => Date;
};

export async function importArticles(db: LensDB, files: ImportFile[], opts: ImportOptions): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  const now = opts.now ?? (() => new Date());
  for (const [i, file] of files.entries()) {
    results.push(await importOne(db, file, opts.parse, now, opts.index));
    opts.onProgress?.(i + 1, files.length);
    // Yield between files so a large import keeps the page responsive and the progress bar moving.
    await new Promise((r) => setTimeout(r, 0));
  }
  return results;
}

/**
 * Indexes a stored article (measures, fingerprint, related-articles index), e.g.
 * `(a) => indexStoredArticle(db, a, catalogue)` from lib/insight/indexer. Runs inside the caller's
 * transaction; it must only touch IndexedDB.
 */
export type IndexArticle = (article: StoredArticle) => Promise<unknown>;

export type AddApartResult = {
  /** The record as stored: the new one (maybe under another id than it came with), or the one already there. */
  article: StoredArticle;
  /** 'existing': an article with this id and the same body was there already; nothing was written. */
  status: 'added' | 'existing';
};

export type AddApartOptions = {
  /** Indexes the added article in the same transaction (then the transaction spans every table). */
  index?: IndexArticle;
  /**
   * Is the record already under a candidate id the same article? Then nothing is written and that
   * record is the answer. Default: the same body, or nearly (lib/identity sameBody).
   */
  isSame?: (stored: StoredArticle, incoming: StoredArticle) => boolean;
};

/**
 * Adds an article without ever replacing one: the first of its own id and its candidate ids
 * (lib/corpus/article.ts articleIdCandidates) that is free, or that already holds the same article. An article that merely
 * shares a title and a time with a stored one — a seed, an import, an earlier read — is stored apart
 * under an id of its own, and the stored one, its heads row, its index entry and the highlights that
 * anchor in it stay exactly as they were. Check and write are one transaction, so two tabs storing
 * the same new page at once store it once.
 */
export async function addArticleApart(db: LensDB, article: StoredArticle, opts: AddApartOptions = {}): Promise<AddApartResult> {
  const isSame = opts.isSame ?? ((stored, incoming) => sameBody(stored.text, incoming.text));
  // Indexing touches the related-index tables; storing alone touches articles (and, through the
  // middleware, their heads) only, so that it never waits behind a long indexing transaction.
  const tables = opts.index ? db.tables : [db.articles];
  return db.transaction('rw', tables, async () => {
    // The id it came with first (a backup's record keeps its id, and the highlights naming it agree).
    for (const id of new Set([article.id, ...articleIdCandidates(article.titleNorm, article.date, article.text)])) {
      const stored = await db.articles.get(id);
      if (stored) {
        if (isSame(stored, article)) return { article: stored, status: 'existing' as const };
        continue;
      }
      const record = { ...article, id };
      await db.articles.add(record);
      await opts.index?.(record);
      return { article: record, status: 'added' as const };
    }
    throw new CorpusActionError('corpus.no-free-id', { title: article.title });
  });
}

async function importOne(
  db: LensDB,
  file: ImportFile,
  parse: ParseArticle,
  now: () => Date,
  index?: (article: StoredArticle) => Promise<void>,
): Promise<ImportResult> {
  let article: Article;
  try {
    article = parse(file.bytes, file.name);
  } catch (error) {
    // Worded now, in the interface language: the options page shows the reason as it is.
    return { file: file.name, status: 'refused', reason: describeError(error) };
  }
  const stored: StoredArticle = { ...article, origin: 'imported', file: file.name, addedAt: now().toISOString() };
  // The same article again (the same body, or nearly) is a duplicate; another article with the same
  // title and date is stored apart.
  const result = await addArticleApart(db, stored, { index });
  if (result.status === 'existing') return { file: file.name, status: 'duplicate', id: result.article.id, title: result.article.title };
  return { file: file.name, status: 'imported', id: result.article.id, title: article.title };
}

export type CorpusRow = Pick<StoredArticle, 'id' | 'title' | 'date' | 'source' | 'origin' | 'addedAt' | 'url'> & {
  /** The body's length, when the head carries it (lib/db/read-cap.ts fills in older heads). */
  length?: number;
};

/**
 * The corpus newest first, without bodies (the options page lists it); the first `limit` when given —
 * a page showing 10,000 rows, or reading them after every batch of an import, would stall.
 */
export async function listCorpus(db: LensDB, limit = Infinity): Promise<CorpusRow[]> {
  const rows: CorpusRow[] = [];
  const newest = db.articleHeads.orderBy('date').reverse();
  await (Number.isFinite(limit) ? newest.limit(limit) : newest).each((a) => {
    rows.push({
      id: a.id,
      title: a.title,
      date: a.date,
      source: a.source,
      origin: a.origin,
      addedAt: a.addedAt,
      url: a.url,
      ...(a.length !== undefined && { length: a.length }),
    });
  });
  return rows;
}

export type CorpusCounts = { total: number; seed: number; imported: number; read: number };

/** How many articles of each origin, counted by the index (no record is read). */
export async function countCorpus(db: LensDB): Promise<CorpusCounts> {
  const [seed, imported, read] = await Promise.all(
    (['seed', 'imported', 'read'] as const).map((o) => db.articles.where('origin').equals(o).count()),
  );
  return { total: seed! + imported! + read!, seed: seed!, imported: imported!, read: read! };
}

/** Why the reader's action on the corpus was refused (a LensError with its code). */
export class CorpusActionError extends LensError {
  override readonly name = 'CorpusActionError';
}

/**
 * Removes an article the reader imported or read; seed articles ship with the extension and stay.
 * The record as it was, for undo (restoreArticle). Highlights made on it are kept.
 */
export async function removeArticle(db: LensDB, id: string, unindex?: (id: string) => Promise<void>): Promise<StoredArticle> {
  return db.transaction('rw', db.tables, async () => {
    const article = await db.articles.get(id);
    if (!article) throw new CorpusActionError('corpus.remove-missing', { id });
    if (article.origin === 'seed') throw new CorpusActionError('corpus.remove-seed', { title: article.title });
    await db.articles.delete(id);
    await unindex?.(id);
    return article;
  });
}

/**
 * Undo of removeArticle: the record back under its id, indexed again, in one transaction. If another
 * article took the id meanwhile it goes back beside it (addArticleApart), never over it.
 */
export async function restoreArticle(db: LensDB, article: StoredArticle, index?: IndexArticle): Promise<StoredArticle> {
  if (article.origin === 'seed') throw new CorpusActionError('corpus.restore-seed', { title: article.title });
  return (await addArticleApart(db, article, { index })).article;
}

/** The key highlights made in the reader page carry: `corpus:<article id>`. */
export function readerKey(id: string): string {
  return `corpus:${id}`;
}

/**
 * The reader opened a stored article's Sina page (a seed or an import, found by title and body):
 * remember the page's key and URL, so links open the real page, and move the highlights made on it
 * in the reader page (`corpus:<id>`) to that key and URL in the same transaction. The reader page
 * shows an article's highlights under its key once it has one, so without the move they would vanish
 * from it; with it they show on both the reader page and the Sina page. Nothing happens when the
 * article knows its key already. The keys whose highlights moved, for the caller to tell their views.
 */
export async function learnArticleUrl(
  db: LensDB,
  article: Pick<StoredArticle, 'id' | 'key' | 'url'>,
  page: { key: string; url: string },
): Promise<string[]> {
  if (article.key && article.url) return [];
  return db.transaction('rw', db.articles, db.highlights, async () => {
    const current = await db.articles.get(article.id);
    if (!current || (current.key && current.url)) return [];
    await db.articles.update(article.id, { key: page.key, url: page.url });
    const moved = await moveReaderHighlights(db, article.id, page.key, page.url);
    return moved > 0 ? [readerKey(article.id), page.key] : [];
  });
}

async function moveReaderHighlights(db: LensDB, id: string, key: string, url: string): Promise<number> {
  return db.highlights.where('articleKey').equals(readerKey(id)).modify({ articleKey: key, url });
}

/**
 * Reader-page highlights of articles whose Sina key was learned before the move above existed: move
 * them now (run at the background's start). The keys whose highlights moved.
 */
export async function rekeyReaderHighlights(db: LensDB): Promise<string[]> {
  return db.transaction('rw', db.articles, db.highlights, async () => {
    const keys = await db.highlights.where('articleKey').startsWith(readerKey('')).uniqueKeys();
    const ids = keys.map((k) => String(k).slice(readerKey('').length));
    const articles = await db.articles.bulkGet(ids);
    const moved: string[] = [];
    for (const article of articles) {
      if (!article?.key || !article.url) continue;
      if ((await moveReaderHighlights(db, article.id, article.key, article.url)) > 0) moved.push(readerKey(article.id), article.key);
    }
    return moved;
  });
}
