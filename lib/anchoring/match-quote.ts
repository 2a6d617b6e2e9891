/**
 * Find where a stored quote is in a (possibly edited) text, or say honestly that it is nowhere.
 *
 * Pure text, no DOM. The order, and why:
 * 1. Exact occurrences of the quote on the normalised text (whitespace / punctuation-width edits
 *    cost nothing). Several occurrences are told apart by their prefix/suffix; a clear winner with
 *    good context ends the search here — this is the common case and costs one `indexOf` pass.
 * 2. Fuzzy: `approx-string-match` around the position hint first, the whole text only if that finds
 *    nothing convincing. Candidates are scored like hypothesis/client does (quote 50, prefix 20,
 *    suffix 20, position 2) and must reach `minFit`.
 * 3. Throughout, the figures rule (`figures.ts`) vetoes any candidate whose numbers differ (a context
 *    side that reads the same with other figures counts as no context agreement), and a
 *    runner-up within `ambiguityMargin` of the winner makes the result an orphan ('ambiguous')
 *    unless the position hint points at one of them unmistakably. An orphan is shown to the reader;
 *    a highlight on the wrong sentence is silently wrong, so every doubt resolves to orphan.
 *
 * The work is a generator (`matchQuoteSteps`) so `anchor.ts` can pause it between bounded steps;
 * `matchQuote` runs it to the end for callers that do not need slicing.
 */
import { approxRounds, type Span } from './approx-rounds';
import { alignedFiguresAgree, figuresAgree } from './figures';
import { normalize, prepareText, toNormOffset, toOriginalRange, type PreparedText } from './normalize';
import type { AnchorSelectors, TextQuoteSelector } from './selectors';

export type AnchorMethod = 'exact' | 'position' | 'fuzzy';
export type OrphanReason = 'not-found' | 'ambiguous' | 'figures-differ' | 'low-score';

export type MatchResult =
  { status: 'anchored'; start: number; end: number; method: AnchorMethod; score: number } | { status: 'orphan'; reason: OrphanReason };

export interface MatchOptions {
  /**
   * Least fit (quote and context similarity, 0..1, position excluded) to accept a place. Default
   * 0.75: an exact quote needs a bit under half its context, an edited one more. Short quotes are
   * the danger — "2.4万亿元" also occurs in the summary paragraph — and context is what tells them
   * apart; a real in-place edit or a moved paragraph keeps at least one side of its context.
   */
  minFit?: number;
  /** Fit above which a place found near the hint is taken without searching the whole text. Default 0.85. */
  strongFit?: number;
  /** Two places whose fits differ by less than this are "about equal". Default 0.02 (≈ 3 context characters). */
  ambiguityMargin?: number;
  /** Most edits allowed in a fuzzy match, as a share of the quote's length. Default 0.3. */
  maxErrorRatio?: number;
  /** A unique exact quote at least this long (normalised) is accepted even with changed context. Default 32. */
  longQuote?: number;
  /** Characters searched on each side of the position hint before trying the whole text. Default 2048. */
  window?: number;
  /**
   * Equal places: the hint decides only if one is within this many characters of it and every other
   * is at least twice this much farther away — i.e. a hint that has drifted by less than this cannot
   * point at the wrong one. Default 64.
   */
  positionTolerance?: number;
  /** Rounds of "next best place" per searched region. Default 6. */
  maxRounds?: number;
}

const DEFAULTS: Required<MatchOptions> = {
  minFit: 0.75,
  strongFit: 0.85,
  ambiguityMargin: 0.02,
  maxErrorRatio: 0.3,
  longQuote: 32,
  window: 2048,
  positionTolerance: 64,
  maxRounds: 6,
};

// Weights from hypothesis/client: the quote dominates, context decides between look-alikes, and
// position is only a tie-breaker (and is kept out of `fit`, see `decide`).
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const FIT_MAX = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT;

