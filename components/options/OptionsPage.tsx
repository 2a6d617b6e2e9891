import { useEffect, useState } from 'preact/hooks';
import type { CorpusCounts, CorpusRow } from '@/lib/db/articles';
import type { EvictionNotice as EvictionNoticeData } from '@/lib/db/durability';
import { t } from '@/lib/i18n';
import { EvictionNotice, type StorageNotice } from '../shared/EvictionNotice';
import { CorpusTable } from './CorpusTable';
import { AddReadSetting } from './AddReadSetting';
import { ImportPanel, type StartImport } from './ImportPanel';

/** What the corpus list shows: the newest rows (up to the limit asked for) and the counts of all. */
export type CorpusView = { rows: CorpusRow[]; counts: CorpusCounts };

export type CorpusActions = {
  /**
   * Calls `onView` now and after every change to the corpus, from any context, with the newest `limit`
   * rows and the counts; returns unsubscribe.
   */
  watch(limit: number, onView: (view: CorpusView) => void, onError: (error: Error) => void): () => void;
  /** Imports files, folders, zips and feeds in a worker (lib/corpus/import). */
  startImport: StartImport;
  remove(id: string): Promise<void>;
  getAddRead(): Promise<boolean>;
  setAddRead(on: boolean): Promise<void>;
};

/** The options page: a welcome on first install, importing articles, and the corpus list. */
/** Corpus rows shown at once, and added per "show more". */
const CORPUS_PAGE = 50;

export function OptionsPage({ actions, welcome, storage }: { actions: CorpusActions; welcome: boolean; storage?: StorageNotice }) {
  const [view, setView] = useState<CorpusView | null>(null);
  const [limit, setLimit] = useState(CORPUS_PAGE);
  const [importing, setImporting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [evicted, setEvicted] = useState<EvictionNoticeData | null>(null);
  useEffect(() => void storage?.read().then(setEvicted, () => undefined), [storage]);

  // Live: the background seeds the corpus on install while this page may already be open. Not during an
  // import: it commits a batch every second or so, and the list is read again once it is done.
  useEffect(
    () => (importing ? undefined : actions.watch(limit, setView, (e) => setNotice(t('error.generic', e.message)))),
    [actions, limit, importing],
  );

  const remove = async (row: CorpusRow) => {
    try {
      await actions.remove(row.id);
      setNotice(t('corpus.removed', row.title));
    } catch (e) {
      setNotice(t('error.generic', (e as Error).message));
    }
  };

  return (
    <main class="options" data-testid="options">
      <h1>{t('options.title')}</h1>
      <EvictionNotice notice={evicted} onDismiss={() => void storage?.dismiss().then(() => setEvicted(null))} />
      {welcome && (
        <p class="welcome" data-testid="welcome">
          {t('options.welcome')}
        </p>
      )}
      <AddReadSetting actions={actions} />
      <ImportPanel onStart={actions.startImport} onBusy={setImporting} />
      <section aria-labelledby="corpus-heading">
        <h2 id="corpus-heading">{t('corpus.heading')}</h2>
        {notice && <p role="status">{notice}</p>}
        <CorpusTable view={view} onRemove={(r) => void remove(r)} onMore={() => setLimit((n) => n + CORPUS_PAGE)} />
      </section>
    </main>
  );
}
