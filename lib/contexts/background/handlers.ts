/**
 * What the background answers to each request: one handler per request type of the contract, as
 * plain data. Each is given the request (already checked by the router against the contract's
 * schema, from a sender allowed to send it) and a context: who asked, and the background's parts
 * (database, tabs, frame secrets …) that start.ts wires to the browser. Each must return the reply
 * type contract.ts names for its request (Replies), or throw; the router turns a throw into a refusal.
 */
import type { Catalogue } from '../../measures';
import type { HighlightRecord } from '../../db/schema';
import { getSetting } from '../../db/settings';
import { getHighlight } from '../../highlights/store';
import { LensError } from '../../i18n/errors';
import { WordedError } from '../../i18n/worded-error';
import { analyzePageArticle } from '../../insight/analyze';
import { keepArticleOfHighlight } from '../../insight/corpus-growth';
import { isLensState } from '../../messages/tab-state';
import { ALL_ARTICLES, type ContentRequest } from '../../messages/contract';
import { isReply } from '../../messages/reply';
import { HIGHLIGHT_HANDLERS, type HighlightHandlerDeps } from './highlights';
import { openHighlight, type OpenDeps } from './open-highlight';
import type { Handlers } from './router';
import type { SenderKind } from './sender';

/** The background's parts the handlers use, wired once by start.ts (tests give fakes and a fake-indexeddb database). */
export type BackgroundDeps = Omit<HighlightHandlerDeps, 'created'> & {
  catalogue: Catalogue;
  /**
   * A message to the content script of a tab (top frame); rejects when the tab has none. The answer is
   * whatever the tab sent (an extension page open there hears it too): each handler checks it against
   * ContentReplies (lib/messages/content-request.ts) before relaying it.
   */
  toTab(tabId: number, message: ContentRequest): Promise<unknown>;
  /** The bundled corpus is in the database (seeded once per worker start). */
  ensureSeeded(): Promise<unknown>;
  /** An article read for the first time: index it (then keep the read articles to their cap). Not awaited. */
  indexRead(id: string): void;
  /** An article a highlight kept in the corpus: index it. Not awaited. */
  indexKept(id: string): void;
  secrets: { mint(tabId: number): Promise<string> };
  reveals: { take(tabId: number, articleKey: string): Promise<string | null>; remember: OpenDeps['remember'] };
  tabs: Pick<OpenDeps, 'tabs' | 'focus' | 'create' | 'readerPage'>;
  /** Runs the extraction fallback's file in a tab's page (scripting.executeScript). */
  loadFallback(tabId: number): Promise<true>;
};

export type BackgroundContext = BackgroundDeps & { sender: SenderKind };

/** The tab a panel message is about: the one it names (side panel, popup), else the panel's own tab. */
function panelTab(req: { tabId?: number }, sender: SenderKind): number {
  const tabId = req.tabId ?? sender.tabId;
  if (tabId === undefined) throw new LensError('message.not-in-tab');
  return tabId;
}

/** The tab of the content script that asked (the router lets only content scripts send these). */
function contentTab(sender: SenderKind): number {
  if (sender.kind !== 'content-script') throw new LensError('message.not-article-sender');
  return sender.tabId;
}

/** A tab's yes/no answer; anything else is no answer (the tab has no lens, or something else replied). */
function yesNo(answer: unknown): boolean {
  if (typeof answer !== 'boolean') throw new LensError('message.no-answer');
  return answer;
}

/** After a content script created a highlight: its page's article joins the corpus, policy or not (corpus-growth.ts). */
function keepHighlightedArticle(ctx: BackgroundDeps, record: HighlightRecord, tabId: number): void {
  void getSetting(ctx.db, 'corpus.addRead')
    .then((addToCorpus) =>
      keepArticleOfHighlight(record.articleKey, () => ctx.toTab(tabId, { type: 'tab:article' }), {
        db: ctx.db,
        catalogue: ctx.catalogue,
        addToCorpus,
        indexLater: ctx.indexKept,
      }),
    )
    .catch((error: Error) => console.error(`[Policy Lens] keeping the highlighted article failed: ${error.message}`));
}

export const HANDLERS: Handlers<BackgroundContext> = {
  ...HIGHLIGHT_HANDLERS,
  'highlights:create': (req, ctx) =>
    HIGHLIGHT_HANDLERS['highlights:create'](req, { ...ctx, created: (record, tabId) => keepHighlightedArticle(ctx, record, tabId) }),
  'highlights:changed-all': async (_req, ctx) => {
    ctx.notify(ALL_ARTICLES);
    return null;
  },
  'library:open': (req, ctx) =>
    openHighlight(req.highlightId, { db: ctx.db, toTab: ctx.toTab, remember: ctx.reveals.remember, ...ctx.tabs }),
  'frame:secret': (_req, ctx) => ctx.secrets.mint(contentTab(ctx.sender)),
  'reveal:take': (req, ctx) => ctx.reveals.take(contentTab(ctx.sender), req.articleKey),
  'article:analyze': async ({ article }, ctx) => {
    await ctx.ensureSeeded();
    return analyzePageArticle(article, {
      db: ctx.db,
      catalogue: ctx.catalogue,
      addToCorpus: await getSetting(ctx.db, 'corpus.addRead'),
      indexLater: ctx.indexRead,
      highlightsMoved: (keys) => keys.forEach(ctx.notify),
    });
  },
  'page:load-fallback': (_req, ctx) => ctx.loadFallback(contentTab(ctx.sender)),
  // Relayed to the tab's content script (top frame only): the panel framed in the article's tab, or
  // the browser's side panel / the popup naming the active tab. Its answer is checked before it is passed on.
  'panel:state': async (req, ctx) => {
    const answer = await ctx.toTab(panelTab(req, ctx.sender), { type: 'tab:state' });
    return isLensState(answer) ? answer : null;
  },
  'panel:reveal': async (req, ctx) => (await ctx.toTab(panelTab(req, ctx.sender), { type: 'tab:reveal', target: req.target })) === true,
  'panel:set-open': async (req, ctx) => yesNo(await ctx.toTab(panelTab(req, ctx.sender), { type: 'tab:set-open', open: req.open })),
  'panel:toggle': async (req, ctx) => yesNo(await ctx.toTab(req.tabId, { type: 'tab:toggle' })),
  'panel:retry': async (req, ctx) => yesNo(await ctx.toTab(panelTab(req, ctx.sender), { type: 'tab:retry' })),
  'panel:highlight': async (req, ctx) => (await ctx.toTab(panelTab(req, ctx.sender), { type: 'tab:highlight', id: req.id })) === true,
  'panel:reattach': async (req, ctx) => {
    // The content script re-attaches (through highlights:update) and says whether it could; its
    // refusal ("select some text first") is already worded for the reader and is passed on as it is.
    const answer = await ctx.toTab(panelTab(req, ctx.sender), { type: 'tab:reattach', id: req.id });
    if (!isReply(answer)) throw new LensError('message.no-answer');
    if (!answer.ok) throw new WordedError(answer.error, answer.code);
    const record = await getHighlight(ctx.db, req.id);
    if (!record) throw new LensError('highlight.not-found', { id: req.id });
    return record;
  },
};
