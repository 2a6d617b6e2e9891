/**
 * The answer to "what does the corpus know about the article on this page?": whether it is already in
 * the corpus (and since when), the measures it mentions with each measure's timeline across the corpus,
 * measure-like sentences the catalogue does not cover, and related articles with reasons.
 */
import type { Article } from '../corpus/article';
import type { LensDB, StoredArticle } from '../db/schema';
import type { PageArticle, TextTarget } from '../messages/contract';
import { detectMeasures, type Catalogue, type FoundBy } from '../measures';
import { findMeasureLikeSentences } from '../measures/other-measures';
import { findSameArticle, type IdentityMatch } from '../identity/find-same-article';
import { learnArticleUrl } from '../db/articles';
import { touchesPolicy, storeRead, type NotAdded } from './corpus-growth';
import { measureCounts, relatedArticles, type RelatedInsight } from './related';
import { latestMentioning } from './timelines';
import { articleFromPage } from './page-to-article';

export type TimelineEntry = { id: string; title: string; date: string; url?: string; sentence: string };

export type MeasureInsight = {
  id: string;
  name: string;
  gloss: string;
  category: string;
  /** 'wording' when the article only paraphrases the measure (the panel says so). */
  by: FoundBy;
  /** `target` locates the mention in the live page (quote with context, position as a hint). */
  mentions: { start: number; end: number; quote: string; sentence: string; target: TextTarget }[];
  /** The latest TIMELINE_LIMIT other corpus articles that mention this measure, oldest first. */
  timeline: TimelineEntry[];
  /** How many other corpus articles mention it in all (more than `timeline` holds in a big corpus). */
  timelineTotal: number;
};

export { TIMELINE_LIMIT } from './timelines';

export type { RelatedInsight, RelatedStrength } from './related';

export type ArticleInsight = {
  key: string;
  /** Offsets in `measures` and `otherMeasures` are into this text: the paragraphs joined by '\n'. */
  textLength: number;
  /** `matchedBy` 'id': a corpus article opened by its id (the reader page). */
  corpus: { id: string; origin: StoredArticle['origin']; addedAt: string; matchedBy: IdentityMatch['by'] | 'id'; addedNow: boolean } | null;
  /** Why the article is not in the corpus, when it is not (lib/insight/corpus-growth.ts). */
  notAdded?: NotAdded;
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
  /** Highlights moved to another article key (reader-page highlights joining their Sina page): tell the views of these keys. */
  highlightsMoved?: (articleKeys: string[]) => void;
};

export async function analyzePageArticle(page: PageArticle, opts: AnalyzeOptions): Promise<ArticleInsight> {
  const { db, catalogue } = opts;
  const now = opts.now ?? (() => new Date());
  const candidate: Article = articleFromPage(page);
  const text = candidate.text;

  let match = await findSameArticle(db, candidate);
  let addedNow = false;
  let notAdded: NotAdded | undefined;
  let indexAfter: string | undefined;
  if (match) {
    // A seed or imported article now has a known URL: remember it, so links can open the real page,
    // and move the highlights made on it in the reader page to the page's key.
    const moved = await learnArticleUrl(db, match.article, page);
    if (moved.length > 0) opts.highlightsMoved?.(moved);
    // The page names the article's own source (央视网) where a seed knows only the site (新浪财经): once
    // read, the page's word wins, in the library and its exports as in the panel.
    const source = page.source?.trim();
    if (source && source !== match.article.source) {
      await db.articles.update(match.article.id, { source });
      match = { ...match, article: { ...match.article, source } };
    }
  } else if (!opts.addToCorpus) {
    notAdded = 'setting-off';
  } else if (!touchesPolicy(candidate, catalogue)) {
    notAdded = 'not-policy';
  } else {
    // Added, never put: a page sharing a stored article's title and time is stored apart (store-read.ts).
    const stored = await storeRead(candidate, { db, catalogue, now, indexLater: opts.indexLater && ((id) => void (indexAfter = id)) });
    if (stored) {
      match = { article: stored.article, by: 'key' };
      addedNow = stored.added;
    }
  }
  const selfId = match?.article.id;
  // Indexed once the answer is ready: in a big corpus indexing keeps the service worker's thread busy
  // for a second or more, and the answer's own reads would wait behind it (scripts/bench/suites/load.ts).
  const described = await describeArticleText(text, selfId, opts, candidate.title).finally(() => {
    if (indexAfter) opts.indexLater?.(indexAfter);
  });

  return {
    key: page.key,
    textLength: text.length,
    corpus: match
      ? { id: match.article.id, origin: match.article.origin, addedAt: match.article.addedAt, matchedBy: match.by, addedNow }
      : null,
    ...(notAdded && { notAdded }),
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
  opts: Pick<AnalyzeOptions, 'db' | 'catalogue' | 'relatedLimit'>,
  title?: string,
): Promise<Pick<ArticleInsight, 'measures' | 'otherMeasures' | 'related'>> {
  const { db, catalogue } = opts;

  const hits = detectMeasures(text, catalogue);
  const timelines = await latestMentioning(
    db,
    hits.map((h) => h.measureId),
    selfId,
  );
  const measures: MeasureInsight[] = hits.map((hit) => {
    const { entries, total } = timelines.get(hit.measureId)!;
    return {
      id: hit.measureId,
      name: hit.name,
      gloss: hit.gloss,
      category: hit.category,
      by: hit.by,
      mentions: hit.mentions.map(({ start, end, quote, sentence }) => ({
        start,
        end,
        quote,
        sentence,
        target: textTarget(text, start, end),
      })),
      timeline: entries.map((a) => ({
        id: a.id,
        title: a.title,
        date: a.date,
        url: a.url,
        sentence: a.measureSentences?.[hit.measureId] ?? a.lead,
      })),
      timelineTotal: total,
    };
  });

  const related = await relatedArticles(
    db,
    { id: selfId, title, text, measures: measureCounts(hits, title, catalogue) },
    catalogue,
    opts.relatedLimit ?? 8,
  );

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
