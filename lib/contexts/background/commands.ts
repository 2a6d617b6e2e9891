/**
 * Keyboard shortcuts (the manifest's `commands`). The toolbar button opens the popup (the notes
 * library), so a plain click on it cannot also toggle the panel: the panel is toggled by the
 * `toggle-panel` shortcut (suggested Alt+Shift+L, changeable in the browser's shortcut settings) and
 * by the popup's "Show or hide the panel on this page" button. Both end in the same 'tab:toggle'
 * message to the active tab's content script. `highlight-selection` highlights the selection there.
 */
import { HIGHLIGHT_COMMAND, TOGGLE_PANEL_COMMAND } from '../../messages/commands';
import type { ContentRequest } from '../../messages/contract';

export { HIGHLIGHT_COMMAND, TOGGLE_PANEL_COMMAND };

const MESSAGES: Record<string, ContentRequest> = {
  [TOGGLE_PANEL_COMMAND]: { type: 'tab:toggle' },
  [HIGHLIGHT_COMMAND]: { type: 'tab:highlight-selection' },
};

export type CommandDeps = {
  /** The tab that was active when the shortcut was pressed, when the browser does not say. */
  activeTabId(): Promise<number | undefined>;
  toTab(tabId: number, message: ContentRequest): Promise<unknown>;
};

/**
 * Handles one command. `tab` is what the browser passes with it (Chrome, and Firefox 126+).
 * Resolves to what the content script answered (the panel's new open state), or undefined when the
 * command is not ours or the tab has no lens (not a Sina article): pressing the shortcut there does nothing.
 */
export async function handleCommand(command: string, tab: { id?: number } | undefined, deps: CommandDeps): Promise<unknown> {
  const message = MESSAGES[command];
  if (!message) return undefined;
  const tabId = tab?.id ?? (await deps.activeTabId());
  if (tabId === undefined || tabId < 0) return undefined;
  return deps.toTab(tabId, message).catch(() => undefined);
}
