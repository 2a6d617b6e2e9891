/**
 * The options page's import worker: reads, parses, stores and indexes the chosen files (run.ts) off the
 * page's thread, telling the page its progress and each file's outcome. Files are read here, not on the
 * page. The database is the extension's one (a worker of an extension page shares its origin).
 */
import catalogue from 'virtual:policy-lens/measures';
import { lensDB } from '../../db/schema';
import type { FromWorker, ToWorker } from './protocol';
import { runImport } from './run';
import { parseHtmlWithLinkedom, parseXmlWithLinkedom } from './worker-dom';

const post = (message: FromWorker) => (self as unknown as Worker).postMessage(message);
let controller: AbortController | null = null;

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'cancel') {
    controller?.abort();
    return;
  }
  if (controller) return; // one import at a time
  controller = new AbortController();
  const entries = message.files.map(({ file, path }) => ({ path, size: file.size, read: async () => new Uint8Array(await file.arrayBuffer()) }));
  void runImport(entries, {
    db: lensDB(),
    catalogue,
    parseHtml: parseHtmlWithLinkedom,
    parseXml: parseXmlWithLinkedom,
    signal: controller.signal,
    onProgress: (progress) => post({ type: 'progress', ...progress }),
    onOutcomes: (outcomes) => post({ type: 'outcomes', outcomes }),
  }).then(
    (summary) => post({ type: 'done', summary }),
    (error: Error) => post({ type: 'failed', error: error.message }),
  );
};
