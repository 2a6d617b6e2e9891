/** Messages between the options page and its import worker (import-worker.ts, client.ts). */
import type { ImportOutcome, ImportProgress, ImportSummary } from './run';

/** A file the reader chose or dropped, with the path they see it under (a folder's files keep theirs). */
export type ChosenFile = { file: File; path: string };

/** `parser`: the port to the parser worker (parse-worker.ts), which the page connects. */
export type ToWorker = { type: 'start'; files: ChosenFile[]; parser: MessagePort } | { type: 'cancel' };

export type FromWorker =
  | ({ type: 'progress' } & ImportProgress)
  | { type: 'outcomes'; outcomes: ImportOutcome[] }
  | { type: 'done'; summary: ImportSummary }
  | { type: 'failed'; error: string };
