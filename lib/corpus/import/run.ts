/**
 * A whole-archive import, from the files the reader chose to articles stored and indexed: zips opened,
 * posts and feeds picked out of the archive (entries.ts), each file's size checked before it is read,
 * each post parsed and validated (parse-seed.ts, feed.ts), batches stored and indexed in one
 * transaction each (store.ts). A bad file is reported by name and the rest goes on; a cancel stops
 * after the batch in hand. It runs in a Worker on the options page (import-worker.ts), off the page's
 * thread; tests and tools run it in process.
 */
import type { LensDB } from '../../db/schema';
import type { Catalogue } from '../../measures';
import { MAX_DOCUMENT_BYTES } from '../decode';
import { classifyEntries, type ImportEntry } from './entries';
import { feedItems, FeedError, MAX_FEED_BYTES, type ParseXml } from './feed';
import { parseHere, type ParseBatch, type ParseJob } from './parse-post';
import { LensError } from '../../i18n/errors';
import { CorpusError } from '../errors';
import { indexBatchInRelated, refusalOf, storeBatch, type ImportOutcome, type IndexBatch, type ParsedPost } from './store';
import { MAX_ZIP_BYTES, zipEntries, ZipError } from './zip';

export type { ImportOutcome } from './store';

export type ImportProgress = { done: number; total: number; current: string };

export type ImportSummary = {
  imported: number;
  duplicate: number;
  refused: number;
  /** Imported with a note (an image or video post without body text). */
  noted: number;
  /** Files of the archive that are not posts (config, theme, images), passed over. */
  passedOver: number;
  /** Posts not reached because the import was cancelled. */
  notReached: number;
  cancelled: boolean;
  /** Where the time went, ms: parsing posts (with measures and fingerprints), and storing and indexing them. They overlap. */
  timings: { parseMs: number; storeMs: number; indexMs: number };
};

export type ImportDeps = {
  db: LensDB;
  parseXml: ParseXml;
  /** Parses batches of posts: in a parser worker beside this one, or here with `catalogue` and `parseHtml`. */
  parse?: ParseBatch;
  catalogue?: Catalogue;
  parseHtml?: (html: string) => ParentNode;
  now?: () => Date;
  signal?: AbortSignal;
  /** Posts per transaction (default 1000): fewer transactions, and the related index weighs each batch at once. */
  batchSize?: number;
  index?: IndexBatch;
  onProgress?(progress: ImportProgress): void;
  onOutcomes?(outcomes: ImportOutcome[]): void;
};

/** A batch also closes at this many bytes of posts, so a few huge posts do not make one huge transaction. */
const BATCH_BYTES = 4_000_000;
const PROGRESS_EVERY_MS = 100;

