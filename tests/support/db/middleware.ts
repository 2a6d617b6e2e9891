/** Dexie middleware for tests that must see or change what reaches IndexedDB. */
import type { DBCoreTable } from 'dexie';
import type { LensDB } from '../../../lib/db/schema';

/** Puts `wrap` between `db` and IndexedDB for each of its tables (from the next open, if it is open). */
export function wrapTables(db: LensDB, name: string, wrap: (table: DBCoreTable, tableName: string) => DBCoreTable): void {
  db.use({ stack: 'dbcore', name, create: (down) => ({ ...down, table: (tableName) => wrap(down.table(tableName), tableName) }) });
}
