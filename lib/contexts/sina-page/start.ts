/**
 * The content script's work on a page the manifest already matched as an article URL: confirm the
 * page is an article (waiting, bounded, for a late body), extract it, show the panel, ask the
 * background what the corpus knows, and answer the panel's requests relayed by the background.
 */
import { t } from '../../i18n/content';
import type { Broadcast } from '../../messages/broadcasts';
import { createClient, type Send } from '../../messages/client';
import {
  ALL_ARTICLES,
  STATE_CHANGED,
  answerContentRequest,
  parseContentRequest,
  type ContentHandlers,
} from '../../messages/content-request';
import type { Reply } from '../../messages/reply';
import { extractionFallbackLoader } from './fallback';
import { findBody } from '../../sina/markup';
import { readArticlePage } from '../../sina/read-article-page';
import { parseArticleUrl } from '../../sina/url';
import { highlightClient } from '../article-view/highlights/client';
import { createHighlightController, type HighlightController } from '../article-view/highlights/controller';
import { extractionNotes, isTooLarge, toPageArticle } from './page-article';
import { askFrameSecret, mountPanelHost, panelAddress } from './panel-host';
import type { LensState } from '../../messages/tab-state';

export type LensEnv = {
  doc: Document;
  href: string;
  extensionId: string;
  panelUrl: string;
  send: Send;
  onMessage(listener: (message: unknown, sender: { id?: string; tab?: unknown }) => Promise<unknown> | undefined): void;
  loadPanelOpen(): Promise<boolean>;
  savePanelOpen(open: boolean): Promise<void>;
};

export async function startLens(env: LensEnv): Promise<void> {
  const { doc, href } = env;
  if (!parseArticleUrl(href)) return;
  // Extraction in a task of its own, not in the one that evaluates this script: together they made one
  // long main-thread task on the page (scripts/bench/suites/load.ts).
  await nextTask();
  const read = await readArticlePage(doc, href, { timeoutMs: 10_000, loadFallback: extractionFallbackLoader(env.send) });
  if (!read.ok) return;
  const article = read.article;
  const how = extractionNotes(article);

  const summary = {
    key: article.key,
    title: article.title,
    publishedAt: article.publishedAt,
    source: article.source,
    url: article.url,
    ...how,
  };
  let state: LensState = { status: 'loading', article: summary };
  const { ask } = createClient(env.send);
  const changed = () => void env.send({ type: STATE_CHANGED } satisfies Broadcast<typeof STATE_CHANGED>).catch(() => undefined);

  const panel = mountPanelHost(doc, {
    src: panelAddress(env.panelUrl, await askFrameSecret(env.send)),
    open: await env.loadPanelOpen(),
    label: { tab: t('appName'), open: t('panel.expand'), close: t('panel.collapse'), frame: t('panel.frameTitle') },
    onToggle: (open) => void env.savePanelOpen(open),
    articleRight: () => findBody(doc)?.el.getBoundingClientRect().right ?? 0,
  });

  let highlights: HighlightController | null = null;
  // What the panel shows: the analysis, plus the highlights as they are at the moment it asks.
  const withHighlights = (current: LensState): LensState => (highlights ? { ...current, highlights: highlights.view() } : current);

  // What this page answers the background, request by request (lib/messages/content-request.ts ContentReplies).
  const handlers: ContentHandlers = {
    'tab:state': () => Promise.resolve(withHighlights(state)),
    'tab:reveal': (req) => Promise.resolve(highlights?.revealText(req.target) ?? false),
    'tab:set-open': (req) => Promise.resolve(panel.setOpen(req.open)),
    'tab:toggle': () => Promise.resolve(panel.toggle()),
    'tab:retry': () => {
      if (state.status !== 'error') return Promise.resolve(false);
      state = { status: 'loading', article: summary };
      changed();
      void analyze();
      return Promise.resolve(true);
    },
    'tab:highlights-changed': (req) => {
      if ((req.articleKey !== ALL_ARTICLES && req.articleKey !== article.key) || !highlights) return undefined;
      return highlights.refresh().then(() => true as const);
    },
    'tab:has-article': (req) => Promise.resolve(req.articleKey === article.key),
    'tab:highlight-selection': () => settle(highlights?.highlightSelection()),
    'tab:highlight': (req) => Promise.resolve(highlights?.reveal(req.id) ?? false),
    'tab:reattach': (req) => settle(highlights?.reattach(req.id)),
    'tab:article': () => Promise.resolve(isTooLarge(article) ? null : toPageArticle(article)),
  };
  env.onMessage((raw, sender) => {
    // Only the background speaks to content scripts; it has no tab. Anything else is ignored.
    if (sender.id !== env.extensionId || sender.tab) return undefined;
    const req = parseContentRequest(raw);
    return req ? answerContentRequest(handlers, req.type, req) : undefined;
  });

  const analyze = async () => {
    if (isTooLarge(article)) {
      state = { status: 'error', article: summary, error: t('panel.tooLarge') };
      changed();
      return;
    }
    const reply = await ask({ type: 'article:analyze', article: toPageArticle(article) });
    state = reply.ok
      ? { status: 'ready', article: summary, insight: reply.value }
      : { status: 'error', article: summary, error: reply.error };
    changed();
  };
  // Mounting the panel lays the page out again beside it; the analysis request and the highlight UI
  // (three shadow hosts) come in the next task, so they do not add up to one long task.
  await nextTask();
  // The highlights do not wait for the analysis, nor it for them.
  const analyzed = analyze();
  const body = findBody(doc)?.el;
  highlights = body
    ? createHighlightController({
        doc,
        body,
        container: body.parentElement ?? body,
        article: { key: article.key, url: article.url, title: article.title },
        api: highlightClient(env.send),
        onChange: changed,
        onNoteRequested: () => panel.focus(),
      })
    : null;
  // The library may have opened this tab to show one highlight: the background says which, once.
  const shown = highlights?.load().then(async () => {
    const asked = await ask({ type: 'reveal:take', articleKey: article.key });
    if (asked.ok && asked.value) highlights?.reveal(asked.value);
  });
  await Promise.all([analyzed, shown]);
}

/** Lets the browser run what is waiting (input, rendering) before the next step. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** An action's outcome as a reply: the value, or the refusal's message for the one who asked. */
function settle<T>(action: Promise<T> | undefined): Promise<Reply<T>> {
  if (!action) return Promise.resolve({ ok: false, error: t('highlights.selection.no-article') });
  return action.then(
    (value) => ({ ok: true, value }),
    (error: Error) => ({ ok: false, error: error.message }),
  );
}
