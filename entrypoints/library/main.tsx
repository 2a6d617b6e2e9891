// library.html: the popup's highlights library in a full tab ("Open as a page"); `#import` goes straight to importing.
import { render } from 'preact';
import '@/components/shared/base.css';
import '@/components/library/library.css';
import { LibraryPage } from '@/components/library/LibraryPage';
import { dismissEvictionNotice, extensionLocalStore, readEvictionNotice, requestPersistence } from '@/lib/db/durability';
import { getLang, t } from '@/lib/i18n';
import { browserLibraryDeps } from '@/lib/popup/library-browser';

// Ask the browser to keep the reader's notes when the disk runs low (pages may ask, the worker may not).
void requestPersistence();
document.documentElement.lang = getLang() === 'zh' ? 'zh-CN' : 'en';
document.title = t('library.title');
const local = extensionLocalStore();
render(
  <LibraryPage
    deps={browserLibraryDeps('page')}
    openImport={location.hash === '#import'}
    storage={{ read: () => readEvictionNotice(local), dismiss: () => dismissEvictionNotice(local) }}
  />,
  document.getElementById('app')!,
);
