/**
 * A page the reader opened joins the corpus here, and only by adding: never over a stored article.
 * Ids hash title and date (lib/corpus/article.ts), and a page can carry any title and
 * `article:published_time` it likes; a page that copies a stored article's (a seed, an import, an
 * earlier read) with another body is stored apart under an id of its own (lib/db/articles.ts
 * addArticleApart), so the stored record, its heads row and its index entry stay as they were and
 * the highlights made in the reader page still anchor in the text they were made on.
 */
import { addArticleApart } from '../db/articles';
import type { LensDB, StoredArticle } from '../db/schema';
import type { Catalogue } from '../measures';
import { indexArticle } from '../related';
import { withDerivedFields } from './indexer';

export type StoreReadOptions = {
  /** Index it in the related-articles index in the same transaction; otherwise lib/insight/index-queue.ts does it later. */
  indexNow: boolean;
};

/** Stores a read article with its derived fields; the record as stored (its id may differ from the one it came with). */
export async function storeReadArticle(db: LensDB, article: StoredArticle, catalogue: Catalogue, opts: StoreReadOptions): Promise<{ article: StoredArticle; added: boolean }> {
  const derived = withDerivedFields(article, catalogue);
  const result = await addArticleApart(db, derived, {
    ...(opts.indexNow && { index: (a: StoredArticle) => indexArticle(db, a, a.measureIds ?? []) }),
  });
  return { article: result.article, added: result.status === 'added' };
}
