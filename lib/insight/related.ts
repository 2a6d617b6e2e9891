/**
 * Related articles as the panel and `lens analyze` show them: the index's ranking (lib/related) cut at
 * a calibrated threshold, with strength in words and reasons a reader recognises (whole measures by
 * name, whole policy words). Below the threshold nothing is shown: a list of weak matches teaches the
 * reader to ignore the section, so the panel says instead that nothing in the corpus is close yet.
 */
import type { LensDB, StoredArticle } from '../db/schema';
import { detectMeasures, type Catalogue, type MeasureHit } from '../measures';
import { queryRelated, RELATED_PARAMS, type TopicInput } from '../related';
import { threadOf } from './topic-groups';

/**
 * Scores (0–1, lib/related/query.ts) from which an article is shown as related, and as strongly
 * related. Calibrated on the labelled dev split (never the test split) across its four writers with
 * scripts/eval/related-calibrate.ts, leaving one writer out at a time (fitted on three writers' parts,
 * checked on the fourth's): RELATED_THRESHOLD is the highest score keeping nDCG@5 within 0.005 of the
 * best any threshold gives, with no policy article left without a related one (0.12 in every fold and
 * on all; no held-out article left empty): calibrated for the ranking, since off-topic articles are
 * silenced by the policy gate and the lures that pass it score like policy articles. From
 * STRONG_THRESHOLD, 80 % of the pairs shown are highly related (0.44–0.46 in the folds, 0.45 on all).
 * Articles outside the policy family are silent whatever the score: they are never candidates
 * (lib/related isPolicyText).
 */
export const RELATED_THRESHOLD = 0.12;
export const STRONG_THRESHOLD = 0.45;

export type RelatedStrength = 'strong' | 'related';

export type RelatedInsight = {
  id: string;
  title: string;
  date: string;
  url?: string;
  score: number;
  strength: RelatedStrength;
  reasons: { sharedMeasures: { id: string; name: string }[]; sharedTerms: string[] };
};

/**
 * How often each measure is mentioned, title mentions counting RELATED_PARAMS.titleWeight times: the
 * measures an article is about outweigh one it names in passing.
 */
export function measureCounts(bodyHits: readonly MeasureHit[], title: string | undefined, catalogue: Catalogue): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const hit of bodyHits) counts[hit.measureId] = hit.mentions.length;
  for (const hit of title ? detectMeasures(title, catalogue) : [])
    counts[hit.measureId] = (counts[hit.measureId] ?? 0) + RELATED_PARAMS.titleWeight * hit.mentions.length;
  return counts;
}

/** A stored article's measure counts (one mention each for an article stored before counts were kept). */
export const storedMeasureCounts = (a: Pick<StoredArticle, 'measureCounts' | 'measureIds'>): Record<string, number> =>
  a.measureCounts ?? Object.fromEntries((a.measureIds ?? []).map((id) => [id, 1]));

/** An article's topics for the index: its measures and their policy threads (topic-groups.ts), with mention counts. */
export function topicsOf(counts: Readonly<Record<string, number>>, catalogue: Catalogue): TopicInput {
  const categoryOf = new Map(catalogue.measures.map((m) => [m.id, m.category]));
  const threads: Record<string, number> = {};
  for (const [id, n] of Object.entries(counts)) {
    const thread = threadOf(id, categoryOf.get(id) ?? 'unknown');
    threads[thread] = (threads[thread] ?? 0) + n;
  }
  return { measures: { ...counts }, threads };
}

export const strengthOf = (score: number): RelatedStrength => (score >= STRONG_THRESHOLD ? 'strong' : 'related');

export type RelatedRequest = {
  /** The article's own corpus id, if it has one: left out, and its stored features are the query. */
  id?: string | undefined;
  title?: string | undefined;
  text: string;
  /** measureCounts of the article. */
  measures: Readonly<Record<string, number>>;
};

/** The corpus articles related to this one, best first, none below RELATED_THRESHOLD. */
export async function relatedArticles(db: LensDB, article: RelatedRequest, catalogue: Catalogue, limit = 8): Promise<RelatedInsight[]> {
  const hits = await queryRelated(
    db,
    { id: article.id, title: article.title, text: article.text, ...topicsOf(article.measures, catalogue) },
    { limit, minScore: RELATED_THRESHOLD },
  );
  const records = await db.articleHeads.bulkGet(hits.map((h) => h.id));
  const names = new Map(catalogue.measures.map((m) => [m.id, m.name]));
  return hits.flatMap((hit, i): RelatedInsight[] => {
    const a = records[i];
    if (!a) return [];
    const sharedMeasures = hit.reasons.sharedMeasures.map((id) => ({ id, name: names.get(id) ?? id }));
    // A word inside a shared measure's name says nothing the measure does not.
    const sharedTerms = hit.reasons.sharedTerms.filter((w) => !sharedMeasures.some((m) => m.name.includes(w)));
    return [
      {
        id: a.id,
        title: a.title,
        date: a.date,
        ...(a.url !== undefined && { url: a.url }),
        score: hit.score,
        strength: strengthOf(hit.score),
        reasons: { sharedMeasures, sharedTerms },
      },
    ];
  });
}
