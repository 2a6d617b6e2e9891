/**
 * The seed corpus, compiled at build time (scripts/build/bundled-data-plugin.ts) into the
 * extension, where the background seeds it into IndexedDB. A bad seed fails the build with the
 * same `file:line: reason` that `npm run lens -- check seeds` prints.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Article } from '../../lib/corpus/article';
import { parseDocuments } from './documents';

export type CompiledCorpus = { version: string; articles: Article[] };

/**
 * Every `*.txt` directly in `dir`, in name order. `version` changes whenever the corpus may have:
 * it hashes the seed files' bytes and also the compiled records, so a change to the parser's
 * cleaning rules re-seeds installed copies even when no seed file changed.
 */
export function compileSeeds(dir: string, cwd = process.cwd()): CompiledCorpus {
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.txt'))
    .map((e) => e.name)
    .sort();
  if (!names.length) throw new Error(`compileSeeds: no seed files (*.txt) in ${dir}`);

  // Named relative to cwd, as the CLI names them, so both print the same message.
  const files = names.map((name) => path.relative(cwd, path.join(dir, name)));
  const articles = parseDocuments(files, cwd).map((r) => {
    if (!r.ok) throw r.error;
    return r.article;
  });

  const hash = createHash('sha256');
  for (const name of names)
    hash
      .update(`${name}\0`)
      .update(readFileSync(path.join(dir, name)))
      .update('\0');
  hash.update(JSON.stringify(articles));
  return { version: hash.digest('hex').slice(0, 16), articles };
}
