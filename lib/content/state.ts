/** What the panel shows for one tab, held by that tab's content script. */
import type { ArticleInsight } from '../insight/analyze';
import type { HighlightsView } from './highlights/controller';

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
