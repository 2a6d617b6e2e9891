import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { evaluate } from '../../scripts/lens/eval';
import { loadSplit, loadSplitFile, SPLIT_PARTS } from '../../tests/eval/dataset';
import type { LensDB } from '../db/schema';
import { detectMeasures } from '../measures';
import { isStopTerm } from '../related/stop-terms';
import { measureCounts, relatedArticles, RELATED_THRESHOLD, STRONG_THRESHOLD, strengthOf, topicsOf } from './related';
import { catalogue, seededDB } from '../../tests/support/insight';

let db: LensDB;
afterEach(() => db?.delete());

describe('related articles as the panel shows them', () => {
  it('counts mentions, a title mention three times, and groups measures by policy thread', () => {
    const title = '国家医保局：打击欺诈骗保';
    const text = '打击欺诈骗保专项整治启动。各地要打击欺诈骗保，并推进医保智能监控。';
    const counts = measureCounts(detectMeasures(text, catalogue), title, catalogue);
    expect(Object.keys(counts).length).toBeGreaterThan(1);
    expect(counts['smart-monitoring']).toBe(1);
    const topics = topicsOf(counts, catalogue);
    expect(topics.measures).toEqual(counts);
    // Fund supervision: a crackdown and smart monitoring are one thread.
    expect(Object.keys(topics.threads!)).toEqual(['supervision']);
    expect(topics.threads!.supervision).toBe(Object.values(counts).reduce((a, b) => a + b, 0));
  });

  it('shows nothing under the threshold, says how strongly in words, and gives whole measures and words as reasons', async () => {
    db = await seededDB();
    expect(strengthOf(STRONG_THRESHOLD)).toBe('strong');
    expect(strengthOf(RELATED_THRESHOLD)).toBe('related');
    let shown = 0;
    for (const a of await db.articles.toArray()) {
      const related = await relatedArticles(db, { id: a.id, title: a.title, text: a.text, measures: a.measureCounts ?? {} }, catalogue, 8);
      for (const r of related) {
        shown++;
        expect(r.score).toBeGreaterThanOrEqual(RELATED_THRESHOLD);
        expect(r.strength).toBe(strengthOf(r.score));
        for (const m of r.reasons.sharedMeasures) expect(catalogue.measures.find((c) => c.id === m.id)?.name).toBe(m.name);
        for (const word of r.reasons.sharedTerms) {
          // Whole words of both articles: no number, no stop word, none inside a measure shown.
          expect(word).not.toMatch(/\d/);
          expect(isStopTerm(word)).toBe(false);
          expect(a.text + a.title).toContain(word);
          expect(r.reasons.sharedMeasures.some((m) => m.name.includes(word))).toBe(false);
        }
      }
    }
    expect(shown).toBeGreaterThan(0);
  });

  it("on the labelled dev split: ranks as calibrated on every writer's part, and shows no off-topic article anything", async () => {
    const report = await evaluate({ split: 'dev', cwd: path.join(import.meta.dirname, '..', '..') });
    const related = report.policyLens.related;
    // Each writer's part on its own (the seeds are queries of every part's corpus, so of none alone):
    // the weights and thresholds were fitted leaving one writer out at a time, fitted on three parts and
    // checked on the fourth (scripts/eval/related-calibrate.ts, docs/related-articles.md).
    const perPart = Object.fromEntries(
      ['dev', ...(SPLIT_PARTS.dev ?? [])].map((part) => {
        const ids = new Set(loadSplitFile(part).articles.map((a) => a.id));
        const queries = related.perQuery.filter((q) => ids.has(q.query));
        return [part, queries.reduce((sum, q) => sum + q.ndcg, 0) / queries.length];
      }),
    );
    console.log(
      `dev: related nDCG@5 ${related.ndcg.toFixed(3)} (${Object.entries(perPart)
        .map(([p, v]) => `${p} ${v.toFixed(3)}`)
        .join(
          ', ',
        )}; baseline ${report.baseline.related.ndcg.toFixed(3)}), lure/off-topic queries with any related ${related.silence.withAnyRelated}/${related.silence.queries}`,
    );
    // Measured: 0.920 overall (the seeds 0.804); dev 0.962, dev-b 0.944, dev-c 0.945, dev-d 0.888.
    // dev-d, the fourth writer's, was a test split first and is the part the others' fit carries to
    // least (held out, 0.888 too): its floor is its own.
    expect(related.ndcg).toBeGreaterThanOrEqual(0.915);
    for (const part of Object.keys(perPart)) expect(perPart[part], part).toBeGreaterThanOrEqual(part === 'dev-d' ? 0.88 : 0.94);
    expect(related.ndcg).toBeGreaterThan(report.baseline.related.ndcg);
    const offTopic = new Set(
      loadSplit('dev')
        .articles.filter((a) => a.kind === 'off-topic')
        .map((a) => a.id),
    );
    expect(related.silence.noisy.filter((q) => offTopic.has(q.query))).toEqual([]);
    // Four lures pass the policy gate with measures they really name (a drug maker's results, a biotech
    // stock column, a drug maker's bond issue, an insurer's long-term-care product) and are shown
    // related articles; no other lure is.
    expect(related.silence.withAnyRelated).toBeLessThanOrEqual(4);
  }, 300_000);
});
