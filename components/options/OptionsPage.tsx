import { useEffect, useState } from 'preact/hooks';
import type { CorpusRow, ImportFile } from '@/lib/db/articles';
import type { ReadCap } from '@/lib/db/read-cap';
import type { StoredArticle } from '@/lib/db/schema';
import type { EvictionNotice as EvictionNoticeData } from '@/lib/db/durability';
import { t } from '@/lib/i18n';
import type { HostAccess } from '@/lib/permissions/host-access';
import { EvictionNotice, type StorageNotice } from '../shared/EvictionNotice';
import { HostAccessNotice } from '../shared/HostAccess';
import { CorpusTable } from './CorpusTable';
import { AddReadSetting } from './AddReadSetting';
import { ImportPanel } from './ImportPanel';
import { describeError } from '@/lib/i18n/errors';

export type CorpusActions = {
  /** Calls `onRows` now and after every change to the corpus, from any context; returns unsubscribe. */
  watch(onRows: (rows: CorpusRow[]) => void, onError: (error: Error) => void): () => void;
  importFiles: Parameters<typeof ImportPanel>[0]['onImport'];
  /** Resolves to the removed record, for undo. */
  remove(id: string): Promise<StoredArticle>;
  /** Undo of remove. */
  restore(article: StoredArticle): Promise<void>;
  /** The bounds on articles added as the reader reads (lib/db/read-cap.ts). */
  readCap: ReadCap;
  getAddRead(): Promise<boolean>;
  setAddRead(on: boolean): Promise<void>;
};

/** The options page: a welcome on first install, importing articles, and the corpus list. */
export function OptionsPage({
  actions,
  welcome,
  storage,
  hostAccess,
  privacyUrl,
}: {
  actions: CorpusActions;
  welcome: boolean;
  storage?: StorageNotice;
  hostAccess?: HostAccess;
  privacyUrl?: string;
}) {
  const [rows, setRows] = useState<CorpusRow[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [evicted, setEvicted] = useState<EvictionNoticeData | null>(null);
  useEffect(() => void storage?.read().then(setEvicted, () => undefined), [storage]);

  // Live: the background seeds the corpus on install while this page may already be open.
  useEffect(() => actions.watch(setRows, (e) => setNotice(t('error.generic', describeError(e)))), [actions]);

  const importFiles = (files: ImportFile[], onProgress: (done: number, total: number) => void) => actions.importFiles(files, onProgress);


  return (
    <main class="options" data-testid="options">
      <h1>{t('options.title')}</h1>
      <EvictionNotice notice={evicted} onDismiss={() => void storage?.dismiss().then(() => setEvicted(null))} />
      {hostAccess && <HostAccessNotice access={hostAccess} compact />}
      {welcome && (
        <p class="welcome" data-testid="welcome">
          {t('options.welcome')}
        </p>
      )}
      <AddReadSetting actions={actions} />
      <div id="import">
        <ImportPanel onImport={importFiles} />
      </div>
      <section aria-labelledby="corpus-heading">
        <h2 id="corpus-heading">{t('corpus.heading')}</h2>
        {notice && <p role="status">{notice}</p>}
        <CorpusTable rows={rows} actions={actions} />
      </section>
      {privacyUrl && (
        <p class="muted privacy-link">
          <a href={privacyUrl} data-testid="privacy-link">
            {t('privacy.link')}
          </a>
        </p>
      )}
    </main>
  );
}
