/**
 * What the content script carries: every byte of it is compiled on the article page, in the page's
 * main thread (the longest Policy Lens task there, scripts/bench/suites/load.ts). This bundles it the
 * way the build does and checks its budget (≤ 30 KB gzip), that the extension pages' strings and zod
 * stay out, and that the extraction fallback (Readability) is loaded on demand, never carried.
 */
import { build } from 'esbuild';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/messages';

const ROOT = path.resolve(import.meta.dirname, '../../..');
/** gzip budget of the content script, bytes (issue 18.4). */
const GZIP_BUDGET = 30 * 1024;

async function bundle(entry: string) {
  const out = await build({
    entryPoints: [path.join(ROOT, entry)],
    bundle: true,
    minify: true,
    format: 'iife',
    write: false,
    metafile: true,
    platform: 'browser',
    charset: 'ascii',
    alias: { '@': ROOT },
    logLevel: 'silent',
  });
  return { code: out.outputFiles[0]!.text, inputs: Object.keys(Object.values(out.metafile.outputs)[0]!.inputs) };
}

describe('the content script bundle', () => {
  it('holds only its own interface strings and no zod', async () => {
    const { code, inputs } = await bundle('lib/contexts/sina-page/start.ts');
    expect(inputs.filter((i) => i.includes('node_modules/zod/'))).toEqual([]);
    expect(inputs).not.toContain('lib/i18n/messages.ts');
    expect(code).not.toContain(en['options.welcome'].slice(0, 40));
    expect(code).toContain('Add note');
  });

  it('stays within 30 KB gzip, without Readability, which is loaded only on a page that needs it', async () => {
    const { code, inputs } = await bundle('lib/contexts/sina-page/start.ts');
    expect(inputs.filter((i) => i.includes('@mozilla/readability'))).toEqual([]);
    expect(gzipSync(code, { level: 9 }).length).toBeLessThanOrEqual(GZIP_BUDGET);
    const fallback = await bundle('lib/sina/readability-fallback.ts');
    expect(fallback.inputs.some((i) => i.includes('@mozilla/readability'))).toBe(true);
  });
});
