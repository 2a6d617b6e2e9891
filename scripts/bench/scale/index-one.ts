/**
 * `indexOneArticleMs` in bench/scale.json: what indexing one more article costs in a full library,
 * measured in the full Chromium profile's options page, one article at a time, median.
 *
 * TODAY this stores and indexes each article with lib/insight/indexer's indexStoredArticle (the
 * product's path for an article read or imported; load-filler.ts storeEachTimed), on the index as it
 * is (schema v3: document frequencies inside the posting rows).
 *
 * SWITCH (lead, after merging the related branch): if that branch changes what indexes one article
 * (schema v4's separate document-frequency table), point storeEachTimed in load-filler.ts at its
 * function; this file and suites/scale.ts need no change. Empty any kept bench profile
 * (BENCH_SCALE_PROFILES) after a schema change.
 */
import type { FillPage } from '../library-fill';
import type { ArticleWire, LoadFillerGlobal } from '../load-data';
import { summarize } from '../stats';

type W = { __lensLoad: LoadFillerGlobal };

export type IndexOneResult = { library: number; median: number; samples: number[] };

/** `page` is an extension page with the filler loaded (library-fill.ts fillerPage); `articles` are not in the library yet. */
export async function measureIndexOneArticle(page: FillPage, articles: ArticleWire[], log: (line: string) => void): Promise<IndexOneResult> {
  const before = await page.evaluate(() => (window as unknown as W).__lensLoad.counts());
  const samples = await page.evaluate((x) => (window as unknown as W).__lensLoad.storeEachTimed(x), articles);
  log(`  indexed ${samples.length} more articles one by one into ${before.articles}: ${samples.map((s) => Math.round(s)).join(', ')} ms`);
  return { library: before.articles ?? 0, median: summarize(samples).median, samples: samples.map((s) => Math.round(s * 10) / 10) };
}
