/**
 * The extension as an earlier release stands for it in the upgrade test: this code built with its
 * database schema held at an older version (lib/db/schema.ts BUILT_SCHEMA_VERSION). Installed first
 * and then replaced by the real build, it makes the browser run the schema upgrade on data the
 * extension really wrote.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths';
import type { BrowserName } from './types';

/** Builds and returns the unpacked extension for `name` with the schema at `version` (always afresh: an old one may hold old code). */
export function extensionWithSchema(name: BrowserName, version: number): string {
  const browser = name === 'chromium' ? 'chrome' : 'firefox';
  const mode = `schema-${version}`;
  // WXT names a build's directory after its mode: .output/chrome-mv3-schema-2.
  const dir = path.join(ROOT, '.output', `${browser}-mv3-${mode}`);
  try {
    execFileSync('npx', ['wxt', 'build', '-b', browser, '-m', mode], {
      cwd: ROOT,
      env: { ...process.env, WXT_SCHEMA_VERSION: String(version) },
      stdio: 'pipe',
    });
  } catch (error) {
    const e = error as { stderr?: Buffer; stdout?: Buffer };
    throw new Error(`building the ${browser} extension with schema ${version} failed:\n${e.stderr?.toString() ?? ''}${e.stdout?.toString() ?? ''}`);
  }
  if (!existsSync(path.join(dir, 'manifest.json'))) throw new Error(`building with schema ${version}: no ${path.relative(ROOT, dir)}/manifest.json`);
  return dir;
}
