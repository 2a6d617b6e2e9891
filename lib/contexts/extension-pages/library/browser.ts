/** The library's LibraryDeps for the popup and the library page, on the WebExtension API. */
import catalogue from 'virtual:policy-lens/measures';
import { HIGHLIGHT_COMMAND } from '../../../messages/commands';
import { extensionLocalStore, recordBackup } from '../../../db/durability';
import { lensDB } from '../../../db/schema';
import { getLang } from '../../../i18n';
import { HIGHLIGHTS_CHANGED } from '../../../messages/broadcasts';
import { onBroadcast, runtimeSend } from '../../../messages/client';
import { createLibraryDeps } from './actions';
import type { LibraryDeps } from '../../../library/deps';

export const LIBRARY_PAGE = '/library.html';

export function browserLibraryDeps(where: 'popup' | 'page'): LibraryDeps {
  const popup = where === 'popup';
  return createLibraryDeps({
    db: lensDB(),
    send: runtimeSend,
    catalogue,
    lang: getLang(),
    onHighlightsChanged: (listener) => onBroadcast(HIGHLIGHTS_CHANGED, (message) => listener(message.articleKey)),
    onBackup: (at) => recordBackup(extensionLocalStore(), at),
    // The popup has done its job once the article is in front; the full page stays for the next one.
    ...(popup && { afterOpen: () => window.close() }),
    ...(popup && {
      openPage(section?: 'import') {
        // tabs.create needs no `tabs` permission; the popup closes by itself when the tab takes focus in
        // Chrome, not always in Firefox.
        const url = browser.runtime.getURL(LIBRARY_PAGE) + (section ? `#${section}` : '');
        void browser.tabs.create({ url }).then(() => window.close());
      },
    }),
    highlightShortcut: async () => (await browser.commands.getAll()).find((c) => c.name === HIGHLIGHT_COMMAND)?.shortcut || undefined,
  });
}
