/**
 * The related-articles index as it was laid out up to schema v3 (commit c03d002), kept only so the
 * benches can measure it beside the current layout in the same run: one `terms` row per term holding
 * both its document frequency and its packed postings, so indexing an article rewrites the row of
 * every term it holds. Its own small database, not the extension's.
 */
import Dexie, { type EntityTable } from 'dexie';

export type TermPostings = { term: string; df: number; ids: string; weights: Float32Array };
export type DocVector = { id: string; terms: [term: string, weight: number][]; norm: number; vocab: string; measureIds: string[] };
export type MetaRecord = { key: string; value: unknown };

export type LensDB = Dexie & {
  terms: EntityTable<TermPostings, 'term'>;
  docs: EntityTable<DocVector, 'id'>;
  meta: EntityTable<MetaRecord, 'key'>;
};

/** The v3 index tables, with v3's keys. */
export function openLegacyIndexDB(name: string): LensDB {
  const db = new Dexie(name) as LensDB;
  db.version(1).stores({ terms: 'term', docs: 'id', meta: 'key' });
  return db;
}
