/** Test helper: a fresh database seeded and indexed exactly as the background does it. */
import path from 'node:path';
import { compileSeeds } from '../../scripts/lens/compile-seeds';
import { openLensDB, type LensDB } from '../db/schema';
import { seedCorpus } from '../db/seed';
import { loadCatalogueFile } from '../measures/load-catalogue';
import { removeFromIndex } from '../related';
import { indexStoredArticle } from './indexer';

export const catalogue = loadCatalogueFile();
export const seedCorpusRecords = compileSeeds(path.resolve(import.meta.dirname, '../../seeds'));

export async function seededDB(): Promise<LensDB> {
  const db = openLensDB(`test-${crypto.randomUUID()}`);
  await seedCorpus(db, seedCorpusRecords, { index: (a) => indexStoredArticle(db, a, catalogue), unindex: (id) => removeFromIndex(db, id) });
  return db;
}
