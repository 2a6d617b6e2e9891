/**
 * Issue 14's bar, on the held-out TEST split (tests/eval/test.json, written by a fifth writer who did not
 * see the catalogue): the same evaluation `npm run lens -- eval --split test` prints. Skips only
 * while that file does not exist yet; nothing was tuned on it.
 *
 * Where the product meets the issue's bar (core recall, silence on off-topic articles), the bar is
 * asserted. Where it does not (measure precision 0.929 against 0.95, related nDCG@5 0.869 against 0.9,
 * measured once on this split when it was merged), the test holds the measured figure as a floor so
 * that nothing makes it worse, and the bar stays in ISSUE_BAR: issue 14 is open until these reach it.
 * Tuning on this split is not allowed (tests/eval/README.md): raising a floor means a better product
 * on dev, then one more look here.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, type EvalReport } from '../../scripts/lens/eval';
import { EVAL_DIR, loadSplit } from '../eval/dataset';

const ROOT = path.join(import.meta.dirname, '..', '..');
const TEST_SPLIT = path.join(EVAL_DIR, 'test.json');
const hasTestSplit = existsSync(TEST_SPLIT);

/** What issue 14 asks on a held-out split. */
const ISSUE_BAR = { recallCore: 0.9, precision: 0.95, ndcg: 0.9 } as const;
/** Measured once on writer E's split (0.929, 0.869): below the bar, kept from getting worse. */
const HELD_OUT_FLOOR = { precision: 0.925, ndcg: 0.865 } as const;

if (!hasTestSplit) {
  console.warn(
    `insight-eval: skipped, ${path.relative(ROOT, TEST_SPLIT)} does not exist yet (the held-out test split is added when the branches are merged)`,
  );
}

describe.skipIf(!hasTestSplit)('Policy Lens on the held-out test split', () => {
  let report: EvalReport;
  const offTopic = () =>
    new Set(
      loadSplit('test')
        .articles.filter((a) => a.kind === 'off-topic')
        .map((a) => a.id),
    );

  it('is evaluated end to end (corpus, indexer, panel answers)', async () => {
    report = await evaluate({ split: 'test', cwd: ROOT });
    const lens = report.policyLens;
    console.log(
      `test split: measure precision ${lens.measures.precision.value.toFixed(3)}, core recall ${lens.measures.recallCore.value.toFixed(3)}, ` +
        `all recall ${lens.measures.recallAll.value.toFixed(3)}, related nDCG@5 ${lens.related.ndcg.toFixed(3)}, ` +
        `off-topic/lure queries with related ${lens.related.silence.withAnyRelated}/${lens.related.silence.queries}`,
    );
    expect(report.articles.total).toBeGreaterThan(0);
  }, 600_000);

  it('finds at least 90% of the core measures (the issue’s bar)', () => {
    expect(report.policyLens.measures.recallCore.value).toBeGreaterThanOrEqual(ISSUE_BAR.recallCore);
  });

  it('reports measures with a precision no lower than measured (0.929; the issue asks 0.95)', () => {
    expect(report.policyLens.measures.precision.value).toBeGreaterThanOrEqual(HELD_OUT_FLOOR.precision);
  });

  it('ranks related articles with an nDCG@5 no lower than measured (0.869; the issue asks 0.9)', () => {
    expect(report.policyLens.related.ndcg).toBeGreaterThanOrEqual(HELD_OUT_FLOOR.ndcg);
  });

  it('shows no related article on any off-topic article', () => {
    const ids = offTopic();
    expect(report.policyLens.related.silence.noisy.filter((q) => ids.has(q.query))).toEqual([]);
  });
});
