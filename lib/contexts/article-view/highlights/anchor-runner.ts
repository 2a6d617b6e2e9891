/**
 * Puts an article's stored highlights back on the page, and keeps trying for a while for those whose
 * text was not there yet.
 *
 * `anchorHighlights` is one time-sliced pass of `anchorAll` over the body (with the shared promo
 * skip), split into anchored ranges and orphans. Orphans are kept and reported, never dropped.
 *
 * `watchLateContent` covers pages that fill the body in after load (lazy paragraphs, "展开全文",
 * a script that re-renders the body). A MutationObserver on the body container notes relevant
 * changes; after a quiet moment (debounce, with a cap on the wait so a page that never stops
 * changing still gets its retry) it re-anchors whatever the caller says is still pending. It is
 * bounded: at most `maxRuns` completed passes and `maxMs` overall, then it disconnects for good —
 * a page whose ads churn inside the article must not keep us re-anchoring forever.
 */
import {
  anchorAll,
  type AnchorMethod,
  type AnchorOutcome,
  type HighlightToAnchor,
  type MatchOptions,
  type OrphanReason,
} from '../../../anchoring';
import { isNotArticleText } from '../../../highlights/skip';

export interface AnchoredHighlight {
  id: string;
  range: Range;
  start: number;
  end: number;
  method: AnchorMethod;
  score: number;
  /** The page text the range covered when anchored, to notice later that the page replaced it. */
  text: string;
}

export interface OrphanedHighlight {
  id: string;
  reason: OrphanReason;
}

export interface AnchorRun {
  anchored: AnchoredHighlight[];
  orphans: OrphanedHighlight[];
}

export interface AnchorRunOptions {
  /** Longest synchronous slice, ms (default 8: the page stays responsive while anchoring). */
  budgetMs?: number;
  signal?: AbortSignal;
  match?: MatchOptions;
  /** Each highlight as soon as it is decided, to paint progressively on long pages. */
  onOutcome?: (outcome: AnchorOutcome) => void;
}

export function splitOutcomes(outcomes: readonly AnchorOutcome[]): AnchorRun {
  const run: AnchorRun = { anchored: [], orphans: [] };
  for (const o of outcomes) {
    if (o.status === 'anchored')
      run.anchored.push({
        id: o.id,
        range: o.range,
        start: o.start,
        end: o.end,
        method: o.method,
        score: o.score,
        text: o.range.toString(),
      });
    else run.orphans.push({ id: o.id, reason: o.reason });
  }
  return run;
}

/** One pass over the body. Rejects with the signal's reason when aborted. */
export async function anchorHighlights(
  body: Element,
  highlights: readonly HighlightToAnchor[],
  options: AnchorRunOptions = {},
): Promise<AnchorRun> {
  if (highlights.length === 0) return { anchored: [], orphans: [] };
  const outcomes = await anchorAll(body, highlights, {
    skip: isNotArticleText,
    budgetMs: options.budgetMs ?? 8,
    ...(options.signal && { signal: options.signal }),
    ...(options.match && { match: options.match }),
    ...(options.onOutcome && { onOutcome: options.onOutcome }),
  });
  return splitOutcomes(outcomes);
}

/**
 * Whether an anchored range no longer covers what it covered: its text was removed (the range
 * collapsed, or was left in a detached node) or replaced. Such a highlight needs anchoring again.
 */
export function isStale(anchored: Pick<AnchoredHighlight, 'range' | 'text'>, body: Element): boolean {
  const { range } = anchored;
  return range.collapsed || !body.contains(range.commonAncestorContainer) || range.toString() !== anchored.text;
}

export type WatchStopReason = 'settled' | 'max-runs' | 'timeout' | 'aborted' | 'stopped' | 'body-gone' | 'error';

export interface WatchOptions {
  /** The element to observe (default: the body itself). Observe the body's parent when the page may replace the body. */
  container?: Element;
  /** The body to anchor in at each run (default: the body given, while it is in the document). */
  resolveBody?: () => Element | null;
  /** Highlights still to anchor: the current orphans, plus any anchored ones `isStale` flags. */
  pending: () => readonly HighlightToAnchor[];
  /** Results of each completed pass (anchored and still orphaned). */
  onRun: (run: AnchorRun) => void;
  /** Quiet time after the last change before a pass, ms (default 400). */
  debounceMs?: number;
  /** Longest wait from the first change of a burst, ms (default 4 × debounce). */
  maxWaitMs?: number;
  /** Completed passes before giving up (default 5). */
  maxRuns?: number;
  /** Overall lifetime, ms (default 30,000). */
  maxMs?: number;
  /** Stop once a pass leaves nothing pending (default true). */
  stopWhenSettled?: boolean;
  budgetMs?: number;
  match?: MatchOptions;
  signal?: AbortSignal;
  /** A pass failed for a reason other than being superseded; the watcher stops ('error'). */
  onError?: (error: unknown) => void;
}

