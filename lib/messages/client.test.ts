import { describe, expect, it, vi } from 'vitest';
import { HIGHLIGHTS_CHANGED } from './broadcasts';
import { broadcastListener, createClient, type MessageEvents } from './client';
import { STATE_CHANGED } from './content-request';

const EXT_ID = 'lens-id';

describe('createClient', () => {
  it('request: the reply’s value, typed by the message type', async () => {
    const send = vi.fn(async () => ({ ok: true, value: { tabId: 3 } }));
    const { tabId } = await createClient(send).request({ type: 'library:open', highlightId: 'h1' });
    expect(tabId).toBe(3);
    expect(send).toHaveBeenCalledWith({ type: 'library:open', highlightId: 'h1' });
  });

  it('request: a refusal rejects with the background’s words and code', async () => {
    const send = async () => ({ ok: false, error: 'Update highlight: note: at most 10000 characters', code: 'field.too-long' });
    await expect(createClient(send).request({ type: 'highlights:delete', id: 'h1' })).rejects.toMatchObject({
      name: 'WordedError',
      message: 'Update highlight: note: at most 10000 characters',
      code: 'field.too-long',
    });
  });

  it('ask: no answer, a rejected send or something that is not a reply is a refusal coded message.no-answer, never a throw', async () => {
    const answers: (() => Promise<unknown>)[] = [
      async () => undefined,
      async () => 'hello',
      async () => ({ ok: false }),
      async () => {
        throw new Error('Could not establish connection. Receiving end does not exist.');
      },
    ];
    for (const send of answers) {
      expect(await createClient(send).ask({ type: 'frame:secret' })).toEqual({
        ok: false,
        error: 'Policy Lens did not answer. Reload the page to try again.',
        code: 'message.no-answer',
      });
    }
  });
});

describe('broadcastListener', () => {
  function events() {
    const listeners: Parameters<MessageEvents['addListener']>[0][] = [];
    const on: MessageEvents = {
      addListener: (l) => listeners.push(l),
      removeListener: (l) => listeners.splice(listeners.indexOf(l), 1),
    };
    return {
      on,
      fire: (message: unknown, sender: { id?: string; tab?: { id?: number } }) => listeners.forEach((l) => l(message, sender)),
      listeners,
    };
  }

  it('hears only its type, from this extension, with the fields checked', () => {
    const e = events();
    const heard = vi.fn();
    const off = broadcastListener(e.on, EXT_ID)(HIGHLIGHTS_CHANGED, (message) => heard(message.articleKey));
    e.fire({ type: HIGHLIGHTS_CHANGED, articleKey: 'sina:kabc' }, { id: EXT_ID });
    e.fire({ type: HIGHLIGHTS_CHANGED, articleKey: 'sina:kabc' }, { id: 'other-extension' });
    e.fire({ type: HIGHLIGHTS_CHANGED, articleKey: 7 }, { id: EXT_ID });
    e.fire({ type: STATE_CHANGED }, { id: EXT_ID });
    e.fire(null, { id: EXT_ID });
    expect(heard.mock.calls).toEqual([['sina:kabc']]);
    off();
    expect(e.listeners).toHaveLength(0);
  });

  it('says which tab a state-changed notice came from', () => {
    const e = events();
    const heard = vi.fn();
    broadcastListener(e.on, EXT_ID)(STATE_CHANGED, (_message, from) => heard(from.tabId));
    e.fire({ type: 'panel:state' }, { id: EXT_ID });
    e.fire({ type: STATE_CHANGED }, { id: EXT_ID, tab: { id: 5 } });
    e.fire({ type: STATE_CHANGED }, { id: EXT_ID });
    expect(heard.mock.calls).toEqual([[5], [undefined]]);
  });
});
