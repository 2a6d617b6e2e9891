/**
 * The background's single message entry: validate the shape with the contract's zod schema, check the
 * sender may ask for this, then dispatch. Replies are values or refusals with a reason, never throws.
 *
 * A panel framed in a tab (`framed-page`) is answered only with its tab's frame secret in the
 * message (`frame`, lib/contexts/background/frame-secret.ts), only for what the panel does, and only about
 * its own tab: a panel.html that a page framed itself gets nothing and changes nothing.
 */
import { codeOf, describeError, isErrorCode, LensError, storageCode, wordError, type ErrorCode } from '../../i18n/errors';
import { WordedError } from '../../i18n/worded-error';
import { issueCode } from '../../i18n/zod-issues';
import { RequestSchema, type Reply, type ReplyOf, type RequestOf, type RequestType } from '../../messages/contract';
import { classifySender, type SenderInfo, type SenderKind } from './sender';

/** The handler of one request type: its reply is the contract's (contract.ts Replies), or it throws. */
export type Handler<K extends RequestType, C> = (req: RequestOf<K>, ctx: C) => Promise<ReplyOf<K>>;
/** One handler per request type; `C` is what they are given (lib/contexts/background/handlers.ts: the background's deps and the sender). */
export type Handlers<C> = { [K in RequestType]: Handler<K, C> };

/** Which senders may send which messages. */
const ALLOWED: Record<RequestType, SenderKind['kind'][]> = {
  'article:analyze': ['content-script'],
  'page:load-fallback': ['content-script'],
  'frame:secret': ['content-script'],
  'reveal:take': ['content-script'],
  'panel:state': ['extension-page', 'framed-page'],
  'panel:reveal': ['extension-page', 'framed-page'],
  'panel:set-open': ['extension-page', 'framed-page'],
  'panel:toggle': ['extension-page'],
  'panel:retry': ['extension-page', 'framed-page'],
  'panel:highlight': ['extension-page', 'framed-page'],
  'panel:reattach': ['extension-page', 'framed-page'],
  'library:open': ['extension-page'],
  'highlights:changed-all': ['extension-page'],
  'highlights:list': ['content-script', 'extension-page'],
  'highlights:create': ['content-script', 'extension-page'],
  'highlights:update': ['content-script', 'extension-page', 'framed-page'],
  'highlights:delete': ['content-script', 'extension-page', 'framed-page'],
  'highlights:restore': ['content-script', 'extension-page', 'framed-page'],
};

/** Whether a framed panel's secret is one its tab's content script was given (frame-secret.ts). */
export type FrameCheck = (tabId: number, secret: unknown) => Promise<boolean>;

export type RouterOptions<C> = {
  extensionId: string;
  /** runtime.getURL('/'). */
  extensionOrigin: string;
  /** What each handler is given, for this (checked) sender. */
  context(sender: SenderKind): C;
  checkFrame?: FrameCheck;
};

function dispatch<K extends RequestType, C>(handlers: Handlers<C>, type: K, req: RequestOf<K>, ctx: C): Promise<ReplyOf<K>> {
  const handler: Handler<K, C> = handlers[type];
  return handler(req, ctx);
}

export function createRouter<C>(
  handlers: Handlers<C>,
  { extensionId, extensionOrigin, context, checkFrame = async () => false }: RouterOptions<C>,
) {
  return async function route(raw: unknown, senderInfo: SenderInfo): Promise<Reply<unknown>> {
    const sender = classifySender(senderInfo, extensionId, extensionOrigin);
    if (!sender) return refuse(new LensError('message.foreign-sender'));
    const parsed = RequestSchema.safeParse(raw);
    if (!parsed.success) {
      const type = typeof raw === 'object' && raw !== null && 'type' in raw ? printable(raw.type) : 'unknown';
      const issue = parsed.error.issues[0];
      const { code, params } = issueCode(issue);
      return refuse(new LensError('message.invalid', { type, field: issue?.path.join('.') || 'message', detail: wordError(code, params) }));
    }
    const req = parsed.data;
    if (!ALLOWED[req.type].includes(sender.kind)) {
      return refuse(new LensError('message.not-allowed', { type: req.type, sender: sender.kind }));
    }
    if (sender.kind === 'framed-page') {
      const secret = typeof raw === 'object' && raw !== null && 'frame' in raw ? raw.frame : undefined;
      if (!(await checkFrame(sender.tabId, secret).catch(() => false))) {
        return refuse(new LensError('message.frame-unknown', { type: req.type }));
      }
      if ('tabId' in req && req.tabId !== undefined && req.tabId !== sender.tabId) {
        return refuse(new LensError('message.frame-other-tab', { type: req.type }));
      }
    }
    try {
      return { ok: true, value: await dispatch(handlers, req.type, req, context(sender)) };
    } catch (error) {
      // Already worded for the reader (a tab's content script refusing, relayed): passed on as it is.
      if (error instanceof WordedError) return { ok: false, error: error.message, ...(error.code !== undefined && { code: error.code }) };
      // Worded for the reader in the interface language, naming what was being done. A full disk is
      // the reader's to fix, and says so plainly (nothing was written: Dexie transactions).
      const actionCode = `action.${req.type}`;
      const action = wordError(isErrorCode(actionCode) ? actionCode : 'action.other');
      const coded = codeOf(error);
      if (coded) return { ok: false, error: describeError(error), code: coded.code };
      const storage: ErrorCode | null = storageCode(error);
      if (storage) return { ok: false, error: describeError(error, undefined, action), code: storage };
      return refuse(
        new LensError('message.failed', { action, type: req.type, detail: printable(error instanceof Error ? error.message : error) }),
      );
    }
  };
}

function refuse(error: LensError): { ok: false; error: string; code: string } {
  return { ok: false, error: describeError(error), code: error.code };
}

/** Any value as text for a refusal, without calling anything it carries (a hostile toString). */
function printable(value: unknown): string {
  if (typeof value === 'string') return value.slice(0, 100);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return `${value}`;
  return typeof value;
}
