/**
 * Reads the extension's IndexedDB from inside an extension page, with the raw IndexedDB API, so the
 * test sees what is really stored rather than what the extension's own code reports.
 */
export type StoreName = 'articles' | 'highlights' | 'settings' | 'meta' | 'terms' | 'docs';

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
