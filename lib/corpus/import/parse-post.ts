/**
 * Parsing one post of an import, wherever it runs: a seed-format file's bytes, or an item of a feed
 * (its fields and HTML), into a validated article with what the extension derives for it (measures,
 * fingerprint), or the refusal naming the file, line and field. Jobs and results are plain data, so a
 * parser worker (parse-worker.ts) can do this beside the worker that stores and indexes.
 */
import { articleNotes, type ArticleNote } from '../article';
import type { StoredArticle } from '../../db/schema';
import { withDerivedFields } from '../../insight/indexer';
import { storedMeasureCounts, topicsOf } from '../../insight/related';
import type { TopicInput } from '../../related';
import type { Catalogue } from '../../measures';
import { CorpusError } from '../errors';
import { articleFromFrontMatter, tryParseSeedDocument } from '../parse-seed';
import { refusalOf, type Refusal } from './store';

export type ParseJob =
  | { kind: 'file'; path: string; bytes: Uint8Array }
  | { kind: 'item'; path: string; title: string; line: number; data: Record<string, unknown>; body: string };

export type ParseResult =
  | { ok: true; path: string; article: StoredArticle; notes: ArticleNote[]; topics: TopicInput }
  | { ok: false; path: string; refusal: Refusal; title?: string };

/** Parses a batch of posts; `ms` is the time spent parsing (not waiting). */
export type ParseBatch = (jobs: ParseJob[], now: Date) => Promise<{ results: ParseResult[]; ms: number }>;

export type ParseContext = { catalogue: Catalogue; parseHtml: (html: string) => ParentNode };

export function parseJob(job: ParseJob, ctx: ParseContext, now: Date): ParseResult {
  const opts = { file: job.path, origin: 'imported' as const, parseHtml: ctx.parseHtml, now };
  let article;
  if (job.kind === 'file') {
    const result = tryParseSeedDocument(job.bytes, opts);
    if (!result.ok) return { ok: false, path: job.path, refusal: refusalOf(result.error) };
    article = result.article;
  } else {
    try {
      article = articleFromFrontMatter(
        { data: job.data, lineOf: () => job.line, openLine: job.line, body: job.body, bodyLine: job.line },
        opts,
      );
    } catch (e) {
      if (!(e instanceof CorpusError)) throw e;
      return { ok: false, path: job.path, refusal: refusalOf(e), title: job.title };
    }
  }
  const derived = withDerivedFields({ ...article, origin: 'imported', addedAt: now.toISOString() }, ctx.catalogue);
  return {
    ok: true,
    path: job.path,
    article: derived,
    notes: articleNotes(article),
    topics: topicsOf(storedMeasureCounts(derived), ctx.catalogue),
  };
}

/** Parses in this thread (tests, tools, and wherever no parser worker is available). */
export function parseHere(ctx: ParseContext): ParseBatch {
  return async (jobs, now) => {
    const t0 = performance.now();
    const results = jobs.map((j) => parseJob(j, ctx, now));
    return { results, ms: performance.now() - t0 };
  };
}
