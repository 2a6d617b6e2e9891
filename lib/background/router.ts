/**
 * The background's single message entry: validate the shape with the contract's zod schema, check the
 * sender may ask for this, then dispatch. Replies are values or refusals with a reason, never throws.
 */
import { codeOf, describeError, isErrorCode, LensError, storageCode, wordError, type ErrorCode } from '../i18n/errors';
import { issueCode } from '../i18n/zod-issues';
import { RequestSchema, type Reply, type Request, type RequestType } from '../messages/contract';
import { classifySender, type SenderInfo, type SenderKind } from './sender';

export type Handler<T extends RequestType> = (req: Extract<Request, { type: T }>, sender: SenderKind) => Promise<unknown>;
export type Handlers = { [T in RequestType]: Handler<T> };

/** Which senders may send which messages. */
const ALLOWED: Record<RequestType, SenderKind['kind'][]> = {
  'article:analyze': ['content-script'],
  'corpus:changed': ['extension-page'],
  'panel:state': ['extension-page'],
  'panel:reveal': ['extension-page'],
  'panel:set-open': ['extension-page'],
  'panel:toggle': ['extension-page'],
  'panel:retry': ['extension-page'],
  'panel:highlight': ['extension-page'],
  'panel:reattach': ['extension-page'],
  'library:open': ['extension-page'],
  'highlights:changed-all': ['extension-page'],
  'highlights:list': ['content-script', 'extension-page'],
  'highlights:create': ['content-script', 'extension-page'],
  'highlights:update': ['content-script', 'extension-page'],
  'highlights:delete': ['content-script', 'extension-page'],
  'highlights:restore': ['content-script', 'extension-page'],
};

export function createRouter(handlers: Handlers, extensionId: string, extensionOrigin: string) {
  return async function route(raw: unknown, senderInfo: SenderInfo): Promise<Reply<unknown>> {
    const sender = classifySender(senderInfo, extensionId, extensionOrigin);
    if (!sender) return refuse(new LensError('message.foreign-sender'));
    const parsed = RequestSchema.safeParse(raw);
    if (!parsed.success) {
      const type = typeof raw === 'object' && raw && 'type' in raw ? printable((raw as { type: unknown }).type) : 'unknown';
      const issue = parsed.error.issues[0];
      const { code, params } = issueCode(issue);
      return refuse(new LensError('message.invalid', { type, field: issue?.path.join('.') || 'message', detail: wordError(code, params) }));
    }
    const req = parsed.data;
    if (!ALLOWED[req.type].includes(sender.kind)) {
      return refuse(new LensError('message.not-allowed', { type: req.type, sender: sender.kind }));
    }
    try {
      const handler = handlers[req.type] as Handler<typeof req.type>;
      return { ok: true, value: await handler(req as never, sender) };
    } catch (error) {
      // Worded for the reader in the interface language, naming what was being done. A full disk is
      // the reader's to fix, and says so plainly (nothing was written: Dexie transactions).
      const actionCode = `action.${req.type}`;
      const action = wordError(isErrorCode(actionCode) ? actionCode : 'action.other');
      const coded = codeOf(error);
      if (coded) return { ok: false, error: describeError(error), code: coded.code };
      const storage: ErrorCode | null = storageCode(error);
      if (storage) return { ok: false, error: describeError(error, undefined, action), code: storage };
      return refuse(new LensError('message.failed', { action, type: req.type, detail: printable(error instanceof Error ? error.message : error) }));
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
