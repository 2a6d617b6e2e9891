/**
 * Search as you type runs the query once the reader pauses, not on every key: a query over 10,000
 * highlights fits in a frame, but re-rendering the list for each of the pinyin keystrokes that make
 * one Chinese word would not be smooth.
 */
export const SEARCH_DELAY_MS = 150;

export interface Debounced<A extends unknown[]> {
  (...args: A): void;
  /** Runs a pending call now (Enter in the search box). */
  flush(): void;
  /** Drops a pending call (the component went away). */
  cancel(): void;
}

export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number = SEARCH_DELAY_MS): Debounced<A> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: A | undefined;
  const run = () => {
    timer = undefined;
    const args = pending;
    pending = undefined;
    if (args) fn(...args);
  };
  const debounced = (...args: A) => {
    pending = args;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(run, ms);
  };
  debounced.flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    run();
  };
  debounced.cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    pending = undefined;
  };
  return debounced;
}
