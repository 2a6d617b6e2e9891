/**
 * What the reader's highlights on one page should be after something happened, decided without the
 * page: `step(state, event)` returns the next state and the effects the DOM shell
 * (lib/contexts/article-view/highlights/controller.ts) performs — anchor these, paint, unpaint or repaint those,
 * report this failure. Pure: no DOM, no browser API, no clock, no mutation of its input; it runs
 * (and is tested) anywhere.
 *
 * The events come from four places: the stored list (first load, and again after every change
 * broadcast from any tab or the panel), a highlight saved or removed here, the page changing under
 * anchored text (late content), and anchoring runs finishing or failing. Runs are asynchronous and
 * may finish in any order, and so may list requests; the core decides which results still count:
 *
 * - an anchoring run's outcome for a highlight applies only if the highlight still exists with the
 *   quote and position the run was asked with, and no newer run's outcome was applied to it already
 *   (an older run finishing after a newer one read an older page);
 * - a list reply older than one already taken in is dropped, and a list asked before a highlight was
 *   saved or removed here leaves that highlight alone (the broadcast that change starts brings a
 *   newer list);
 * - a finished run, list or removal delivered twice changes nothing the second time.
 *
 * `A` is whatever the shell keeps for an anchored highlight (its live Range); the core only reads
 * its id and start.
 */
import type { HighlightToAnchor, OrphanReason } from '../anchoring';
import type { HighlightRecord } from '../db/schema';
import type { ErrorCode } from '../i18n/error-messages';
import { palette, type PaletteEntry } from './colors';

export type HighlightStatus = 'anchored' | 'orphan' | 'pending';

/** One highlight as the panel lists it. */
export interface PageHighlight {
  id: string;
  color: string;
  note: string;
  tags: string[];
  quote: string;
  status: HighlightStatus;
  /** Where it is in the page text now (anchored), else where it was when made: reading order. */
  start: number;
  reason?: OrphanReason;
  createdAt: string;
}

export interface HighlightsView {
  /** False until the stored highlights were loaded and a first anchoring pass ran. */
  loaded: boolean;
  /** The highlights could not be loaded: why. */
  error?: string;
  /** Whether they are painted in the page; the panel says so when not. */
  painted: boolean;
  palette: PaletteEntry[];
  /** Reading order, orphans included (the panel lists them apart). */
  items: PageHighlight[];
  /** The reader asked, in the page, to write this highlight's note: the panel opens its note box (`seq` tells requests apart). */
  editRequest?: { id: string; seq: number };
}

/** What the core needs of an anchored highlight; the shell's carries the Range too. */
export interface Placed {
  id: string;
  start: number;
}

export type Placement<A> = { status: 'pending' } | { status: 'anchored'; at: A } | { status: 'orphan'; reason: OrphanReason };

export interface Tracked<A> {
  record: HighlightRecord;
  /** anchorKey(record): what anchoring depends on. */
  key: string;
  place: Placement<A>;
  /** The newest run whose outcome was applied to this highlight (0: none yet). */
  appliedRun: number;
}

/** Why a run was started: a run for late content reports its failure without hiding the list. */
export type RunCause = 'list' | 'saved' | 'late';

export interface RunAsk {
  cause: RunCause;
  /** Each highlight asked, with its anchorKey at the time. */
  keys: ReadonlyMap<string, string>;
}

export interface HighlightState<A extends Placed> {
  highlights: ReadonlyMap<string, Tracked<A>>;
  colorRenames: Readonly<Record<string, string>>;
  /** The list was taken in (or failed) and the runs it started finished. */
  loaded: boolean;
  /** What the panel shows instead of the list: the list or its anchoring failed. */
  error?: string;
  /** Runs started and not finished yet. */
  runs: ReadonlyMap<number, RunAsk>;
  lastRun: number;
  /** The newest list request whose reply (or failure) was taken in. */
  lastList: number;
  /** Highlights saved or removed here, with the newest list request asked before: older lists leave them alone. */
  local: ReadonlyMap<string, number>;
}

export type OrphanOutcome = { id: string; reason: OrphanReason };

export type HighlightEvent<A extends Placed> =
  /** The stored highlights, as replied to list request `seq` (requests are numbered from 1). */
  | { type: 'listed'; seq: number; list: { highlights: readonly HighlightRecord[]; colorRenames: Readonly<Record<string, string>> } }
  | { type: 'list-failed'; seq: number; error: string }
  /** Created or re-attached here; `seq` is the newest list request asked so far. */
  | { type: 'saved'; seq: number; record: HighlightRecord }
  /** Deleted here; `seq` as for `saved`. */
  | { type: 'removed'; seq: number; id: string }
  /** The page changed: anchor again the orphans and the anchored highlights in `stale` (their text was replaced). */
  | { type: 'retry'; stale: readonly string[] }
  | { type: 'anchored'; run: number; anchored: readonly A[]; orphans: readonly OrphanOutcome[] }
  | { type: 'anchor-failed'; run: number; error: string };

