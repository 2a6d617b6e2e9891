import { formatDate, t } from '@/lib/i18n';
import type { EvictionNotice as Notice } from '@/lib/db/durability';

/** Where an extension page reads and dismisses the notice the background left (lib/db/durability.ts). */
export type StorageNotice = { read(): Promise<Notice | null>; dismiss(): Promise<void> };

/**
 * Shown when the browser emptied the extension's database (storage eviction): what happened, and what
 * the reader can do — import their last backup — until they dismiss it.
 */
export function EvictionNotice({ notice, onDismiss }: { notice: Notice | null; onDismiss(): void }) {
  if (!notice) return null;
  return (
    <div class="eviction" role="alert" data-testid="eviction-notice">
      <p>
        {t('storage.evicted', formatDate(notice.detectedAt))}{' '}
        {notice.lastBackupAt ? t('storage.lastBackup', formatDate(notice.lastBackupAt)) : t('storage.noBackup')}
      </p>
      <button type="button" onClick={onDismiss}>
        {t('storage.dismiss')}
      </button>
    </div>
  );
}
