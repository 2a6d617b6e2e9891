/**
 * The background's highlight messages as calls, for the content script and the reader page: each
 * resolves to the reply's value or rejects with the refusal's reason (which names the field).
 */
import type { HighlightApi } from './controller';
import { createClient, type Send } from '../../../messages/client';

export function highlightClient(send: Send): HighlightApi {
  const { request } = createClient(send);
  return {
    list: (articleKey) => request({ type: 'highlights:list', articleKey }),
    create: (highlight) => request({ type: 'highlights:create', highlight }),
    update: (id, patch) => request({ type: 'highlights:update', id, patch }),
    remove: (id) => request({ type: 'highlights:delete', id }),
    restore: (record) => request({ type: 'highlights:restore', record }),
  };
}
