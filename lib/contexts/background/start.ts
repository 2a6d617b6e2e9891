/**
 * Everything the background does, wired once: seed the bundled corpus (install, update, start-up, and
 * before any answer that needs it), open the welcome page on first install, and answer messages.
 * The worker may be stopped whenever it is idle, so no state lives here that IndexedDB does not hold.
 */
import corpus from 'virtual:policy-lens/corpus';
import catalogue from 'virtual:policy-lens/measures';
import { extensionLocalStore, startDurability } from '../../db/durability';
import { rekeyReaderHighlights } from '../../db/articles';
import { evictReadArticles, freeRoom, readUsage } from '../../db/read-cap';
import { seedCorpus } from '../../db/seed';
import { lensDB } from '../../db/schema';
import { indexStoredArticle } from '../../insight/indexer';
import { createIndexQueue } from '../../insight/index-queue';
import { removeFromIndex } from '../../related';
import { HIGHLIGHTS_CHANGED, parseBroadcast, type Broadcast } from '../../messages/broadcasts';
import { STATE_CHANGED, type ContentRequest } from '../../messages/content-request';
import { handleCommand } from './commands';
import { loadExtractionFallback } from './extraction-fallback';
import { createHighlightMenu, onHighlightMenu } from './context-menu';
import { HANDLERS, type BackgroundDeps } from './handlers';
import { frameSecrets, sessionSecretStore } from './frame-secret';
import { pendingReveals } from './pending-reveal';
import { createRouter } from './router';
import { classifySender } from './sender';

/** How long after the worker starts its library-wide upkeep runs: after the messages that woke it. */
const UPKEEP_DELAY_MS = 2_000;

function toTab(tabId: number, message: ContentRequest): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, message, { frameId: 0 });
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
        if (tab.id !== undefined) void toTab(tab.id, { type: 'tab:highlights-changed', articleKey }).catch(() => undefined);
      }
    })
    .catch(() => undefined);
  void browser.runtime
    .sendMessage({ type: HIGHLIGHTS_CHANGED, articleKey } satisfies Broadcast<typeof HIGHLIGHTS_CHANGED>)
    .catch(() => undefined);
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
  void startDurability(db, extensionLocalStore()).catch((error: Error) =>
    console.error(`[Policy Lens] storage check failed: ${error.message}`),
  );
  // Articles read for the first time join the related-articles index after their panel has its answer;
  // any the worker stopped before indexing are picked up at this start.
  const indexQueue = createIndexQueue(db, catalogue, (id, error) =>
    console.error(`[Policy Lens] indexing article ${id} failed: ${error.message}`),
  );
  const unindex = (id: string) => removeFromIndex(db, id);
  // One eviction at a time, after the article just read is indexed.
  let capping: Promise<unknown> = Promise.resolve();
  const keepReadCap = (keep: string) =>
    (capping = capping
      .then(() => evictReadArticles(db, { keep: [keep], unindex }))
      .catch((error: Error) => console.error(`[Policy Lens] keeping read articles to their cap failed: ${error.message}`)));
  // Upkeep that reads through the whole library waits until the worker has answered what woke it: in a
  // 10,000-article library these reads took the database from the panel's analysis, on every start of a
  // worker Chromium had stopped while idle (npm run bench -- scale). None of it is urgent.
  setTimeout(() => {
    // Articles stored but not yet in the related-articles index (the worker stopped first, or the index
    // was emptied for a new recipe).
    void indexQueue.recover().catch((error: Error) => console.error(`[Policy Lens] index check failed: ${error.message}`));
    // Heads written before they carried the body's length get it, for the cap's figures on the options page.
    void readUsage(db).catch((error: Error) => console.error(`[Policy Lens] reading the read articles' size failed: ${error.message}`));
    // Reader-page highlights of articles whose Sina page was opened before they were moved along with it.
    void rekeyReaderHighlights(db)
      .then((keys) => keys.forEach(notifyHighlightsChanged))
      .catch((error: Error) => console.error(`[Policy Lens] moving reader-page highlights failed: ${error.message}`));
  }, UPKEEP_DELAY_MS);
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

  const deps: BackgroundDeps = {
    db,
    catalogue,
    toTab,
    ensureSeeded,
    notify: notifyHighlightsChanged,
    badge: showCount,
    freeRoom: () => freeRoom(db, unindex),
    // Indexed, then the read articles kept to their cap (this one stays).
    indexRead: (id) => void indexQueue.add(id).then(() => keepReadCap(id)),
    indexKept: (id) => void indexQueue.add(id),
    secrets,
    reveals,
    tabs: {
      tabs: () => browser.tabs.query({}),
      focus: async (tab) => {
        await browser.tabs.update(tab.id, { active: true });
        if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
      },
      create: (url) => browser.tabs.create({ url }),
      readerPage: browser.runtime.getURL('/reader.html'),
    },
    loadFallback: (tabId) => loadExtractionFallback(tabId, (target, files) => browser.scripting.executeScript({ target, files })),
  };
  const route = createRouter(HANDLERS, {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    context: (sender) => ({ ...deps, sender }),
    checkFrame: secrets.check,
  });

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
    if (parseBroadcast(STATE_CHANGED, message)) {
      // A content script's notice to the panels. The browser's side panel hears it directly, but Firefox
      // does not deliver runtime messages to extension frames inside web pages: pass it on to the frames
      // of the sender's tab, where the in-page panel is (its content script ignores it).
      const from = classifySender(sender, browser.runtime.id, browser.runtime.getURL('/'));
      if (from?.kind === 'content-script')
        void browser.tabs.sendMessage(from.tabId, { type: STATE_CHANGED } satisfies Broadcast<typeof STATE_CHANGED>).catch(() => undefined);
      return false;
    }
    void route(message, sender).then(sendResponse);
    return true;
  });
}
