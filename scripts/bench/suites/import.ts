/**
 * `npm run bench -- import`: a 10,000-post archive (a zip of a Hexo site) imported through the options
 * page's real import in Chromium (scripts/bench/import-archive.ts says how it is measured). Also writes
 * bench/import.json ({ archiveImport: { articles, seconds, browser }, … }).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { startFixtureServer } from '../../harness/fixture-server';
import { importArchiveThroughOptionsPage } from '../import-archive';
import { round } from '../stats';
import type { Suite, SuiteResult } from '../types';
import { machineLoad } from './machine-load';

const POSTS = Number(process.env.LENS_IMPORT_POSTS ?? 10_000);
const TARGET_S = 60;

export const importSuite: Suite = {
  id: 'import',
  async run({ root, log }): Promise<SuiteResult> {
    const load = machineLoad();
    const server = await startFixtureServer();
    try {
      const r = await importArchiveThroughOptionsPage({ root, server, posts: POSTS, timeoutS: 30 * 60, log });
      if (!r.finished) throw new Error(`the import did not finish in 30 minutes (${r.imported} imported)`);
      if (r.imported + r.duplicate + r.refused !== POSTS) throw new Error(`import reported ${JSON.stringify(r)} for ${POSTS} posts`);
      if (r.stored.heads !== r.stored.articles || r.stored.indexed !== r.stored.articles) {
        throw new Error(`stores do not agree: ${JSON.stringify(r.stored)} after ${r.imported} imported`);
      }
      log(`long tasks (ms after the change event: duration ms): ${r.longTasks.map((t) => `${Math.round(t.at)}: ${Math.round(t.ms)}`).join(', ') || 'none'}`);
      const seconds = round(r.ms / 1000, 1);
      const longest = round(Math.max(0, ...r.longTasks.map((t) => t.ms)), 0);
      const over50 = r.longTasks.filter((t) => t.ms > 50).length;
      const figures = {
        archiveImport: { articles: POSTS, seconds, browser: 'chromium' },
        archiveImportDetail: {
          imported: r.imported,
          duplicate: r.duplicate,
          refused: r.refused,
          zipMiB: round(r.zipBytes / 1024 / 1024, 1),
          postsMiB: round(r.postBytes / 1024 / 1024, 1),
          optionsPageLongestTaskMs: longest,
          optionsPageTasksOver50ms: over50,
          workerParseSeconds: round(r.parseMs / 1000, 1),
          workerStoreSeconds: round(r.storeMs / 1000, 1),
          workerIndexSeconds: round(r.indexMs / 1000, 1),
          stored: r.stored,
        },
      };
      writeFileSync(path.join(root, 'bench', 'import.json'), `${JSON.stringify(figures, null, 2)}\n`);
      return {
        title: `Importing a ${POSTS.toLocaleString('en')}-post archive (a zip of a Hexo site, ${figures.archiveImportDetail.zipMiB} MiB) through the options page in Chromium`,
        columns: ['measure', 'value', 'target'],
        rows: [
          { measure: 'import time, change event → finished report (s)', value: seconds, target: `≤ ${TARGET_S}` },
          { measure: 'posts per second', value: round(POSTS / (r.ms / 1000), 0), target: null },
          { measure: 'parser worker: reading and parsing, with measures and fingerprints (s)', value: round(r.parseMs / 1000, 1), target: null },
          { measure: 'import worker: storing and indexing, in batches (s)', value: round(r.storeMs / 1000, 1), target: null },
          { measure: '… of which lib/related indexArticles (s)', value: round(r.indexMs / 1000, 1), target: null },
          { measure: 'imported / already there / refused', value: `${r.imported} / ${r.duplicate} / ${r.refused}`, target: null },
          { measure: 'stored articles = heads = indexed', value: `${r.stored.articles} = ${r.stored.heads} = ${r.stored.indexed}`, target: null },
          { measure: 'options page: longest task during the import (ms)', value: longest, target: '≤ 50' },
          { measure: 'options page: tasks over 50 ms', value: over50, target: 0 },
        ],
        notes: [
          'Two workers: the parser worker (linkedom, measures, fingerprints) parses a batch while the import worker stores and indexes the one before, 1,000 posts per transaction with lib/related indexArticles; the page only shows progress and the report. The parse and store times overlap.',
          `Posts: syntheticSeedDocuments (scripts/bench/suites/seed-format-corpus.ts), ${round(r.postBytes / POSTS / 1024, 1)} KiB each on average; into a corpus holding the 5 seeds. LENS_IMPORT_POSTS changes the count.`,
          load,
        ],
      };
    } finally {
      await server.close();
    }
  },
};
