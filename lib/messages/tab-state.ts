/** What the panel shows for one tab, held by that tab's content script. */
import type { ArticleInsight } from '../insight/analyze';
import type { HighlightsView } from '../highlights/reconcile';

/**
 * `url`: the Sina page; absent for a corpus article whose page the reader has not visited (reader page).
 * `readBy: 'fallback'`: no known Sina template held the body, the extraction fallback read it (the panel
 * says so). `noBodyText`: an image or video post, without text to find measures in.
 */
export type ArticleSummary = {
  key: string;
  title: string;
  publishedAt: string | null;
  source: string | null;
  url?: string;
  readBy?: 'fallback';
  noBodyText?: true;
};

export type LensState = (
  | { status: 'loading'; article: ArticleSummary }
  | { status: 'ready'; article: ArticleSummary; insight: ArticleInsight }
  | { status: 'error'; article: ArticleSummary; error: string }
) & {
  /** The reader's highlights on this article, once the page has them (absent where there are none to show). */
  highlights?: HighlightsView;
};

/**
 * Whether a tab's answer is a lens state. A tab without the lens may still answer (an extension page
 * open in that tab hears tabs.sendMessage too), so the background checks before it relays one.
 */
export function isLensState(value: unknown): value is LensState {
  if (typeof value !== 'object' || value === null || !('status' in value) || !('article' in value)) return false;
  return (
    (value.status === 'loading' || value.status === 'ready' || value.status === 'error') &&
    typeof value.article === 'object' &&
    value.article !== null
  );
}
