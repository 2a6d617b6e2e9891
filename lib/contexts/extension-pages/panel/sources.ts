/**
 * Where a panel gets what it shows. The same Panel component serves three places:
 * - framed in the article page (panel.html in the content script's closed shadow root): its own tab,
 *   through the background's relay to that tab's content script;
 * - the browser's side panel (Chrome) or sidebar (Firefox): whichever tab is active in its window,
 *   followed as the reader switches tabs or navigates;
 * - the reader page: a corpus article analysed locally (components/reader).
 */
import type { LensState } from '../../../messages/tab-state';
import type { HighlightRecord } from '../../../db/schema';
import { createClient, type Send } from '../../../messages/client';
import type { TextTarget } from '../../../messages/contract';
import { valueOr } from '../../../messages/reply';

export type PanelSource = {
  /** What to show now; null when there is no recognised article to show. */
  load(): Promise<LensState | null>;
  /** Scrolls the article to this text and flashes it; false when the text is not there any more. */
  reveal(target: TextTarget): Promise<boolean>;
  /** Analyses the article again after an error. */
  retry?(): Promise<void>;
  /** Collapses the in-page panel to its tab (only the framed panel has one). */
  collapse?(): Promise<void>;
  /** Calls `onChange` whenever `load` may answer differently; returns the unsubscribe. */
  subscribe(onChange: () => void): () => void;
  /** The reader's highlights on the article shown; each rejects with the refusal's reason. */
  highlights?: HighlightSource;
};

export type HighlightSource = {
  /** Scrolls the article to the highlight and flashes it; false when it is not on the page. */
  show(id: string): Promise<boolean>;
  update(id: string, patch: Record<string, unknown>): Promise<HighlightRecord>;
  /** Deletes; resolves to the record as it was (for undo), null if it was already gone. */
  remove(id: string): Promise<HighlightRecord | null>;
  restore(record: HighlightRecord): Promise<HighlightRecord>;
  /** Re-attaches the highlight to the text the reader selected in the article. */
  reattach(id: string): Promise<HighlightRecord>;
};

/** The content scripts' "my state changed" broadcast (lib/messages/client.ts onBroadcast), with the sender's tab. */
export type OnStateChanged = (listener: (fromTabId: number | undefined) => void) => () => void;

/**
 * Highlight actions from a panel: edits go to the background directly (it tells every tab); showing
 * and re-attaching happen in the article, so they go to the tab's content script (`tabId`: the one the
 * panel follows, or undefined for the panel's own tab).
 */
export function highlightSource(send: Send, tabId: () => number | undefined): HighlightSource {
  const { request } = createClient(send);
  const tab = () => {
    const id = tabId();
    return id === undefined ? {} : { tabId: id };
  };
  return {
    show: (id) => request({ type: 'panel:highlight', id, ...tab() }),
    update: (id, patch) => request({ type: 'highlights:update', id, patch }),
    remove: (id) => request({ type: 'highlights:delete', id }),
    restore: (record) => request({ type: 'highlights:restore', record }),
    // A refusal of the tab's ("select some text first") comes back as the background's own.
    reattach: (id) => request({ type: 'panel:reattach', id, ...tab() }),
  };
}

/** `send` with the frame secret added to every message (the framed panel's; see lib/contexts/background/frame-secret.ts). */
export function withFrameSecret(send: Send, secret: string): Send {
  return (message) => send(typeof message === 'object' && message !== null ? { ...message, frame: secret } : message);
}

/** The panel framed in an article page: the background knows its tab from the message's sender. */
export function framedSource(send: Send, onStateChanged: OnStateChanged): PanelSource {
  const { ask } = createClient(send);
  return {
    highlights: highlightSource(send, () => undefined),
    load: async () => valueOr(await ask({ type: 'panel:state' }), null),
    reveal: async (target) => valueOr(await ask({ type: 'panel:reveal', target }), false),
    retry: async () => void (await ask({ type: 'panel:retry' })),
    collapse: async () => void (await ask({ type: 'panel:set-open', open: false })),
    // Any tab's notice makes it ask again: cheap, and the frame does not know its own tab id.
    subscribe: (onChange) => onStateChanged(() => onChange()),
  };
}

export type ActiveTabDeps = {
  send: Send;
  /** tabs.query({ active: true, currentWindow: true }): needs no `tabs` permission for the id. */
  activeTabId(): Promise<number | undefined>;
  /** tabs.onActivated and tabs.onUpdated (page loaded) in this window. */
  onTabsChanged(listener: (tabId: number | undefined) => void): () => void;
  onStateChanged: OnStateChanged;
};

/** The browser's side panel / sidebar: follows the active tab of its window. */
export function activeTabSource(deps: ActiveTabDeps): PanelSource {
  const { ask } = createClient(deps.send);
  let tabId: number | undefined;
  return {
    highlights: highlightSource(deps.send, () => tabId),
    load: async () => {
      tabId = await deps.activeTabId().catch(() => undefined);
      if (tabId === undefined) return null;
      // No content script on the tab (not a Sina article, or not loaded yet): nothing to show.
      return valueOr(await ask({ type: 'panel:state', tabId }), null);
    },
    reveal: async (target) => (tabId === undefined ? false : valueOr(await ask({ type: 'panel:reveal', target, tabId }), false)),
    retry: async () => {
      if (tabId !== undefined) await ask({ type: 'panel:retry', tabId });
    },
    subscribe: (onChange) => {
      const offTabs = deps.onTabsChanged(() => onChange());
      const offState = deps.onStateChanged((from) => {
        if (from === undefined || from === tabId) onChange();
      });
      return () => {
        offTabs();
        offState();
      };
    },
  };
}
