/**
 * `npm run bench` — runs every quick suite (Policy Lens alone), prints a table per result and writes
 * bench/results.json. `npm run bench -- build` runs only the named suites. `--peers` also measures each
 * suite's peer or baseline (Readability, MiniSearch, dom-anchor-text-quote, the CSS Highlight painter,
 * the older index and catalogue, the page without the extension) in the same run, side by side.
 * `--all` adds the suites too slow for a default run (scale: up to 20 minutes).
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
const SUITES: Suite[] = [buildSuite, extractionSuite, relatedSuite, indexGrowthSuite, corpusSuite, measuresSuite, anchoringSuite, paintingSuite, panelSuite, loadSuite, importSuite, scaleSuite];
/** Run only when named or with --all: scale (issue 18) fills a profile in each browser, up to 20 minutes on its own. */
const SLOW = new Set(['scale']);
const FLAGS = ['--peers', '--all'];

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
  const args = process.argv.slice(2);
  const flags = args.filter((a) => a.startsWith('-'));
  const only = args.filter((a) => !a.startsWith('-'));
  const unknown = [...only.filter((id) => !SUITES.some((s) => s.id === id)), ...flags.filter((f) => !FLAGS.includes(f))];
  if (unknown.length) {
    console.error(`bench: unknown suite(s) or flag(s) ${unknown.join(', ')}; suites: ${SUITES.map((s) => s.id).join(', ')}; flags: ${FLAGS.join(', ')}`);
    process.exit(2);
  }
  const peers = flags.includes('--peers');
  const all = flags.includes('--all');
  const suites = only.length ? SUITES.filter((s) => only.includes(s.id)) : SUITES.filter((s) => all || !SLOW.has(s.id));
  if (!peers) console.log('bench: Policy Lens alone; `npm run bench -- --peers` measures the peers beside it.');
  const out: Record<string, SuiteResult[]> = {};
  for (const suite of suites) {
    const t0 = performance.now();
    const res = await suite.run({ root: ROOT, log: (l) => console.log(`[${suite.id}] ${l}`), peers });
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
    peers,
    suites: out,
  };
  writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
  console.log(`wrote ${path.relative(ROOT, file)}`);
}

main().catch((error: Error) => {
  console.error(`bench failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
