/**
 * Candidate places for a quote by edit distance, best first, in bounded steps.
 *
 * `approx-string-match` (Myers' bit-parallel algorithm) reports only the matches with the lowest
 * error count. To see the runner-up — which is what tells a real match from a look-alike — each
 * round masks the places already found and searches again, so round k yields the k-th best distinct
 * places. The caller scores each round and can lower the error cap for the next one (nothing worse
 * could still matter), which both prunes work and ends the search early.
 *
 * Long texts are searched in overlapping chunks so that one step never scans more than `CHUNK`
 * characters; the generator yields after every round so a scheduler can slice the work.
 */
import approxSearch from 'approx-string-match';

export interface Span {
  /** Normalised-text offsets. */
  start: number;
  end: number;
  errors: number;
}

/**
 * Characters searched per step. The scan itself is fast (well under a millisecond for 8K), but the
 * library then finds the start of every equally good match by reverse search, and on a page of
 * template paragraphs a round can list hundreds; a smaller chunk keeps each step short.
 */
export const CHUNK = 8_192;

/** A character that never occurs in normalised article text, used to blank out found places. */
const MASK = '\uffff';

function mask(text: string, spans: readonly Span[]): string {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const s of sorted) {
    const start = Math.max(at, s.start);
    if (s.end <= start) continue;
    out += text.slice(at, start) + MASK.repeat(s.end - start);
    at = s.end;
  }
  return out + text.slice(at);
}

/**
 * Myers reports one match per end position, so one place shows up as a run of overlapping matches
 * (ending one character apart). Collapse each run to the match whose length is closest to the
 * pattern's, and remember the union so the whole place gets masked.
 */
function groupOverlapping(matches: readonly Span[], patternLength: number): { best: Span; union: Span }[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || a.end - b.end);
  const groups: { best: Span; union: Span }[] = [];
  for (const m of sorted) {
    const last = groups[groups.length - 1];
    if (last && m.start < last.union.end) {
      last.union = { start: last.union.start, end: Math.max(last.union.end, m.end), errors: last.union.errors };
      const d = Math.abs(m.end - m.start - patternLength);
      const dBest = Math.abs(last.best.end - last.best.start - patternLength);
      if (d < dBest) last.best = m;
    } else {
      groups.push({ best: m, union: { ...m } });
    }
  }
  return groups;
}

/**
 * Yield rounds of distinct candidate spans for `pattern` in `norm[from, to)`, each round no better
 * than the one before. `cap()` is read before every round: the largest error count still worth
 * finding (negative to stop).
 */
export function* approxRounds(
  norm: string,
  pattern: string,
  from: number,
  to: number,
  cap: () => number,
  maxRounds: number,
): Generator<Span[], void, void> {
  if (pattern.length === 0) return;
  const lo = Math.max(0, from);
  const hi = Math.min(norm.length, to);
  for (let chunkStart = lo; chunkStart < hi; chunkStart += CHUNK) {
    // Overlap chunks by a pattern length plus slack so a match across the seam is found whole.
    const chunkEnd = Math.min(hi, chunkStart + CHUNK + pattern.length * 2);
    let text = norm.slice(chunkStart, chunkEnd);
    for (let round = 0; round < maxRounds; round += 1) {
      const maxErrors = Math.min(cap(), pattern.length);
      if (maxErrors < 0) break;
      const found = approxSearch(text, pattern, maxErrors);
      if (found.length === 0) break;
      const groups = groupOverlapping(found, pattern.length);
      text = mask(
        text,
        groups.map((g) => g.union),
      );
      yield groups.map((g) => ({ start: g.best.start + chunkStart, end: g.best.end + chunkStart, errors: g.best.errors }));
    }
    if (chunkEnd >= hi) break;
  }
}
