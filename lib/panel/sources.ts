/**
 * Where a panel gets what it shows. The same Panel component serves three places:
 * - framed in the article page (panel.html in the content script's closed shadow root): its own tab,
 *   through the background's relay to that tab's content script;
 * - the browser's side panel (Chrome) or sidebar (Firefox): whichever tab is active in its window,
 *   followed as the reader switches tabs or navigates;
 * - the reader page: a corpus article analysed locally (components/reader).
 */
import type { LensState } from '../content/state';
import type { HighlightRecord } from '../db/schema';
import { t } from '../i18n';
import { WordedError } from '../i18n/worded-error';
import { STATE_CHANGED, type Reply, type TextTarget } from '../messages/contract';

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

type Send = (message: unknown) => Promise<unknown>;
/** runtime.onMessage, reduced to what panels listen for: a content script's "my state changed" notice. */
export type OnStateChanged = (listener: (fromTabId: number | undefined) => void) => () => void;

/**
 * A tab's answer, if it is a lens state. A tab without the lens may still answer with nothing (an
 * extension page open in that tab hears tabs.sendMessage too), so anything else means "no article".
 */
export function asState(reply: Reply<unknown> | undefined): LensState | null {
  if (!reply) return null;
  if (!reply.ok) return null;
  const v = reply.value as Partial<LensState> | null | undefined;
  return v && typeof v === 'object' && (v.status === 'loading' || v.status === 'ready' || v.status === 'error') && v.article ? (v as LensState) : null;
}

async function ask<T>(send: Send, message: unknown): Promise<Reply<T>> {
  try {
    const reply = (await send(message)) as Reply<T> | undefined;
    return reply ?? { ok: false, error: t('panel.noAnswer'), code: 'message.no-answer' };
  } catch {
    // No receiver (the tab's content script is gone or never ran): the reader's words, not the browser's.
    return { ok: false, error: t('panel.noAnswer'), code: 'message.no-answer' };
  }
}

/** A reply's value, or a rejection with the refusal's reason. */
async function call<T>(send: Send, message: unknown): Promise<T> {
  const reply = await ask<T>(send, message);
  if (!reply.ok) throw new WordedError(reply.error, reply.code);
  return reply.value;
}

/**
 * Highlight actions from a panel: edits go to the background directly (it tells every tab); showing
 * and re-attaching happen in the article, so they go to the tab's content script (`tabId`: the one the
 * panel follows, or undefined for the panel's own tab).
 */
export function highlightSource(send: Send, tabId: () => number | undefined): HighlightSource {
  const tab = () => {
    const id = tabId();
    return id === undefined ? {} : { tabId: id };
  };
  return {
    show: async (id) => (await call<boolean>(send, { type: 'panel:highlight', id, ...tab() })) === true,
    update: (id, patch) => call(send, { type: 'highlights:update', id, patch }),
    remove: (id) => call(send, { type: 'highlights:delete', id }),
    restore: (record) => call(send, { type: 'highlights:restore', record }),
    reattach: async (id) => {
      // The content script answers with a Reply of its own (a refusal such as "select some text first").
      const reply = await call<Reply<HighlightRecord>>(send, { type: 'panel:reattach', id, ...tab() });
      if (!reply.ok) throw new WordedError(reply.error, reply.code);
      return reply.value;
    },
  };
}

/** `send` with the frame secret added to every message (the framed panel's; see lib/background/frame-secret.ts). */
export function withFrameSecret(send: Send, secret: string): Send {
  return (message) => send({ ...(message as Record<string, unknown>), frame: secret });
}

/** The panel framed in an article page: the background knows its tab from the message's sender. */
export function framedSource(send: Send, onStateChanged: OnStateChanged): PanelSource {
  return {
    highlights: highlightSource(send, () => undefined),
    load: async () => asState(await ask(send, { type: 'panel:state' })),
    reveal: async (target) => {
      const reply = await ask<boolean>(send, { type: 'panel:reveal', target });
      return reply.ok && reply.value === true;
    },
    retry: async () => void (await ask(send, { type: 'panel:retry' })),
    collapse: async () => void (await ask(send, { type: 'panel:set-open', open: false })),
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
  let tabId: number | undefined;
  return {
    highlights: highlightSource(deps.send, () => tabId),
    load: async () => {
      tabId = await deps.activeTabId().catch(() => undefined);
      if (tabId === undefined) return null;
      // No content script on the tab (not a Sina article, or not loaded yet): nothing to show.
      return asState(await ask(deps.send, { type: 'panel:state', tabId }));
    },
    reveal: async (target) => {
      if (tabId === undefined) return false;
      const reply = await ask<boolean>(deps.send, { type: 'panel:reveal', target, tabId });
      return reply.ok && reply.value === true;
    },
    retry: async () => {
      if (tabId !== undefined) await ask(deps.send, { type: 'panel:retry', tabId });
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

/** Adapts runtime.onMessage to OnStateChanged. */
export function stateChangedFrom(onMessage: {
  addListener(cb: (message: unknown, sender: { tab?: { id?: number } }) => void): void;
  removeListener(cb: (message: unknown, sender: { tab?: { id?: number } }) => void): void;
}): OnStateChanged {
  return (listener) => {
    const cb = (message: unknown, sender: { tab?: { id?: number } }) => {
      if ((message as { type?: unknown } | null)?.type === STATE_CHANGED) listener(sender.tab?.id);
    };
    onMessage.addListener(cb);
    return () => onMessage.removeListener(cb);
  };
}
