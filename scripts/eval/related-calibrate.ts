/**
 * Tuning and calibrating related articles on the labelled dev split (never the test split):
 *
 *   npx tsx scripts/eval/related-calibrate.ts            the current parameters, threshold sweep
 *   npx tsx scripts/eval/related-calibrate.ts --grid     every variant of GRID, one line each
 *
 * The corpus is built as `lens eval` builds it (scripts/lens/eval-product.ts): the bundled seeds
 * seeded by the background's code, the dev articles stored and indexed by the product's indexer. Each
 * article then asks the index for its related articles (lib/related queryRelated, with its measures
 * and their categories as lib/insight/related.ts gives them) with no threshold, so the scores can be
 * cut at any threshold afterwards and scored by tests/eval/score.ts (nDCG@5, and silence: lure and
 * off-topic articles that get any related article).
 *
 * How the thresholds are chosen (lib/insight/related.ts). Off-topic articles are kept silent by the
 * policy gate, not by the score (lib/related isPolicyText: they are not even candidates), so the score
 * threshold only cuts weak matches: RELATED_THRESHOLD is the highest score (in steps of 0.01) at which
 * nDCG@5 stays within 0.01 of its best and no policy article is left with nothing related.
 * STRONG_THRESHOLD is the lowest score from which at least 80 % of the pairs shown are highly related
 * (grade 2).
 */
import { buildArticle } from '../../lib/corpus/article';
import type { StoredArticle } from '../../lib/db/schema';
import { indexStoredArticle } from '../../lib/insight/indexer';
import { RELATED_THRESHOLD, STRONG_THRESHOLD, storedMeasureCounts, topicsOf } from '../../lib/insight/related';
import { loadCatalogueFile } from '../../lib/measures/load-catalogue';
import { queryRelated, RELATED_PARAMS } from '../../lib/related';
import { loadSeeds, loadSplit, type EvalArticle, type EvalSplit } from '../../tests/eval/dataset';
import { ndcgAt } from '../../tests/eval/score';
import { ROOT } from '../harness/paths';
import { compileSeeds } from '../lens/compile-seeds';
import { openLensCorpus, SEEDS_DIR } from '../lens/lens-corpus';

type Scored = { id: string; score: number; parts: string };
/** Per evaluation id, every other article with its score, best first. */
type Rankings = Map<string, Scored[]>;

const K = 5;

