/**
 * Scores any detector or ranker against the labelled splits. Pure: it takes the data and
 * functions, never imports lib/, so Policy Lens, an older build or a naive baseline are scored
 * by the same rules (README.md states them).
 */
import type { Concept, EvalArticle, EvalSplit } from './dataset';

/** A value with the counts it comes from, so a report can print "24/35 (0.69)". */
export type Ratio = { hit: number; of: number; value: number };

function ratio(hit: number, of: number, whenEmpty: number): Ratio {
  return { hit, of, value: of === 0 ? whenEmpty : hit / of };
}

// ─── Measures ────────────────────────────────────────────────────────────────────────────────

export type MeasurePredictor = (article: EvalArticle) => Iterable<string>;

export type ArticleConcept = { article: string; concept: string };

export type MeasureScore = {
  /** Predicted (article, concept) pairs on every article of the split that are labelled; 1 when nothing is predicted. */
  precision: Ratio;
  /** Labelled pairs of core concepts that were predicted. */
  recallCore: Ratio;
  /** Labelled pairs of any concept that were predicted. */
  recallAll: Ratio;
  /** Lure labels whose concept was predicted on their article. */
  luresTaken: Ratio & { taken: ArticleConcept[] };
  /** Off-topic articles with any predicted concept, and the pairs predicted on them. */
  offTopic: { articles: number; withAnyMeasure: number; pairs: ArticleConcept[] };
  falsePositives: ArticleConcept[];
  misses: (ArticleConcept & { core: boolean })[];
  /** Predicted ids that are not in the concept list (scored as false positives; usually a mapping gap). */
  unknownConcepts: string[];
};

export function scoreMeasures(split: EvalSplit, predict: MeasurePredictor, concepts: readonly Concept[]): MeasureScore {
  const core = new Map(concepts.map((c) => [c.id, c.core]));
  let predictedCount = 0;
  let correct = 0;
  let coreLabelled = 0;
  let coreFound = 0;
  let allLabelled = 0;
  let allFound = 0;
  let lureCount = 0;
  const taken: ArticleConcept[] = [];
  const falsePositives: ArticleConcept[] = [];
  const misses: MeasureScore['misses'] = [];
  const offTopicPairs: ArticleConcept[] = [];
  const unknown = new Set<string>();
  let offTopicArticles = 0;
  let offTopicWithAny = 0;

  for (const article of split.articles) {
    const predicted = new Set(predict(article));
    const labelled = new Set(article.measures.map((m) => m.concept));
    predictedCount += predicted.size;
    for (const concept of predicted) {
      if (!core.has(concept)) unknown.add(concept);
      if (labelled.has(concept)) correct++;
      else falsePositives.push({ article: article.id, concept });
    }
    for (const concept of labelled) {
      const isCore = core.get(concept) ?? false;
      const found = predicted.has(concept);
      allLabelled++;
      if (found) allFound++;
      if (isCore) {
        coreLabelled++;
        if (found) coreFound++;
      }
      if (!found) misses.push({ article: article.id, concept, core: isCore });
    }
    // One lure label per (article, concept): two look-alike quotes of one concept are one temptation.
    for (const concept of new Set(article.lures.map((l) => l.concept))) {
      lureCount++;
      if (predicted.has(concept)) taken.push({ article: article.id, concept });
    }
    if (article.kind === 'off-topic') {
      offTopicArticles++;
      if (predicted.size) offTopicWithAny++;
      for (const concept of predicted) offTopicPairs.push({ article: article.id, concept });
    }
  }

  return {
    precision: ratio(correct, predictedCount, 1),
    recallCore: ratio(coreFound, coreLabelled, 1),
    recallAll: ratio(allFound, allLabelled, 1),
    luresTaken: { ...ratio(taken.length, lureCount, 0), taken },
    offTopic: { articles: offTopicArticles, withAnyMeasure: offTopicWithAny, pairs: offTopicPairs },
    falsePositives,
    misses,
    unknownConcepts: [...unknown].sort(),
  };
}

// ─── Other measures (policy-action sentences) ──────────────────────────────────────────────

export type SentencePredictor = (article: EvalArticle) => Iterable<string>;

export type OtherMeasureScore = {
  /** Offered sentences that are (part of) a labelled policy action; 1 when nothing is offered. */
  precision: Ratio;
  /** Labelled policy actions some offered sentence matches (for information: the section only offers what no concept covers). */
  recall: Ratio;
  wrong: { article: string; sentence: string }[];
};

/** Shortest offered fragment that counts as a policy action on its own. */
const MIN_FRAGMENT = 6;

/** Whitespace and sentence-final punctuation do not decide a match. */
function normalizeSentence(s: string): string {
  return s.replace(/[\s\u3000]+/g, '').replace(/[。；;！!？?，,：:]+$/u, '');
}

