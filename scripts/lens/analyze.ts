/**
 * `lens analyze <files> [--corpus <folder>] [--json]`: what the corpus parser makes of each document,
 * and what the corpus knows about it (the same article, measures, related articles).
 * `lens analyze <page.html> --url <url> [--corpus <folder>] [--json]`: the same for a saved Sina page,
 * read the way the content script reads it.
 *
 * The corpus is the bundled seeds plus, with --corpus, every seed-format file in the given folders,
 * built in memory by the extension's own seeding, import and indexing (lens-corpus.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Article } from '../../lib/corpus/article';
import { articleFromPage } from '../../lib/insight/page-to-article';
import { printDocument, printImports, printSavedPage } from './analyze-print';
import { analyzePage, type PageAnalysis } from './analyze-page';
import type { Command, Io } from './command';
import { parseCommandArgs } from './command';
import { corpusInsight, NO_INSIGHT, type CorpusInsight } from './corpus-insight';
import { expandPaths, parseDocuments, UsageError, type DocumentResult } from './documents';
import { openLensCorpus, type LensCorpus } from './lens-corpus';

type Nullable<T> = { [K in keyof T]: T[K] | null };

/** One file's analysis; every field but file/ok/error is null when the document was refused. */
export type DocumentAnalysis = {
  file: string;
  ok: boolean;
  error: string | null;
  id: string | null;
  title: string | null;
  date: string | null;
  source: string | null;
  editor: string | null;
  paragraphs: string[] | null;
} & Nullable<CorpusInsight>;

/** A saved page's analysis: what analyzePage gives, and the corpus fields (null when not recognised). */
export type SavedPageAnalysis = { file: string } & PageAnalysis & Nullable<CorpusInsight>;

export const analyze: Command = {
  name: 'analyze',
  summary: 'show what the parser makes of documents (or, with --url, of a saved Sina page) and what the corpus knows of them',
  usage:
    'lens analyze <files or folders>… [--corpus <folder>] [--json]  |  lens analyze <page.html> --url <article url> [--corpus <folder>] [--json]',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      json: { type: 'boolean' },
      url: { type: 'string' },
      corpus: { type: 'string', multiple: true },
    });
    const json = values.json === true;
    // Every usage error before the corpus is built.
    const input = values.url === undefined ? { files: expandPaths(positionals, io.cwd) } : { page: readSavedPage(positionals, io.cwd) };
    const corpusFiles = values.corpus ? expandCorpusPaths(values.corpus, io.cwd) : [];

    const corpus = await openLensCorpus({ extraFiles: corpusFiles, cwd: io.cwd });
    try {
      const corpusRefused = printImports(corpus.imports, io);
      const status = input.files
        ? await analyzeDocuments(input.files, corpus, json, io)
        : await analyzeSavedPage(input.page!, values.url!, corpus, json, io);
      return corpusRefused ? Math.max(status, 1) : status;
    } finally {
      await corpus.close();
    }
  },
};

function expandCorpusPaths(paths: string[], cwd: string): string[] {
  try {
    return expandPaths(paths, cwd);
  } catch (e) {
    throw e instanceof UsageError ? new UsageError(`--corpus: ${e.message}`) : e;
  }
}

async function analyzeDocuments(files: string[], corpus: LensCorpus, json: boolean, io: Io): Promise<number> {
  const results: DocumentAnalysis[] = [];
  for (const r of parseDocuments(files, io.cwd)) results.push(await analysisOf(r, corpus));
  if (json) io.out(JSON.stringify(results, null, 2));
  else for (const r of results) printDocument(r, io);
  return results.some((r) => !r.ok) ? 1 : 0;
}

async function analysisOf(r: DocumentResult, corpus: LensCorpus): Promise<DocumentAnalysis> {
  const none = { id: null, title: null, date: null, source: null, editor: null, paragraphs: null };
  if (!r.ok) return { file: r.file, ok: false, error: r.error.message, ...none, ...NO_INSIGHT };
  const a = r.article;
  const fields = { id: a.id, title: a.title, date: a.date, source: a.source, editor: a.editor ?? null, paragraphs: a.paragraphs };
  return { file: r.file, ok: true, error: null, ...fields, ...(await corpusInsight(corpus, a)) };
}

type SavedPage = { file: string; html: string };

function readSavedPage(positionals: string[], cwd: string): SavedPage {
  if (positionals.length !== 1) throw new UsageError('--url takes exactly one saved page');
  const file = positionals[0]!;
  try {
    return { file, html: readFileSync(path.resolve(cwd, file), 'utf8') };
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

async function analyzeSavedPage({ file, html }: SavedPage, url: string, corpus: LensCorpus, json: boolean, io: Io): Promise<number> {
  const page = analyzePage(html, url);
  // The article the background would build from this page (lib/insight/page-to-article.ts).
  const article: Article | null = page.recognized ? articleFromPage(page) : null;
  const result: SavedPageAnalysis = { file, ...page, ...(article ? await corpusInsight(corpus, article) : NO_INSIGHT) };
  if (json) io.out(JSON.stringify([result], null, 2));
  else printSavedPage(result, io);
  return page.recognized ? 0 : 1;
}
