/**
 * The background's side of highlights: every read and write of the highlights table from a content
 * script or an extension page comes through here, so that after each change every tab showing that
 * article can be told (`notify`) and repaint at once.
 *
 * A content script is held to its own article: it may list, create, edit and delete only highlights
 * whose article key is the key of the Sina URL its tab is on. Extension pages (panel, popup, reader)
 * may touch any highlight. The record fields themselves are validated by lib/highlights/store.ts.
 */
import type { HighlightRecord, LensDB } from '../db/schema';
import { readColorRenames } from '../highlights/color-settings';
import { createHighlight, deleteHighlight, getHighlight, listForArticle, restoreHighlight, updateHighlight } from '../highlights/store';
import { LensError } from '../i18n/errors';
import type { HighlightList, Request } from '../messages/contract';
import { parseArticleUrl } from '../sina/url';
import type { SenderKind } from './sender';

type Req<T extends Request['type']> = Extract<Request, { type: T }>;

/** The article key a sender may touch, or null for extension pages (any). */
function scopeOf(sender: SenderKind): string | null {
  if (sender.kind !== 'content-script') return null;
  const key = parseArticleUrl(sender.url)?.key;
  // classifySender only lets through content scripts on article URLs, so this cannot happen; refuse anyway.
  if (!key) throw new LensError('message.not-article-sender');
  return key;
}

function checkScope(sender: SenderKind, articleKey: unknown): void {
  const scope = scopeOf(sender);
  if (scope !== null && articleKey !== scope) throw new LensError('message.other-article', { scope });
}

export type HighlightHandlerDeps = {
  db: LensDB;
  /** Tell every open view of this article that its highlights changed. */
  notify(articleKey: string): void;
  /** Show a tab's count on the toolbar button (its content script just loaded them). */
  badge?(tabId: number, count: number): void;
  /** A write hit the storage quota: free room (old read articles) and say whether any was freed. */
  freeRoom?(): Promise<boolean>;
  /** After a content script created a highlight on its page (the page's article joins the corpus). Not awaited. */
  created?(record: HighlightRecord, tabId: number): void;
};

export function highlightHandlers({ db, notify, badge, freeRoom, created }: HighlightHandlerDeps) {
  const room = freeRoom ? { onQuotaExceeded: freeRoom } : {};
  /** The stored record, after checking the sender may touch it. */
  const owned = async (id: string, sender: SenderKind): Promise<HighlightRecord | undefined> => {
    const current = await getHighlight(db, id);
    if (current) checkScope(sender, current.articleKey);
    return current;
  };

  return {
    'highlights:list': async (req: Req<'highlights:list'>, sender: SenderKind): Promise<HighlightList> => {
      checkScope(sender, req.articleKey);
      const [highlights, colorRenames] = await Promise.all([listForArticle(db, req.articleKey), readColorRenames(db)]);
      // A tab's content script lists its article's highlights on load and after every change anywhere.
      if (sender.kind === 'content-script') badge?.(sender.tabId, highlights.length);
      return { highlights, colorRenames: colorRenames as Record<string, string> };
    },
    'highlights:create': async (req: Req<'highlights:create'>, sender: SenderKind): Promise<HighlightRecord> => {
      checkScope(sender, req.highlight.articleKey);
      const record = await createHighlight(db, req.highlight, room);
      notify(record.articleKey);
      if (sender.kind === 'content-script') created?.(record, sender.tabId);
      return record;
    },
    'highlights:update': async (req: Req<'highlights:update'>, sender: SenderKind): Promise<HighlightRecord> => {
      const before = await owned(req.id, sender);
      const record = await updateHighlight(db, req.id, req.patch, room);
      if (record.updatedAt !== before?.updatedAt) notify(record.articleKey);
      return record;
    },
    'highlights:delete': async (req: Req<'highlights:delete'>, sender: SenderKind): Promise<HighlightRecord | null> => {
      await owned(req.id, sender);
      const removed = await deleteHighlight(db, req.id);
      if (removed) notify(removed.articleKey);
      return removed;
    },
    'highlights:restore': async (req: Req<'highlights:restore'>, sender: SenderKind): Promise<HighlightRecord> => {
      checkScope(sender, req.record.articleKey);
      // Undo puts back a highlight this sender deleted; it must not overwrite another article's record.
      await owned(String(req.record.id ?? ''), sender);
      const record = await restoreHighlight(db, req.record, room);
      notify(record.articleKey);
      return record;
    },
  };
}
