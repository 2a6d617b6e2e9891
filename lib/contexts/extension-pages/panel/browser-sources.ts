/** The panel sources wired to the WebExtension API, for the panel and side-panel entrypoints. */
import { onBroadcast, runtimeSend as send } from '../../../messages/client';
import { STATE_CHANGED } from '../../../messages/content-request';
import { activeTabSource, framedSource, withFrameSecret, type OnStateChanged, type PanelSource } from './sources';

const onStateChanged: OnStateChanged = (listener) => onBroadcast(STATE_CHANGED, (_message, from) => listener(from.tabId));

/**
 * The panel framed in an article page: every request carries the frame secret its content script
 * put in this frame's address (lib/contexts/background/frame-secret.ts). A panel.html framed by a page has
 * none, and the background answers it nothing.
 */
export function framedPanelSource(): PanelSource {
  return framedSource(withFrameSecret(send, location.hash.slice(1)), onStateChanged);
}

export function sidePanelSource(): PanelSource {
  return activeTabSource({
    send,
    activeTabId: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id,
    onTabsChanged(listener) {
      const activated = (info: { tabId: number }) => listener(info.tabId);
      const updated = (tabId: number, change: { status?: string }) => {
        if (change.status === 'complete') listener(tabId);
      };
      browser.tabs.onActivated.addListener(activated);
      browser.tabs.onUpdated.addListener(updated);
      return () => {
        browser.tabs.onActivated.removeListener(activated);
        browser.tabs.onUpdated.removeListener(updated);
      };
    },
    onStateChanged,
  });
}
