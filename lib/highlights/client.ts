/**
 * The background's highlight messages as calls, for the content script and the reader page: each
 * resolves to the reply's value or rejects with the refusal's reason (which names the field).
 */
import type { HighlightApi } from '../content/highlights/controller';
import { t } from '../i18n/content';
import { WordedError } from '../i18n/worded-error';
import type { Reply } from '../messages/contract';

export function highlightClient(send: (message: unknown) => Promise<unknown>): HighlightApi {
  const call = async <T>(message: Record<string, unknown>): Promise<T> => {
    const reply = (await send(message)) as Reply<T> | undefined;
    if (!reply) throw new Error(t('panel.noAnswer'));
    if (!reply.ok) throw new WordedError(reply.error, reply.code);
    return reply.value;
  };
  return {
    list: (articleKey) => call({ type: 'highlights:list', articleKey }),
    create: (highlight) => call({ type: 'highlights:create', highlight }),
    update: (id, patch) => call({ type: 'highlights:update', id, patch }),
    remove: (id) => call({ type: 'highlights:delete', id }),
    restore: (record) => call({ type: 'highlights:restore', record }),
  };
}
