/** The panel sources wired to the WebExtension API, for the panel and side-panel entrypoints. */
import { activeTabSource, framedSource, stateChangedFrom, type PanelSource } from './sources';

const send = (message: unknown) => browser.runtime.sendMessage(message);

export function framedPanelSource(): PanelSource {
  return framedSource(send, stateChangedFrom(browser.runtime.onMessage as never));
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
    onStateChanged: stateChangedFrom(browser.runtime.onMessage as never),
  });
}
