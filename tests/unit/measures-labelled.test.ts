import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectMeasures } from '../../lib/measures';
import { loadCatalogueFile } from '../../lib/measures/load-catalogue';
import { labelSpan, predictedSpans, score, type LabelledSet, type Score, type Span } from '../measures/evaluate';
import { readSeedText, seedFiles } from '../measures/seed-text';

const labelled = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'measures', 'labelled-mentions.json'), 'utf8')) as LabelledSet;
const catalogue = loadCatalogueFile();
const seeds = seedFiles();

interface SeedResult {
  seed: string;
  text: string;
  labels: Span[];
  predictions: Span[];
  score: Score;
}

const results: SeedResult[] = seeds.map((seed) => {
  const text = readSeedText(seed);
  const labels = labelled.mentions.filter((m) => m.seed === seed).map((m) => labelSpan(text, m));
  const predictions = predictedSpans(detectMeasures(text, catalogue));
  return { seed, text, labels, predictions, score: score(labels, predictions) };
});
const overall = score(
  results.flatMap((r) => r.labels.map((l) => ({ ...l, measureId: `${r.seed}#${l.measureId}` }))),
  results.flatMap((r) => r.predictions.map((p) => ({ ...p, measureId: `${r.seed}#${p.measureId}` }))),
);

function printReport(): void {
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  const rows = results.map((r) => ({
    seed: r.seed,
    labels: r.score.labels,
    predicted: r.score.predictions,
    tp: r.score.truePositives,
    precision: pct(r.score.precision),
    recall: pct(r.score.recall),
  }));
  rows.push({
    seed: 'OVERALL',
    labels: overall.labels,
    predicted: overall.predictions,
    tp: overall.truePositives,
    precision: pct(overall.precision),
    recall: pct(overall.recall),
  });
  console.log('Measure detection against tests/measures/labelled-mentions.json');
  console.table(rows);
  for (const r of results) {
    for (const m of r.score.missed) console.log(`  missed   ${r.seed} ${m.measureId} "${m.quote}" @${m.start}`);
    for (const s of r.score.spurious) console.log(`  spurious ${r.seed} ${s.measureId} "${s.quote}" @${s.start}`);
  }
}

describe('measure detection on the labelled seed set', () => {
  it('has a labelled set of at least 40 mentions covering all five seeds', () => {
    expect(labelled.mentions.length).toBeGreaterThanOrEqual(40);
    expect(new Set(labelled.mentions.map((m) => m.seed))).toEqual(new Set(seeds));
  });

  it('labels only measures that exist in the catalogue', () => {
    const ids = new Set(catalogue.measures.map((m) => m.id));
    const unknown = [...labelled.mentions, ...labelled.lures].map((m) => m.measureId).filter((id) => !ids.has(id));
    expect(unknown).toEqual([]);
  });

  it('reaches precision and recall of at least 0.9', () => {
    printReport();
    expect(overall.precision).toBeGreaterThanOrEqual(0.9);
    expect(overall.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('does not fire on the labelled lures', () => {
    const fired = labelled.lures.flatMap((lure) => {
      const result = results.find((r) => r.seed === lure.seed)!;
      const span = labelSpan(result.text, lure);
      return result.predictions
        .filter((p) => p.measureId === lure.measureId && p.start < span.end && span.start < p.end)
        .map((p) => `${lure.seed} ${p.measureId} "${p.quote}" (${lure.why})`);
    });
    expect(fired).toEqual([]);
  });

  it('reports offsets whose slice is the quote', () => {
    for (const r of results) {
      for (const p of r.predictions) expect(r.text.slice(p.start, p.end)).toBe(p.quote);
    }
  });
});
