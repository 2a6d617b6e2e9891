/**
 * Fitting and calibrating related articles on the labelled dev split (never the test split), across
 * its writers:
 *
 *   npx tsx scripts/eval/related-calibrate.ts             the folds, the fit on all writers, what is in use
 *   npx tsx scripts/eval/related-calibrate.ts --queries   and every policy query's top five with grades
 *   npx tsx scripts/eval/related-calibrate.ts --grid      the folds again for each variant of GRID
 *
 * Dev has four writers' parts (dev.json, dev-b.json, dev-c.json, dev-d.json). Fitting on all of them at
 * once fits their shared habits as much as relatedness, so every number is fitted leaving one writer
 * out (fitted on three writers' parts, checked on the fourth's, in four folds); the figures that matter
 * are the held-out ones, the mean and the worst of them. A fold's training queries are the other parts'
 * policy articles and the seeds as ranked in a corpus the held-out writer did not grade (dev-b grades
 * dev.json's articles, so the seeds ranked among dev and dev-b are training data only when neither is
 * held out).
 *
 * The corpus is built as `lens eval` builds it (scripts/lens/eval-product.ts): one corpus per group of
 * files graded against each other (tests/eval/dataset.ts RELATED_GROUPS), each the bundled seeds seeded
 * by the background's code plus the group's articles stored and indexed by the product's indexer. Each
 * article then asks the index for every candidate with its cosine per part (lib/related queryRelated,
 * no threshold). The index stores each part's unit vector, so the score under any part weights is
 * Σ weight × cosine of the same answers: the weights and thresholds are fitted without re-indexing.
 *
 * What is fitted, in a fold, on the training queries only:
 * - the part weights, as three shares: the scope part's (lib/related/weights.ts), and of the rest the
 *   topic share (threads and measures) against what is written (key terms and policy words, equally),
 *   and the measures' share of the topic; the triple with the best mean nDCG@5 (unthresholded) on a grid;
 * - RELATED_THRESHOLD: the highest score (in steps of 0.01) at which the training nDCG@5 stays within
 *   0.005 of the best any threshold gives and no training policy query is left with nothing;
 * - STRONG_THRESHOLD: the lowest score, from that threshold up, from which at least 80 % of the pairs
 *   the panel would show (top 8 above the threshold) are highly related (grade 2).
 * Off-topic articles are kept silent by the policy gate, not the score (lib/related isPolicyText: they
 * are never candidates nor queries); "noisy" counts the lure and off-topic queries shown anything.
 */
import { RELATED_THRESHOLD, STRONG_THRESHOLD, storedMeasureCounts, topicsOf } from '../../lib/insight/related';
import { loadCatalogueFile } from '../../lib/measures/load-catalogue';
import { queryRelated, RELATED_PARAMS } from '../../lib/related';
import { partWeights, type Part } from '../../lib/related/params';
import {
  loadSeeds,
  loadSplit,
  loadSplitFile,
  RELATED_GROUPS,
  SPLIT_PARTS,
  type EvalArticle,
  type EvalSplit,
} from '../../tests/eval/dataset';
import { ndcgAt } from '../../tests/eval/score';
import { ROOT } from '../harness/paths';
import { RELATED_LIMIT, storeEvalArticles } from '../lens/eval-product';
import { compileSeeds } from '../lens/compile-seeds';
import { openLensCorpus, SEEDS_DIR } from '../lens/lens-corpus';

const K = 5;
const PARTS: readonly Part[] = ['terms', 'words', 'measures', 'threads', 'scope'];
type Weights = Record<Part, number>;
type Candidate = { id: string; similarity: Weights };
/** Per evaluation id, every candidate the index returns, with its cosine per part. */
type Rankings = Map<string, Candidate[]>;
/** A group of files graded against each other, its articles with the seeds, and its answers. */
type Group = { name: string; files: readonly string[]; split: EvalSplit; rankings: Rankings };

/** Whose grades a query's nDCG is measured with: its part's file, or `seeds@<group>` for a seed. */
type Tagged = { tag: string; query: string; ndcg: number; ranked: string[]; empty: boolean };

const scoreOf = (c: Candidate, w: Weights) => PARTS.reduce((sum, p) => sum + w[p] * c.similarity[p], 0);
const round2 = (x: number) => Math.round(x * 100) / 100;
const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

