import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectMeasures } from '../../lib/measures';
import { loadCatalogueFile } from '../../lib/measures/load-catalogue';
import { labelSpan, predictedSpans, score, type LabelledMention, type Lure } from '../measures/evaluate';

interface Passage {
  id: string;
  text: string;
  mentions: Omit<LabelledMention, 'seed'>[];
  lures: Omit<Lure, 'seed'>[];
}

const { passages } = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'measures', 'heldout-passages.json'), 'utf8')) as {
  passages: Passage[];
};
const catalogue = loadCatalogueFile();

// Prefix ids with the passage so that spans from different passages never match each other.
const labels = passages.flatMap((p) =>
  p.mentions.map((m) => ({ ...labelSpan(p.text, { ...m, seed: p.id }), measureId: `${p.id}#${m.measureId}` })),
);
const predictions = passages.flatMap((p) =>
  predictedSpans(detectMeasures(p.text, catalogue)).map((s) => ({ ...s, measureId: `${p.id}#${s.measureId}` })),
);
const result = score(labels, predictions);

describe('measure detection on held-out passages (not seen when the catalogue was built)', () => {
  it('keeps precision at 0.9 and recall at 0.85 or better', () => {
    console.log(
      `Held-out passages: ${result.labels} labels, ${result.predictions} predicted, ${result.truePositives} correct; ` +
        `precision ${(result.precision * 100).toFixed(1)}%, recall ${(result.recall * 100).toFixed(1)}%`,
    );
    for (const m of result.missed) console.log(`  missed   ${m.measureId} "${m.quote}"`);
    for (const s of result.spurious) console.log(`  spurious ${s.measureId} "${s.quote}"`);
    expect(result.precision).toBeGreaterThanOrEqual(0.9);
    expect(result.recall).toBeGreaterThanOrEqual(0.85);
  });

  it('does not fire on lures from other beats (tax, telecom, securities, pensions, bank pay, GMP)', () => {
    const fired = passages.flatMap((p) =>
      p.lures.flatMap((lure) => {
        const span = labelSpan(p.text, { ...lure, seed: p.id });
        return predictedSpans(detectMeasures(p.text, catalogue))
          .filter((s) => s.measureId === lure.measureId && s.start < span.end && span.start < s.end)
          .map((s) => `${p.id}: ${s.measureId} "${s.quote}" — ${lure.why}`);
      }),
    );
    expect(fired).toEqual([]);
  });
});
