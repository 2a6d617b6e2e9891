/**
 * The previous release of the extension, for the update test: its builds for both browsers, kept in
 * tests/fixtures/releases/ as made by `npx tsx scripts/make-previous-release.ts <commit>` (the last
 * commit before the current database schema). Installed first and then replaced by the current build
 * on the same profile, it makes the browser run the schema upgrade on data a real earlier version wrote.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from './paths';
import type { BrowserName } from './types';

/** The commit the fixtures were built from, and the database schema version it writes. */
export const PREVIOUS_RELEASE = { commit: 'c03d002', schema: 3 } as const;

export const releaseArchive = (browser: 'chrome' | 'firefox', commit: string = PREVIOUS_RELEASE.commit) =>
  path.join(ROOT, 'tests', 'fixtures', 'releases', `policy-lens-${commit}-${browser}.tar.gz`);

/** Unpacks the previous release for `name` into a new temporary directory and returns it. */
export function previousRelease(name: BrowserName): string {
  const dir = mkdtempSync(path.join(tmpdir(), `lens-previous-${name}-`));
  execFileSync('tar', ['-xzf', releaseArchive(name === 'chromium' ? 'chrome' : 'firefox'), '-C', dir]);
  return dir;
}
