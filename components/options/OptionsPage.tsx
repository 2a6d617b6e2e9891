import { useEffect, useState } from 'preact/hooks';
import type { EvictionNotice as EvictionNoticeData } from '@/lib/db/durability';
import { t } from '@/lib/i18n';
import type { HostAccess } from '@/lib/contexts/extension-pages/permissions/host-access';
import { EvictionNotice, type StorageNotice } from '../shared/EvictionNotice';
import { HostAccessNotice } from '../shared/HostAccess';
import { CorpusTable } from './CorpusTable';
import { AddReadSetting } from './AddReadSetting';
import { ImportPanel } from './ImportPanel';
import type { CorpusActions, CorpusView } from '@/lib/insight/corpus-contract';
import { describeError } from '@/lib/i18n/errors';

/** Corpus rows shown at once, and added per "show more". */
const CORPUS_PAGE = 50;

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
  const [view, setView] = useState<CorpusView | null>(null);
  const [limit, setLimit] = useState(CORPUS_PAGE);
  const [importing, setImporting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [evicted, setEvicted] = useState<EvictionNoticeData | null>(null);
  useEffect(() => void storage?.read().then(setEvicted, () => undefined), [storage]);

  // Live: the background seeds the corpus on install while this page may already be open. Not during an
  // import: it commits a batch every second or so, and the list is read again once it is done.
  useEffect(
    () => (importing ? undefined : actions.watch(limit, setView, (e) => setNotice(t('error.generic', describeError(e))))),
    [actions, limit, importing],
  );

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
        <ImportPanel onStart={actions.startImport} onBusy={setImporting} />
      </div>
      <section aria-labelledby="corpus-heading">
        <h2 id="corpus-heading">{t('corpus.heading')}</h2>
        {notice && <p role="status">{notice}</p>}
        <CorpusTable view={view} actions={actions} onMore={() => setLimit((n) => n + CORPUS_PAGE)} />
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