async function rankAll(articles: readonly EvalArticle[]): Promise<Rankings> {
  const catalogue = loadCatalogueFile();
  const corpus = await openLensCorpus({ cwd: ROOT, catalogue, seeds: compileSeeds(SEEDS_DIR, ROOT) });
  const { db } = corpus;
  try {
    const productId = await storeEvalArticles(db, catalogue, articles, new Date(0).toISOString());
    const evalId = new Map([...productId].map(([e, p]) => [p, e]));
    const rankings: Rankings = new Map();
    for (const article of articles) {
      const stored = (await db.articles.get(productId.get(article.id)!))!;
      const hits = await queryRelated(
        db,
        { id: stored.id, title: stored.title, text: stored.text, ...topicsOf(storedMeasureCounts(stored), catalogue) },
        { limit: 10_000 },
      );
      rankings.set(
        article.id,
        hits.flatMap((h) => (evalId.has(h.id) ? [{ id: evalId.get(h.id)!, similarity: h.similarity }] : [])),
      );
    }
    return rankings;
  } finally {
    await corpus.close();
  }
}

async function buildGroups(seeds: EvalSplit): Promise<Group[]> {
  const whole = loadSplit('dev');
  const groups = RELATED_GROUPS.dev ?? [['dev', ...(SPLIT_PARTS.dev ?? [])]];
  const out: Group[] = [];
  for (const files of groups) {
    const ids = new Set(files.flatMap((f) => loadSplitFile(f).articles.map((a) => a.id)));
    const split = { ...whole, articles: whole.articles.filter((a) => ids.has(a.id)) };
    const all = [...seeds.articles, ...split.articles.filter((a) => !seeds.articles.some((s) => s.id === a.id))];
    out.push({ name: files.join('+'), files, split, rankings: await rankAll(all) });
  }
  return out;
}

/** Every query of every group scored with these weights and this threshold, as the panel would show it. */
function scoreAll(groups: readonly Group[], seeds: EvalSplit, w: Weights, threshold: number): { queries: Tagged[]; noisy: number } {
  const partOf = new Map<string, string>();
  for (const g of groups) for (const f of g.files) for (const a of loadSplitFile(f).articles) partOf.set(a.id, f);
  const queries: Tagged[] = [];
  let noisy = 0;
  for (const g of groups) {
    const result = ndcgAt(
      K,
      g.split,
      (query, corpus) => {
        const allowed = new Set(corpus.map((a) => a.id));
        return (g.rankings.get(query.id) ?? [])
          .map((c) => ({ id: c.id, score: scoreOf(c, w) }))
          .filter((c) => c.score > threshold && allowed.has(c.id))
          .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
          .slice(0, RELATED_LIMIT)
          .map((c) => c.id);
      },
      seeds,
    );
    noisy += result.silence.withAnyRelated;
    for (const q of result.perQuery)
      queries.push({
        tag: partOf.get(q.query) ?? `seeds@${g.name}`,
        query: q.query,
        ndcg: q.ndcg,
        ranked: q.ranked,
        empty: q.ranked.length === 0,
      });
  }
  return { queries, noisy };
}

/** The queries a fold trains on: the other writers' parts, and the seeds ranked where the held-out writer graded nothing. */
function trainTags(groups: readonly Group[], heldOut: string | undefined): Set<string> {
  const tags = new Set<string>();
  for (const g of groups) {
    for (const f of g.files) if (f !== heldOut) tags.add(f);
    if (heldOut === undefined || !g.files.includes(heldOut)) tags.add(`seeds@${g.name}`);
  }
  return tags;
}

const meanOf = (queries: readonly Tagged[], tags: ReadonlySet<string>) => mean(queries.filter((q) => tags.has(q.tag)).map((q) => q.ndcg));

const TOPIC_SHARES = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8];
const MEASURE_SHARES = [0.1, 0.2, 0.3];
const SCOPE_SHARES = [0, 0.03, 0.05, 0.07, 0.1];
const THRESHOLDS = Array.from({ length: 61 }, (_, i) => i / 100);

type Fit = { topic: number; measure: number; scope: number; weights: Weights; train: number; threshold: number; strong: number };