export type HighlightEffect<A extends Placed> =
  | { type: 'anchor'; run: number; cause: RunCause; highlights: HighlightToAnchor[] }
  | { type: 'paint'; id: string; at: A; color: string; hasNote: boolean }
  /** Take the boxes off; `gone`: the highlight no longer exists (close what shows it). */
  | { type: 'unpaint'; id: string; gone: boolean }
  | { type: 'repaint'; id: string; color: string; hasNote: boolean; quote: string }
  | { type: 'palette'; palette: PaletteEntry[] }
  | { type: 'report'; code: ErrorCode; error: string };

export interface Step<A extends Placed> {
  state: HighlightState<A>;
  effects: HighlightEffect<A>[];
}

export function initialState<A extends Placed>(): HighlightState<A> {
  return { highlights: new Map(), colorRenames: {}, loaded: false, runs: new Map(), lastRun: 0, lastList: 0, local: new Map() };
}

/** What anchoring depends on: a highlight whose key changed (re-attached) must be anchored again. */
export function anchorKey(r: HighlightRecord): string {
  return JSON.stringify([r.quote.exact, r.quote.prefix, r.quote.suffix, r.position.start, r.position.end]);
}

function toAnchor(r: HighlightRecord): HighlightToAnchor {
  return { id: r.id, quote: r.quote, position: r.position };
}

const hasNote = (r: HighlightRecord) => r.note !== '';

export function step<A extends Placed>(state: HighlightState<A>, event: HighlightEvent<A>): Step<A> {
  switch (event.type) {
    case 'listed':
      return listed(state, event.seq, event.list);
    case 'list-failed': {
      if (event.seq < state.lastList) return { state, effects: [] };
      const code: ErrorCode = state.loaded ? 'highlight.refresh-failed' : 'highlight.load-failed';
      return {
        state: { ...state, lastList: event.seq, loaded: true, error: event.error },
        effects: [{ type: 'report', code, error: event.error }],
      };
    }
    case 'saved':
      return saved(state, event.seq, event.record);
    case 'removed': {
      const local = new Map(state.local).set(event.id, event.seq);
      if (!state.highlights.has(event.id)) return { state: { ...state, local }, effects: [] };
      const highlights = new Map(state.highlights);
      highlights.delete(event.id);
      return { state: { ...state, highlights, local }, effects: [{ type: 'unpaint', id: event.id, gone: true }] };
    }
    case 'retry':
      return retry(state, event.stale);
    case 'anchored':
      return anchored(state, event);
    case 'anchor-failed': {
      const ask = state.runs.get(event.run);
      if (!ask) return { state, effects: [] };
      const runs = new Map(state.runs);
      runs.delete(event.run);
      if (ask.cause === 'late') {
        return { state: { ...state, runs }, effects: [{ type: 'report', code: 'highlight.reanchor-failed', error: event.error }] };
      }
      return {
        state: { ...state, runs, loaded: true, error: event.error },
        effects: [{ type: 'report', code: 'highlight.anchor-failed', error: event.error }],
      };
    }
  }
}

/** Starts a run for `records`, if any: the ask is kept to judge its outcome when it finishes. */
function startRun<A extends Placed>(state: HighlightState<A>, cause: RunCause, records: readonly HighlightRecord[]): Step<A> {
  if (records.length === 0) return { state, effects: [] };
  const run = state.lastRun + 1;
  const runs = new Map(state.runs);
  // The late-content watcher aborts its pass when a newer one starts: that pass will never report.
  if (cause === 'late') for (const [id, ask] of runs) if (ask.cause === 'late') runs.delete(id);
  runs.set(run, { cause, keys: new Map(records.map((r) => [r.id, anchorKey(r)])) });
  return { state: { ...state, runs, lastRun: run }, effects: [{ type: 'anchor', run, cause, highlights: records.map(toAnchor) }] };
}

/** Takes in the stored list: drops the deleted, repaints the edited, anchors the new and re-attached. */
function listed<A extends Placed>(
  state: HighlightState<A>,
  seq: number,
  list: Extract<HighlightEvent<A>, { type: 'listed' }>['list'],
): Step<A> {
  if (seq < state.lastList) return { state, effects: [] };
  const effects: HighlightEffect<A>[] = [];
  const before = palette(state.colorRenames);
  const after = palette(list.colorRenames);
  if (!state.loaded || JSON.stringify(before) !== JSON.stringify(after)) effects.push({ type: 'palette', palette: after });

  // A change made here after this list was asked is not in it: leave that highlight as it is.
  const heldBack = (id: string) => (state.local.get(id) ?? -1) >= seq;
  const local = new Map([...state.local].filter(([, asked]) => asked >= seq));
  const incoming = new Map(list.highlights.map((r) => [r.id, r]));
  const highlights = new Map(state.highlights);
  for (const id of state.highlights.keys()) {
    if (incoming.has(id) || heldBack(id)) continue;
    highlights.delete(id);
    effects.push({ type: 'unpaint', id, gone: true });
  }
  const toAnchor: HighlightRecord[] = [];
  for (const [id, next] of incoming) {
    if (heldBack(id)) continue;
    const prev = highlights.get(id);
    const key = anchorKey(next);
    highlights.set(id, { record: next, key, place: prev?.place ?? { status: 'pending' }, appliedRun: prev?.appliedRun ?? 0 });
    if (!prev || prev.key !== key) toAnchor.push(next);
    else if (prev.record.color !== next.color || prev.record.note !== next.note) {
      effects.push({ type: 'repaint', id, color: next.color, hasNote: hasNote(next), quote: next.quote.exact });
    }
  }
  const { error: _cleared, ...rest } = state;
  const taken: HighlightState<A> = { ...rest, highlights, local, colorRenames: { ...list.colorRenames }, lastList: seq };
  const started = startRun(taken, 'list', toAnchor);
  // Loaded now, or once the run it started finishes.
  const done = toAnchor.length === 0 ? { ...started.state, loaded: true } : started.state;
  return { state: done, effects: [...effects, ...started.effects] };
}

