/**
 * Empties the reader's library: every highlight, every article they added (imported or read) and
 * every setting, in one transaction. Seed articles and the corpus version stay: they ship with the
 * extension and seeding would only put them back.
 */
import type { LensDB } from '../db/schema';

export type WipeResult = { highlights: number; articles: number; settings: number };

export interface WipeOptions {
  /** Takes a removed article out of the related-articles index, e.g. `(id) => removeFromIndex(db, id)`. */
  unindex?: (id: string) => Promise<unknown>;
}

export async function wipeLibrary(db: LensDB, options: WipeOptions = {}): Promise<WipeResult> {
  return db.transaction('rw', db.tables, async () => {
    const highlights = await db.highlights.count();
    const settings = await db.settings.count();
    const articleIds = await db.articles.where('origin').anyOf('imported', 'read').primaryKeys();
    await db.highlights.clear();
    await db.settings.clear();
    await db.articles.bulkDelete(articleIds);
    for (const id of articleIds) await options.unindex?.(id);
    return { highlights, articles: articleIds.length, settings };
  });
}
