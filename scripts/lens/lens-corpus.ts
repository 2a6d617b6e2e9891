/**
 * The extension's corpus, rebuilt in memory for the `lens` tool and the bench: a fresh LensDB on
 * fake-indexeddb, seeded with the bundled seeds the way the background seeds them (compileSeeds →
 * seedCorpus, each seed indexed by indexStoredArticle) and given extra seed-format files the way the
 * options page imports them (importArticles, same indexing). Nothing is reimplemented here: this only
 * wires the extension's own modules together with Node's file reading and linkedom.
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Article } from '../../lib/corpus/article';
import { parseSeedBytes } from '../../lib/corpus/parse-seed';
import { importArticles, type ImportFile, type ImportResult } from '../../lib/db/articles';
import { openLensDB, type LensDB, type StoredArticle } from '../../lib/db/schema';
import { seedCorpus, type BundledCorpus, type SeedOutcome } from '../../lib/db/seed';
import { indexStoredArticle } from '../../lib/insight/indexer';
import type { Catalogue } from '../../lib/measures';
import { loadCatalogueFile } from '../../lib/measures/load-catalogue';
import { removeFromIndex } from '../../lib/related';
import { ROOT } from '../harness/paths';
import { compileSeeds } from './compile-seeds';
import { readDocumentBytes } from './documents';
import { parseHtmlInNode } from './node-dom';

export const SEEDS_DIR = path.join(ROOT, 'seeds');

/** The index/unindex hooks exactly as lib/contexts/background/start.ts passes them to seedCorpus. */
export function backgroundIndexing(db: LensDB, catalogue: Catalogue) {
  return {
    index: (article: StoredArticle) => indexStoredArticle(db, article, catalogue),
    unindex: (id: string) => removeFromIndex(db, id),
  };
}

/** The options page's parse for an imported file, with linkedom as the DOM. Throws a CorpusError (`file:line: reason`). */
export function parseImportedFile(bytes: Uint8Array, file: string): Article {
  return parseSeedBytes(bytes, { file, origin: 'imported', parseHtml: parseHtmlInNode });
}

/** The import options as lib/insight/corpus-actions.ts builds them. */
export function optionsPageImport(db: LensDB, catalogue: Catalogue) {
  return {
    parse: parseImportedFile,
    index: (article: StoredArticle) => indexStoredArticle(db, article, catalogue).then(() => undefined),
  };
}

/** A database of its own every time: fake-indexeddb keeps databases for the life of the process. */
export function openScratchDB(prefix: string): LensDB {
  return openLensDB(`${prefix}-${randomUUID()}`);
}

export type LensCorpus = {
  db: LensDB;
  catalogue: Catalogue;
  seeding: SeedOutcome;
  /** One result per extra file, in the order given: imported, duplicate (already in the corpus) or refused. */
  imports: ImportResult[];
  close(): Promise<void>;
};

export type LensCorpusOptions = {
  /** Extra seed-format files, named relative to cwd (as `lens` prints them). */
  extraFiles?: string[];
  cwd: string;
  seeds?: BundledCorpus;
  catalogue?: Catalogue;
};

export async function openLensCorpus(opts: LensCorpusOptions): Promise<LensCorpus> {
  const catalogue = opts.catalogue ?? loadCatalogueFile();
  const seeds = opts.seeds ?? compileSeeds(SEEDS_DIR, opts.cwd);
  const db = openScratchDB('lens-cli');
  try {
    const seeding = await seedCorpus(db, seeds, backgroundIndexing(db, catalogue));
    const files: ImportFile[] = (opts.extraFiles ?? []).map((name) => ({ name, bytes: readDocumentBytes(name, opts.cwd) }));
    const imports = files.length ? await importArticles(db, files, optionsPageImport(db, catalogue)) : [];
    return { db, catalogue, seeding, imports, close: () => db.delete() };
  } catch (error) {
    await db.delete();
    throw error;
  }
}
