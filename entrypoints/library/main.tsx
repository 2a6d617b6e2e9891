// library.html: the popup's highlights library in a full tab ("Open as a page"); `#import` goes straight to importing.
import { render } from 'preact';
import '@/components/shared/base.css';
import '@/components/library/library.css';
import { LibraryPage } from '@/components/library/LibraryPage';
import { browserPersistencePrompt } from '@/lib/db/browser-persistence';
import { dismissEvictionNotice, extensionLocalStore, readEvictionNotice } from '@/lib/db/durability';
import { setPageLanguage } from '@/lib/i18n/page';
import { browserLibraryDeps } from '@/lib/contexts/extension-pages/library/browser';

setPageLanguage('library.title');
const local = extensionLocalStore();
render(
  <LibraryPage
    deps={browserLibraryDeps('page')}
    openImport={location.hash === '#import'}
    storage={{ read: () => readEvictionNotice(local), dismiss: () => dismissEvictionNotice(local) }}
    persistence={browserPersistencePrompt()}
  />,
  document.getElementById('app')!,
);
