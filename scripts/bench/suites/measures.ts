/**
 * Measure detection (lib/measures detectMeasures) on each seed's text as the parser gives it, and on
 * long synthetic texts made of the seeds' paragraphs, with the compiled catalogue cached as it is in a
 * running worker; plus what building that catalogue costs once.
 */
import path from 'node:path';
import { compileCatalogue, detectMeasures } from '../../../lib/measures';
import { loadCatalogueFile } from '../../../lib/measures/load-catalogue';
import { compileSeeds } from '../../lens/compile-seeds';
import { round, summarize, timeRuns } from '../stats';
import type { Row, Suite, SuiteResult } from '../types';
import { machineLoad } from './machine-load';
import { syntheticText } from './seed-format-corpus';

const RUNS = 200;
const WARMUP = 20;

export const measuresSuite: Suite = {
  id: 'measures',
  async run({ root, log }) {
    const seeds = compileSeeds(path.join(root, 'seeds'), root).articles;
    const catalogue = loadCatalogueFile();
    const encoder = new TextEncoder();
    const busy = machineLoad();

    log('building the catalogue…');
    const fresh = Array.from({ length: 25 }, () => loadCatalogueFile());
    const load = summarize(await timeRuns(() => loadCatalogueFile(), 20, 5));
    let next = 0;
    const compile = summarize(await timeRuns(() => compileCatalogue(fresh[next++]!), 20, 5));
    compileCatalogue(catalogue);

    const texts = [
      ...seeds.map((a) => ({ name: `seed ${a.file}`, text: a.text })),
      { name: 'synthetic, 100 KiB of UTF-8', text: syntheticText(seeds, { bytes: 100 * 1024 }) },
      { name: 'synthetic, 100,000 characters', text: syntheticText(seeds, { chars: 100_000 }) },
    ];
    const rows: Row[] = [];
    for (const { name, text } of texts) {
      log(`detecting in ${name}…`);
      const hits = detectMeasures(text, catalogue);
      const s = summarize(await timeRuns(() => detectMeasures(text, catalogue), RUNS, WARMUP));
      rows.push({
        text: name,
        chars: text.length,
        'KiB UTF-8': round(encoder.encode(text).length / 1024, 1),
        measures: hits.length,
        mentions: hits.reduce((n, h) => n + h.mentions.length, 0),
        'median ms': s.median,
        'p95 ms': s.p95,
        'µs per 1,000 chars': round((s.median * 1000 * 1000) / text.length, 0),
      });
    }

    const result: SuiteResult = {
      title: `Measure detection per text (detectMeasures, ${catalogue.measures.length} measures, compiled catalogue cached; ${RUNS} runs after ${WARMUP} warm-up)`,
      columns: ['text', 'chars', 'KiB UTF-8', 'measures', 'mentions', 'median ms', 'p95 ms', 'µs per 1,000 chars'],
      rows,
      notes: [
        'Seed texts are the parsed paragraphs joined by "\\n", as the extension stores and analyses them. The synthetic texts are the seeds\' paragraphs in seeded random order (repeats included), so they mention measures at the seeds\' density.',
        `Once per catalogue, not per text: parse + validate seeds/measures.yaml ${load.median} ms median (the extension bundles it already validated), build the Aho–Corasick automaton ${compile.median} ms median (p95 ${compile.p95}): paid by the first detection in a fresh worker.`,
        'Node 20 (V8) on this machine; the browsers run the same code on their own JavaScript engines.',
        busy,
      ],
    };
    return result;
  },
};
