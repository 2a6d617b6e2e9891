import { render } from 'preact';
import '@/components/shared/base.css';
import '@/components/library/library.css';
import '@/components/popup/popup.css';
import { Popup } from '@/components/Popup';
import { requestPersistence } from '@/lib/db/durability';
import { getLang } from '@/lib/i18n';
import { pageControlsDeps } from '@/lib/popup/browser-deps';
import { browserLibraryDeps } from '@/lib/popup/library-browser';

// Ask the browser to keep the reader's notes when the disk runs low (pages may ask, the worker may not).
void requestPersistence();
document.documentElement.lang = getLang() === 'zh' ? 'zh-CN' : 'en';
render(<Popup page={pageControlsDeps()} library={browserLibraryDeps('popup')} />, document.getElementById('app')!);
