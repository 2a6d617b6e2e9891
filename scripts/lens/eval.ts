/**
 * `lens eval [--split dev|test] [--json] [--details]`: Policy Lens and the naive baseline side by side
 * on a labelled split of tests/eval (measure precision and recall, lures taken, off-topic articles
 * with a measure, "other measures" precision, related nDCG@5 and silence on off-topic queries),
 * scored by tests/eval/score.ts. Policy Lens answers through the product's own path
 * (eval-product.ts); the baseline is eval-baseline.ts.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { articleText, EVAL_DIR, loadConcepts, loadSeeds, loadSplit, type EvalArticle, type EvalSplit } from '../../tests/eval/dataset';
import { ndcgAt, scoreMeasures, scoreOtherMeasures, type MeasureScore, type OtherMeasureScore, type Ratio, type RelatedScore } from '../../tests/eval/score';
import type { Command, Io } from './command';
import { parseCommandArgs } from './command';
import { UsageError } from './documents';
import { baselineMeasures, baselineOtherMeasures, baselineRanker } from './eval-baseline';
import { policyLensAnswers, type Answers } from './eval-product';

export const NDCG_K = 5;

export type SystemScores = { measures: MeasureScore; otherMeasures: OtherMeasureScore; related: RelatedScore };

export type EvalReport = {
  split: string;
  file: string;
  articles: { total: number; policy: number; lure: number; offTopic: number; seeds: number };
  policyLens: SystemScores & { foundByWording: number };
  baseline: SystemScores;
};

export type EvalOptions = { split: string; dir?: string; cwd: string };

/** Scores both systems on one split (with the seeds in the related corpus, as the extension ships them). */
export async function evaluate(opts: EvalOptions): Promise<EvalReport> {
  const dir = opts.dir ?? EVAL_DIR;
  const file = path.join(dir, `${opts.split}.json`);
  if (!existsSync(file)) throw new UsageError(`no labelled split "${opts.split}": ${path.relative(opts.cwd, file)} does not exist`);
  const concepts = loadConcepts(dir).concepts;
  const split = loadSplit(opts.split, dir);
  const seeds = existsSync(path.join(dir, 'seeds.json')) ? loadSeeds(dir) : undefined;
  const all = uniqueArticles([...(seeds?.articles ?? []), ...split.articles]);

  const lens = await policyLensAnswers(all, { cwd: opts.cwd });
  const lensScores = scoreAll(split, seeds, lens);

  const rank = baselineRanker(all.map((a) => ({ id: a.id, title: a.title, text: articleText(a) })));
  const baseline: Answers = { measures: new Map(), byWording: new Map(), otherMeasures: new Map(), related: new Map() };
  for (const a of all) {
    baseline.measures.set(a.id, baselineMeasures(articleText(a)));
    baseline.otherMeasures.set(a.id, baselineOtherMeasures(articleText(a)));
    baseline.related.set(
      a.id,
      rank(
        a.id,
        all.filter((b) => b.id !== a.id).map((b) => b.id),
      ),
    );
  }

  const kinds = (k: EvalArticle['kind']) => split.articles.filter((a) => a.kind === k).length;
  return {
    split: split.split,
    file: path.relative(opts.cwd, file),
    articles: { total: split.articles.length, policy: kinds('policy'), lure: kinds('lure'), offTopic: kinds('off-topic'), seeds: seeds?.articles.length ?? 0 },
    policyLens: { ...lensScores, foundByWording: split.articles.reduce((n, a) => n + (lens.byWording.get(a.id)?.length ?? 0), 0) },
    baseline: scoreAll(split, seeds, baseline),
  };

  function scoreAll(s: EvalSplit, seedSplit: EvalSplit | undefined, answers: Answers): SystemScores {
    return {
      measures: scoreMeasures(s, (a) => answers.measures.get(a.id) ?? [], concepts),
      otherMeasures: scoreOtherMeasures(s, (a) => answers.otherMeasures.get(a.id) ?? []),
      related: ndcgAt(
        NDCG_K,
        s,
        (query, corpus) => {
          const allowed = new Set(corpus.map((a) => a.id));
          return (answers.related.get(query.id) ?? []).filter((id) => allowed.has(id));
        },
        seedSplit,
      ),
    };
  }
}

function uniqueArticles(articles: EvalArticle[]): EvalArticle[] {
  const seen = new Set<string>();
  return articles.filter((a) => !seen.has(a.id) && seen.add(a.id));
}

