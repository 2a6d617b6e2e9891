/** The popup's page controls wired to the WebExtension API. */
import type { PageControlsDeps } from './page-controls';
import { TOGGLE_PANEL_COMMAND } from '../../../messages/commands';
import { runtimeSend } from '../../../messages/client';
import { browserHostAccess } from '../permissions/host-access';

type SidePanelApi = { sidePanel?: { open(o: { windowId: number }): Promise<void> }; sidebarAction?: { open(): Promise<void> } };

export function pageControlsDeps(): PageControlsDeps {
  const api = browser as unknown as SidePanelApi;
  // Chrome's side panel and Firefox's sidebar both need the reader's click: the call is made in it.
  const openSidePanel = api.sidePanel?.open
    ? async (windowId: number | undefined) => {
        if (windowId !== undefined) await api.sidePanel!.open({ windowId });
        window.close();
      }
    : api.sidebarAction?.open
      ? async () => {
          await api.sidebarAction!.open();
          window.close();
        }
      : undefined;
  return {
    activeTab: async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      return tab?.id === undefined ? undefined : { id: tab.id, windowId: tab.windowId };
    },
    send: runtimeSend,
    shortcut: async () => (await browser.commands.getAll()).find((c) => c.name === TOGGLE_PANEL_COMMAND)?.shortcut || undefined,
    ...(openSidePanel ? { openSidePanel } : {}),
    hostAccess: browserHostAccess(),
  };
}