/**
 * An offered sentence matches a labelled action when it is a clause of it (a splitter may cut at
 * ；), or when it contains it and is mostly it (not a whole paragraph that happens to include one).
 */
export function sentenceMatches(offered: string, action: string): boolean {
  const o = normalizeSentence(offered);
  const a = normalizeSentence(action);
  if (!o || !a) return false;
  if (o === a) return true;
  if (a.includes(o)) return o.length >= MIN_FRAGMENT;
  if (o.includes(a)) return a.length * 2 >= o.length;
  return false;
}

export function scoreOtherMeasures(split: EvalSplit, predictedSentences: SentencePredictor): OtherMeasureScore {
  let offered = 0;
  let correct = 0;
  let actions = 0;
  let matchedActions = 0;
  const wrong: OtherMeasureScore['wrong'] = [];
  for (const article of split.articles) {
    const sentences = [...new Set(predictedSentences(article))];
    offered += sentences.length;
    for (const s of sentences) {
      if (article.policyActions.some((a) => sentenceMatches(s, a))) correct++;
      else wrong.push({ article: article.id, sentence: s });
    }
    actions += article.policyActions.length;
    matchedActions += article.policyActions.filter((a) => sentences.some((s) => sentenceMatches(s, a))).length;
  }
  return { precision: ratio(correct, offered, 1), recall: ratio(matchedActions, actions, 1), wrong };
}

// ─── Related articles ───────────────────────────────────────────────────────────────────────

/**
 * Ranks the corpus for a query, best first. The corpus never contains the query. Returning fewer
 * ids (or none) is how a ranker says "nothing else is close enough".
 */
export type Ranker = (query: EvalArticle, corpus: readonly EvalArticle[]) => readonly string[];

export type QueryNdcg = { query: string; ndcg: number; ranked: string[] };

export type RelatedScore = {
  k: number;
  /** Mean nDCG@k over the queries that have any related article in the corpus. */
  ndcg: number;
  perQuery: QueryNdcg[];
  /** Policy queries with no graded neighbour in this corpus (not averaged). */
  unjudged: string[];
  /** Off-topic and lure queries that got any related article; the ideal is none. */
  silence: { queries: number; withAnyRelated: number; noisy: { query: string; ranked: string[] }[] };
};

const gain = (grade: number): number => 2 ** grade - 1;
/** Rank r (1-based) is discounted by log2(r + 1). */
const discount = (rank: number): number => Math.log2(rank + 1);

/** DCG@k of the grades in ranked order. */
export function dcg(grades: readonly number[], k: number): number {
  let sum = 0;
  grades.slice(0, k).forEach((g, i) => (sum += gain(g) / discount(i + 1)));
  return sum;
}

/**
 * Mean nDCG@k with gain 2^grade − 1. Queries are the seeds and the split's policy articles; the
 * corpus is the seeds plus every article of the split; the ideal ranking is the labelled grades
 * sorted. Grades towards articles outside this corpus (the seeds' test-split neighbours when
 * scoring dev) are ignored, so the ideal is what this corpus allows.
 */
export function ndcgAt(k: number, split: EvalSplit, rank: Ranker, seeds?: EvalSplit): RelatedScore {
  const corpus = [...(seeds?.articles ?? []), ...split.articles.filter((a) => !seeds?.articles.some((s) => s.id === a.id))];
  const inCorpus = new Set(corpus.map((a) => a.id));
  const perQuery: QueryNdcg[] = [];
  const unjudged: string[] = [];
  const noisy: RelatedScore['silence']['noisy'] = [];
  let silentQueries = 0;

  for (const query of corpus) {
    const others = corpus.filter((a) => a.id !== query.id);
    const ranked = [...new Set(rank(query, others))].filter((id) => id !== query.id);
    if (query.kind !== 'policy') {
      silentQueries++;
      if (ranked.length) noisy.push({ query: query.id, ranked });
      continue;
    }
    const grades = Object.entries(query.related)
      .filter(([id]) => inCorpus.has(id))
      .map(([, g]) => g);
    const ideal = dcg(
      [...grades].sort((a, b) => b - a),
      k,
    );
    if (ideal === 0) {
      unjudged.push(query.id);
      continue;
    }
    const got = dcg(
      ranked.map((id) => (inCorpus.has(id) ? (query.related[id] ?? 0) : 0)),
      k,
    );
    perQuery.push({ query: query.id, ndcg: got / ideal, ranked: ranked.slice(0, k) });
  }

  const mean = perQuery.length ? perQuery.reduce((s, q) => s + q.ndcg, 0) / perQuery.length : 0;
  return { k, ndcg: mean, perQuery, unjudged, silence: { queries: silentQueries, withAnyRelated: noisy.length, noisy } };
}