function fit(groups: readonly Group[], seeds: EvalSplit, tags: ReadonlySet<string>, grades: GradeOf): Fit {
  let best: Omit<Fit, 'threshold' | 'strong'> | undefined;
  for (const scope of SCOPE_SHARES) {
    for (const topic of TOPIC_SHARES) {
      for (const measure of MEASURE_SHARES) {
        const weights = partWeights(topic, measure, scope);
        const train = meanOf(scoreAll(groups, seeds, weights, 0).queries, tags);
        if (!best || train > best.train + 1e-9) best = { topic, measure, scope, weights, train };
      }
    }
  }
  const threshold = calibrateThreshold(groups, seeds, best!.weights, tags);
  return { ...best!, threshold, strong: calibrateStrong(groups, seeds, best!.weights, threshold, tags, grades) };
}

/**
 * The threshold is calibrated for the ranking, not for silence: off-topic articles are silenced by the
 * policy gate, and the lures that pass it score as high as policy articles. So: the highest threshold
 * whose training nDCG@5 is within THRESHOLD_TOLERANCE of the best any threshold gives, with no training
 * policy query left empty. (With 0.01, the rule of three writers, it cut true related articles: 0.14
 * on four writers, held-out dev-d 0.872 against 0.888 at 0.12.)
 */
const THRESHOLD_TOLERANCE = 0.005;

function calibrateThreshold(groups: readonly Group[], seeds: EvalSplit, w: Weights, tags: ReadonlySet<string>): number {
  const scored = THRESHOLDS.map((t) => {
    const train = scoreAll(groups, seeds, w, t).queries.filter((q) => tags.has(q.tag));
    return { t, ndcg: mean(train.map((q) => q.ndcg)), empty: train.some((q) => q.empty) };
  }).filter((x) => !x.empty);
  const best = Math.max(...scored.map((x) => x.ndcg));
  return Math.max(0, ...scored.filter((x) => x.ndcg >= best - THRESHOLD_TOLERANCE).map((x) => x.t));
}

type GradeOf = (query: string, candidate: string) => number;

/** The pairs the panel would show (top RELATED_LIMIT above the threshold) for the policy queries of these tags, with their grades. */
function shownPairs(
  groups: readonly Group[],
  w: Weights,
  threshold: number,
  tags: ReadonlySet<string>,
  grades: GradeOf,
): { score: number; grade: number }[] {
  const partOf = new Map<string, string>();
  for (const g of groups) for (const f of g.files) for (const a of loadSplitFile(f).articles) partOf.set(a.id, f);
  const pairs: { score: number; grade: number }[] = [];
  for (const g of groups) {
    const policy = new Set(g.split.articles.filter((a) => a.kind === 'policy').map((a) => a.id));
    for (const [query, candidates] of g.rankings) {
      const tag = partOf.get(query) ?? `seeds@${g.name}`;
      if (!tags.has(tag) || !(policy.has(query) || tag.startsWith('seeds@'))) continue;
      candidates
        .map((c) => ({ id: c.id, score: scoreOf(c, w) }))
        .filter((c) => c.score > threshold)
        .sort((a, b) => b.score - a.score)
        .slice(0, RELATED_LIMIT)
        .forEach((c) => pairs.push({ score: c.score, grade: grades(query, c.id) }));
    }
  }
  return pairs;
}

function calibrateStrong(
  groups: readonly Group[],
  seeds: EvalSplit,
  w: Weights,
  threshold: number,
  tags: ReadonlySet<string>,
  grades: GradeOf,
): number {
  const pairs = shownPairs(groups, w, threshold, tags, grades);
  for (const t of Array.from({ length: 101 }, (_, i) => i / 100).filter((x) => x >= threshold)) {
    const above = pairs.filter((p) => p.score >= t);
    if (above.length && above.filter((p) => p.grade === 2).length >= 0.8 * above.length) return round2(t);
  }
  return 1;
}

const fmtWeights = (w: Weights) => PARTS.map((p) => `${p} ${w[p].toFixed(3)}`).join(', ');

