/**
 * Measure detection (lib/measures detectMeasures) with today's catalogue and, as the peer in the same
 * run, the catalogue as it was before issue 14 (81 measures, surface forms only; a frozen copy in
 * scripts/bench/measures-before-issue-14.yaml), both through today's detector: on each seed's text as
 * the parser gives it, on a 10,000-character article and on long synthetic texts made of the seeds'
 * paragraphs, with the compiled catalogue cached as it is in a running worker; plus what building each
 * catalogue costs once.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { compileCatalogue, detectMeasures, parseCatalogue, type Catalogue } from '../../../lib/measures';
import { loadCatalogueFile } from '../../../lib/measures/load-catalogue';
import { compileSeeds } from '../../lens/compile-seeds';
import { round, summarize, timeRuns } from '../stats';
import { peersLeftOut, type Row, type Suite, type SuiteResult } from '../types';
import { machineLoad } from './machine-load';
import { syntheticText } from './seed-format-corpus';

const RUNS = 200;
const WARMUP = 20;
export const BEFORE_CATALOGUE = path.join(import.meta.dirname, '..', 'measures-before-issue-14.yaml');

/**
 * The frozen catalogue as today's validator accepts it: its one-character context words (药, 医 in
 * `requires`), which the catalogue no longer allows, are left out. The file itself stays as it was.
 */
export function loadBeforeCatalogue(file = BEFORE_CATALOGUE): Catalogue {
  const raw = parse(readFileSync(file, 'utf8')) as { measures: { aliases: unknown[] }[] };
  for (const m of raw.measures) {
    m.aliases = m.aliases.map((a) => {
      if (typeof a !== 'object' || a === null || !('requires' in a)) return a;
      const alias = a as { form: string; requires: string[] };
      const requires = alias.requires.filter((w) => [...w].length >= 2);
      return requires.length ? { ...alias, requires } : alias.form;
    });
  }
  return parseCatalogue(raw);
}

export const measuresSuite: Suite = {
  id: 'measures',
  async run({ root, log, peers }) {
    const seeds = compileSeeds(path.join(root, 'seeds'), root).articles;
    const todayFile = path.join(root, 'seeds', 'measures.yaml');
    const catalogues: { name: string; load: () => Catalogue; catalogue: Catalogue }[] = [
      { name: 'today', load: () => loadCatalogueFile(todayFile), catalogue: loadCatalogueFile(todayFile) },
      ...(peers ? [{ name: 'before issue 14', load: () => loadBeforeCatalogue(), catalogue: loadBeforeCatalogue() }] : []),
    ];
    const encoder = new TextEncoder();
    const busy = machineLoad();

    const building: string[] = [];
    for (const { name, load: loadIt, catalogue } of catalogues) {
      log(`building the ${name} catalogue…`);
      const fresh = Array.from({ length: 25 }, loadIt);
      const load = summarize(await timeRuns(loadIt, 20, 5));
      let next = 0;
      const compile = summarize(await timeRuns(() => compileCatalogue(fresh[next++]!), 20, 5));
      compileCatalogue(catalogue);
      const wording = catalogue.measures.reduce((n, m) => n + m.wording.length, 0);
      building.push(
        `${name} (${catalogue.measures.length} measures, ${wording} wording rules): parse + validate ${load.median} ms median, build the matchers ${compile.median} ms median (p95 ${compile.p95})`,
      );
    }

    const texts = [
      { name: 'article of 10,000 characters', text: syntheticText(seeds, { chars: 10_000 }) },
      ...seeds.map((a) => ({ name: `seed ${a.file}`, text: a.text })),
      { name: 'synthetic, 100,000 characters', text: syntheticText(seeds, { chars: 100_000 }) },
    ];
    const rows: Row[] = [];
    for (const { name, text } of texts) {
      for (const { name: catalogueName, catalogue } of catalogues) {
        log(`detecting in ${name} with the ${catalogueName} catalogue…`);
        const hits = detectMeasures(text, catalogue);
        const s = summarize(await timeRuns(() => detectMeasures(text, catalogue), RUNS, WARMUP));
        rows.push({
          text: name,
          catalogue: catalogueName,
          chars: text.length,
          'KiB UTF-8': round(encoder.encode(text).length / 1024, 1),
          measures: hits.length,
          'by wording': hits.filter((h) => h.by === 'wording').length,
          mentions: hits.reduce((n, h) => n + h.mentions.length, 0),
          'median ms': s.median,
          'p95 ms': s.p95,
          'µs per 1,000 chars': round((s.median * 1000 * 1000) / text.length, 0),
        });
      }
    }

    const result: SuiteResult = {
      title: `Measure detection per text, today's catalogue${peers ? ' beside the one before issue 14' : ''} (detectMeasures, compiled catalogue cached; ${RUNS} runs after ${WARMUP} warm-up)`,
      columns: ['text', 'catalogue', 'chars', 'KiB UTF-8', 'measures', 'by wording', 'mentions', 'median ms', 'p95 ms', 'µs per 1,000 chars'],
      rows,
      notes: [
        'Seed texts are the parsed paragraphs joined by "\\n", as the extension stores and analyses them. The 10,000-character article and the synthetic text are the seeds\' paragraphs in seeded random order (repeats included), so they mention measures at the seeds\' density. The aim for a 10,000-character article is under 5 ms.',
        peers
          ? 'Both catalogues run through today\'s detector (surface forms, then wording rules, within the medical-security context); the older one has no wording rules and no context block, and its one-character context words (药, 医), which today\'s validator refuses, are left out.'
          : peersLeftOut('the catalogue before issue 14'),
        `Once per catalogue, not per text (paid by the first detection in a fresh worker; the extension bundles the catalogue already validated): ${building.join('; ')}.`,
        'Node 20 (V8) on this machine; the browsers run the same code on their own JavaScript engines.',
        busy,
      ],
    };
    return result;
  },
};
