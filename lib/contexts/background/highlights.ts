/**
 * The background's side of highlights: every read and write of the highlights table from a content
 * script or an extension page comes through here, so that after each change every tab showing that
 * article can be told (`notify`) and repaint at once.
 *
 * A content script is held to its own article: it may list, create, edit and delete only highlights
 * whose article key is the key of the Sina URL its tab is on. Extension pages (panel, popup, reader)
 * may touch any highlight. The record fields themselves are validated by lib/highlights/store.ts.
 */
import type { HighlightRecord, LensDB } from '../../db/schema';
import { readColorRenames } from '../../highlights/color-settings';
import { createHighlight, deleteHighlight, getHighlight, listForArticle, restoreHighlight, updateHighlight } from '../../highlights/store';
import { LensError } from '../../i18n/errors';
import { parseArticleUrl } from '../../sina/url';
import type { Handlers } from './router';
import type { SenderKind } from './sender';

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

/** What the highlight handlers work with: their deps and who asked. */
export type HighlightContext = HighlightHandlerDeps & { sender: SenderKind };
export type HighlightType = 'highlights:list' | 'highlights:create' | 'highlights:update' | 'highlights:delete' | 'highlights:restore';

const roomOf = ({ freeRoom }: HighlightHandlerDeps) => (freeRoom ? { onQuotaExceeded: freeRoom } : {});

/** The stored record, after checking the sender may touch it. */
async function owned(id: string, { db, sender }: HighlightContext): Promise<HighlightRecord | undefined> {
  const current = await getHighlight(db, id);
  if (current) checkScope(sender, current.articleKey);
  return current;
}

/** The highlight part of the background's handler table (handlers.ts). */
export const HIGHLIGHT_HANDLERS: Pick<Handlers<HighlightContext>, HighlightType> = {
  'highlights:list': async (req, { db, sender, badge }) => {
    checkScope(sender, req.articleKey);
    const [highlights, colorRenames] = await Promise.all([listForArticle(db, req.articleKey), readColorRenames(db)]);
    // A tab's content script lists its article's highlights on load and after every change anywhere.
    if (sender.kind === 'content-script') badge?.(sender.tabId, highlights.length);
    return { highlights, colorRenames };
  },
  'highlights:create': async (req, ctx) => {
    checkScope(ctx.sender, req.highlight.articleKey);
    const record = await createHighlight(ctx.db, req.highlight, roomOf(ctx));
    ctx.notify(record.articleKey);
    if (ctx.sender.kind === 'content-script') ctx.created?.(record, ctx.sender.tabId);
    return record;
  },
  'highlights:update': async (req, ctx) => {
    const before = await owned(req.id, ctx);
    const record = await updateHighlight(ctx.db, req.id, req.patch, roomOf(ctx));
    if (record.updatedAt !== before?.updatedAt) ctx.notify(record.articleKey);
    return record;
  },
  'highlights:delete': async (req, ctx) => {
    await owned(req.id, ctx);
    const removed = await deleteHighlight(ctx.db, req.id);
    if (removed) ctx.notify(removed.articleKey);
    return removed;
  },
  'highlights:restore': async (req, ctx) => {
    checkScope(ctx.sender, req.record.articleKey);
    // Undo puts back a highlight this sender deleted; it must not overwrite another article's record.
    await owned(String(req.record.id ?? ''), ctx);
    const record = await restoreHighlight(ctx.db, req.record, roomOf(ctx));
    ctx.notify(record.articleKey);
    return record;
  },
};
