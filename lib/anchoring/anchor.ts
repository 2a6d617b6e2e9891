/**
 * Anchoring highlights in a live page without freezing it.
 *
 * A long article with many highlights can take a while in total (each fuzzy search is a few
 * milliseconds), so the work is cut into slices: `matchQuoteSteps` pauses between bounded steps,
 * and whenever a slice has used its time budget this module hands the main thread back to the
 * browser (`scheduler.yield()` where it exists, which keeps our priority; `setTimeout(0)` otherwise)
 * before going on. Page scripts, scrolling and input stay responsive while highlights appear.
 */
import { matchQuoteSteps, type AnchorMethod, type MatchOptions, type OrphanReason } from './match-quote';
import { prepareTextSteps } from './normalize';
import { describe, type AnchorSelectors, type DescribeOptions } from './selectors';
import { buildTextMapSteps, offsetsFromRange, rangeFromOffsets, type TextMap, type TextMapOptions } from './text-map';

export interface HighlightToAnchor extends AnchorSelectors {
  id: string;
}

export type AnchorOutcome =
  | { id: string; status: 'anchored'; range: Range; start: number; end: number; method: AnchorMethod; score: number }
  | { id: string; status: 'orphan'; reason: OrphanReason };

export interface AnchorAllOptions extends TextMapOptions {
  /** Longest stretch of synchronous work before yielding to the event loop, in ms. Default 8. */
  budgetMs?: number;
  /** Abort between slices; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** A text map already built for `root` (it must reflect the current DOM). */
  map?: TextMap;
  /** Tuning for the matcher. */
  match?: MatchOptions;
  /** Called as soon as each highlight is decided, so it can be painted without waiting for all. */
  onOutcome?: (outcome: AnchorOutcome, index: number) => void;
  /** Called with the duration of every synchronous slice (instrumentation for tests and profiling). */
  onSlice?: (ms: number) => void;
}

interface SchedulerLike {
  yield?: () => Promise<void>;
}

/** Give the main thread back to the browser for a moment. */
export function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (scheduler && typeof scheduler.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

const now: () => number = typeof performance !== 'undefined' ? () => performance.now() : () => Date.now();

/**
 * Anchor every highlight in `root`, in time-budgeted slices. Results come back in input order;
 * a highlight that cannot be placed safely is an orphan with a reason, never dropped.
 */
export async function anchorAll(
  root: Element,
  highlights: readonly HighlightToAnchor[],
  options: AnchorAllOptions = {},
): Promise<AnchorOutcome[]> {
  const budget = options.budgetMs ?? 8;
  const { signal, onSlice, onOutcome } = options;
  signal?.throwIfAborted();

  let sliceStart = now();
  const pause = async (): Promise<void> => {
    onSlice?.(now() - sliceStart);
    await yieldToEventLoop();
    signal?.throwIfAborted();
    sliceStart = now();
  };

  /** Run a generator of bounded steps to its end, pausing whenever the slice's budget is used. */
  const drive = async <T>(steps: Generator<void, T, void>): Promise<T> => {
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) return step.value;
      if (now() - sliceStart >= budget) await pause();
    }
  };

  // Building the map and normalising the text are linear passes (a few ms for 100 KB), but on a
  // slow machine even that is worth slicing.
  const map = options.map ?? (await drive(buildTextMapSteps(root, options)));
  const prepared = await drive(prepareTextSteps(map.text));

  const outcomes: AnchorOutcome[] = [];
  for (const [index, h] of highlights.entries()) {
    const result = await drive(matchQuoteSteps(prepared, h, options.match));
    const outcome: AnchorOutcome =
      result.status === 'anchored'
        ? {
            id: h.id,
            status: 'anchored',
            range: rangeFromOffsets(map, result.start, result.end),
            start: result.start,
            end: result.end,
            method: result.method,
            score: result.score,
          }
        : { id: h.id, status: 'orphan', reason: result.reason };
    outcomes.push(outcome);
    onOutcome?.(outcome, index);
    if (now() - sliceStart >= budget) await pause();
  }
  onSlice?.(now() - sliceStart);
  return outcomes;
}

/**
 * Selectors for a DOM range (e.g. the reader's selection) inside the article body. Returns null when
 * the range covers no article text (only whitespace, or only a skipped promo block).
 */
export function describeRange(map: TextMap, range: Range, options: DescribeOptions = {}): Required<AnchorSelectors> | null {
  const { start, end } = offsetsFromRange(map, range);
  if (start >= end) return null;
  try {
    return describe(map.text, start, end, options);
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}
