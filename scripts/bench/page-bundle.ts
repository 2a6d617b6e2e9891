/**
 * The code the browser suites inject into a fixture page to time it there: Readability and Policy
 * Lens's own read, bundled from source with esbuild into one script that sets `window.__lensBench`.
 * Shared so every suite times the same Readability build the extension ships.
 */
import { build } from 'esbuild';

export type LensBenchGlobal = {
  Readability: typeof import('@mozilla/readability').Readability;
  readArticlePage: typeof import('../../lib/sina/read-article-page').readArticlePage;
};

export async function benchBundle(root: string): Promise<string> {
  const out = await build({
    stdin: {
      contents: `
        import { Readability } from '@mozilla/readability';
        import { readArticlePage } from './lib/sina/read-article-page';
        window.__lensBench = { Readability, readArticlePage };`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    platform: 'browser',
    alias: { '@': root },
  });
  return out.outputFiles[0]!.text;
}
