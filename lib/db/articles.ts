/**
 * The reader's corpus: list it, import more articles, remove imported ones. Each file is parsed and
 * validated completely before anything is written, and written in a transaction of its own, so a
 * refused file changes nothing while the rest still import.
 */
import type { Article } from '../corpus/article';
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

/**
 * Stores one of the reader's articles unless the corpus already holds its id (a seed stays a seed,
 * the reader's own copy stays theirs), indexing it in the same transaction so an article is never
 * stored unindexed. Whether it was added. Joins the caller's transaction over db.tables if any.
 */
export async function storeArticle(db: LensDB, article: StoredArticle, index?: IndexArticle): Promise<boolean> {
  return db.transaction('rw', db.tables, async () => {
    if (await db.articles.get(article.id)) return false;
    await db.articles.add(article);
    await index?.(article);
    return true;
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
    return { file: file.name, status: 'refused', reason: (error as Error).message };
  }
  const stored: StoredArticle = { ...article, origin: 'imported', file: file.name, addedAt: now().toISOString() };
  const added = await storeArticle(db, stored, index);
  if (!added) return { file: file.name, status: 'duplicate', id: article.id, title: article.title };
  return { file: file.name, status: 'imported', id: article.id, title: article.title };
}

export type CorpusRow = Pick<StoredArticle, 'id' | 'title' | 'date' | 'source' | 'origin' | 'addedAt' | 'url'>;

/**
 * The corpus newest first, without bodies (the options page lists it); the first `limit` when given —
 * a page showing 10,000 rows, or reading them after every batch of an import, would stall.
 */
export async function listCorpus(db: LensDB, limit = Infinity): Promise<CorpusRow[]> {
  const rows: CorpusRow[] = [];
  const newest = db.articleHeads.orderBy('date').reverse();
  await (Number.isFinite(limit) ? newest.limit(limit) : newest).each((a) => {
    rows.push({ id: a.id, title: a.title, date: a.date, source: a.source, origin: a.origin, addedAt: a.addedAt, url: a.url });
  });
  return rows;
}

export type CorpusCounts = { total: number; seed: number; imported: number; read: number };

/** How many articles of each origin, counted by the index (no record is read). */
export async function countCorpus(db: LensDB): Promise<CorpusCounts> {
  const [seed, imported, read] = await Promise.all((['seed', 'imported', 'read'] as const).map((o) => db.articles.where('origin').equals(o).count()));
  return { total: seed! + imported! + read!, seed: seed!, imported: imported!, read: read! };
}

export class CorpusActionError extends Error {}

/** Removes an article the reader imported or read; seed articles ship with the extension and stay. */
export async function removeArticle(db: LensDB, id: string, unindex?: (id: string) => Promise<void>): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    const article = await db.articles.get(id);
    if (!article) throw new CorpusActionError(`Remove article: no article with id ${id}`);
    if (article.origin === 'seed') throw new CorpusActionError(`Remove article: "${article.title}" ships with Policy Lens and cannot be removed`);
    await db.articles.delete(id);
    await unindex?.(id);
  });
}
