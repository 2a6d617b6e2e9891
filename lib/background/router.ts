/**
 * The background's single message entry: validate the shape with the contract's zod schema, check the
 * sender may ask for this, then dispatch. Replies are values or refusals with a reason, never throws.
 */
import { describeStorageError, isQuotaError } from '../db/durability';
import { RequestSchema, type Reply, type Request, type RequestType } from '../messages/contract';
import { classifySender, type SenderInfo, type SenderKind } from './sender';

export type Handler<T extends RequestType> = (req: Extract<Request, { type: T }>, sender: SenderKind) => Promise<unknown>;
export type Handlers = { [T in RequestType]: Handler<T> };

/** Which senders may send which messages. */
const ALLOWED: Record<RequestType, SenderKind['kind'][]> = {
  'article:analyze': ['content-script'],
  'page:load-fallback': ['content-script'],
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
    if (!sender) return { ok: false, error: 'refused: the sender is not part of Policy Lens' };
    const parsed = RequestSchema.safeParse(raw);
    if (!parsed.success) {
      const type = typeof raw === 'object' && raw && 'type' in raw ? printable((raw as { type: unknown }).type) : 'unknown';
      const issue = parsed.error.issues[0];
      return { ok: false, error: `refused message "${type}": ${issue ? `${issue.path.join('.') || 'message'} ${issue.message}` : 'invalid'}` };
    }
    const req = parsed.data;
    if (!ALLOWED[req.type].includes(sender.kind)) {
      return { ok: false, error: `refused message "${req.type}": not accepted from a ${sender.kind}` };
    }
    try {
      const handler = handlers[req.type] as Handler<typeof req.type>;
      return { ok: true, value: await handler(req as never, sender) };
    } catch (error) {
      // A full disk is the reader's to fix, so say so plainly (nothing was written: Dexie transactions).
      if (isQuotaError(error)) return { ok: false, error: describeStorageError(req.type, error) };
      return { ok: false, error: `${req.type} failed: ${printable(error instanceof Error ? error.message : error)}` };
    }
  };
}

/** Any value as text for a refusal, without calling anything it carries (a hostile toString). */
function printable(value: unknown): string {
  if (typeof value === 'string') return value.slice(0, 100);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return `${value}`;
  return typeof value;
}