/** The folds and the fit on all writers, for the parameters RELATED_PARAMS holds now. */
function report(groups: readonly Group[], seeds: EvalSplit, grades: GradeOf, label: string): void {
  const parts = groups.flatMap((g) => g.files);
  console.log(`\n${label}`);
  console.log(
    '  fold: held out  topic measure scope  train  held-out  threshold  held-out@threshold  empty  strong  ≥strong grade 2   (fitted on the other parts and the seeds ranked where the held-out writer graded nothing)',
  );
  const heldOut: number[] = [];
  for (const held of parts) {
    const tags = trainTags(groups, held);
    const f = fit(groups, seeds, tags, grades);
    const only = new Set([held]);
    const at0 = meanOf(scoreAll(groups, seeds, f.weights, 0).queries, only);
    const atT = scoreAll(groups, seeds, f.weights, f.threshold).queries.filter((q) => q.tag === held);
    const strongPairs = shownPairs(groups, f.weights, f.threshold, only, grades).filter((p) => p.score >= f.strong);
    heldOut.push(mean(atT.map((q) => q.ndcg)));
    console.log(
      `        ${held.padEnd(8)} ${f.topic.toFixed(2)}  ${f.measure.toFixed(2)}    ${f.scope.toFixed(2)}   ${f.train.toFixed(3)}  ${at0.toFixed(3)}     ${f.threshold.toFixed(2)}       ${mean(atT.map((q) => q.ndcg)).toFixed(3)}               ${atT.filter((q) => q.empty).length}      ${f.strong.toFixed(2)}    ${strongPairs.length ? (strongPairs.filter((p) => p.grade === 2).length / strongPairs.length).toFixed(2) : '-'} of ${strongPairs.length}`,
    );
  }
  console.log(
    `  leave-one-writer-out, held-out nDCG@5 at each fold's threshold: mean ${mean(heldOut).toFixed(3)}, lowest ${Math.min(...heldOut).toFixed(3)}`,
  );
  const all = fit(groups, seeds, trainTags(groups, undefined), grades);
  console.log(
    `  fitted on all writers: topic ${all.topic}, measure ${all.measure}, scope ${all.scope} (${fmtWeights(all.weights)}); threshold ${all.threshold.toFixed(2)}, strong from ${all.strong.toFixed(2)}`,
  );
  const inUse = RELATED_PARAMS.score;
  const byPart = (queries: readonly Tagged[]) =>
    [...parts, 'seeds']
      .map(
        (p) =>
          `${p} ${mean(queries.filter((q) => (p === 'seeds' ? q.tag.startsWith('seeds@') : q.tag === p)).map((q) => q.ndcg)).toFixed(3)}`,
      )
      .join(', ');
  for (const part of PARTS) {
    const { queries } = scoreAll(groups, seeds, { terms: 0, words: 0, measures: 0, threads: 0, scope: 0, [part]: 1 }, 0);
    console.log(`  ${part} alone, unthresholded: nDCG@5 ${mean(queries.map((q) => q.ndcg)).toFixed(3)} (${byPart(queries)})`);
  }
  console.log(`  the thresholds for the weights in use (${fmtWeights(inUse)}), fold by fold:`);
  for (const held of parts) {
    const tags = trainTags(groups, held);
    const threshold = calibrateThreshold(groups, seeds, inUse, tags);
    const strong = calibrateStrong(groups, seeds, inUse, threshold, tags, grades);
    const atT = scoreAll(groups, seeds, inUse, threshold).queries.filter((q) => q.tag === held);
    const strongPairs = shownPairs(groups, inUse, threshold, new Set([held]), grades).filter((p) => p.score >= strong);
    console.log(
      `        held out ${held.padEnd(6)}: threshold ${threshold.toFixed(2)}, held-out nDCG@5 there ${mean(atT.map((q) => q.ndcg)).toFixed(3)} (${atT.filter((q) => q.empty).length} empty); strong from ${strong.toFixed(2)}, held-out pairs shown from there ${strongPairs.length}, ${(strongPairs.filter((p) => p.grade === 2).length / Math.max(1, strongPairs.length)).toFixed(2)} grade 2`,
    );
  }
  const tagsAll = trainTags(groups, undefined);
  const thresholdAll = calibrateThreshold(groups, seeds, inUse, tagsAll);
  console.log(
    `        all writers: threshold ${thresholdAll.toFixed(2)}, strong from ${calibrateStrong(groups, seeds, inUse, thresholdAll, tagsAll, grades).toFixed(2)}`,
  );
  for (const [name, t] of [
    ['unthresholded', 0],
    [`at RELATED_THRESHOLD ${RELATED_THRESHOLD}`, RELATED_THRESHOLD],
  ] as const) {
    const { queries, noisy } = scoreAll(groups, seeds, inUse, t);
    console.log(
      `  in use (${fmtWeights(inUse)}), ${name}: nDCG@5 ${mean(queries.map((q) => q.ndcg)).toFixed(3)} (${byPart(queries)}); empty policy queries ${queries.filter((q) => q.empty).length}; noisy lure/off-topic queries ${noisy}`,
    );
  }
  const shown = shownPairs(groups, inUse, RELATED_THRESHOLD, trainTags(groups, undefined), grades).filter(
    (p) => p.score >= STRONG_THRESHOLD,
  );
  console.log(
    `  in use: STRONG_THRESHOLD ${STRONG_THRESHOLD}: ${shown.length} pairs shown as strongly related, ${(shown.filter((p) => p.grade === 2).length / Math.max(1, shown.length)).toFixed(2)} of them grade 2`,
  );
}

