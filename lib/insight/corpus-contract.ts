/**
 * What the options page asks of the corpus: corpus-actions.ts implements it and components/options/ shows
 * it. The types live here, in lib/, so that lib/ never imports from components/.
 */
import type { ChosenFile } from '../corpus/import/protocol';
import type { ImportOutcome, ImportProgress, ImportSummary } from '../corpus/import/run';
import type { CorpusCounts, CorpusRow } from '../db/articles';
import type { ReadCap, ReadUsage } from '../db/read-cap';
import type { StoredArticle } from '../db/schema';

/** Starts an import of the chosen files; the options page runs it in a worker (lib/corpus/import/client.ts). */
export type StartImport = (
  files: ChosenFile[],
  handlers: { onProgress(p: ImportProgress): void; onOutcomes(o: ImportOutcome[]): void },
) => { cancel(): void; done: Promise<ImportSummary> };

/**
 * What the corpus list shows: the newest rows (up to the limit asked for), the counts of all, and how
 * many read articles are kept against the cap (lib/db/read-cap.ts readUsage).
 */
export type CorpusView = { rows: CorpusRow[]; counts: CorpusCounts; read: Pick<ReadUsage, 'articles' | 'chars'> };

export type CorpusActions = {
  /**
   * Calls `onView` now and after every change to the corpus, from any context, with the newest `limit`
   * rows and the counts; returns unsubscribe.
   */
  watch(limit: number, onView: (view: CorpusView) => void, onError: (error: Error) => void): () => void;
  /** Imports files, folders, zips and feeds in workers (lib/corpus/import). */
  startImport: StartImport;
  /** Resolves to the removed record, for undo. */
  remove(id: string): Promise<StoredArticle>;
  /** Undo of remove. */
  restore(article: StoredArticle): Promise<void>;
  /** The bounds on articles added as the reader reads (lib/db/read-cap.ts). */
  readCap: ReadCap;
  getAddRead(): Promise<boolean>;
  setAddRead(on: boolean): Promise<void>;
};
