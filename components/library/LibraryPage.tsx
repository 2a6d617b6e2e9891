import { useEffect, useState } from 'preact/hooks';
import type { EvictionNotice as EvictionNoticeData } from '@/lib/db/durability';
import type { PersistencePrompt } from '@/lib/db/persistence-prompt';
import { t } from '@/lib/i18n';
import type { LibraryDeps } from '@/lib/library/deps';
import { EvictionNotice, type StorageNotice } from '../shared/EvictionNotice';
import { PersistNotice } from '../shared/PersistNotice';
import { LibraryView } from './LibraryView';

/** "Open as a page": the popup's library in a tab of its own, for long reviews (and restoring a backup). */
export function LibraryPage({
  deps,
  openImport = false,
  storage,
  persistence,
}: {
  deps: LibraryDeps;
  openImport?: boolean;
  storage?: StorageNotice;
  persistence?: PersistencePrompt;
}) {
  const [evicted, setEvicted] = useState<EvictionNoticeData | null>(null);
  useEffect(() => void storage?.read().then(setEvicted, () => undefined), [storage]);
  return (
    <main class="library-page" data-testid="library-page">
      <h1>{t('appName')}</h1>
      <EvictionNotice notice={evicted} onDismiss={() => void storage?.dismiss().then(() => setEvicted(null))} />
      <PersistNotice prompt={persistence} />
      <LibraryView deps={deps} mode="page" openImport={openImport} />
    </main>
  );
}