/** Evaluating a round's places is cheap, but a pathological round could list thousands. */
const MAX_PLACES_PER_ROUND = 256;
/** Pause this often while scoring many places (a common phrase, a template-heavy page). */
const EVALUATIONS_PER_STEP = 16;

interface Candidate {
  /** Normalised offsets. */
  ns: number;
  ne: number;
  /** Original offsets. */
  start: number;
  end: number;
  errors: number;
  /** Quote and context similarity, 0..1: what decides between places. */
  fit: number;
  /** `fit` plus position proximity, 0..1: reported to the caller. */
  score: number;
  figuresOk: boolean;
}

interface Query {
  prepared: PreparedText;
  quote: TextQuoteSelector;
  exactN: string;
  prefixN: string;
  suffixN: string;
  /** Expected start in original coordinates, when a position selector was stored. */
  hint: number | undefined;
  opts: Required<MatchOptions>;
}

/**
 * Similarity 0..1 of stored context to the text actually next to a candidate: one minus the edit
 * distance of the best approximate occurrence of `stored` in `actual`, per stored character.
 *
 * Both strings are ~32 characters, so a plain dynamic-programming table is faster than a call into
 * `approx-string-match`, which would also reverse strings to find match starts we do not need.
 */
function contextSimilarity(stored: string, actual: string): number {
  // Stored context is empty only at the very start/end of the article: nothing to contradict.
  if (stored.length === 0) return 1;
  if (actual.length === 0) return 0;
  const m = stored.length;
  // prev[i] = edits to match stored[0, i) ending at the current position in `actual`.
  let prev = new Int32Array(m + 1);
  let curr = new Int32Array(m + 1);
  for (let i = 0; i <= m; i += 1) prev[i] = i;
  let best = m;
  for (let j = 1; j <= actual.length; j += 1) {
    curr[0] = 0; // a match may start anywhere in `actual`
    const a = actual.charCodeAt(j - 1);
    for (let i = 1; i <= m; i += 1) {
      const substitute = (prev[i - 1] ?? 0) + (stored.charCodeAt(i - 1) === a ? 0 : 1);
      curr[i] = Math.min(substitute, (prev[i] ?? 0) + 1, (curr[i - 1] ?? 0) + 1);
    }
    best = Math.min(best, curr[m] ?? m);
    [prev, curr] = [curr, prev];
  }
  return 1 - best / m;
}

function evaluate(q: Query, ns: number, ne: number, errors: number): Candidate {
  const { prepared, quote } = q;
  const { text, norm } = prepared;
  const { start, end } = toOriginalRange(prepared, ns, ne);
  const actual = {
    prefix: text.slice(Math.max(0, start - quote.prefix.length), start),
    exact: text.slice(start, end),
    suffix: text.slice(end, end + quote.suffix.length),
  };
  const figuresOk = figuresAgree(quote, actual);
  const quoteSim = Math.max(0, 1 - errors / q.exactN.length);
  // A context side that says the same words with other figures is a look-alike's, not this
  // passage's edited context: it counts as no agreement at all (figures.ts, alignedFiguresAgree).
  const prefixSim = alignedFiguresAgree(quote.prefix, actual.prefix, 'prefix')
    ? contextSimilarity(q.prefixN, norm.slice(Math.max(0, ns - q.prefixN.length), ns))
    : 0;
  const suffixSim = alignedFiguresAgree(quote.suffix, actual.suffix, 'suffix')
    ? contextSimilarity(q.suffixN, norm.slice(ne, ne + q.suffixN.length))
    : 0;
  const raw = QUOTE_WEIGHT * quoteSim + PREFIX_WEIGHT * prefixSim + SUFFIX_WEIGHT * suffixSim;
  const posSim = q.hint === undefined ? 1 : 1 - Math.abs(start - q.hint) / Math.max(1, text.length);
  return {
    ns,
    ne,
    start,
    end,
    errors,
    fit: raw / FIT_MAX,
    score: (raw + POSITION_WEIGHT * posSim) / (FIT_MAX + POSITION_WEIGHT),
    figuresOk,
  };
}

