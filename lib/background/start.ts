/**
 * Everything the background does, wired once: seed the bundled corpus (install, update, start-up, and
 * before any answer that needs it), open the welcome page on first install, and answer messages.
 * The worker may be stopped whenever it is idle, so no state lives here that IndexedDB does not hold.
 */
import corpus from 'virtual:policy-lens/corpus';
import catalogue from 'virtual:policy-lens/measures';
import { extensionLocalStore, startDurability } from '../db/durability';
import { rekeyReaderHighlights } from '../db/articles';
import { evictReadArticles, freeRoom, readUsage } from '../db/read-cap';
import { seedCorpus } from '../db/seed';
import { lensDB } from '../db/schema';
import { getSetting } from '../db/settings';
import { analyzePageArticle } from '../insight/analyze';
import { indexStoredArticle } from '../insight/indexer';
import { keepArticleOfHighlight } from '../insight/corpus-growth';
import { createIndexQueue } from '../insight/index-queue';
import { removeFromIndex } from '../related';
import { LensError } from '../i18n/errors';
import { ALL_ARTICLES, HIGHLIGHTS_CHANGED, STATE_CHANGED, type ContentRequest } from '../messages/contract';
import { handleCommand } from './commands';
import { loadExtractionFallback } from './extraction-fallback';
import { createHighlightMenu, onHighlightMenu } from './context-menu';
import { highlightHandlers } from './highlights';
import { openHighlight } from './open-highlight';
import { frameSecrets, sessionSecretStore } from './frame-secret';
import { pendingReveals } from './pending-reveal';
import { createRouter } from './router';
import { classifySender, type SenderKind } from './sender';

function toTab(tabId: number, message: ContentRequest): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, message, { frameId: 0 });
}

/** The tab a panel message is about: the one it names (side panel, popup), else the panel's own tab. */
function panelTab(req: { tabId?: number }, sender: SenderKind): number {
  const tabId = req.tabId ?? sender.tabId;
  if (tabId === undefined) throw new LensError('message.not-in-tab');
  return tabId;
}

/**
 * Tells every tab showing this article (its content script, top frame) that its highlights changed,
 * and the extension's own pages (popup, reader). Tabs without our content script reject; that is fine.
 * Sending to all tabs needs no `tabs` permission, unlike reading their URLs to pick the right ones.
 */
function notifyHighlightsChanged(articleKey: string): void {
  void browser.tabs
    .query({})
    .then((tabs) => {
      for (const tab of tabs) {
        if (tab.id !== undefined) void toTab(tab.id, { type: 'lens:highlights-changed', articleKey }).catch(() => undefined);
      }
    })
    .catch(() => undefined);
  void browser.runtime.sendMessage({ type: HIGHLIGHTS_CHANGED, articleKey }).catch(() => undefined);
}

/** The toolbar badge of a tab: how many highlights its article has (nothing when none). */
function showCount(tabId: number, count: number): void {
  void browser.action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' }).catch(() => undefined);
}