const fmt = (r: Ratio): string => `${r.value.toFixed(3)} (${r.hit}/${r.of})`;

function rows(report: EvalReport): [string, string, string][] {
  const both = (f: (s: SystemScores) => string): [string, string] => [f(report.policyLens), f(report.baseline)];
  return [
    ['measure precision', ...both((s) => fmt(s.measures.precision))],
    ['measure recall, core concepts', ...both((s) => fmt(s.measures.recallCore))],
    ['measure recall, all concepts', ...both((s) => fmt(s.measures.recallAll))],
    ['lures taken', ...both((s) => fmt(s.measures.luresTaken))],
    ['off-topic articles with a measure', ...both((s) => `${s.measures.offTopic.withAnyMeasure}/${s.measures.offTopic.articles}`)],
    ['"other measures" precision', ...both((s) => fmt(s.otherMeasures.precision))],
    [`related nDCG@${NDCG_K}`, ...both((s) => `${s.related.ndcg.toFixed(3)} (${s.related.perQuery.length} queries)`)],
    ['off-topic/lure queries with any related', ...both((s) => `${s.related.silence.withAnyRelated}/${s.related.silence.queries}`)],
  ];
}

export function printReport(report: EvalReport, io: Io, details: boolean): void {
  const a = report.articles;
  io.out(`Policy Lens and the naive baseline on ${report.file} (split "${report.split}")`);
  io.out(`${a.total} articles: ${a.policy} policy, ${a.lure} lure, ${a.offTopic} off-topic; related articles ranked among them and the ${a.seeds} seeds`);
  io.out('');
  const table: [string, string, string][] = [['', 'Policy Lens', 'baseline'], ...rows(report)];
  const widths = [0, 1, 2].map((i) => Math.max(...table.map((r) => r[i]!.length)));
  for (const r of table) io.out(r.map((c, i) => c.padEnd(widths[i]!)).join('   ').trimEnd());
  io.out('');
  io.out(`Policy Lens found ${report.policyLens.foundByWording} (article, measure) pairs by wording only.`);
  io.out('Baseline: a 9-term dictionary for measures, character-bigram cosine for related articles, sentences with a policy verb for "other measures".');
  if (!details) return;
  const m = report.policyLens.measures;
  io.out('');
  io.out('Policy Lens, measures reported but not labelled:');
  for (const fp of m.falsePositives) io.out(`  ${fp.article}  ${fp.concept}`);
  io.out('Policy Lens, labelled measures missed:');
  for (const miss of m.misses) io.out(`  ${miss.article}  ${miss.concept}${miss.core ? ' (core)' : ''}`);
  io.out('Policy Lens, lures taken:');
  for (const t of m.luresTaken.taken) io.out(`  ${t.article}  ${t.concept}`);
  io.out('Policy Lens, "other measures" that are not policy actions:');
  for (const w of report.policyLens.otherMeasures.wrong) io.out(`  ${w.article}  ${w.sentence}`);
  io.out(`Policy Lens, related nDCG@${NDCG_K} per query:`);
  for (const q of report.policyLens.related.perQuery) io.out(`  ${q.ndcg.toFixed(3)}  ${q.query}  → ${q.ranked.join(', ')}`);
  io.out('Policy Lens, off-topic/lure queries with related articles:');
  for (const q of report.policyLens.related.silence.noisy) io.out(`  ${q.query}  → ${q.ranked.join(', ')}`);
}

export const evalCommand: Command = {
  name: 'eval',
  summary: 'score Policy Lens and a naive baseline on a labelled split (measures, other measures, related articles)',
  usage: 'lens eval [--split dev|test] [--json] [--details]',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      split: { type: 'string' },
      json: { type: 'boolean' },
      details: { type: 'boolean' },
      data: { type: 'string' },
    });
    if (positionals.length) throw new UsageError(`unexpected argument ${positionals[0]}`);
    const split = values.split ?? 'dev';
    if (!/^[a-z0-9-]+$/.test(split)) throw new UsageError(`--split must be a split name such as dev or test, not "${split}"`);
    const report = await evaluate({ split, dir: values.data ? path.resolve(io.cwd, values.data) : undefined, cwd: io.cwd });
    if (values.json) io.out(JSON.stringify(report, null, 2));
    else printReport(report, io, values.details === true);
    return 0;
  },
};
