/** A page the reader opened, as a corpus Article (origin 'read'), so it can join the corpus. */
import { articleId, type Article } from '../corpus/article';
import type { PageArticle } from '../messages/contract';
import { normalizeTitle } from '../text/normalize';

export function articleFromPage(page: PageArticle): Article {
  const text = page.paragraphs.join('\n');
  const titleNorm = normalizeTitle(page.title);
  const date = page.publishedAt ? new Date(page.publishedAt).toISOString() : new Date(0).toISOString();
  return {
    id: articleId(titleNorm, date),
    key: page.key,
    url: page.url,
    title: page.title,
    titleNorm,
    ...(page.originalTitle ? { originalTitle: page.originalTitle } : {}),
    date,
    categories: [],
    source: page.source ?? '',
    ...(page.editor ? { editor: page.editor } : {}),
    lead: page.paragraphs[0] ?? '',
    paragraphs: page.paragraphs,
    images: page.images ?? [],
    ...(page.videos?.length ? { videos: page.videos } : {}),
    text,
    length: text.length,
    origin: 'read',
  };
}