/** Each policy query's top five under the weights in use, with grades and cosines, and its grade-2 neighbours ranked lower. */
function perQuery(groups: readonly Group[], seeds: EvalSplit, grades: GradeOf): void {
  const w = RELATED_PARAMS.score;
  const title = new Map([...seeds.articles, ...groups.flatMap((g) => g.split.articles)].map((a) => [a.id, a.title]));
  const { queries } = scoreAll(groups, seeds, w, RELATED_THRESHOLD);
  for (const g of groups) {
    for (const q of queries
      .filter((x) => g.rankings.has(x.query) && (x.tag === `seeds@${g.name}` || g.files.includes(x.tag)))
      .sort((a, b) => a.ndcg - b.ndcg)) {
      const list = [...(g.rankings.get(q.query) ?? [])].sort((a, b) => scoreOf(b, w) - scoreOf(a, w));
      const cos = (c: Candidate) => PARTS.map((p) => `${p[0]}${c.similarity[p].toFixed(2)}`).join(' ');
      console.log(`${q.query} [${q.tag}] nDCG ${q.ndcg.toFixed(3)} ${title.get(q.query)}`);
      list
        .slice(0, K)
        .forEach((c, i) =>
          console.log(`   ${i + 1}. [${grades(q.query, c.id)}] ${scoreOf(c, w).toFixed(3)} (${cos(c)}) ${c.id} ${title.get(c.id)}`),
        );
      list.forEach((c, i) => {
        if (i >= K && grades(q.query, c.id) === 2)
          console.log(`      missed [2] at ${i + 1} ${scoreOf(c, w).toFixed(3)} (${cos(c)}) ${c.id} ${title.get(c.id)}`);
      });
    }
  }
}

type Variant = { name: string; set(): void };
const base = structuredClone(RELATED_PARAMS);
const reset = () => Object.assign(RELATED_PARAMS, structuredClone(base));
/** What --grid tries: what the index stores, which the part weights cannot recombine. */
const GRID: Variant[] = [
  { name: 'current', set: () => undefined },
  ...[32, 128].map((k) => ({ name: `key terms ${k}`, set: () => (RELATED_PARAMS.keyTerms = k) })),
  ...[1, 2, 5].map((w) => ({ name: `title weight ${w}`, set: () => (RELATED_PARAMS.titleWeight = w) })),
];

async function main() {
  const seeds = loadSeeds();
  const whole = loadSplit('dev');
  const byId = new Map([...seeds.articles, ...whole.articles].map((a) => [a.id, a]));
  const grades: GradeOf = (q, c) => byId.get(q)?.related[c] ?? 0;
  console.log(
    `dev: ${whole.articles.length} articles by ${['dev', ...(SPLIT_PARTS.dev ?? [])].length} writers and ${seeds.articles.length} seeds; nDCG@${K} over policy queries (seeds included), the panel's top ${RELATED_LIMIT}`,
  );
  const grid = process.argv.includes('--grid');
  for (const variant of grid ? GRID : GRID.slice(0, 1)) {
    reset();
    variant.set();
    const groups = await buildGroups(seeds);
    report(groups, seeds, grades, variant.name);
    if (!grid && process.argv.includes('--queries')) perQuery(groups, seeds, grades);
  }
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
