/**
 * `lens eval [--split dev|test] [--part <file>] [--json] [--details]`: Policy Lens and the naive baseline side by side
 * on a labelled split of tests/eval (measure precision and recall, lures taken, off-topic articles
 * with a measure, "other measures" precision, related nDCG@5 and silence on off-topic queries),
 * scored by tests/eval/score.ts. Policy Lens answers through the product's own path
 * (eval-product.ts); the baseline is eval-baseline.ts.
 *
 * `--part dev-b` scores only the articles of one file of a split that has parts (dev is dev.json and
 * dev-b.json): the honest figure for a part nobody tuned to. The corpus stays the whole split, so
 * related articles are ranked as in the full run; only the queries and articles scored are the part's.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  articleText,
  EVAL_DIR,
  loadConcepts,
  loadSeeds,
  loadSplit,
  loadSplitFile,
  RELATED_GROUPS,
  SPLIT_PARTS,
  type EvalArticle,
  type EvalSplit,
} from '../../tests/eval/dataset';
import {
  ndcgAt,
  scoreMeasures,
  scoreOtherMeasures,
  type MeasureScore,
  type OtherMeasureScore,
  type Ratio,
  type RelatedScore,
} from '../../tests/eval/score';
import type { Command, Io } from './command';
import { parseCommandArgs } from './command';
import { UsageError } from './documents';
import { baselineMeasures, baselineOtherMeasures, baselineRanker } from './eval-baseline';
import { policyLensAnswers, type Answers } from './eval-product';

export const NDCG_K = 5;

export type SystemScores = { measures: MeasureScore; otherMeasures: OtherMeasureScore; related: RelatedScore };

export type EvalReport = {
  split: string;
  /** The part scored (a file of the split, such as dev-b), when only one was. */
  part?: string;
  file: string;
  articles: { total: number; policy: number; lure: number; offTopic: number; seeds: number };
  policyLens: SystemScores & { foundByWording: number };
  baseline: SystemScores;
};

export type EvalOptions = { split: string; part?: string; dir?: string; cwd: string };

/** Scores both systems on one split (with the seeds in the related corpus, as the extension ships them). */
export async function evaluate(opts: EvalOptions): Promise<EvalReport> {
  const dir = opts.dir ?? EVAL_DIR;
  const file = path.join(dir, `${opts.split}.json`);
  if (!existsSync(file)) throw new UsageError(`no labelled split "${opts.split}": ${path.relative(opts.cwd, file)} does not exist`);
  const concepts = loadConcepts(dir).concepts;
  const whole = loadSplit(opts.split, dir);
  const split = opts.part ? onlyPart(whole, opts.split, opts.part, dir, opts.cwd) : whole;
  const partFile = opts.part ? path.join(dir, `${opts.part}.json`) : file;
  const seeds = existsSync(path.join(dir, 'seeds.json')) ? loadSeeds(dir) : undefined;
  // Each group of files graded against each other is a corpus of its own (with the seeds), built and
  // ranked as the extension would; measures read only the article's text, so any group's will do.
  const groups = relatedGroups(whole, opts.split, dir);
  const lens: Answers[] = [];
  const baseline: Answers[] = [];
  for (const group of groups) {
    const all = uniqueArticles([...(seeds?.articles ?? []), ...group.articles]);
    lens.push(await policyLensAnswers(all, { cwd: opts.cwd }));
    baseline.push(baselineAnswers(all));
  }
  const lensScores = scoreAll(split, seeds, lens);

  const kinds = (k: EvalArticle['kind']) => split.articles.filter((a) => a.kind === k).length;
  return {
    split: whole.split,
    ...(opts.part ? { part: opts.part } : {}),
    file: path.relative(opts.cwd, partFile),
    articles: {
      total: split.articles.length,
      policy: kinds('policy'),
      lure: kinds('lure'),
      offTopic: kinds('off-topic'),
      seeds: seeds?.articles.length ?? 0,
    },
    policyLens: { ...lensScores, foundByWording: split.articles.reduce((n, a) => n + (answerOf(lens, 'byWording', a.id)?.length ?? 0), 0) },
    baseline: scoreAll(split, seeds, baseline),
  };

  function scoreAll(s: EvalSplit, seedSplit: EvalSplit | undefined, answers: Answers[]): SystemScores {
    return {
      measures: scoreMeasures(s, (a) => answerOf(answers, 'measures', a.id) ?? [], concepts),
      otherMeasures: scoreOtherMeasures(s, (a) => answerOf(answers, 'otherMeasures', a.id) ?? []),
      related: restrictQueries(
        mergeGroups(
          groups.map((group, g) =>
            ndcgAt(
              NDCG_K,
              group,
              (query, corpus) => {
                const allowed = new Set(corpus.map((a) => a.id));
                return (answers[g]!.related.get(query.id) ?? []).filter((id) => allowed.has(id));
              },
              seedSplit,
            ),
          ),
        ),
        opts.part ? s.articles : undefined,
      ),
    };
  }
}

/** An article's answer from whichever group's corpus held it. */
function answerOf(answers: readonly Answers[], what: 'measures' | 'byWording' | 'otherMeasures', id: string): string[] | undefined {
  for (const a of answers) {
    const found = a[what].get(id);
    if (found) return found;
  }
  return undefined;
}