type Decision = (MatchResult & { status: 'orphan' }) | { status: 'anchored'; best: Candidate; method: AnchorMethod };

function overlapsMuch(a: { ns: number; ne: number }, b: { start: number; end: number }): boolean {
  const overlap = Math.min(a.ne, b.end) - Math.max(a.ns, b.start);
  return overlap > 0 && overlap * 2 >= Math.min(a.ne - a.ns, b.end - b.start);
}

/** Choose among the candidates found so far, or say why none can be chosen. */
function decide(q: Query, candidates: readonly Candidate[]): Decision {
  const { opts } = q;
  const ok = candidates.filter((c) => c.figuresOk).sort((a, b) => b.fit - a.fit || b.score - a.score);
  const best = ok[0];
  // Candidates that exist but all differ in figures are look-alikes: say so, it explains the orphan.
  if (!best) return { status: 'orphan', reason: candidates.length > 0 ? 'figures-differ' : 'not-found' };
  const uniqueLongExact = best.errors === 0 && q.exactN.length >= opts.longQuote && ok.filter((c) => c.errors === 0).length === 1;
  if (best.fit < opts.minFit && !uniqueLongExact) return { status: 'orphan', reason: 'low-score' };

  // Position is left out of `fit` on purpose: with hypothesis-style weights, two identical
  // sentences at opposite ends of a long article would otherwise differ by more than the margin
  // on position alone, and the hint would quietly decide what should be an explicit check.
  const tied = ok.filter((c) => best.fit - c.fit < opts.ambiguityMargin);
  if (tied.length === 1) return { status: 'anchored', best, method: best.errors === 0 ? 'exact' : 'fuzzy' };

  if (q.hint !== undefined) {
    const hint = q.hint;
    const byDistance = [...tied].sort((a, b) => Math.abs(a.start - hint) - Math.abs(b.start - hint));
    const nearest = byDistance[0];
    const tol = opts.positionTolerance;
    if (
      nearest &&
      Math.abs(nearest.start - hint) <= tol &&
      byDistance.slice(1).every((c) => Math.abs(c.start - hint) > Math.abs(nearest.start - hint) + 2 * tol)
    ) {
      return { status: 'anchored', best: nearest, method: 'position' };
    }
  }
  return { status: 'orphan', reason: 'ambiguous' };
}

function toResult(d: Decision): MatchResult {
  if (d.status === 'orphan') return d;
  return { status: 'anchored', start: d.best.start, end: d.best.end, method: d.method, score: d.best.score };
}

/** Fit of the best figure-consistent candidate so far (0 when there is none). */
function bestFit(candidates: readonly Candidate[]): number {
  let best = 0;
  for (const c of candidates) if (c.figuresOk && c.fit > best) best = c.fit;
  return best;
}

/**
 * Most quote errors a further candidate may have and still matter: it must be able to reach
 * `max(minFit, best) - margin` even with perfect context.
 */
function errorCap(q: Query, candidates: readonly Candidate[], hardCap: number): number {
  const threshold = Math.max(q.opts.minFit, bestFit(candidates)) - q.opts.ambiguityMargin;
  const needQuoteSim = (threshold * FIT_MAX - PREFIX_WEIGHT - SUFFIX_WEIGHT) / QUOTE_WEIGHT;
  const cap = Math.floor(q.exactN.length * (1 - needQuoteSim) + 1e-9);
  return Math.min(hardCap, cap);
}

/** Search `[from, to)` round by round, adding new places to `candidates`. */
function* searchRegion(q: Query, candidates: Candidate[], from: number, to: number, hardCap: number): Generator<void, void, void> {
  const rounds = approxRounds(q.prepared.norm, q.exactN, from, to, () => errorCap(q, candidates, hardCap), q.opts.maxRounds);
  for (const spans of rounds) {
    yield* addSpans(q, candidates, spans);
    yield;
  }
}

