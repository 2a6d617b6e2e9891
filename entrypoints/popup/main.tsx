import { render } from 'preact';
import '@/components/shared/base.css';
import '@/components/library/library.css';
import '@/components/popup/popup.css';
import { Popup } from '@/components/Popup';
import { browserPersistencePrompt } from '@/lib/db/browser-persistence';
import { setPageLanguage } from '@/lib/i18n/page';
import { pageControlsDeps } from '@/lib/contexts/extension-pages/popup/browser-deps';
import { browserLibraryDeps } from '@/lib/contexts/extension-pages/library/browser';

setPageLanguage('manifest.name');
// Persistent storage is asked for once, in the library, when there are notes to keep (PersistNotice).
render(
  <Popup page={pageControlsDeps()} library={browserLibraryDeps('popup')} persistence={browserPersistencePrompt()} />,
  document.getElementById('app')!,
);
