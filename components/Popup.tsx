import type { PersistencePrompt } from '@/lib/db/persistence-prompt';
import { t } from '@/lib/i18n';
import type { LibraryDeps } from '@/lib/library/deps';
import { LibraryView } from './library/LibraryView';
import { PageControls, type PageControlsDeps } from './popup/PageControls';
import { PersistNotice } from './shared/PersistNotice';

/** The toolbar popup: controls for the page in the active tab, then the highlights library. */
export function Popup({ page, library, persistence }: { page?: PageControlsDeps; library?: LibraryDeps; persistence?: PersistencePrompt }) {
  return (
    <main class="popup" data-testid="popup">
      <h1>{t('appName')}</h1>
      {page && <PageControls deps={page} />}
      <PersistNotice prompt={persistence} />
      {library ? <LibraryView deps={library} mode="popup" /> : <p>{t('popup.empty')}</p>}
    </main>
  );
}
