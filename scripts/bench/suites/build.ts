/** Build time per browser and the size of every built entrypoint (raw and gzip). */
import { execFileSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Row, Suite, SuiteResult } from '../types';

const TARGETS = [
  { browser: 'chrome', dir: 'chrome-mv3' },
  { browser: 'firefox', dir: 'firefox-mv3' },
] as const;

/** The files one entrypoint loads: its script plus every chunk it imports, followed transitively. */
export function entryFiles(outDir: string, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (rel: string) => {
    if (seen.has(rel)) return;
    const abs = path.join(outDir, rel);
    if (!existsSync(abs)) return;
    seen.add(rel);
    const text = readFileSync(abs, 'utf8');
    const refs = rel.endsWith('.html')
      ? [...text.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]!)
      : [...text.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+\.js)["']/g)].map((m) => m[1]!);
    for (const ref of refs) {
      visit(ref.startsWith('/') ? ref.slice(1) : path.posix.join(path.posix.dirname(rel), ref));
    }
  };
  visit(entry);
  return [...seen];
}

function entrypoints(outDir: string): string[] {
  const manifest = JSON.parse(readFileSync(path.join(outDir, 'manifest.json'), 'utf8'));
  const entries = new Set<string>();
  if (manifest.background?.service_worker) entries.add(manifest.background.service_worker);
  for (const s of manifest.background?.scripts ?? []) entries.add(s);
  for (const cs of manifest.content_scripts ?? []) for (const js of cs.js ?? []) entries.add(js);
  if (manifest.action?.default_popup) entries.add(manifest.action.default_popup);
  if (manifest.options_ui?.page) entries.add(manifest.options_ui.page);
  if (manifest.side_panel?.default_path) entries.add(manifest.side_panel.default_path);
  if (manifest.sidebar_action?.default_panel) entries.add(manifest.sidebar_action.default_panel);
  for (const war of manifest.web_accessible_resources ?? []) {
    for (const r of war.resources ?? []) if (r.endsWith('.html')) entries.add(r);
  }
  return [...entries].sort();
}

const kb = (n: number) => Math.round((n / 1024) * 100) / 100;

export const buildSuite: Suite = {
  id: 'build',
  async run({ root, log }) {
    const timeRows: Row[] = [];
    const sizeRows: Row[] = [];
    for (const t of TARGETS) {
      log(`building ${t.browser}…`);
      const t0 = performance.now();
      execFileSync('npx', ['wxt', 'build', '-b', t.browser], { cwd: root, stdio: 'pipe' });
      timeRows.push({ browser: t.browser, 'build s': Math.round((performance.now() - t0) / 10) / 100 });
      const outDir = path.join(root, '.output', t.dir);
      for (const entry of entrypoints(outDir)) {
        const files = entryFiles(outDir, entry);
        const raw = files.reduce((n, f) => n + readFileSync(path.join(outDir, f)).length, 0);
        const gz = files.reduce((n, f) => n + gzipSync(readFileSync(path.join(outDir, f))).length, 0);
        sizeRows.push({ browser: t.browser, entrypoint: entry, files: files.length, 'raw KiB': kb(raw), 'gzip KiB': kb(gz) });
      }
    }
    const results: SuiteResult[] = [
      { title: 'Build time (wxt build, production)', columns: ['browser', 'build s'], rows: timeRows },
      {
        title: 'Built entrypoint size (the entry file plus every chunk it imports)',
        columns: ['browser', 'entrypoint', 'files', 'raw KiB', 'gzip KiB'],
        rows: sizeRows,
      },
    ];
    return results;
  },
};
