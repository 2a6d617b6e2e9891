/**
 * The one way the extension's contexts talk to the background: `request` a message and get its typed
 * reply (contract.ts's Replies), or listen for a broadcast with `onBroadcast`. The content script uses
 * it too, so nothing here loads zod (contract.ts is imported for its types only); the background checks
 * every request at its boundary (lib/contexts/background/router.ts).
 */
import { t } from '../i18n/content';
import { WordedError } from '../i18n/worded-error';
import type { ReplyOf, RequestOf, RequestType } from './contract';
import { parseBroadcast, type Broadcasts, type BroadcastType } from './broadcasts';
import { isReply, type Reply } from './reply';

/** How a message leaves: browser.runtime.sendMessage, or a wrapper of it (the framed panel adds its secret). */
export type Send = (message: unknown) => Promise<unknown>;

export type Client = {
  /**
   * The background's reply: the value or its refusal. No answer (nothing listening, the extension
   * reloaded) is a refusal too, in the reader's words, coded `message.no-answer`. Never rejects.
   */
  ask<K extends RequestType>(message: RequestOf<K>): Promise<Reply<ReplyOf<K>>>;
  /** The reply's value; a refusal rejects with a WordedError carrying its reason and code. */
  request<K extends RequestType>(message: RequestOf<K>): Promise<ReplyOf<K>>;
};

const noAnswer = (): { ok: false; error: string; code: string } => ({ ok: false, error: t('panel.noAnswer'), code: 'message.no-answer' });

export function createClient(send: Send): Client {
  async function ask<K extends RequestType>(message: RequestOf<K>): Promise<Reply<ReplyOf<K>>> {
    try {
      const answer = await send(message);
      return isReply(answer) ? answer : noAnswer();
    } catch {
      // No receiver (the background is restarting, the extension was reloaded): the reader's words, not the browser's.
      return noAnswer();
    }
  }
  return {
    ask,
    async request(message) {
      const reply = await ask(message);
      if (!reply.ok) throw new WordedError(reply.error, reply.code);
      return reply.value;
    },
  };
}

/** runtime.onMessage, as much of it as broadcasts need. */
export type MessageEvents = {
  addListener(listener: (message: unknown, sender: { id?: string; tab?: { id?: number } }) => void): void;
  removeListener(listener: (message: unknown, sender: { id?: string; tab?: { id?: number } }) => void): void;
};

/** Where a broadcast came from: the tab of the content script that sent it, if any. */
export type BroadcastOrigin = { tabId: number | undefined };
export type OnBroadcast = <K extends BroadcastType>(
  type: K,
  handler: (message: Broadcasts[K], from: BroadcastOrigin) => void,
) => () => void;

/** `onBroadcast` over an onMessage event: only this extension's broadcasts of that type, checked. Returns the unsubscribe. */
export function broadcastListener(events: MessageEvents, extensionId: string): OnBroadcast {
  return (type, handler) => {
    const listener = (raw: unknown, sender: { id?: string; tab?: { id?: number } }) => {
      if (sender.id !== extensionId) return;
      const message = parseBroadcast(type, raw);
      if (message) handler(message, { tabId: sender.tab?.id });
    };
    events.addListener(listener);
    return () => events.removeListener(listener);
  };
}

/** browser.runtime.sendMessage, for the contexts that have the WebExtension API. */
export const runtimeSend: Send = (message) => browser.runtime.sendMessage(message);

/** The client on browser.runtime. */
export function request<K extends RequestType>(message: RequestOf<K>): Promise<ReplyOf<K>> {
  return createClient(runtimeSend).request(message);
}

export function ask<K extends RequestType>(message: RequestOf<K>): Promise<Reply<ReplyOf<K>>> {
  return createClient(runtimeSend).ask(message);
}

export const onBroadcast: OnBroadcast = (type, handler) => broadcastListener(browser.runtime.onMessage, browser.runtime.id)(type, handler);
