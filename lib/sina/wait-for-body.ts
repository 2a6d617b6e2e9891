/**
 * Waits for the article body of a page that renders it late (by script, after load). Bounded:
 * resolves with the body element once it holds text (or an image post's media), or null after the
 * timeout, and always disconnects its observer, so a page that never delivers costs nothing afterwards.
 */
import { bodyArrived, findBody, MIN_BODY_TEXT } from './markup';

export type WaitForBodyOptions = {
  /** Give up after this long (ms). Default 10 000. */
  timeoutMs?: number;
  /** Characters of text the body needs before it counts as arrived. */
  minText?: number;
  /** Stop early (page navigated away, content script torn down); resolves null. */
  signal?: AbortSignal;
};

export function waitForBody(doc: Document, options: WaitForBodyOptions = {}): Promise<Element | null> {
  const { timeoutMs = 10_000, minText = MIN_BODY_TEXT, signal } = options;
  const ready = (): Element | null => {
    const body = findBody(doc);
    return body && body.layout !== 'unknown' && bodyArrived(body.el, minText) ? body.el : null;
  };

  const now = ready();
  if (now) return Promise.resolve(now);
  if (signal?.aborted) return Promise.resolve(null);

  const win = doc.defaultView ?? globalThis;
  const Observer = (win as typeof globalThis).MutationObserver ?? globalThis.MutationObserver;

  return new Promise((resolve) => {
    let done = false;
    let scheduled = false;
    const finish = (el: Element | null) => {
      if (done) return;
      done = true;
      observer.disconnect();
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(el);
    };
    const onAbort = () => finish(null);
    // Ads and widgets mutate the page constantly: check at most once per task, not per mutation record.
    const observer = new Observer(() => {
      if (scheduled) return;
      scheduled = true;
      queueMicrotask(() => {
        scheduled = false;
        const el = ready();
        if (el) finish(el);
      });
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
    const timer = setTimeout(() => finish(ready()), timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
