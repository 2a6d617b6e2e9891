/**
 * The options page's import worker: reads the chosen files (zips opened here), hands batches of posts
 * to the parser worker (parse-worker.ts) and stores and indexes the batches it gets back (run.ts),
 * telling the page its progress and each file's outcome. Files are read here, not on the page. The
 * database is the extension's one (a worker of an extension page shares its origin).
 */
import { lensDB } from '../../db/schema';
import type { ParseBatch } from './parse-post';
import type { ParseReply, ParseRequest } from './parse-worker';
import type { FromWorker, ToWorker } from './protocol';
import { runImport } from './run';
import { parseXmlWithLinkedom } from './worker-dom';

const post = (message: FromWorker) => (self as unknown as Worker).postMessage(message);
let controller: AbortController | null = null;

/** Batches sent over the port to the parser worker, answered by id. */
function remoteParser(port: MessagePort): ParseBatch {
  let next = 0;
  const waiting = new Map<number, (reply: ParseReply) => void>();
  port.onmessage = (e: MessageEvent<ParseReply>) => {
    const answer = waiting.get(e.data.id);
    waiting.delete(e.data.id);
    answer?.(e.data);
  };
  return (jobs, now) =>
    new Promise((resolve, reject) => {
      const id = next++;
      waiting.set(id, (r) => ('error' in r ? reject(new Error(`parsing failed: ${r.error}`)) : resolve({ results: r.results, ms: r.ms })));
      // A file's bytes move to the parser (this worker has no more use for them) when they are a whole buffer.
      const whole = jobs.flatMap((j) =>
        j.kind === 'file' && j.bytes.byteOffset === 0 && j.bytes.byteLength === j.bytes.buffer.byteLength
          ? [j.bytes.buffer as ArrayBuffer]
          : [],
      );
      port.postMessage({ id, jobs, now: now.toISOString() } satisfies ParseRequest, [...new Set(whole)]);
    });
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'cancel') {
    controller?.abort();
    return;
  }
  if (controller) return; // one import at a time
  controller = new AbortController();
  const entries = message.files.map(({ file, path }) => ({
    path,
    size: file.size,
    read: async () => new Uint8Array(await file.arrayBuffer()),
  }));
  void runImport(entries, {
    db: lensDB(),
    parse: remoteParser(message.parser),
    parseXml: parseXmlWithLinkedom,
    signal: controller.signal,
    onProgress: (progress) => post({ type: 'progress', ...progress }),
    onOutcomes: (outcomes) => post({ type: 'outcomes', outcomes }),
  }).then(
    (summary) => post({ type: 'done', summary }),
    (error: Error) => post({ type: 'failed', error: error.message }),
  );
};
