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
import { isQuotaError } from '../db/quota';
import { freeRoom } from '../db/read-cap';
import { indexArticle, removeFromIndex } from '../related';
import { withDerivedFields } from './indexer';
import { storedMeasureCounts, topicsOf } from './related';

export type StoreReadOptions = {
  /** Index it in the related-articles index in the same transaction; otherwise lib/insight/index-queue.ts does it later. */
  indexNow: boolean;
};

/**
 * Stores a read article with its derived fields; the record as stored (its id may differ from the one
 * it came with). When the browser has no room for it, older read articles without highlights make
 * room and it is tried once more; if there is still none, it is not stored (null: the panel still
 * answers, the article is simply not in the corpus) — a page read is never worth a failure.
 */
export async function storeReadArticle(
  db: LensDB,
  article: StoredArticle,
  catalogue: Catalogue,
  opts: StoreReadOptions,
): Promise<{ article: StoredArticle; added: boolean } | null> {
  const derived = withDerivedFields(article, catalogue);
  const add = () =>
    addArticleApart(db, derived, {
      ...(opts.indexNow && { index: (a: StoredArticle) => indexArticle(db, a, topicsOf(storedMeasureCounts(a), catalogue)) }),
    });
  try {
    const result = await add();
    return { article: result.article, added: result.status === 'added' };
  } catch (error) {
    if (!isQuotaError(error)) throw error;
    if (await freeRoom(db, (id) => removeFromIndex(db, id))) {
      try {
        const result = await add();
        return { article: result.article, added: result.status === 'added' };
      } catch (again) {
        if (!isQuotaError(again)) throw again;
      }
    }
    return null;
  }
}
