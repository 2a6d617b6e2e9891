/**
 * "Open" on a highlight in the library: switch to a tab already showing its article, or open the
 * article, and scroll to the highlight. Finding the tab asks each tab's content script whether it
 * shows that article, rather than reading tab URLs, which would need the `tabs` permission.
 *
 * A newly opened page learns which highlight to show from its URL fragment (lib/highlights/reveal-link.ts).
 * Corpus articles read in the reader page open there with `?highlight=<id>`.
 */
import type { LensDB } from '../db/schema';
import { getHighlight } from '../highlights/store';
import { LensError } from '../i18n/errors';
import { corpusKey } from '../insight/analyze-stored';
import { revealFragment } from '../highlights/reveal-link';
import type { ContentRequest } from '../messages/contract';

export type TabRef = { id?: number; windowId?: number };

export type OpenDeps = {
  db: LensDB;
  tabs(): Promise<TabRef[]>;
  toTab(tabId: number, message: ContentRequest): Promise<unknown>;
  focus(tab: TabRef & { id: number }): Promise<void>;
  create(url: string): Promise<TabRef>;
  /** runtime.getURL('/reader.html'). */
  readerPage: string;
};

/** The page to open for a highlight with no tab showing its article. */
export function pageFor(record: { id: string; articleKey: string; url: string }, readerPage: string): string {
  const url = new URL(record.url);
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    url.hash = revealFragment(record.id);
    return url.toString();
  }
  // Made in the reader page: its URL names the corpus article, but the extension's origin may have
  // changed since (Firefox gives each install its own), so rebuild it on today's origin.
  const articleId = record.articleKey.startsWith(corpusKey('')) ? record.articleKey.slice(corpusKey('').length) : decodeURIComponent(url.hash.slice(1));
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
      deps.toTab(t.id, { type: 'lens:has-article', articleKey: record.articleKey }).then(
        (yes) => yes === true,
        () => false,
      ),
    ),
  );
  const open = tabs.find((_, i) => answers[i]);
  if (open) {
    await deps.focus(open);
    await deps.toTab(open.id, { type: 'lens:highlight', id: record.id }).catch(() => undefined);
    return { tabId: open.id };
  }
  const created = await deps.create(pageFor(record, deps.readerPage));
  if (created.id === undefined) throw new LensError('open.no-tab');
  return { tabId: created.id };
}
