/**
 * What the extension derives for every article it stores: the measures it mentions (ids and the first
 * sentence of each, for the measure timelines), its body fingerprint (identity), and its entry in the
 * related-articles index.
 */
import type { LensDB, StoredArticle } from '../db/schema';
import { bodyFingerprint } from '../identity';
import { detectMeasures, type Catalogue } from '../measures';
import { indexArticle, indexTables } from '../related';
import { measureCounts, topicsOf } from './related';

/** The article with its measures and fingerprint: what identity and timelines need. */
export function withDerivedFields(article: StoredArticle, catalogue: Catalogue): StoredArticle {
  const hits = detectMeasures(article.text, catalogue);
  const measureSentences: Record<string, string> = {};
  for (const hit of hits) measureSentences[hit.measureId] = hit.mentions[0]!.sentence;
  return {
    ...article,
    measureIds: hits.map((h) => h.measureId),
    measureSentences,
    measureCounts: measureCounts(hits, article.title, catalogue),
    fingerprint: bodyFingerprint(article.text),
  };
}

/** Stores the article and its entry in the related-articles index, in one transaction. */
export async function indexStoredArticle(db: LensDB, article: StoredArticle, catalogue: Catalogue): Promise<StoredArticle> {
  const indexed = withDerivedFields(article, catalogue);
  await db.transaction('rw', [db.articles, ...indexTables(db)], async () => {
    await db.articles.put(indexed);
    await indexArticle(db, indexed, topicsOf(indexed.measureCounts!, catalogue));
  });
  return indexed;
}
