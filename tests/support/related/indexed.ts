/** The five seeds with their measures counted by the real catalogue, and a fresh database indexing them. */
import { openLensDB, type LensDB } from '../../../lib/db/schema';
import { detectMeasures } from '../../../lib/measures';
import { loadCatalogueFile } from '../../../lib/measures/load-catalogue';
import { indexArticles } from '../../../lib/related/index-store';
import { seedEntries } from './seeds';

const catalogue = loadCatalogueFile();
/** Each measure the catalogue finds in `text`, with how often. */
export const mentions = (text: string) => Object.fromEntries(detectMeasures(text, catalogue).map((h) => [h.measureId, h.mentions.length]));
export const entries = seedEntries(mentions);
export const entry = (id: string) => entries.find((e) => e.article.id === id)!;

export async function indexedSeedsDB(): Promise<LensDB> {
  const db = openLensDB(`test-${crypto.randomUUID()}`);
  await indexArticles(db, entries);
  return db;
}
