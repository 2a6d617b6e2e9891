/**
 * Type-level tests of the message contract, checked by `npm run typecheck` (tsc reads every .ts file;
 * nothing here runs). Each `@ts-expect-error` line must fail to compile: if the types ever let a wrong
 * reply shape through, tsc reports the directive as unused and the typecheck fails.
 */
import { expectTypeOf } from 'vitest';
import type { Handler, Handlers } from '../contexts/background/router';
import type { BackgroundContext } from '../contexts/background/handlers';
import type { LensState } from './tab-state';
import type { HighlightRecord } from '../db/schema';
import { HIGHLIGHTS_CHANGED } from './broadcasts';
import { createClient, type OnBroadcast } from './client';
import { STATE_CHANGED, type ContentHandlers, type ContentReplyOf } from './content-request';
import type { HighlightList, Messages, ReplyOf, RequestType, StrayReplies } from './contract';
import type { Reply } from './reply';

declare const ctx: BackgroundContext;
declare const onBroadcast: OnBroadcast;
const client = createClient(async () => undefined);

// Every request type has a reply type, and no reply type is left over from a removed request.
expectTypeOf<keyof Messages>().toEqualTypeOf<RequestType>();
expectTypeOf<StrayReplies>().toBeNever();
expectTypeOf<'corpus:changed'>().not.toExtend<RequestType>();

// The handler side: a handler must return its request's reply.
export const goodToggle: Handler<'panel:toggle', BackgroundContext> = async () => true;
// @ts-expect-error a string is not panel:toggle's reply (boolean)
export const badToggle: Handler<'panel:toggle', BackgroundContext> = async () => 'shown';
// @ts-expect-error panel:reattach answers the record itself, not a reply wrapped in a reply
export const doubleWrapped: Handler<'panel:reattach', BackgroundContext> = async (): Promise<Reply<HighlightRecord>> => ({
  ok: false,
  error: 'no',
});
// @ts-expect-error highlights:list answers { highlights, colorRenames }, not the bare list
export const bareList: Handler<'highlights:list', BackgroundContext> = async (): Promise<HighlightRecord[]> => [];
// A table missing a request type does not compile either.
// @ts-expect-error 'panel:toggle' (and the rest) missing
export const partial: Handlers<BackgroundContext> = { 'highlights:changed-all': async () => null };
void ctx;

// The call side: `request` resolves to the reply of the message's type, and only that.
export async function callSites(): Promise<void> {
  expectTypeOf(client.request({ type: 'library:open', highlightId: 'h1' })).resolves.toEqualTypeOf<{ tabId: number }>();
  expectTypeOf(client.request({ type: 'panel:state', tabId: 1 })).resolves.toEqualTypeOf<LensState | null>();
  expectTypeOf(client.request({ type: 'highlights:list', articleKey: 'sina:k1' })).resolves.toEqualTypeOf<HighlightList>();
  expectTypeOf(client.ask({ type: 'panel:reattach', id: 'h1' })).resolves.toEqualTypeOf<Reply<HighlightRecord>>();
  expectTypeOf<ReplyOf<'highlights:delete'>>().toEqualTypeOf<HighlightRecord | null>();

  // @ts-expect-error panel:toggle's reply is a boolean, not text
  const shown: string = await client.request({ type: 'panel:toggle', tabId: 1 });
  // @ts-expect-error highlights:delete may answer null (already gone): not a HighlightRecord for sure
  const removed: HighlightRecord = await client.request({ type: 'highlights:delete', id: 'h1' });
  // @ts-expect-error the popup must name the tab
  await client.request({ type: 'panel:toggle' });
  // @ts-expect-error no such field on panel:toggle
  await client.request({ type: 'panel:toggle', tabId: 1, open: true });
  // @ts-expect-error no such message
  await client.request({ type: 'corpus:changed' });
  void shown;
  void removed;

  // Broadcasts are typed by their type too.
  onBroadcast(HIGHLIGHTS_CHANGED, (message) => expectTypeOf(message.articleKey).toEqualTypeOf<string>());
  // @ts-expect-error the state-changed notice carries no article key
  onBroadcast(STATE_CHANGED, (message) => message.articleKey);
}

/** The other way: what the content script answers the background is typed per request too. */
export function contentRepliesAreTyped() {
  expectTypeOf<ContentReplyOf<'tab:state'>>().toEqualTypeOf<LensState>();
  expectTypeOf<ContentReplyOf<'tab:reattach'>>().toEqualTypeOf<Reply<HighlightRecord>>();
  const toggleOnly: Pick<ContentHandlers, 'tab:toggle'> = {
    // @ts-expect-error tab:toggle answers the new open state, a boolean
    'tab:toggle': () => Promise.resolve('open'),
  };
  const stateOnly: Pick<ContentHandlers, 'tab:state'> = {
    // @ts-expect-error tab:state answers a LensState, not a bare status
    'tab:state': () => Promise.resolve({ status: 'ready' }),
  };
  // @ts-expect-error every request needs its handler: tab:article is missing
  const partial: ContentHandlers = { 'tab:state': () => undefined };
  void toggleOnly;
  void stateOnly;
  void partial;
}
