/**
 * What the corpus knows about one article, for `lens analyze`: the corpus article it is the same as,
 * the measures it mentions and its related articles. The same three questions the background answers
 * for a page (lib/insight/analyze.ts), asked through the same functions: findSameArticle,
 * detectMeasures and queryRelated. The article itself is never added to the corpus.
 */
import type { Article } from '../../lib/corpus/article';
import { findSameArticle, type IdentityMatch } from '../../lib/identity/find-same-article';
import { measureCounts, relatedArticles } from '../../lib/insight/related';
import { detectMeasures, type FoundBy } from '../../lib/measures';
import type { LensCorpus } from './lens-corpus';

export type MeasureFound = {
  id: string;
  name: string;
  /** 'wording' when the article only paraphrases the measure, 'name' when a surface form names it. */
  by: FoundBy;
  /** Offsets are into the article's text: its paragraphs joined by '\n'. */
  mentions: { start: number; end: number; quote: string; sentence: string }[];
};

export type RelatedFound = {
  id: string;
  title: string;
  score: number;
  reasons: { sharedMeasures: { id: string; name: string }[]; sharedTerms: string[] };
};

export type CorpusInsight = {
  /** Id of the corpus article this one is (same key, same title and body, or same body), else null. */
  same: string | null;
  sameBy: IdentityMatch['by'] | null;
  measures: MeasureFound[];
  /** Best first; the corpus article it is the same as is never among them. */
  related: RelatedFound[];
};

/** The extension's panel shows eight. */
export const RELATED_LIMIT = 8;

export async function corpusInsight(corpus: LensCorpus, article: Article, limit = RELATED_LIMIT): Promise<CorpusInsight> {
  const { db, catalogue } = corpus;
  const match = await findSameArticle(db, article);
  const hits = detectMeasures(article.text, catalogue);
  const measures = hits.map((hit) => ({
    id: hit.measureId,
    name: hit.name,
    by: hit.by,
    mentions: hit.mentions.map(({ start, end, quote, sentence }) => ({ start, end, quote, sentence })),
  }));

  // As the panel shows them (lib/insight/related.ts): none below the calibrated threshold.
  const related = (
    await relatedArticles(
      db,
      { id: match?.article.id, title: article.title, text: article.text, measures: measureCounts(hits, article.title, catalogue) },
      catalogue,
      limit,
    )
  ).map(({ id, title, score, reasons }): RelatedFound => ({ id, title, score, reasons }));

  return { same: match?.article.id ?? null, sameBy: match?.by ?? null, measures, related };
}

export const NO_INSIGHT: { [K in keyof CorpusInsight]: null } = { same: null, sameBy: null, measures: null, related: null };
