/**
 * `lens analyze <files> [--json]`: what the corpus parser makes of each document.
 * `lens analyze <page.html> --url <url> [--json]`: what the content script makes of a saved Sina page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command, Io } from './command';
import { parseCommandArgs } from './command';
import { analyzePage } from './analyze-page';
import { expandPaths, parseDocuments, UsageError, type DocumentResult } from './documents';

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
};

function analysisOf(r: DocumentResult): DocumentAnalysis {
  if (!r.ok) return { file: r.file, ok: false, error: r.error.message, id: null, title: null, date: null, source: null, editor: null, paragraphs: null };
  const a = r.article;
  return { file: r.file, ok: true, error: null, id: a.id, title: a.title, date: a.date, source: a.source, editor: a.editor ?? null, paragraphs: a.paragraphs };
}

export const analyze: Command = {
  name: 'analyze',
  summary: 'show what the parser makes of documents (or, with --url, of a saved Sina page)',
  usage: 'lens analyze <files or folders>… [--json]  |  lens analyze <page.html> --url <article url> [--json]',
  run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' }, url: { type: 'string' } });
    if (values.url !== undefined) return analyzeSavedPage(positionals, values.url, values.json === true, io);

    const results = parseDocuments(expandPaths(positionals, io.cwd), io.cwd).map(analysisOf);
    if (values.json) io.out(JSON.stringify(results, null, 2));
    else for (const r of results) printSummary(r, io);
    return results.some((r) => !r.ok) ? 1 : 0;
  },
};

const LEAD_PREVIEW = 60;

function printSummary(r: DocumentAnalysis, io: Io): void {
  if (!r.ok) {
    io.out(`FAIL ${r.error}`);
    return;
  }
  const paragraphs = r.paragraphs ?? [];
  const lead = paragraphs[0] ?? '';
  io.out(r.file);
  io.out(`  title       ${r.title}`);
  io.out(`  id          ${r.id}`);
  io.out(`  date        ${r.date}`);
  io.out(`  source      ${r.source || '(none)'}`);
  io.out(`  editor      ${r.editor ?? '(none)'}`);
  io.out(`  paragraphs  ${paragraphs.length} (${paragraphs.join('\n').length} characters)`);
  io.out(`  lead        ${lead.length > LEAD_PREVIEW ? `${lead.slice(0, LEAD_PREVIEW)}…` : lead}`);
}

function analyzeSavedPage(positionals: string[], url: string, json: boolean, io: Io): number {
  if (positionals.length !== 1) throw new UsageError('--url takes exactly one saved page');
  const file = positionals[0]!;
  let html: string;
  try {
    html = readFileSync(path.resolve(io.cwd, file), 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const page = { file, ...analyzePage(html, url) };
  if (json) io.out(JSON.stringify([page], null, 2));
  else if (!page.recognized) io.out(`FAIL ${file}: not an article page (${page.reason})`);
  else io.out(`ok   ${file}  ${page.key}  ${page.title}  (${page.paragraphs.length} paragraphs)`);
  return page.recognized ? 0 : 1;
}
