/**
 * `npm run bench` — runs every suite, prints a table per result and writes bench/results.json.
 * `npm run bench -- build` runs only the named suites.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../harness/paths';
import { anchoringSuite } from './suites/anchoring';
import { paintingSuite } from './suites/painting';
import { buildSuite } from './suites/build';
import { corpusSuite } from './suites/corpus';
import { measuresSuite } from './suites/measures';
import { relatedSuite } from './suites/related';
import { extractionSuite } from './suites/extraction';
import { panelSuite } from './suites/panel';
import { loadSuite } from './suites/load';
import { importSuite } from './suites/import';
import { scaleSuite } from './suites/scale';
import { indexGrowthSuite } from './suites/index-growth';
import type { Suite, SuiteResult } from './types';

/** Later issues add their suites here; each is self-contained. */
// scale (issue 18) fills a profile in each browser: up to 20 minutes on its own (`npm run bench -- scale`).
const SUITES: Suite[] = [buildSuite, extractionSuite, relatedSuite, indexGrowthSuite, corpusSuite, measuresSuite, anchoringSuite, paintingSuite, panelSuite, loadSuite, importSuite, scaleSuite];

function table(result: SuiteResult): string {
  const cells = result.rows.map((r) => result.columns.map((c) => String(r[c] ?? '')));
  const widths = result.columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i]!.length)));
  const line = (vals: string[]) => vals.map((v, i) => v.padEnd(widths[i]!)).join('  ');
  return [
    `## ${result.title}`,
    line(result.columns),
    line(widths.map((w) => '-'.repeat(w))),
    ...cells.map(line),
    ...(result.notes ?? []).map((n) => `  note: ${n}`),
  ].join('\n');
}

async function main() {
  const only = process.argv.slice(2);
  const unknown = only.filter((id) => !SUITES.some((s) => s.id === id));
  if (unknown.length) {
    console.error(`bench: unknown suite(s) ${unknown.join(', ')}; known: ${SUITES.map((s) => s.id).join(', ')}`);
    process.exit(2);
  }
  const suites = only.length ? SUITES.filter((s) => only.includes(s.id)) : SUITES;
  const out: Record<string, SuiteResult[]> = {};
  for (const suite of suites) {
    const t0 = performance.now();
    const res = await suite.run({ root: ROOT, log: (l) => console.log(`[${suite.id}] ${l}`) });
    out[suite.id] = Array.isArray(res) ? res : [res];
    for (const r of out[suite.id]!) console.log(`\n${table(r)}\n`);
    console.log(`[${suite.id}] done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const file = path.join(ROOT, 'bench', 'results.json');
  mkdirSync(path.dirname(file), { recursive: true });
  // A run of some suites keeps the other suites' last figures, so the file always holds every suite.
  if (only.length && existsSync(file)) {
    const previous = JSON.parse(readFileSync(file, 'utf8')) as { suites?: Record<string, SuiteResult[]> };
    for (const [id, res] of Object.entries(previous.suites ?? {})) if (!(id in out)) out[id] = res;
  }
  const results = {
    format: 1,
    generatedAt: new Date().toISOString(),
    machine: { node: process.version, platform: `${os.platform()} ${os.arch()}`, cpus: os.cpus().length, cpu: os.cpus()[0]?.model },
    suites: out,
  };
  writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
  console.log(`wrote ${path.relative(ROOT, file)}`);
}

main().catch((error: Error) => {
  console.error(`bench failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
