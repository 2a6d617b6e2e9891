/** Small timing helpers shared by the suites: median and p95 of repeated runs, in milliseconds. */
export function summarize(samples: number[]): { median: number; p95: number; min: number; runs: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { median: round(at(0.5)), p95: round(at(0.95)), min: round(sorted[0] ?? NaN), runs: sorted.length };
}

export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times measured. */
export async function timeRuns(fn: () => unknown, runs = 20, warmup = 3): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return samples;
}
