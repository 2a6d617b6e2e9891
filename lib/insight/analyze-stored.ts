/**
 * The panel's insight for an article already in the corpus, opened by its id (the reader page): the
 * same measures, timelines and related articles as for a live page, computed in the extension page
 * that asks, without storing anything (the article is in the corpus already).
 */
import type { LensDB, StoredArticle } from '../db/schema';
import type { Catalogue } from '../measures';
import { describeArticleText, type ArticleInsight } from './analyze';

export type StoredArticleInsight = { article: StoredArticle; insight: ArticleInsight };

/** The key highlights use for a corpus article shown in the reader page. */
export function corpusKey(id: string): string {
  return `corpus:${id}`;
}

export async function analyzeStoredArticle(
  db: LensDB,
  id: string,
  opts: { catalogue: Catalogue; relatedLimit?: number },
): Promise<StoredArticleInsight | null> {
  const article = await db.articles.get(id);
  if (!article) return null;
  const described = await describeArticleText(article.text, article.id, { db, ...opts }, article.title);
  return {
    article,
    insight: {
      key: corpusKey(article.id),
      textLength: article.text.length,
      corpus: { id: article.id, origin: article.origin, addedAt: article.addedAt, matchedBy: 'id', addedNow: false },
      ...described,
    },
  };
}
