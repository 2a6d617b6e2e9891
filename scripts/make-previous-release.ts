/**
 * Builds the extension as it was at a commit and stores both browsers' builds as the update test's
 * previous release (scripts/harness/previous-release.ts). Run it when the database schema changes,
 * with the last commit before the change, then update PREVIOUS_RELEASE there.
 *
 *   npx tsx scripts/make-previous-release.ts c03d002
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from './harness/paths';
import { releaseArchive } from './harness/previous-release';

const commit = process.argv[2];
if (!commit) {
  console.error('usage: npx tsx scripts/make-previous-release.ts <commit>');
  process.exit(2);
}
const src = mkdtempSync(path.join(tmpdir(), 'lens-release-src-'));
try {
  execFileSync('sh', ['-c', `git archive ${JSON.stringify(commit)} | tar -x -C ${JSON.stringify(src)}`], { cwd: ROOT, stdio: 'inherit' });
  // The same dependencies as now: the release is built with this checkout's node_modules.
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(src, 'node_modules'));
  mkdirSync(path.dirname(releaseArchive('chrome', commit)), { recursive: true });
  for (const browser of ['chrome', 'firefox'] as const) {
    execFileSync('npx', ['wxt', 'build', '-b', browser], { cwd: src, stdio: 'inherit' });
    // Reproducible archives: sorted names, fixed times and owners.
    execFileSync('tar', [
      '--sort=name',
      '--mtime=2026-01-01 00:00Z',
      '--owner=0',
      '--group=0',
      '--numeric-owner',
      '-czf',
      releaseArchive(browser, commit),
      '-C',
      path.join(src, '.output', `${browser}-mv3`),
      '.',
    ]);
    console.log(`wrote ${path.relative(ROOT, releaseArchive(browser, commit))}`);
  }
} finally {
  rmSync(src, { recursive: true, force: true });
}
