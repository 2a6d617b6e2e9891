/** Test helper: a fresh database seeded and indexed exactly as the background does it. */
import path from 'node:path';
import { afterEach } from 'vitest';
import { compileSeeds } from '../../../scripts/lens/compile-seeds';
import { openLensDB, type LensDB } from '../../../lib/db/schema';
import { seedCorpus } from '../../../lib/db/seed';
import { loadCatalogueFile } from '../../../lib/measures/load-catalogue';
import { removeFromIndex } from '../../../lib/related';
import { indexStoredArticle } from '../../../lib/insight/indexer';

export const catalogue = loadCatalogueFile();
export const seedCorpusRecords = compileSeeds(path.resolve(import.meta.dirname, '../../../seeds'));

export async function seededDB(): Promise<LensDB> {
  const db = openLensDB(`test-${crypto.randomUUID()}`);
  await seedCorpus(db, seedCorpusRecords, { index: (a) => indexStoredArticle(db, a, catalogue), unindex: (id) => removeFromIndex(db, id) });
  return db;
}

/** For a test file: returns `seeded`, which opens a fresh seeded database for the test calling it; each is deleted after its test. */
export function seededDBPerTest(): () => Promise<LensDB> {
  const opened: LensDB[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) await db.delete();
  });
  return async () => {
    const db = await seededDB();
    opened.push(db);
    return db;
  };
}
