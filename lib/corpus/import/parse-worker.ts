/**
 * The import's parser worker: parses batches of posts (parse-post.ts) for the import worker, which
 * meanwhile stores and indexes the batch before. They talk over a MessageChannel the options page
 * sets up (client.ts), so the two run on two cores while the page's own thread stays free.
 */
import catalogue from 'virtual:policy-lens/measures';
import { parseJob, type ParseJob, type ParseResult } from './parse-post';
import { parseHtmlWithLinkedom } from './worker-dom';

export type ParseRequest = { id: number; jobs: ParseJob[]; now: string };
export type ParseReply = { id: number; results: ParseResult[]; ms: number } | { id: number; error: string };

self.onmessage = (event: MessageEvent<{ type: 'connect'; port: MessagePort }>) => {
  const { port } = event.data;
  port.onmessage = (e: MessageEvent<ParseRequest>) => {
    const { id, jobs, now } = e.data;
    const t0 = performance.now();
    try {
      const results = jobs.map((job) => parseJob(job, { catalogue, parseHtml: parseHtmlWithLinkedom }, new Date(now)));
      port.postMessage({ id, results, ms: performance.now() - t0 } satisfies ParseReply);
    } catch (error) {
      port.postMessage({ id, error: (error as Error).message } satisfies ParseReply);
    }
  };
};
