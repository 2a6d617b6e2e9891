/**
 * The answer to "what does the corpus know about the article on this page?": whether it is already in
 * the corpus (and since when), the measures it mentions with each measure's timeline across the corpus,
 * measure-like sentences the catalogue does not cover, and related articles with reasons.
 */
import type { Article } from '../corpus/article';
import { hasNoBodyText } from '../corpus/media-post';
import type { LensDB, StoredArticle } from '../db/schema';
import type { PageArticle, TextTarget } from '../messages/contract';
import { detectMeasures, type Catalogue } from '../measures';
import { findMeasureLikeSentences } from '../measures/other-measures';
import { queryRelated } from '../related';
import { findSameArticle, type IdentityMatch } from './identity';
import { indexStoredArticle, storeForLaterIndexing } from './indexer';
import { latestMentioning } from './timelines';
import { articleFromPage } from './page-to-article';

export type TimelineEntry = { id: string; title: string; date: string; url?: string; sentence: string };

export type MeasureInsight = {
  id: string;
  name: string;
  gloss: string;
  category: string;
  /** `target` locates the mention in the live page (quote with context, position as a hint). */
  mentions: { start: number; end: number; quote: string; sentence: string; target: TextTarget }[];
  /** The latest TIMELINE_LIMIT other corpus articles that mention this measure, oldest first. */
  timeline: TimelineEntry[];
  /** How many other corpus articles mention it in all (more than `timeline` holds in a big corpus). */
  timelineTotal: number;
};

export { TIMELINE_LIMIT } from './timelines';

export type RelatedInsight = {
  id: string;
  title: string;
  date: string;
  url?: string;
  score: number;
  reasons: { sharedMeasures: { id: string; name: string }[]; sharedTerms: string[] };
};

export type ArticleInsight = {
  key: string;
  /** Offsets in `measures` and `otherMeasures` are into this text: the paragraphs joined by '\n'. */
  textLength: number;
  /** `matchedBy` 'id': a corpus article opened by its id (the reader page). */
  corpus: { id: string; origin: StoredArticle['origin']; addedAt: string; matchedBy: IdentityMatch['by'] | 'id'; addedNow: boolean } | null;
  measures: MeasureInsight[];
  otherMeasures: { sentence: string; start: number; end: number; cue: string }[];
  related: RelatedInsight[];
};

export type AnalyzeOptions = {
  db: LensDB;
  catalogue: Catalogue;
  /** The "grow the corpus as I read" setting. */
  addToCorpus: boolean;
  now?: () => Date;
  relatedLimit?: number;
  /**
   * Index an article read for the first time after answering (lib/insight/index-queue.ts): called once
   * the answer is ready. Without it, the article is indexed before the answer.
   */
  indexLater?: (id: string) => void;
};

export async function analyzePageArticle(page: PageArticle, opts: AnalyzeOptions): Promise<ArticleInsight> {
  const { db, catalogue } = opts;
  const now = opts.now ?? (() => new Date());
  const candidate: Article = articleFromPage(page);
  const text = candidate.text;

  let match = await findSameArticle(db, candidate);
  let addedNow = false;
  let indexAfter: string | undefined;
  if (match) {
    // A seed or imported article now has a known URL: remember it, so links can open the real page.
    if (!match.article.key || !match.article.url) {
      await db.articles.update(match.article.id, { key: page.key, url: page.url });
    }
  } else if (opts.addToCorpus) {
    const record = { ...candidate, origin: 'read' as const, addedAt: now().toISOString() };
    const stored = opts.indexLater ? await storeForLaterIndexing(db, record, catalogue) : await indexStoredArticle(db, record, catalogue);
    if (opts.indexLater) indexAfter = stored.id;
    match = { article: stored, by: 'key' };
    addedNow = true;
  }
  const selfId = match?.article.id;
  // Indexed once the answer is ready: in a big corpus indexing keeps the service worker's thread busy
  // for a second or more, and the answer's own reads would wait behind it (scripts/bench/suites/load.ts).
  // An image or video post has no text to relate: its title (and 原标题) say what it is about.
  const relatedText = hasNoBodyText({ text, images: page.images ?? [], videos: page.videos }) ? [page.title, page.originalTitle, text].filter(Boolean).join('\n') : undefined;
  const described = await describeArticleText(text, selfId, { ...opts, ...(relatedText !== undefined && { relatedText }) }).finally(() => {
    if (indexAfter) opts.indexLater?.(indexAfter);
  });

  return {
    key: page.key,
    textLength: text.length,
    corpus: match ? { id: match.article.id, origin: match.article.origin, addedAt: match.article.addedAt, matchedBy: match.by, addedNow } : null,
    ...described,
  };
}

/**
 * What the panel shows about an article's text, whatever it came from (a live page, or a corpus article
 * in the reader page): its measures with their timelines across the corpus, measure-like sentences the
 * catalogue does not cover, related articles. `selfId` (the article's own corpus id, if it has one) is
 * left out of timelines and related articles.
 */
export async function describeArticleText(
  text: string,
  selfId: string | undefined,
  opts: Pick<AnalyzeOptions, 'db' | 'catalogue' | 'relatedLimit'> & {
    /** What related articles are matched on, when not the text (an image post's title). */
    relatedText?: string;
  },
): Promise<Pick<ArticleInsight, 'measures' | 'otherMeasures' | 'related'>> {
  const { db, catalogue } = opts;

  const hits = detectMeasures(text, catalogue);
  const timelines = await latestMentioning(db, hits.map((h) => h.measureId), selfId);
  const measures: MeasureInsight[] = hits.map((hit) => {
    const { entries, total } = timelines.get(hit.measureId)!;
    return {
      id: hit.measureId,
      name: hit.name,
      gloss: hit.gloss,
      category: hit.category,
      mentions: hit.mentions.map(({ start, end, quote, sentence }) => ({ start, end, quote, sentence, target: textTarget(text, start, end) })),
      timeline: entries.map((a) => ({ id: a.id, title: a.title, date: a.date, url: a.url, sentence: a.measureSentences?.[hit.measureId] ?? a.lead })),
      timelineTotal: total,
    };
  });

  const names = new Map(catalogue.measures.map((m) => [m.id, m.name]));
  const relatedHits = await queryRelated(db, { id: selfId, text: opts.relatedText ?? text, measureIds: hits.map((h) => h.measureId) }, { limit: opts.relatedLimit ?? 8 });
  const relatedArticles = await db.articles.bulkGet(relatedHits.map((r) => r.id));
  const related: RelatedInsight[] = relatedHits.flatMap((r, i) => {
    const a = relatedArticles[i];
    if (!a) return [];
    return [
      {
        id: a.id,
        title: a.title,
        date: a.date,
        url: a.url,
        score: r.score,
        reasons: {
          sharedMeasures: r.reasons.sharedMeasures.map((id) => ({ id, name: names.get(id) ?? id })),
          sharedTerms: r.reasons.sharedTerms,
        },
      },
    ];
  });

  return {
    measures,
    otherMeasures: findMeasureLikeSentences(text, hits).map(({ sentence, start, end, cue }) => ({ sentence, start, end, cue })),
    related,
  };
}

const CONTEXT = 32;

function textTarget(text: string, start: number, end: number): TextTarget {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT), start),
    suffix: text.slice(end, end + CONTEXT),
    start,
    end,
  };
}
