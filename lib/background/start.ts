/**
 * Everything the background does, wired once: seed the bundled corpus (install, update, start-up, and
 * before any answer that needs it), open the welcome page on first install, and answer messages.
 * The worker may be stopped whenever it is idle, so no state lives here that IndexedDB does not hold.
 */
import corpus from 'virtual:policy-lens/corpus';
import catalogue from 'virtual:policy-lens/measures';
import { seedCorpus } from '../db/seed';
import { lensDB } from '../db/schema';
import { getSetting } from '../db/settings';
import { analyzePageArticle } from '../insight/analyze';
import { indexStoredArticle } from '../insight/indexer';
import { removeFromIndex } from '../related';
import { STATE_CHANGED, type ContentRequest } from '../messages/contract';
import { createRouter } from './router';
import type { SenderKind } from './sender';

function toTab(sender: SenderKind, message: ContentRequest): Promise<unknown> {
  if (sender.tabId === undefined) throw new Error('the panel is not inside a tab');
  return browser.tabs.sendMessage(sender.tabId, message, { frameId: 0 });
}

export function startBackground(): void {
  const db = lensDB();

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
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/options.html#welcome') });
  });
  browser.runtime.onStartup.addListener(() => void ensureSeeded());

  const route = createRouter(
    {
      'article:analyze': async ({ article }) => {
        await ensureSeeded();
        return analyzePageArticle(article, { db, catalogue, addToCorpus: await getSetting(db, 'corpus.addRead') });
      },
      'corpus:changed': async () => undefined,
      // The panel is framed in the article's tab: relay to that tab's content script (top frame only).
      'panel:state': async (_req, sender) => toTab(sender, { type: 'lens:state' }),
      'panel:reveal': async ({ target }, sender) => toTab(sender, { type: 'lens:reveal', target }),
      'panel:set-open': async ({ open }, sender) => toTab(sender, { type: 'lens:set-open', open }),
    },
    browser.runtime.id,
    browser.runtime.getURL('/'),
  );

  // sendResponse + `return true` answers asynchronously in Chrome and Firefox alike.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    // A content script's notice to its panel; not for the background.
    if ((message as { type?: unknown } | null)?.type === STATE_CHANGED) return false;
    void route(message, sender).then(sendResponse);
    return true;
  });
}
