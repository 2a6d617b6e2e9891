/**
 * The options page's side of an archive import: hands the chosen files to the import worker and
 * relays what it says. The page itself reads no file and parses nothing, so it stays responsive
 * whatever the archive's size.
 */
import ImportWorker from './import-worker.ts?worker';
import ParseWorker from './parse-worker.ts?worker';
import type { ChosenFile, FromWorker, ToWorker } from './protocol';
import type { ImportOutcome, ImportProgress, ImportSummary } from './run';

export type ImportHandlers = {
  onProgress(progress: ImportProgress): void;
  onOutcomes(outcomes: ImportOutcome[]): void;
};

export type RunningImport = { cancel(): void; done: Promise<ImportSummary> };

/**
 * Two workers: the import worker reads, stores and indexes; the parser worker parses the next batch
 * meanwhile. They talk over a channel of their own; the page hears only progress and outcomes.
 */
export function startImport(files: ChosenFile[], handlers: ImportHandlers): RunningImport {
  const worker = new ImportWorker();
  const parser = new ParseWorker();
  const channel = new MessageChannel();
  parser.postMessage({ type: 'connect', port: channel.port1 }, [channel.port1]);
  const send = (message: ToWorker, transfer: Transferable[] = []) => worker.postMessage(message, transfer);
  const stop = () => {
    worker.terminate();
    parser.terminate();
  };
  const done = new Promise<ImportSummary>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const m = event.data;
      if (m.type === 'progress') handlers.onProgress({ done: m.done, total: m.total, current: m.current });
      else if (m.type === 'outcomes') handlers.onOutcomes(m.outcomes);
      else {
        stop();
        if (m.type === 'done') resolve(m.summary);
        else reject(new Error(m.error));
      }
    };
    const failed = (event: ErrorEvent) => {
      stop();
      reject(new Error(event.message || 'the import worker stopped'));
    };
    worker.onerror = failed;
    parser.onerror = failed;
  });
  send({ type: 'start', files, parser: channel.port2 }, [channel.port2]);
  return { cancel: () => send({ type: 'cancel' }), done };
}