export interface LateContentWatcher {
  /** Disconnects now (e.g. the page is leaving). */
  stop(): void;
  /** Resolves once the watcher has disconnected, with why. */
  readonly done: Promise<WatchStopReason>;
  /** Completed passes so far. */
  runs(): number;
}

/** Whether a mutation touched article text (not a promo block or our own UI inside the body). */
function isRelevant(record: MutationRecord, body: Element): boolean {
  for (let n: Node | null = record.target; n && n !== body; n = n.parentNode) {
    if (n.nodeType === 1 && isNotArticleText(n as Element)) return false;
  }
  if (record.type === 'characterData') return true;
  const nodes = [...Array.from(record.addedNodes), ...Array.from(record.removedNodes)];
  // Added/removed elements we skip anyway (a promo block arriving) change no article text.
  return nodes.some((n) => n.nodeType === 3 || (n.nodeType === 1 && !isNotArticleText(n as Element)));
}

export function watchLateContent(body: Element, options: WatchOptions): LateContentWatcher {
  const view = body.ownerDocument.defaultView;
  const Observer = view?.MutationObserver ?? globalThis.MutationObserver;
  const debounceMs = options.debounceMs ?? 400;
  const maxWaitMs = options.maxWaitMs ?? debounceMs * 4;
  const maxRuns = options.maxRuns ?? 5;
  const maxMs = options.maxMs ?? 30_000;
  const stopWhenSettled = options.stopWhenSettled ?? true;
  const resolveBody = options.resolveBody ?? (() => (body.isConnected ? body : null));

  let completed = 0;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let burstStart: number | undefined;
  let inFlight: AbortController | undefined;
  let resolveDone: (reason: WatchStopReason) => void = () => {};
  const done = new Promise<WatchStopReason>((resolve) => (resolveDone = resolve));

  const stop = (reason: WatchStopReason) => {
    if (stopped) return;
    stopped = true;
    observer?.disconnect();
    if (timer !== undefined) clearTimeout(timer);
    clearTimeout(lifetime);
    inFlight?.abort(new DOMException('late-content watcher stopped', 'AbortError'));
    options.signal?.removeEventListener('abort', onAbort);
    resolveDone(reason);
  };
  const onAbort = () => stop('aborted');

  const run = async () => {
    timer = undefined;
    burstStart = undefined;
    const current = resolveBody();
    if (!current) return stop('body-gone');
    const pending = options.pending();
    if (pending.length === 0) {
      if (stopWhenSettled) stop('settled');
      return;
    }
    // The DOM changed again while a pass was reading it: that pass's text map is out of date.
    inFlight?.abort(new DOMException('superseded by a newer change', 'AbortError'));
    const controller = new AbortController();
    inFlight = controller;
    let result: AnchorRun;
    try {
      result = await anchorHighlights(current, pending, { signal: controller.signal, budgetMs: options.budgetMs, match: options.match });
    } catch (error) {
      if (controller.signal.aborted) return; // superseded or stopped; not a completed pass
      throw error;
    } finally {
      if (inFlight === controller) inFlight = undefined;
    }
    if (stopped) return;
    completed += 1;
    options.onRun(result);
    if (stopWhenSettled && options.pending().length === 0) stop('settled');
    else if (completed >= maxRuns) stop('max-runs');
  };

  const schedule = () => {
    if (stopped) return;
    const now = Date.now();
    burstStart ??= now;
    if (timer !== undefined) clearTimeout(timer);
    // Trailing debounce, but never wait past maxWait from the burst's first change.
    const wait = Math.max(0, Math.min(debounceMs, burstStart + maxWaitMs - now));
    inFlight?.abort(new DOMException('superseded by a newer change', 'AbortError'));
    timer = setTimeout(() => {
      run().catch((error: unknown) => {
        options.onError?.(error);
        stop('error');
      });
    }, wait);
  };

  const observer = Observer
    ? new Observer((records) => {
        const current = resolveBody() ?? body;
        if (records.some((r) => isRelevant(r, current))) schedule();
      })
    : undefined;
  const lifetime = setTimeout(() => stop('timeout'), maxMs);

  if (options.signal?.aborted) stop('aborted');
  else {
    options.signal?.addEventListener('abort', onAbort, { once: true });
    observer?.observe(options.container ?? body, { childList: true, subtree: true, characterData: true });
    if (!observer) stop('stopped');
  }

  return { stop: () => stop('stopped'), done, runs: () => completed };
}