function saved<A extends Placed>(state: HighlightState<A>, seq: number, record: HighlightRecord): Step<A> {
  const prev = state.highlights.get(record.id);
  const key = anchorKey(record);
  const highlights = new Map(state.highlights).set(record.id, {
    record,
    key,
    place: prev?.place ?? { status: 'pending' },
    appliedRun: prev?.appliedRun ?? 0,
  });
  const local = new Map(state.local).set(record.id, seq);
  const next = { ...state, highlights, local };
  if (!prev || prev.key !== key) return startRun(next, 'saved', [record]);
  if (prev.record.color === record.color && prev.record.note === record.note) return { state: next, effects: [] };
  return {
    state: next,
    effects: [{ type: 'repaint', id: record.id, color: record.color, hasNote: hasNote(record), quote: record.quote.exact }],
  };
}

function retry<A extends Placed>(state: HighlightState<A>, stale: readonly string[]): Step<A> {
  const staleIds = new Set(stale);
  const pending = [...state.highlights.values()]
    .filter((t) => t.place.status === 'orphan' || (t.place.status === 'anchored' && staleIds.has(t.record.id)))
    .map((t) => t.record);
  return startRun(state, 'late', pending);
}

function anchored<A extends Placed>(state: HighlightState<A>, event: Extract<HighlightEvent<A>, { type: 'anchored' }>): Step<A> {
  const ask = state.runs.get(event.run);
  if (!ask) return { state, effects: [] };
  const runs = new Map(state.runs);
  runs.delete(event.run);
  const highlights = new Map(state.highlights);
  const effects: HighlightEffect<A>[] = [];
  // Still as the run was asked (not deleted, not re-attached since), and no newer run applied already.
  const current = (id: string) => {
    const t = highlights.get(id);
    return t !== undefined && ask.keys.get(id) === t.key && event.run > t.appliedRun ? t : undefined;
  };
  for (const a of event.anchored) {
    const t = current(a.id);
    if (!t) continue;
    highlights.set(a.id, { ...t, place: { status: 'anchored', at: a }, appliedRun: event.run });
    effects.push({ type: 'paint', id: a.id, at: a, color: t.record.color, hasNote: hasNote(t.record) });
  }
  for (const o of event.orphans) {
    const t = current(o.id);
    if (!t) continue;
    highlights.set(o.id, { ...t, place: { status: 'orphan', reason: o.reason }, appliedRun: event.run });
    if (t.place.status === 'anchored') effects.push({ type: 'unpaint', id: o.id, gone: false });
  }
  return { state: { ...state, highlights, runs, loaded: state.loaded || ask.cause !== 'late' }, effects };
}

/** Steps through several events (tests, and a shell replaying what arrived together). */
export function stepAll<A extends Placed>(state: HighlightState<A>, events: readonly HighlightEvent<A>[]): Step<A> {
  const effects: HighlightEffect<A>[] = [];
  for (const event of events) {
    const next = step(state, event);
    state = next.state;
    effects.push(...next.effects);
  }
  return { state, effects };
}

/** The panel's view of the highlights: reading order, orphans included. */
export function viewOf<A extends Placed>(
  state: HighlightState<A>,
  extra: { painted: boolean; editRequest?: HighlightsView['editRequest'] },
): HighlightsView {
  const items: PageHighlight[] = [...state.highlights.values()].map(({ record: r, place }) => ({
    id: r.id,
    color: r.color,
    note: r.note,
    tags: r.tags,
    quote: r.quote.exact,
    status: place.status,
    start: place.status === 'anchored' ? place.at.start : r.position.start,
    ...(place.status === 'orphan' ? { reason: place.reason } : {}),
    createdAt: r.createdAt,
  }));
  items.sort((x, y) => x.start - y.start || x.createdAt.localeCompare(y.createdAt) || x.id.localeCompare(y.id));
  return {
    loaded: state.loaded,
    ...(state.error ? { error: state.error } : {}),
    ...(extra.editRequest ? { editRequest: extra.editRequest } : {}),
    painted: extra.painted,
    palette: palette(state.colorRenames),
    items,
  };
}
