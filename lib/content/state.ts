/** What the panel shows for one tab, held by that tab's content script. */
import type { ArticleInsight } from '../insight/analyze';

export type ArticleSummary = { key: string; title: string; publishedAt: string | null; source: string | null; url: string };

export type LensState =
  | { status: 'loading'; article: ArticleSummary }
  | { status: 'ready'; article: ArticleSummary; insight: ArticleInsight }
  | { status: 'error'; article: ArticleSummary; error: string };
