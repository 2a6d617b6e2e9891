/**
 * The options page's side of an archive import: hands the chosen files to the import worker and
 * relays what it says. The page itself reads no file and parses nothing, so it stays responsive
 * whatever the archive's size.
 */
import ImportWorker from './import-worker.ts?worker';
import type { ChosenFile, FromWorker, ToWorker } from './protocol';
import type { ImportOutcome, ImportProgress, ImportSummary } from './run';

export type ImportHandlers = {
  onProgress(progress: ImportProgress): void;
  onOutcomes(outcomes: ImportOutcome[]): void;
};

export type RunningImport = { cancel(): void; done: Promise<ImportSummary> };

export function startImport(files: ChosenFile[], handlers: ImportHandlers): RunningImport {
  const worker = new ImportWorker();
  const send = (message: ToWorker) => worker.postMessage(message);
  const done = new Promise<ImportSummary>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const m = event.data;
      if (m.type === 'progress') handlers.onProgress({ done: m.done, total: m.total, current: m.current });
      else if (m.type === 'outcomes') handlers.onOutcomes(m.outcomes);
      else {
        worker.terminate();
        if (m.type === 'done') resolve(m.summary);
        else reject(new Error(m.error));
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the import worker stopped'));
    };
  });
  send({ type: 'start', files });
  return { cancel: () => send({ type: 'cancel' }), done };
}