export async function runImport(chosen: readonly ImportEntry[], deps: ImportDeps): Promise<ImportSummary> {
  const now = deps.now ?? (() => new Date());
  const batchSize = deps.batchSize ?? 1000;
  const parse =
    deps.parse ?? (deps.catalogue && deps.parseHtml ? parseHere({ catalogue: deps.catalogue, parseHtml: deps.parseHtml }) : null);
  if (!parse) throw new Error('runImport: give it a parser, or the catalogue and an HTML parser to parse here');
  const summary: ImportSummary = {
    imported: 0,
    duplicate: 0,
    refused: 0,
    noted: 0,
    passedOver: 0,
    notReached: 0,
    cancelled: false,
    timings: { parseMs: 0, storeMs: 0, indexMs: 0 },
  };
  const indexBatch = deps.index ?? indexBatchInRelated;
  const index: IndexBatch = async (db, articles) => {
    const t0 = performance.now();
    await indexBatch(db, articles);
    summary.timings.indexMs += performance.now() - t0;
  };
  const report = (outcomes: ImportOutcome[]) => {
    for (const o of outcomes) {
      summary[o.status]++;
      if (o.status === 'imported' && o.notes.length) summary.noted++;
    }
    if (outcomes.length) deps.onOutcomes?.(outcomes);
  };
  const refuse = (path: string, error: unknown, title?: string) =>
    report([{ path, status: 'refused', refusal: refusalOf(error), ...(title && { title }) }]);

  const top = classifyEntries(chosen);
  summary.passedOver += top.passedOver;
  const posts: ImportEntry[] = [...top.posts];
  const feeds: ImportEntry[] = [...top.feeds];
  for (const zip of top.zips) {
    if (zip.size > MAX_ZIP_BYTES) {
      refuse(zip.path, new LensError('import.zip-too-large', { file: zip.path, max: MAX_ZIP_BYTES / 1024 / 1024 }));
      continue;
    }
    try {
      let inner = classifyEntries([]);
      const entries = zipEntries(await zip.read(), zip.path, (listing) => {
        inner = classifyEntries(listing.map((l) => ({ path: `${zip.path}/${l.path}`, size: l.size, read: async () => new Uint8Array() })));
        // Only what will be read is inflated: oversized files are refused from their listed size.
        const keep = [...inner.posts.filter((e) => e.size <= MAX_DOCUMENT_BYTES), ...inner.feeds.filter((e) => e.size <= MAX_FEED_BYTES)];
        return new Set(keep.map((e) => e.path.slice(zip.path.length + 1)));
      });
      const byPath = new Map(entries.map((e) => [e.path, e]));
      posts.push(...inner.posts.map((e) => byPath.get(e.path)!));
      feeds.push(...inner.feeds.map((e) => byPath.get(e.path)!));
      summary.passedOver += inner.passedOver;
    } catch (e) {
      refuse(zip.path, e instanceof ZipError ? e : new LensError('import.unreadable', { file: zip.path, detail: (e as Error).message }));
    }
  }

  let total = posts.length + feeds.length;
  let done = 0;
  let current = '';
  let lastProgress = 0;
  const progress = (force = false) => {
    const t = Date.now();
    if (!force && t - lastProgress < PROGRESS_EVERY_MS) return;
    lastProgress = t;
    deps.onProgress?.({ done, total, current });
  };

  // Two stages overlap: a batch is parsed (by the parser worker) while the one before it is stored and
  // indexed (here). `storing` is the batch in the database; a failure there stops the import.
  let storing: Promise<void> = Promise.resolve();
  let jobs: ParseJob[] = [];
  let jobBytes = 0;
  const store = async (batch: ParsedPost[]) => {
    const t0 = performance.now();
    const outcomes = await storeBatch(deps.db, batch, index);
    summary.timings.storeMs += performance.now() - t0;
    report(outcomes);
    progress(true);
  };
  const flush = async () => {
    if (!jobs.length) return;
    const batch = jobs;
    jobs = [];
    jobBytes = 0;
    const { results, ms } = await parse(batch, now());
    summary.timings.parseMs += ms;
    const parsed: ParsedPost[] = [];
    for (const r of results) {
      if (r.ok) parsed.push({ path: r.path, article: r.article, notes: r.notes, topics: r.topics });
      else report([{ path: r.path, status: 'refused', refusal: r.refusal, ...(r.title && { title: r.title }) }]);
    }
    await storing;
    storing = store(parsed);
    // Surfaces at the next `await storing`; until then it must not count as unhandled.
    storing.catch(() => undefined);
  };
  const queue = async (job: ParseJob, bytes: number) => {
    jobs.push(job);
    jobBytes += bytes;
    if (jobs.length >= batchSize || jobBytes >= BATCH_BYTES) await flush();
  };
  const stopped = () => deps.signal?.aborted === true;

  progress(true);
  for (const [i, post] of posts.entries()) {
    if (stopped()) {
      summary.notReached += posts.length - i;
      break;
    }
    current = post.path;
    done++;
    if (post.size > MAX_DOCUMENT_BYTES) {
      const limit = MAX_DOCUMENT_BYTES / 1024 / 1024;
      refuse(
        post.path,
        new CorpusError('file-too-large', post.path, 1, `file is larger than the ${limit} MiB limit`, undefined, { limit }),
      );
    } else {
      const bytes = await post.read().catch((e: Error) => {
        refuse(post.path, new LensError('import.unreadable', { file: post.path, detail: e.message }));
        return null;
      });
      if (bytes) await queue({ kind: 'file', path: post.path, bytes }, bytes.length);
    }
    progress();
  }

  for (const feed of feeds) {
    if (stopped()) {
      summary.notReached++;
      continue;
    }
    current = feed.path;
    if (feed.size > MAX_FEED_BYTES) {
      done++;
      refuse(feed.path, new LensError('import.feed-too-large', { file: feed.path, max: MAX_FEED_BYTES / 1024 / 1024 }));
      continue;
    }
    let items;
    try {
      items = feedItems(decodeFeed(await feed.read(), feed.path), feed.path, deps.parseXml);
    } catch (e) {
      done++;
      refuse(
        feed.path,
        e instanceof FeedError || e instanceof ZipError
          ? e
          : new LensError('import.unreadable', { file: feed.path, detail: (e as Error).message }),
      );
      continue;
    }
    total += items.length - 1;
    for (const [i, item] of items.entries()) {
      if (stopped()) {
        summary.notReached += items.length - i;
        break;
      }
      const path = `${feed.path}#${item.index}`;
      current = path;
      done++;
      await queue(
        { kind: 'item', path, title: item.title, line: item.line, data: item.fields.data, body: item.fields.body },
        item.fields.body.length,
      );
      progress();
    }
  }

  await flush();
  await storing;
  summary.cancelled = stopped();
  progress(true);
  return summary;
}

function decodeFeed(bytes: Uint8Array, path: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new FeedError('import.feed-not-utf8', { file: path });
  }
}