/** The naive peer's answers over a corpus. */
function baselineAnswers(all: readonly EvalArticle[]): Answers {
  const rank = baselineRanker(all.map((a) => ({ id: a.id, title: a.title, text: articleText(a) })));
  const answers: Answers = { measures: new Map(), byWording: new Map(), otherMeasures: new Map(), related: new Map() };
  for (const a of all) {
    answers.measures.set(a.id, baselineMeasures(articleText(a)));
    answers.otherMeasures.set(a.id, baselineOtherMeasures(articleText(a)));
    answers.related.set(
      a.id,
      rank(
        a.id,
        all.filter((b) => b.id !== a.id).map((b) => b.id),
      ),
    );
  }
  return answers;
}

/** The split cut into the groups of files graded against each other (RELATED_GROUPS), each scored on its own with the seeds. */
function relatedGroups(split: EvalSplit, name: string, dir: string): EvalSplit[] {
  const groups = RELATED_GROUPS[name];
  if (!groups) return [split];
  return groups.map((files) => {
    const ids = new Set(
      files.filter((f) => existsSync(path.join(dir, `${f}.json`))).flatMap((f) => loadSplitFile(f, dir).articles.map((a) => a.id)),
    );
    return { ...split, articles: split.articles.filter((a) => ids.has(a.id)) };
  });
}

/** One score from the groups': every group's queries (a seed is asked once in each group), their mean. */
function mergeGroups(scores: RelatedScore[]): RelatedScore {
  if (scores.length === 1) return scores[0]!;
  const perQuery = scores.flatMap((s) => s.perQuery);
  const noisy = scores.flatMap((s) => s.silence.noisy);
  return {
    k: NDCG_K,
    ndcg: perQuery.length ? perQuery.reduce((sum, q) => sum + q.ndcg, 0) / perQuery.length : 0,
    perQuery,
    unjudged: scores.flatMap((s) => s.unjudged),
    silence: { queries: scores.reduce((n, s) => n + s.silence.queries, 0), withAnyRelated: noisy.length, noisy },
  };
}

/** The articles of `split` that come from the file `<part>.json` (the split's own file or one of its parts). */
function onlyPart(split: EvalSplit, name: string, part: string, dir: string, cwd: string): EvalSplit {
  const files = [name, ...(SPLIT_PARTS[name] ?? [])];
  if (!files.includes(part)) throw new UsageError(`split "${name}" has no part "${part}"; its parts are ${files.join(', ')}`);
  const partFile = path.join(dir, `${part}.json`);
  if (!existsSync(partFile)) throw new UsageError(`no part "${part}" of split "${name}": ${path.relative(cwd, partFile)} does not exist`);
  const ids = new Set(loadSplitFile(part, dir).articles.map((a) => a.id));
  return { ...split, articles: split.articles.filter((a) => ids.has(a.id)) };
}

/** Related scores over the queries of one part only (the corpus they were ranked in stays the whole split). */
function restrictQueries(score: RelatedScore, part: readonly EvalArticle[] | undefined): RelatedScore {
  if (!part) return score;
  const ids = new Set(part.map((a) => a.id));
  const perQuery = score.perQuery.filter((q) => ids.has(q.query));
  const noisy = score.silence.noisy.filter((q) => ids.has(q.query));
  return {
    ...score,
    ndcg: perQuery.length ? perQuery.reduce((sum, q) => sum + q.ndcg, 0) / perQuery.length : 0,
    perQuery,
    unjudged: score.unjudged.filter((id) => ids.has(id)),
    silence: { queries: part.filter((a) => a.kind !== 'policy').length, withAnyRelated: noisy.length, noisy },
  };
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
  io.out(
    `Policy Lens and the naive baseline on ${report.file} (split "${report.split}"${report.part ? `, part "${report.part}" only` : ''})`,
  );
  io.out(
    `${a.total} articles: ${a.policy} policy, ${a.lure} lure, ${a.offTopic} off-topic; related articles ranked among them and the ${a.seeds} seeds`,
  );
  io.out('');
  const table: [string, string, string][] = [['', 'Policy Lens', 'baseline'], ...rows(report)];
  const widths = [0, 1, 2].map((i) => Math.max(...table.map((r) => r[i]!.length)));
  for (const r of table)
    io.out(
      r
        .map((c, i) => c.padEnd(widths[i]!))
        .join('   ')
        .trimEnd(),
    );
  io.out('');
  io.out(`Policy Lens found ${report.policyLens.foundByWording} (article, measure) pairs by wording only.`);
  io.out(
    'Baseline: a 9-term dictionary for measures, character-bigram cosine for related articles, sentences with a policy verb for "other measures".',
  );
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
  usage: 'lens eval [--split dev|test] [--part <file of the split, e.g. dev-b>] [--json] [--details]',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      split: { type: 'string' },
      part: { type: 'string' },
      json: { type: 'boolean' },
      details: { type: 'boolean' },
      data: { type: 'string' },
    });
    if (positionals.length) throw new UsageError(`unexpected argument ${positionals[0]}`);
    const split = values.split ?? 'dev';
    if (!/^[a-z0-9-]+$/.test(split)) throw new UsageError(`--split must be a split name such as dev or test, not "${split}"`);
    const part = values.part;
    if (part !== undefined && !/^[a-z0-9-]+$/.test(part))
      throw new UsageError(`--part must be a file name of the split such as dev-b, not "${part}"`);
    const report = await evaluate({ split, part, dir: values.data ? path.resolve(io.cwd, values.data) : undefined, cwd: io.cwd });
    if (values.json) io.out(JSON.stringify(report, null, 2));
    else printReport(report, io, values.details === true);
    return 0;
  },
};
