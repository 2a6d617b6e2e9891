/**
 * Finding and reading seed-format documents on disk, for the CLI and the build. Errors name each
 * file as the user wrote its path (`seeds/000_….txt`), so a message can be pasted into an editor.
 */
import { closeSync, fstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { MAX_DOCUMENT_BYTES } from '../../lib/corpus/decode';
import { CorpusError } from '../../lib/corpus/errors';
import { tryParseSeedDocument, type SeedParseOptions, type SeedParseResult } from '../../lib/corpus/parse-seed';
import { parseHtmlInNode } from './node-dom';

/** A mistake in how the command was called (not in a document): exit status 2. */
export class UsageError extends Error {}

export const DOCUMENT_EXTENSIONS = ['.txt', '.md'];

/**
 * Files named directly are taken whatever their extension; folders give every *.txt and *.md
 * inside, recursively, in name order. Symlinked folders are not followed (no cycles), nor are
 * hidden folders and node_modules (`lens check .` should not read every package's README).
 * Paths are returned as given, joined with what was found under them.
 */
export function expandPaths(paths: string[], cwd: string): string[] {
  if (!paths.length) throw new UsageError('no files or folders given');
  return paths.flatMap((given) => {
    const stat = statSync(path.resolve(cwd, given), { throwIfNoEntry: false });
    if (!stat) throw new UsageError(`no such file or folder: ${given}`);
    if (!stat.isDirectory()) return [given];
    const found = listDocuments(path.resolve(cwd, given)).map((rel) => path.join(given, rel));
    if (!found.length) throw new UsageError(`no ${DOCUMENT_EXTENSIONS.map((e) => `*${e}`).join(' or ')} files in ${given}`);
    return found;
  });
}

function listDocuments(dir: string): string[] {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return entries.flatMap((e) => {
    if (e.isDirectory())
      return e.name.startsWith('.') || e.name === 'node_modules'
        ? []
        : listDocuments(path.join(dir, e.name)).map((rel) => path.join(e.name, rel));
    return e.isFile() && DOCUMENT_EXTENSIONS.includes(path.extname(e.name).toLowerCase()) ? [e.name] : [];
  });
}

/** At most one byte over the limit: enough for the parser to refuse an oversized file without reading it all. */
export function readDocumentBytes(file: string, cwd: string): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path.resolve(cwd, file), 'r');
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    const buffer = new Uint8Array(Math.min(fstatSync(fd).size, MAX_DOCUMENT_BYTES) + 1);
    let length = 0;
    while (length < buffer.length) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

export type DocumentResult = { file: string } & SeedParseResult;

/**
 * Parses each file (named relative to cwd) with linkedom. Two documents with the same id (same
 * title and date) would overwrite each other in the corpus, so the later one is refused.
 */
export function parseDocuments(files: string[], cwd: string, opts: Pick<SeedParseOptions, 'origin' | 'now'> = {}): DocumentResult[] {
  const firstWithId = new Map<string, string>();
  return files.map((file): DocumentResult => {
    const result = tryParseSeedDocument(readDocumentBytes(file, cwd), { ...opts, file, parseHtml: parseHtmlInNode });
    if (!result.ok) return { file, ...result };
    const earlier = firstWithId.get(result.article.id);
    if (earlier === undefined) {
      firstWithId.set(result.article.id, file);
      return { file, ...result };
    }
    const reason = `same title and date as ${earlier} (both are ${result.article.id})`;
    return { file, ok: false, error: new CorpusError('duplicate-article', file, 1, reason) };
  });
}
