/** What the popup's page controls need from the browser (components/popup/PageControls.tsx). */
import type { Send } from '../../../messages/client';
import type { HostAccess } from '../permissions/host-access';

export type ActiveTab = { id: number; windowId?: number };

export type PageControlsDeps = {
  /** tabs.query({ active: true, currentWindow: true }): the id needs no `tabs` permission. */
  activeTab(): Promise<ActiveTab | undefined>;
  /** browser.runtime.sendMessage (a Send, lib/messages/client.ts). */
  send(message: unknown): ReturnType<Send>;
  /** The toggle shortcut as the reader has it set (commands.getAll), if any. */
  shortcut(): Promise<string | undefined>;
  /** Opens the browser's side panel / sidebar; absent where the browser has none. Call it in the click. */
  openSidePanel?(windowId: number | undefined): Promise<void>;
  /** Whether Policy Lens may run on Sina pages (Firefox does not allow it at install), and asking for it. */
  hostAccess?: HostAccess;
};
