import { useCallback, useEffect, useState } from 'preact/hooks';
import type { CorpusRow, ImportFile } from '@/lib/db/articles';
import { t } from '@/lib/i18n';
import { CorpusTable } from './CorpusTable';
import { ImportPanel } from './ImportPanel';

export type CorpusActions = {
  list(): Promise<CorpusRow[]>;
  importFiles: Parameters<typeof ImportPanel>[0]['onImport'];
  remove(id: string): Promise<void>;
};

/** The options page: a welcome on first install, importing articles, and the corpus list. */
export function OptionsPage({ actions, welcome }: { actions: CorpusActions; welcome: boolean }) {
  const [rows, setRows] = useState<CorpusRow[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      setRows(await actions.list());
    } catch (e) {
      setNotice(t('error.generic', (e as Error).message));
    }
  }, [actions]);
  useEffect(() => void refresh(), [refresh]);

  const importFiles = async (files: ImportFile[], onProgress: (done: number, total: number) => void) => {
    const results = await actions.importFiles(files, onProgress);
    await refresh();
    return results;
  };

  const remove = async (row: CorpusRow) => {
    try {
      await actions.remove(row.id);
      setNotice(t('corpus.removed', row.title));
    } catch (e) {
      setNotice(t('error.generic', (e as Error).message));
    }
    await refresh();
  };

  return (
    <main class="options" data-testid="options">
      <h1>{t('options.title')}</h1>
      {welcome && (
        <p class="welcome" data-testid="welcome">
          {t('options.welcome')}
        </p>
      )}
      <ImportPanel onImport={importFiles} />
      <section aria-labelledby="corpus-heading">
        <h2 id="corpus-heading">{t('corpus.heading')}</h2>
        {notice && <p role="status">{notice}</p>}
        <CorpusTable rows={rows} onRemove={(r) => void remove(r)} />
      </section>
    </main>
  );
}
