/**
 * What the content script carries: every byte of it is compiled on the article page, in the page's
 * main thread (the longest Policy Lens task there, scripts/bench/suites/load.ts). This bundles it the
 * way the build does and checks that the extension pages' strings and zod stay out.
 */
import { build } from 'esbuild';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/messages';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('the content script bundle', () => {
  it('holds only its own interface strings and no zod', async () => {
    const out = await build({
      entryPoints: [path.join(ROOT, 'lib/content/start.ts')],
      bundle: true,
      minify: true,
      format: 'iife',
      write: false,
      metafile: true,
      platform: 'browser',
      alias: { '@': ROOT },
      logLevel: 'silent',
    });
    const inputs = Object.keys(Object.values(out.metafile.outputs)[0]!.inputs);
    expect(inputs.filter((i) => i.includes('node_modules/zod/'))).toEqual([]);
    expect(inputs).not.toContain('lib/i18n/messages.ts');
    const code = out.outputFiles[0]!.text;
    expect(code).not.toContain(en['options.welcome'].slice(0, 40));
    expect(code).toContain('Add note');
  });
});
