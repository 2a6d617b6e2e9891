/**
 * `archiveImport` in bench/scale.json: an archive of Sina posts imported through the options page,
 * in Chromium, timed from handing the files to the page until it lists the result.
 *
 * TODAY this drives the options page's file import as it is (components/options/ImportPanel.tsx:
 * one file after another through importArticles with indexStoredArticle), with seed-format posts
 * made from the seeds' paragraphs (suites/seed-format-corpus.ts). That path indexes each article
 * into the whole index and cannot finish 10,000 posts in a bench's time, so it stops at `capSeconds`
 * and reports how many were imported by then (`finished: false`).
 *
 * SWITCH (lead, after merging the sina-import branch): replace the body of measureArchiveImport with
 * that branch's import bench (its archive format, its progress and its own figure), keeping this
 * signature and result shape; nothing else in suites/scale.ts needs to change.
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from '../../harness/chromium';
import type { FixtureServer } from '../../harness/fixture-server';
import { extensionDir } from '../../harness/paths';
import { compileSeeds } from '../../lens/compile-seeds';
import { round } from '../stats';
import { syntheticSeedDocuments } from '../suites/seed-format-corpus';

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
  const seeds = compileSeeds(path.join(root, 'seeds'), root);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lens-archive-'));
  const browser = await launchChromium({ extensionDir: extensionDir('chromium'), hosts: server.hosts, port: server.port });
  try {
    const files = syntheticSeedDocuments(seeds.articles, articles).map((doc) => {
      const file = path.join(dir, doc.name);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, doc.text);
      return file;
    });
    const options = await browser.openExtensionPage('/options.html');
    await options.waitFor('the options page', () => document.querySelector('[data-testid="import-input"]') !== null, undefined, 30_000);
    log(`  importing ${files.length} posts through the options page (today's file import), for at most ${capSeconds} s`);
    const t0 = performance.now();
    await options.setInputFiles('[data-testid="import-input"]', files);
    let finished = true;
    try {
      await options.waitFor('the import results', () => document.querySelector('[data-testid="import-results"]') !== null, undefined, capSeconds * 1000);
    } catch {
      finished = false;
    }
    const seconds = (performance.now() - t0) / 1000;
    const done = finished
      ? await options.evaluate(() => document.querySelectorAll('[data-testid="import-results"] [data-status="imported"]').length)
      : await options.evaluate(() => Number(document.querySelector<HTMLProgressElement>('.import progress')?.value ?? 0));
    log(`  ${finished ? 'finished' : 'stopped at the cap'}: ${done} of ${files.length} imported in ${round(seconds, 1)} s`);
    return { articles: done, seconds: round(seconds, 1), browser: 'chromium', requested: files.length, finished, path: "options page file import (today's: one file at a time, each indexed into the whole index)" };
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
