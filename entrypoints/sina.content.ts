import { navigatedUrl } from '@/lib/contexts/sina-page/navigated-url';
import { startLens } from '@/lib/contexts/sina-page/start';
import { runtimeSend } from '@/lib/messages/client';
import { ARTICLE_MATCHES } from '@/lib/sina/match-patterns';

const PANEL_OPEN_KEY = 'panel.open';

export default defineContentScript({
  matches: ARTICLE_MATCHES,
  runAt: 'document_idle',
  main() {
    // The address the browser loaded, not one a page script rewrote with history.replaceState.
    const href = navigatedUrl(window);
    if (!href) return;
    void startLens({
      doc: document,
      href,
      extensionId: browser.runtime.id,
      panelUrl: browser.runtime.getURL('/panel.html'),
      send: runtimeSend,
      onMessage: (listener) =>
        browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
          const answer = listener(message, sender);
          if (!answer) return undefined;
          void answer.then(sendResponse);
          return true;
        }),
      loadPanelOpen: async () => ((await browser.storage.local.get(PANEL_OPEN_KEY))[PANEL_OPEN_KEY] as boolean | undefined) ?? true,
      savePanelOpen: (open) => browser.storage.local.set({ [PANEL_OPEN_KEY]: open }),
    });
  },
});