function* addSpans(q: Query, candidates: Candidate[], spans: readonly Span[]): Generator<void, void, void> {
  let evaluated = 0;
  for (const span of spans.slice(0, MAX_PLACES_PER_ROUND)) {
    const same = candidates.findIndex((c) => overlapsMuch(c, span));
    // The same place seen again: keep the better reading of it (a match cut off at the end of one
    // search chunk is found whole, with fewer errors, in the next).
    if (same >= 0 && (candidates[same]?.errors ?? 0) <= span.errors) continue;
    const candidate = evaluate(q, span.start, span.end, span.errors);
    if (same >= 0) candidates[same] = candidate;
    else candidates.push(candidate);
    evaluated += 1;
    if (evaluated % EVALUATIONS_PER_STEP === 0) yield;
  }
}

function makeQuery(text: string | PreparedText, selectors: AnchorSelectors, options: MatchOptions): Query {
  const prepared = typeof text === 'string' ? prepareText(text) : text;
  const { quote, position } = selectors;
  return {
    prepared,
    quote,
    exactN: normalize(quote.exact),
    prefixN: normalize(quote.prefix),
    suffixN: normalize(quote.suffix),
    hint: position ? Math.max(0, Math.min(prepared.text.length, position.start)) : undefined,
    opts: { ...DEFAULTS, ...options },
  };
}

/**
 * The matcher as a sequence of bounded steps. Each `yield` is a safe pause point; the generator's
 * return value is the result. Pass a `PreparedText` when anchoring many quotes in one text, so the
 * normalisation is done once.
 */
export function* matchQuoteSteps(
  text: string | PreparedText,
  selectors: AnchorSelectors,
  options: MatchOptions = {},
): Generator<void, MatchResult, void> {
  const q = makeQuery(text, selectors, options);
  const { norm } = q.prepared;
  const { exactN, opts } = q;
  if (exactN.length === 0 || norm.length === 0) return { status: 'orphan', reason: 'not-found' };

  // 1. Exact occurrences (on normalised text).
  const candidates: Candidate[] = [];
  for (let at = norm.indexOf(exactN); at !== -1; at = norm.indexOf(exactN, at + 1)) {
    candidates.push(evaluate(q, at, at + exactN.length, 0));
    if (candidates.length % EVALUATIONS_PER_STEP === 0) yield;
  }
  const exact = decide(q, candidates);
  if (exact.status === 'anchored' && (exact.best.fit >= opts.strongFit || exactN.length >= opts.longQuote)) return toResult(exact);
  // Equal places with strong context: a fuzzy place cannot beat them by the margin.
  if (exact.status === 'orphan' && exact.reason === 'ambiguous' && bestFit(candidates) >= opts.strongFit) return toResult(exact);

  // 2. Fuzzy. Quotes of three characters or fewer get no edits at all: one character off in
  // "医保局" is a different phrase, not an edited one.
  const hardCap = Math.min(256, Math.floor(exactN.length * opts.maxErrorRatio));
  if (hardCap < 1) return toResult(exact);

  if (q.hint !== undefined && norm.length > 2 * opts.window + exactN.length) {
    const hintN = toNormOffset(q.prepared, q.hint);
    yield* searchRegion(q, candidates, hintN - opts.window, hintN + exactN.length + opts.window, hardCap);
    const near = decide(q, candidates);
    if (near.status === 'anchored' && near.best.fit >= opts.strongFit) return toResult(near);
  }
  yield* searchRegion(q, candidates, 0, norm.length, hardCap);
  return toResult(decide(q, candidates));
}

/** Run `matchQuoteSteps` to the end in one go. */
export function matchQuote(text: string | PreparedText, selectors: AnchorSelectors, options: MatchOptions = {}): MatchResult {
  const steps = matchQuoteSteps(text, selectors, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
