/**
 * A whole-archive import, from the files the reader chose to articles stored and indexed: zips opened,
 * posts and feeds picked out of the archive (entries.ts), each file's size checked before it is read,
 * each post parsed and validated (parse-seed.ts, feed.ts), batches stored and indexed in one
 * transaction each (store.ts). A bad file is reported by name and the rest goes on; a cancel stops
 * after the batch in hand. It runs in a Worker on the options page (import-worker.ts), off the page's
 * thread; tests and tools run it in process.
 */
import type { LensDB, StoredArticle } from '../../db/schema';
import { withDerivedFields } from '../../insight/indexer';
import type { Catalogue } from '../../measures';
import { MAX_DOCUMENT_BYTES } from '../decode';
import { CorpusError } from '../errors';
import { articleFromFrontMatter, tryParseSeedDocument } from '../parse-seed';
import { articleNotes, type Article } from '../article';
import { classifyEntries, type ImportEntry } from './entries';
import { feedItems, FeedError, MAX_FEED_BYTES, type ParseXml } from './feed';
import { storeBatch, type ImportOutcome, type IndexBatch, type ParsedPost } from './store';
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
};

export type ImportDeps = {
  db: LensDB;
  catalogue: Catalogue;
  parseHtml: (html: string) => ParentNode;
  parseXml: ParseXml;
  now?: () => Date;
  signal?: AbortSignal;
  /** Posts per transaction (default 200): fewer transactions, and the related index weighs each batch at once. */
  batchSize?: number;
  index?: IndexBatch;
  onProgress?(progress: ImportProgress): void;
  onOutcomes?(outcomes: ImportOutcome[]): void;
};

/** A batch also closes at this much text, so a few huge posts do not make one huge transaction. */
const BATCH_TEXT = 2_000_000;
const PROGRESS_EVERY_MS = 100;

export async function runImport(chosen: readonly ImportEntry[], deps: ImportDeps): Promise<ImportSummary> {
  const now = deps.now ?? (() => new Date());
  const batchSize = deps.batchSize ?? 200;
  const summary: ImportSummary = { imported: 0, duplicate: 0, refused: 0, noted: 0, passedOver: 0, notReached: 0, cancelled: false };
  const report = (outcomes: ImportOutcome[]) => {
    for (const o of outcomes) {
      summary[o.status]++;
      if (o.status === 'imported' && o.notes.length) summary.noted++;
    }
    if (outcomes.length) deps.onOutcomes?.(outcomes);
  };
  const refuse = (path: string, reason: string, title?: string) => report([{ path, status: 'refused', reason, ...(title && { title }) }]);

  const top = classifyEntries(chosen);
  summary.passedOver += top.passedOver;
  const posts: ImportEntry[] = [...top.posts];
  const feeds: ImportEntry[] = [...top.feeds];
  for (const zip of top.zips) {
    if (zip.size > MAX_ZIP_BYTES) {
      refuse(zip.path, `${zip.path}: archive is larger than the ${MAX_ZIP_BYTES / 1024 / 1024} MiB limit`);
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
      refuse(zip.path, e instanceof ZipError ? e.message : `${zip.path}: ${(e as Error).message}`);
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

  let batch: ParsedPost[] = [];
  let batchText = 0;
  const flush = async () => {
    if (!batch.length) return;
    const stored = batch;
    batch = [];
    batchText = 0;
    report(await storeBatch(deps.db, stored, deps.index));
    progress(true);
  };
  const accept = async (path: string, article: Article) => {
    const stored: StoredArticle = { ...article, origin: 'imported', addedAt: now().toISOString() };
    batch.push({ path, article: withDerivedFields(stored, deps.catalogue), notes: articleNotes(article) });
    batchText += article.length;
    if (batch.length >= batchSize || batchText >= BATCH_TEXT) await flush();
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
      refuse(post.path, `${post.path}:1: file is larger than the ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB limit`);
    } else {
      const result = await readEntry(post).then(
        (bytes) => tryParseSeedDocument(bytes, { file: post.path, origin: 'imported', parseHtml: deps.parseHtml, now: now() }),
        (e: Error) => ({ ok: false as const, error: new CorpusError('file-empty', post.path, 1, `cannot be read (${e.message})`) }),
      );
      if (result.ok) await accept(post.path, result.article);
      else refuse(post.path, result.error.message);
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
      refuse(feed.path, `${feed.path}: feed is larger than the ${MAX_FEED_BYTES / 1024 / 1024} MiB limit`);
      continue;
    }
    let items;
    try {
      items = feedItems(decodeFeed(await readEntry(feed), feed.path), feed.path, deps.parseXml);
    } catch (e) {
      done++;
      refuse(feed.path, e instanceof FeedError ? e.message : `${feed.path}: ${(e as Error).message}`);
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
      try {
        const article = articleFromFrontMatter(item.fields, { file: path, origin: 'imported', parseHtml: deps.parseHtml, now: now() });
        await accept(path, article);
      } catch (e) {
        if (!(e instanceof CorpusError)) throw e;
        // The checks speak of a document's front matter; a feed item has fields instead.
        refuse(path, e.message.replace(/front matter/g, 'feed item'), item.title);
      }
      progress();
    }
  }

  await flush();
  summary.cancelled = stopped();
  progress(true);
  return summary;
}

async function readEntry(entry: ImportEntry): Promise<Uint8Array> {
  return entry.read();
}

function decodeFeed(bytes: Uint8Array, path: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new FeedError(`${path}: feed is not valid UTF-8 text`);
  }
}
