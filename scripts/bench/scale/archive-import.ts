/**
 * `archiveImport` in bench/scale.json: an archive of Sina posts (a zip of a Hexo site) imported through
 * the options page's archive import, in Chromium, timed in the page from the file input's change event
 * to the finished report (scripts/bench/import-archive.ts, shared with `npm run bench -- import`). An
 * import still running at `capSeconds` is reported with what it had stored by then (`finished: false`).
 */
import type { FixtureServer } from '../../harness/fixture-server';
import { importArchiveThroughOptionsPage } from '../import-archive';
import { round } from '../stats';

export type ArchiveImportResult = {
  /** Posts imported (all of `requested` when finished). */
  articles: number;
  seconds: number;
  browser: 'chromium';
  requested: number;
  finished: boolean;
  /** Which import path was measured. */
  path: string;
};

export async function measureArchiveImport(opts: { root: string; server: FixtureServer; articles: number; capSeconds: number; log(line: string): void }): Promise<ArchiveImportResult> {
  const { root, server, articles, capSeconds, log } = opts;
  log(`  importing a zip of ${articles} posts through the options page, for at most ${capSeconds} s`);
  const r = await importArchiveThroughOptionsPage({ root, server, posts: articles, timeoutS: capSeconds, log: (l) => log(`  ${l}`) });
  const seconds = round(r.ms / 1000, 1);
  log(`  ${r.finished ? 'finished' : 'stopped at the cap'}: ${r.imported} of ${articles} imported in ${seconds} s; ${r.stored.articles} stored, ${r.stored.indexed} indexed`);
  return {
    articles: r.imported,
    seconds,
    browser: 'chromium',
    requested: articles,
    finished: r.finished,
    path: 'options page archive import (a zip; parser and import workers, 1,000 posts stored and indexed per transaction)',
  };
}
