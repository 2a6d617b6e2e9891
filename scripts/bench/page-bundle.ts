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

/**
 * `contents` (TypeScript importing from the repository, paths relative to `root`) bundled with esbuild
 * into one script for a page: an IIFE, ASCII-only as the extension's own build is (wxt.config.ts).
 */
export async function pageBundle(root: string, contents: string): Promise<string> {
  const out = await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'iife',
    write: false,
    platform: 'browser',
    alias: { '@': root },
    charset: 'ascii',
  });
  return out.outputFiles[0]!.text;
}

export function benchBundle(root: string): Promise<string> {
  return pageBundle(
    root,
    `
    import { Readability } from '@mozilla/readability';
    import { readArticlePage } from './lib/sina/read-article-page';
    window.__lensBench = { Readability, readArticlePage };`,
  );
}
