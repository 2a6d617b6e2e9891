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

const { passages } = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'measures', 'family-passages.json'), 'utf8')) as {
  passages: Passage[];
};
const catalogue = loadCatalogueFile();

const results = passages.map((p) => {
  const found = new Set(detectMeasures(p.text, catalogue).map((h) => h.measureId));
  const labelled = new Set(p.concepts);
  return {
    id: p.id,
    found,
    labelled,
    missed: [...labelled].filter((c) => !found.has(c)),
    spurious: [...found].filter((c) => !labelled.has(c)),
    luresTaken: (p.lures ?? []).filter((l) => found.has(l.concept)).map((l) => `${l.concept} (${l.why})`),
  };
});
const predicted = results.reduce((n, r) => n + r.found.size, 0);
const labelled = results.reduce((n, r) => n + r.labelled.size, 0);
const correct = results.reduce((n, r) => n + r.found.size - r.spurious.length, 0);

describe('the catalogue on passages of the whole family it was not checked against', () => {
  it('finds at least 80% of the labelled measures, with a precision of at least 0.9', () => {
    console.log(
      `Family passages: ${labelled} labelled, ${predicted} found, ${correct} correct; precision ${(correct / predicted).toFixed(3)}, recall ${(correct / labelled).toFixed(3)}`,
    );
    for (const r of results) {
      for (const c of r.missed) console.log(`  missed   ${r.id} ${c}`);
      for (const c of r.spurious) console.log(`  spurious ${r.id} ${c}`);
    }
    expect(correct / predicted).toBeGreaterThanOrEqual(0.9);
    expect(correct / labelled).toBeGreaterThanOrEqual(0.8);
  });

  it('takes no lure', () => {
    expect(results.flatMap((r) => r.luresTaken.map((l) => `${r.id}: ${l}`))).toEqual([]);
  });

  it('labels only catalogued measures', () => {
    const ids = new Set(catalogue.measures.map((m) => m.id));
    expect(passages.flatMap((p) => [...p.concepts, ...(p.lures ?? []).map((l) => l.concept)]).filter((c) => !ids.has(c))).toEqual([]);
  });
});