export function startBackground(): void {
  void browser.action.setBadgeBackgroundColor({ color: '#5b4a00' }).catch(() => undefined);
  const db = lensDB();
  // Every start: was the database emptied behind the reader's back (storage eviction)? The extension
  // pages tell the reader, with the date of their last backup.
  void startDurability(db, extensionLocalStore()).catch((error: Error) => console.error(`[Policy Lens] storage check failed: ${error.message}`));
  // Articles read for the first time join the related-articles index after their panel has its answer;
  // any the worker stopped before indexing are picked up at this start.
  const indexQueue = createIndexQueue(db, catalogue, (id, error) => console.error(`[Policy Lens] indexing article ${id} failed: ${error.message}`));
  void indexQueue.recover().catch((error: Error) => console.error(`[Policy Lens] index check failed: ${error.message}`));
  const unindex = (id: string) => removeFromIndex(db, id);
  // One eviction at a time, after the article just read is indexed.
  let capping: Promise<unknown> = Promise.resolve();
  const keepReadCap = (keep: string) =>
    (capping = capping
      .then(() => evictReadArticles(db, { keep: [keep], unindex }))
      .catch((error: Error) => console.error(`[Policy Lens] keeping read articles to their cap failed: ${error.message}`)));
  // Heads written before they carried the body's length get it, for the cap's figures on the options page.
  void readUsage(db).catch((error: Error) => console.error(`[Policy Lens] reading the read articles' size failed: ${error.message}`));
  // Reader-page highlights of articles whose Sina page was opened before they were moved along with it.
  void rekeyReaderHighlights(db)
    .then((keys) => keys.forEach(notifyHighlightsChanged))
    .catch((error: Error) => console.error(`[Policy Lens] moving reader-page highlights failed: ${error.message}`));
  let seeding: Promise<unknown> | null = null;
  const ensureSeeded = () =>
    (seeding ??= seedCorpus(db, corpus, {
      index: (a) => indexStoredArticle(db, a, catalogue),
      unindex: (id) => removeFromIndex(db, id),
    }).catch((error: Error) => {
      // Nothing was written (one transaction); the next message or start-up tries again.
      seeding = null;
      console.error(`[Policy Lens] seeding the corpus failed: ${error.message}`);
      throw error;
    }));

  browser.runtime.onInstalled.addListener(({ reason }) => {
    void ensureSeeded();
    void createHighlightMenu(browser.contextMenus).catch((e: Error) => console.error(`[Policy Lens] context menu: ${e.message}`));
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
  browser.runtime.onStartup.addListener(() => void ensureSeeded());

  // Kept in storage.session: in memory only, out of content scripts' reach, and there still when
  // the worker wakes again.
  const session = browser.storage.session as unknown as Parameters<typeof sessionSecretStore>[0];
  const secrets = frameSecrets(sessionSecretStore(session));
  const reveals = pendingReveals(session);
  browser.tabs.onRemoved.addListener((tabId) => {
    void secrets.forget(tabId).catch(() => undefined);
    void reveals.forget(tabId).catch(() => undefined);
  });

  const route = createRouter(
    {
      ...highlightHandlers({
        db,
        notify: notifyHighlightsChanged,
        badge: showCount,
        freeRoom: () => freeRoom(db, unindex),
        // The article of a page the reader highlights joins the corpus, policy or not (corpus-growth.ts).
        created: (record, tabId) =>
          void getSetting(db, 'corpus.addRead')
            .then((addToCorpus) =>
              keepArticleOfHighlight(record.articleKey, () => toTab(tabId, { type: 'lens:article' }), { db, catalogue, addToCorpus, indexLater: (id) => void indexQueue.add(id) }),
            )
            .catch((error: Error) => console.error(`[Policy Lens] keeping the highlighted article failed: ${error.message}`)),
      }),
      'highlights:changed-all': async () => notifyHighlightsChanged(ALL_ARTICLES),
      'library:open': async (req) =>
        openHighlight(req.highlightId, {
          db,
          tabs: () => browser.tabs.query({}),
          toTab,
          focus: async (tab) => {
            await browser.tabs.update(tab.id, { active: true });
            if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
          },
          create: (url) => browser.tabs.create({ url }),
          remember: reveals.remember,
          readerPage: browser.runtime.getURL('/reader.html'),
        }),
      'frame:secret': async (_req, sender) => secrets.mint(sender.tabId as number),
      'reveal:take': async (req, sender) => reveals.take(sender.tabId as number, req.articleKey),
      'panel:highlight': async (req, sender) => toTab(panelTab(req, sender), { type: 'lens:highlight', id: req.id }),
      'panel:reattach': async (req, sender) => toTab(panelTab(req, sender), { type: 'lens:reattach', id: req.id }),
      'article:analyze': async ({ article }) => {
        await ensureSeeded();
        return analyzePageArticle(article, {
          db,
          catalogue,
          addToCorpus: await getSetting(db, 'corpus.addRead'),
          // Indexed, then the read articles kept to their cap (this one stays).
          indexLater: (id) => void indexQueue.add(id).then(() => keepReadCap(id)),
          highlightsMoved: (keys) => keys.forEach(notifyHighlightsChanged),
        });
      },
      'corpus:changed': async () => undefined,
      'page:load-fallback': async (_req, sender) => {
        if (sender.kind !== 'content-script') throw new Error('only a content script may ask');
        return loadExtractionFallback(sender.tabId, (target, files) => browser.scripting.executeScript({ target, files }));
      },
      // Relay to the tab's content script (top frame only): the panel framed in the article's tab, or
      // the browser's side panel / the popup naming the active tab.
      'panel:state': async (req, sender) => toTab(panelTab(req, sender), { type: 'lens:state' }),
      'panel:reveal': async (req, sender) => toTab(panelTab(req, sender), { type: 'lens:reveal', target: req.target }),
      'panel:set-open': async (req, sender) => toTab(panelTab(req, sender), { type: 'lens:set-open', open: req.open }),
      'panel:toggle': async (req) => toTab(req.tabId, { type: 'lens:toggle' }),
      'panel:retry': async (req, sender) => toTab(panelTab(req, sender), { type: 'lens:retry' }),
    },
    browser.runtime.id,
    browser.runtime.getURL('/'),
    secrets.check,
  );

  // A tab that navigates starts with no count; its content script, if the new page is an article,
  // sets it again once it has listed the article's highlights.
  browser.tabs.onUpdated.addListener((tabId, info) => {
    if (info.status === 'loading') showCount(tabId, 0);
  });

  browser.contextMenus.onClicked.addListener((info, tab) => void onHighlightMenu(info, tab, toTab));

  browser.commands.onCommand.addListener((command, tab) => {
    void handleCommand(command, tab, {
      activeTabId: async () => (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
      toTab,
    });
  });

  // sendResponse + `return true` answers asynchronously in Chrome and Firefox alike.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if ((message as { type?: unknown } | null)?.type === STATE_CHANGED) {
      // A content script's notice to the panels. The browser's side panel hears it directly, but Firefox
      // does not deliver runtime messages to extension frames inside web pages: pass it on to the frames
      // of the sender's tab, where the in-page panel is (its content script ignores it).
      const from = classifySender(sender, browser.runtime.id, browser.runtime.getURL('/'));
      if (from?.kind === 'content-script') void browser.tabs.sendMessage(from.tabId, { type: STATE_CHANGED }).catch(() => undefined);
      return false;
    }
    void route(message, sender).then(sendResponse);
    return true;
  });
}
