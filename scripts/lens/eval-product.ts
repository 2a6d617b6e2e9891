/**
 * What Policy Lens answers for each article of a labelled split, asked the way the panel asks it.
 *
 * The corpus is built as the extension builds it (lens-corpus.ts: the bundled seeds seeded and
 * indexed by the background's own code), the split's articles are stored and indexed by the real
 * indexer (indexStoredArticle, as an imported or read article is), and every article is then
 * described by lib/insight's describeArticleText: the measures, the "other measures" and the related
 * articles the panel would show. Whatever the detector or the ranking becomes, this measures it.
 */
import { buildArticle } from '../../lib/corpus/article';
import type { LensDB, StoredArticle } from '../../lib/db/schema';
import { describeArticleText } from '../../lib/insight/analyze';
import { indexStoredArticle } from '../../lib/insight/indexer';
import type { Catalogue } from '../../lib/measures';
import { articleText, type EvalArticle } from '../../tests/eval/dataset';
import { openLensCorpus } from './lens-corpus';

/** Per evaluation article id. */
export type Answers = {
  measures: Map<string, string[]>;
  /** Measure ids that were found only by wording, per article (for the report). */
  byWording: Map<string, string[]>;
  otherMeasures: Map<string, string[]>;
  /** Evaluation ids of the related articles, best first; ids the corpus holds but the split does not are dropped. */
  related: Map<string, string[]>;
};

/** The panel lists at most this many related articles (scripts/lens/corpus-insight.ts RELATED_LIMIT). */
export const RELATED_LIMIT = 8;

export async function policyLensAnswers(articles: readonly EvalArticle[], opts: { cwd: string; catalogue?: Catalogue }): Promise<Answers> {
  const corpus = await openLensCorpus({ cwd: opts.cwd, catalogue: opts.catalogue });
  const { db, catalogue } = corpus;
  try {
    const productId = await storeEvalArticles(db, catalogue, articles, new Date().toISOString());
    const evalId = new Map([...productId].map(([e, p]) => [p, e]));

    const answers: Answers = { measures: new Map(), byWording: new Map(), otherMeasures: new Map(), related: new Map() };
    for (const article of articles) {
      const described = await describeArticleText(articleText(article), productId.get(article.id), {
        db,
        catalogue,
        relatedLimit: RELATED_LIMIT,
      });
      answers.measures.set(
        article.id,
        described.measures.map((m) => m.id),
      );
      answers.byWording.set(
        article.id,
        described.measures.filter((m) => m.by === 'wording').map((m) => m.id),
      );
      answers.otherMeasures.set(
        article.id,
        described.otherMeasures.map((o) => o.sentence),
      );
      answers.related.set(
        article.id,
        described.related.flatMap((r) => evalId.get(r.id) ?? []),
      );
    }
    return answers;
  } finally {
    await corpus.close();
  }
}

/**
 * Stores and indexes a split's articles as an imported article is (indexStoredArticle); a seed's labelled
 * copy is the seed the corpus already holds. Which corpus id each evaluation id became.
 */
export async function storeEvalArticles(
  db: LensDB,
  catalogue: Catalogue,
  articles: readonly EvalArticle[],
  addedAt: string,
): Promise<Map<string, string>> {
  const seedIdByFile = new Map<string, string>();
  for (const a of await db.articles.toArray()) if (a.file) seedIdByFile.set(a.file, a.id);
  const productId = new Map<string, string>();
  for (const article of articles) {
    const seedId = article.file ? seedIdByFile.get(article.file.replace(/^.*\//, '')) : undefined;
    if (seedId) {
      productId.set(article.id, seedId);
      continue;
    }
    const built = buildArticle({
      title: article.title,
      date: new Date(article.date).toISOString(),
      categories: [],
      source: article.source,
      paragraphs: article.paragraphs,
      images: [],
      origin: 'imported',
    });
    const stored: StoredArticle = { ...built, addedAt };
    await indexStoredArticle(db, stored, catalogue);
    productId.set(article.id, built.id);
  }
  return productId;
}
