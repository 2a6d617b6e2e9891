import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { startFixtureServer } from './harness/fixture-server';
import { compileSeeds } from './lens/compile-seeds';
import { launchLensChromium } from './bench/chromium-lens';
import { syntheticSeedDocuments } from './bench/suites/seed-format-corpus';
const N = Number(process.argv[2] ?? 1000);
const root = process.cwd();
const docs = syntheticSeedDocuments(compileSeeds(path.join(root, 'seeds'), root).articles, N, 10_000);
const enc = new TextEncoder();
mkdirSync('bench/tmp', { recursive: true });
writeFileSync('bench/tmp/p.zip', zipSync(Object.fromEntries(docs.map((d, i) => [`hexo/source/_posts/${i}.md`, enc.encode(d.text)]))));
const server = await startFixtureServer();
const { context, origin } = await launchLensChromium(server);
const page = await context.newPage();
await page.goto(`${origin}/options.html`);
await page.waitForFunction(() => document.querySelectorAll('tr[data-origin="seed"]').length === 5);
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
await cdp.send('Profiler.start');
const t0 = Date.now();
await page.setInputFiles('[data-testid="import-input"]', 'bench/tmp/p.zip');
await page.waitForSelector('[data-testid="import-results"][data-finished="true"]', { timeout: 600000 });
console.log('took', Date.now() - t0);
const { profile } = await cdp.send('Profiler.stop');
// self time per function
const self = new Map<string, number>();
const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
const dt = profile.timeDeltas; const samples = profile.samples;
for (let i = 0; i < samples.length; i++) { const n: any = byId.get(samples[i]); const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + (dt[i] ?? 0) / 1000); }
// The last 3 s: stacks by sample
let tt = 0; const times: number[] = []; for (let i = 0; i < samples.length; i++) { tt += dt[i] ?? 0; times.push(tt / 1000); }
const end = tt / 1000; const late = new Map<string, number>();
const parent = new Map<number, number>(); for (const n of profile.nodes as any[]) for (const c of n.children ?? []) parent.set(c, n.id);
for (let i = 0; i < samples.length; i++) { if (times[i]! < end - 4000) continue; let id = samples[i]; const chain: string[] = []; while (id !== undefined && chain.length < 6) { const n: any = byId.get(id); chain.push(`${n.callFrame.functionName || '(anon)'}@${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`); id = parent.get(id)!; } const k = chain.join(' < '); if (!k.startsWith('(idle)')) late.set(k, (late.get(k) ?? 0) + (dt[i] ?? 0) / 1000); }
console.log('LATE:\n' + [...late.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `${v.toFixed(0).padStart(6)} ms  ${k}`).join('\n'));
console.log([...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(0).padStart(6)} ms  ${k}`).join('\n'));
await context.close(); await server.close();