async function rankAll(articles: readonly EvalArticle[]): Promise<Rankings> {
  const catalogue = loadCatalogueFile();
  const corpus = await openLensCorpus({ cwd: ROOT, catalogue, seeds: compileSeeds(SEEDS_DIR, ROOT) });
  const { db } = corpus;
  try {
    const seedIdByFile = new Map<string, string>();
    for (const a of await db.articles.toArray()) if (a.file) seedIdByFile.set(a.file, a.id);
    const productId = new Map<string, string>();
    for (const article of articles) {
      const seedId = article.file ? seedIdByFile.get(article.file.replace(/^.*\//, '')) : undefined;
      if (seedId) {
        productId.set(article.id, seedId);
        continue;
      }
      const built = buildArticle({ title: article.title, date: new Date(article.date).toISOString(), categories: [], source: article.source, paragraphs: article.paragraphs, images: [], origin: 'imported' });
      const stored: StoredArticle = { ...built, addedAt: new Date(0).toISOString() };
      await indexStoredArticle(db, stored, catalogue);
      productId.set(article.id, built.id);
    }
    const evalId = new Map([...productId].map(([e, p]) => [p, e]));
    const rankings: Rankings = new Map();
    for (const article of articles) {
      const stored = (await db.articles.get(productId.get(article.id)!))!;
      const hits = await queryRelated(db, { id: stored.id, title: stored.title, text: stored.text, ...topicsOf(storedMeasureCounts(stored), catalogue) }, { limit: 100 });
      const parts = (h: (typeof hits)[number]) => Object.entries(h.similarity).map(([p, v]) => `${p[0]}${v.toFixed(2)}`).join(' ');
      rankings.set(
        article.id,
        hits.flatMap((h) => (evalId.has(h.id) ? [{ id: evalId.get(h.id)!, score: h.score, parts: parts(h) }] : [])),
      );
    }
    return rankings;
  } finally {
    await corpus.close();
  }
}

type AtThreshold = { threshold: number; ndcg: number; noisy: number; quiet: number; queries: number };

function scoreAt(threshold: number, split: EvalSplit, seeds: EvalSplit, rankings: Rankings): AtThreshold {
  const result = ndcgAt(
    K,
    split,
    (query, corpus) => {
      const allowed = new Set(corpus.map((a) => a.id));
      return (rankings.get(query.id) ?? []).filter((s) => s.score >= threshold && allowed.has(s.id)).map((s) => s.id);
    },
    seeds,
  );
  // Policy queries left with nothing at all.
  const quiet = result.perQuery.filter((q) => q.ranked.length === 0).length;
  return { threshold, ndcg: result.ndcg, noisy: result.silence.withAnyRelated, quiet, queries: result.perQuery.length };
}

function sweep(split: EvalSplit, seeds: EvalSplit, rankings: Rankings): { rows: AtThreshold[]; chosen: AtThreshold; strong: number } {
  const rows: AtThreshold[] = [];
  for (let t = 0; t <= 0.6001; t += 0.01) rows.push(scoreAt(Math.round(t * 100) / 100, split, seeds, rankings));
  const best = Math.max(...rows.map((r) => r.ndcg));
  const chosen = [...rows].reverse().find((r) => r.ndcg >= best - 0.01 && r.quiet === 0) ?? rows[0]!;
  const all = [...split.articles, ...seeds.articles];
  const grade = (q: string, c: string) => all.find((a) => a.id === q)?.related[c] ?? 0;
  const pairs = [...rankings].flatMap(([q, list]) => (all.find((a) => a.id === q)?.kind === 'policy' ? list.map((s) => ({ score: s.score, grade: grade(q, s.id) })) : []));
  const strong =
    rows
      .map((r) => r.threshold)
      .filter((t) => t >= chosen.threshold)
      .find((t) => {
        const above = pairs.filter((p) => p.score >= t);
        return above.length > 0 && above.filter((p) => p.grade === 2).length >= 0.8 * above.length;
      }) ?? 1;
  return { rows, chosen, strong };
}

/** Score distributions by grade, and the loudest lure and off-topic articles. */
function describe(split: EvalSplit, seeds: EvalSplit, rankings: Rankings): void {
  const all = [...seeds.articles, ...split.articles.filter((a) => !seeds.articles.some((s) => s.id === a.id))];
  const byGrade: Record<number, number[]> = { 0: [], 1: [], 2: [] };
  for (const q of all.filter((a) => a.kind === 'policy')) {
    for (const s of rankings.get(q.id) ?? []) byGrade[q.related[s.id] ?? 0]!.push(s.score);
  }
  const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor(p * (xs.length - 1))]?.toFixed(3) ?? '-';
  for (const g of [2, 1, 0]) console.log(`  grade ${g}: ${byGrade[g]!.length} pairs, score p10 ${pct(byGrade[g]!, 0.1)} p50 ${pct(byGrade[g]!, 0.5)} p90 ${pct(byGrade[g]!, 0.9)} max ${pct(byGrade[g]!, 1)}`);
  const loud = all
    .filter((a) => a.kind !== 'policy')
    .map((a) => ({ id: a.id, top: rankings.get(a.id)?.[0] }))
    .sort((a, b) => (b.top?.score ?? 0) - (a.top?.score ?? 0))
    .slice(0, 5);
  console.log(`  loudest lure/off-topic: ${loud.map((l) => `${l.id}→${l.top?.id} ${l.top?.score.toFixed(3)}`).join(', ')}`);
}

/** Each policy query's top five with their grades, and the graded neighbours it ranks lower. */
function perQuery(split: EvalSplit, seeds: EvalSplit, rankings: Rankings): void {
  const all = [...seeds.articles, ...split.articles.filter((a) => !seeds.articles.some((s) => s.id === a.id))];
  const title = new Map(all.map((a) => [a.id, a.title]));
  const result = ndcgAt(K, split, (q, corpus) => (rankings.get(q.id) ?? []).filter((s) => corpus.some((c) => c.id === s.id)).map((s) => s.id), seeds);
  for (const q of [...result.perQuery].sort((a, b) => a.ndcg - b.ndcg)) {
    const query = all.find((a) => a.id === q.query)!;
    const list = rankings.get(q.query) ?? [];
    console.log(`${q.query} nDCG ${q.ndcg.toFixed(3)} ${title.get(q.query)}`);
    list.slice(0, K).forEach((s, i) => console.log(`   ${i + 1}. [${query.related[s.id] ?? 0}] ${s.score.toFixed(3)} (${s.parts}) ${s.id} ${title.get(s.id)}`));
    for (const [id, g] of Object.entries(query.related)) {
      const at = list.findIndex((s) => s.id === id);
      if (at >= K && g === 2) console.log(`      missed [${g}] at ${at < 0 ? '-' : at + 1} ${at < 0 ? '' : `${list[at]!.score.toFixed(3)} (${list[at]!.parts})`} ${id} ${title.get(id)}`);
    }
  }
}

type Variant = { name: string; set(): void };
const base = structuredClone(RELATED_PARAMS);
const reset = () => Object.assign(RELATED_PARAMS, structuredClone(base));
/** What --grid tries, each from the current parameters. */
const GRID: Variant[] = [
  { name: 'current', set: () => undefined },
  ...[
    { terms: 0.3, words: 0.3, measures: 0.2, threads: 0.2 },
    { terms: 0.5, words: 0.1, measures: 0.2, threads: 0.2 },
    { terms: 0.4, words: 0.2, measures: 0.1, threads: 0.3 },
    { terms: 0.4, words: 0.2, measures: 0.3, threads: 0.1 },
    { terms: 0.3, words: 0.2, measures: 0.25, threads: 0.25 },
  ].map((w) => ({ name: `score ${Object.values(w).join('/')}`, set: () => (RELATED_PARAMS.score = w) })),
  ...[48, 96, 128].map((k) => ({ name: `key terms ${k}`, set: () => (RELATED_PARAMS.keyTerms = k) })),
  ...[1, 2, 5].map((w) => ({ name: `title weight ${w}`, set: () => (RELATED_PARAMS.titleWeight = w) })),
];

async function main() {
  const split = loadSplit('dev');
  const seeds = loadSeeds();
  const articles = [...seeds.articles, ...split.articles.filter((a) => !seeds.articles.some((s) => s.id === a.id))];
  const grid = process.argv.includes('--grid');
  console.log(`dev: ${split.articles.length} articles and ${seeds.articles.length} seeds; nDCG@${K} over policy queries; noisy = lure/off-topic queries shown anything`);
  for (const variant of grid ? GRID : GRID.slice(0, 1)) {
    reset();
    variant.set();
    const rankings = await rankAll(articles);
    const { rows, chosen, strong } = sweep(split, seeds, rankings);
    const at0 = rows[0]!;
    const current = scoreAt(RELATED_THRESHOLD, split, seeds, rankings);
    console.log(
      `${variant.name.padEnd(22)} nDCG@5 unthresholded ${at0.ndcg.toFixed(3)}, noisy ${at0.noisy} | calibrated threshold ${chosen.threshold.toFixed(2)}: nDCG ${chosen.ndcg.toFixed(3)}, noisy ${chosen.noisy}, strong from ${strong.toFixed(2)} | at RELATED_THRESHOLD ${RELATED_THRESHOLD}: nDCG ${current.ndcg.toFixed(3)}, noisy ${current.noisy}`,
    );
    if (!grid) {
      describe(split, seeds, rankings);
      for (const r of rows.filter((_, i) => i % 2 === 0)) console.log(`  ≥ ${r.threshold.toFixed(2)}: nDCG@5 ${r.ndcg.toFixed(3)}, noisy ${r.noisy}, quiet policy ${r.quiet}/${r.queries}`);
      console.log(`  in use: RELATED_THRESHOLD ${RELATED_THRESHOLD}, STRONG_THRESHOLD ${STRONG_THRESHOLD}`);
      if (process.argv.includes('--queries')) perQuery(split, seeds, rankings);
    }
  }
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
