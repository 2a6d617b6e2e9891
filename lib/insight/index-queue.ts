/**
 * The related-articles index is filled in the background, never while a reader waits:
 *
 * - An article read for the first time is stored at once (lib/insight/store-read.ts: identity and
 *   timelines work straight away) and indexed here after its panel has its answer, one at a time.
 * - At each start of the background, `recover()` indexes every stored article the index lacks (ids in
 *   `articles` without a row in `docs`): one the worker stopped before indexing, or all of them when
 *   the index was emptied because it was built differently: by the schema v4 upgrade
 *   (lib/related/index-reset.ts), or because the running code indexes with another recipe (a new
 *   weighting, tokenizer or measure catalogue, see `indexRecipe`). Those are indexed in batches of
 *   RECOVER_BATCH, one transaction each, with their measures found again by the running catalogue, so
 *   an interrupted rebuild resumes where it stopped at the next start.
 */
import type { LensDB, StoredArticle } from '../db/schema';
import type { Catalogue } from '../measures';
import { clearIndex, indexArticle, indexArticles, indexTables, INDEX_FORMAT, RECIPE_KEY, removeFromIndex } from '../related';
import { fnv1a64 } from '../text/hash';
import { withDerivedFields } from './indexer';
import { storedMeasureCounts, topicsOf } from './related';

/** Articles per transaction when rebuilding: large enough to share each key's rows, small enough not to hold the database long. */
export const RECOVER_BATCH = 50;

export type IndexQueue = {
  /** Index this stored article after whatever is queued. */
  add(id: string): Promise<void>;
  /**
   * Empty the index if it was built with another recipe, then queue every stored article the index
   * lacks; resolves with how many.
   */
  recover(): Promise<number>;
  /** Resolves when the queue is empty. */
  idle(): Promise<void>;
};

/** What an index is built with: the index's own format and the measure catalogue (its measures and categories are topics). */
export function indexRecipe(catalogue: Catalogue): string {
  return `${INDEX_FORMAT}:${fnv1a64(JSON.stringify(catalogue))}`;
}

export function createIndexQueue(
  db: LensDB,
  catalogue: Catalogue,
  onError: (id: string, error: Error) => void = () => undefined,
): IndexQueue {
  let tail: Promise<void> = Promise.resolve();
  const enqueue = (ids: string[], work: () => Promise<void>) => {
    tail = tail.then(() => work().catch((error: Error) => ids.forEach((id) => onError(id, error))));
    return tail;
  };
  return {
    add: (id) => enqueue([id], () => indexOne(db, id, catalogue)),
    async recover() {
      await useRecipe(db, indexRecipe(catalogue));
      const missing = await unindexedArticleIds(db);
      for (let i = 0; i < missing.length; i += RECOVER_BATCH) {
        const batch = missing.slice(i, i + RECOVER_BATCH);
        void enqueue(batch, () => indexBatch(db, batch, catalogue));
      }
      return missing.length;
    },
    idle: () => tail,
  };
}

/**
 * Empties the index when it was built with another recipe, and records this one. Whether it emptied it.
 * An index without a recipe was written by this code: the v4 upgrade empties the index and its recipe
 * together, so whatever is in it now (the seeds, indexed on install) was indexed since.
 */
export async function useRecipe(db: LensDB, recipe: string): Promise<boolean> {
  return db.transaction('rw', indexTables(db), async () => {
    const built = (await db.meta.get(RECIPE_KEY))?.value;
    if (built === recipe) return false;
    await db.meta.put({ key: RECIPE_KEY, value: recipe });
    if (built === undefined) return false;
    await clearIndex(db);
    return true;
  });
}

export async function unindexedArticleIds(db: LensDB): Promise<string[]> {
  const [articles, indexed] = await Promise.all([db.articles.toCollection().primaryKeys(), db.docs.toCollection().primaryKeys()]);
  const have = new Set<string>(indexed);
  return articles.filter((id) => !have.has(id));
}

async function indexOne(db: LensDB, id: string, catalogue: Catalogue): Promise<void> {
  const article = await db.articles.get(id);
  if (!article || (await db.docs.get(id))) return;
  // The index transaction leaves `articles` out so that reading and storing articles never waits on it.
  await indexArticle(db, article, topicsOf(storedMeasureCounts(article), catalogue));
  // Deleted meanwhile: take it out again rather than leave an entry for nothing.
  if (!(await db.articles.get(id))) await removeFromIndex(db, id);
}

/** Fields the running catalogue derives differently from what is stored (a catalogue update). */
function changedDerivedFields(stored: StoredArticle, derived: StoredArticle): boolean {
  return (
    JSON.stringify(stored.measureIds ?? null) !== JSON.stringify(derived.measureIds) ||
    JSON.stringify(stored.measureSentences ?? null) !== JSON.stringify(derived.measureSentences) ||
    JSON.stringify(stored.measureCounts ?? null) !== JSON.stringify(derived.measureCounts) ||
    stored.fingerprint !== derived.fingerprint
  );
}

async function indexBatch(db: LensDB, ids: string[], catalogue: Catalogue): Promise<void> {
  const stored = (await db.articles.bulkGet(ids)).filter((a): a is StoredArticle => a !== undefined);
  const derived = stored.map((a) => withDerivedFields(a, catalogue));
  const changed = derived.filter((d, i) => changedDerivedFields(stored[i]!, d));
  if (changed.length) {
    // Only the derived fields: the reader may have changed nothing else, but an article read meanwhile
    // may have been updated (its URL learned), and that must stay.
    await db.transaction('rw', db.articles, async () => {
      for (const d of changed) {
        await db.articles.update(d.id, {
          measureIds: d.measureIds,
          measureSentences: d.measureSentences,
          measureCounts: d.measureCounts,
          fingerprint: d.fingerprint,
        });
      }
    });
  }
  const indexed = new Set(await db.docs.where('id').anyOf(ids).primaryKeys());
  await indexArticles(
    db,
    derived.filter((a) => !indexed.has(a.id)).map((a) => ({ article: a, ...topicsOf(storedMeasureCounts(a), catalogue) })),
  );
  // Deleted meanwhile: take them out again.
  const gone = new Set(ids);
  for (const id of await db.articles.where('id').anyOf(ids).primaryKeys()) gone.delete(id);
  for (const id of gone) await removeFromIndex(db, id);
}
