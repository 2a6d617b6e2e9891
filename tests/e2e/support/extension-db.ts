/**
 * Reads the extension's IndexedDB from inside an extension page, with the raw IndexedDB API, so the
 * test sees what is really stored rather than what the extension's own code reports.
 */
export type StoreName = 'articles' | 'articleHeads' | 'highlights' | 'settings' | 'meta' | 'terms' | 'postings' | 'docs';

/** Pass to `page.evaluate(readStore, 'articles')` in an extension page. */
export function readStore(store: StoreName): Promise<Record<string, unknown>[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('policy-lens');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains(store)) {
        db.close();
        resolve([]);
        return;
      }
      const req = db.transaction(store).objectStore(store).getAll();
      req.onsuccess = () => {
        db.close();
        resolve(req.result as Record<string, unknown>[]);
      };
      req.onerror = () => reject(req.error);
    };
  });
}

/**
 * The database's schema version as the extension declared it, and its stores. Pass to
 * `page.evaluate(storedSchema)` in an extension page. (Dexie opens IndexedDB at ten times its version.)
 */
export function storedSchema(): Promise<{ version: number; stores: string[] }> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('policy-lens');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const found = { version: db.version / 10, stores: [...db.objectStoreNames].sort() };
      db.close();
      resolve(found);
    };
  });
}
