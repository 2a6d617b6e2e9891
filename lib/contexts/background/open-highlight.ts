/**
 * "Open" on a highlight in the library: switch to a tab already showing its article, or open the
 * article, and scroll to the highlight. Finding the tab asks each tab's content script whether it
 * shows that article, rather than reading tab URLs, which would need the `tabs` permission.
 *
 * A newly opened Sina page learns which highlight to show from the background (pending-reveal.ts),
 * never from its address, which the page's own scripts can read. Corpus articles read in the reader
 * page (an extension page, no page script of anyone else's) open there with `?highlight=<id>`.
 */
import type { LensDB } from '../../db/schema';
import { getHighlight } from '../../highlights/store';
import { LensError } from '../../i18n/errors';
import { corpusKey } from '../../insight/analyze-stored';
import type { ContentRequest } from '../../messages/contract';

export type TabRef = { id?: number; windowId?: number };

export type OpenDeps = {
  db: LensDB;
  tabs(): Promise<TabRef[]>;
  toTab(tabId: number, message: ContentRequest): Promise<unknown>;
  focus(tab: TabRef & { id: number }): Promise<void>;
  create(url: string): Promise<TabRef>;
  /** Keeps, for the new tab's content script, which highlight to show (pending-reveal.ts). */
  remember(tabId: number, reveal: { highlightId: string; articleKey: string }): Promise<void>;
  /** runtime.getURL('/reader.html'). */
  readerPage: string;
};

/** The page to open for a highlight with no tab showing its article. */
export function pageFor(record: { id: string; articleKey: string; url: string }, readerPage: string): string {
  const url = new URL(record.url);
  if (url.protocol === 'http:' || url.protocol === 'https:') return url.toString();
  // Made in the reader page: its URL names the corpus article, but the extension's origin may have
  // changed since (Firefox gives each install its own), so rebuild it on today's origin.
  const articleId = record.articleKey.startsWith(corpusKey(''))
    ? record.articleKey.slice(corpusKey('').length)
    : decodeURIComponent(url.hash.slice(1));
  const reader = new URL(readerPage);
  reader.searchParams.set('highlight', record.id);
  reader.hash = encodeURIComponent(articleId);
  return reader.toString();
}

export async function openHighlight(highlightId: string, deps: OpenDeps): Promise<{ tabId: number }> {
  const record = await getHighlight(deps.db, highlightId);
  if (!record) throw new LensError('open.not-found', { id: highlightId });
  const tabs = (await deps.tabs()).filter((t): t is TabRef & { id: number } => t.id !== undefined && t.id >= 0);
  const answers = await Promise.all(
    tabs.map((t) =>
      deps.toTab(t.id, { type: 'tab:has-article', articleKey: record.articleKey }).then(
        (yes) => yes === true,
        () => false,
      ),
    ),
  );
  const open = tabs.find((_, i) => answers[i]);
  if (open) {
    await deps.focus(open);
    await deps.toTab(open.id, { type: 'tab:highlight', id: record.id }).catch(() => undefined);
    return { tabId: open.id };
  }
  const page = pageFor(record, deps.readerPage);
  const created = await deps.create(page);
  if (created.id === undefined) throw new LensError('open.no-tab');
  if (!page.startsWith(deps.readerPage)) await deps.remember(created.id, { highlightId: record.id, articleKey: record.articleKey });
  return { tabId: created.id };
}
