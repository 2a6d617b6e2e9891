/** The persistent-storage question wired to this extension page's storage and database. */
import { extensionLocalStore, type PersistentStorage } from './durability';
import { persistencePrompt, type PersistencePrompt } from './persistence-prompt';
import { lensDB } from './schema';

export function browserPersistencePrompt(): PersistencePrompt {
  return persistencePrompt({
    local: extensionLocalStore(),
    storage: (globalThis.navigator as { storage?: PersistentStorage } | undefined)?.storage,
    highlightCount: () => lensDB().highlights.count(),
  });
}
