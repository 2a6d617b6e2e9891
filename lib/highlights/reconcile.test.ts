/**
 * The highlight core without a page: each case feeds events to `step` and checks the effects it asks
 * for and the view it leaves. Anchored highlights are plain `{ id, start }` here (the shell's carry a
 * Range).
 */
import { describe, expect, it } from 'vitest';
import type { HighlightRecord } from '../db/schema';
import {
  anchorKey,
  initialState,
  step,
  stepAll,
  viewOf,
  type HighlightEffect,
  type HighlightEvent,
  type HighlightState,
  type Placed,
} from './reconcile';

type A = Placed & { tag?: string };
type State = HighlightState<A>;
type Event = HighlightEvent<A>;

function record(id: string, start: number, extra: Partial<HighlightRecord> = {}): HighlightRecord {
  const exact = `quote ${id}`;
  return {
    id,
    articleKey: 'sina:abc',
    url: 'https://finance.sina.com.cn/a.shtml',
    title: 'T',
    quote: { type: 'TextQuoteSelector', exact, prefix: 'p', suffix: 's' },
    position: { type: 'TextPositionSelector', start, end: start + exact.length },
    color: 'yellow',
    note: '',
    tags: [],
    createdAt: `2024-01-01T00:00:0${start % 10}Z`,
    updatedAt: '2024-01-01T00:00:00Z',
    ...extra,
  };
}

const list = (seq: number, highlights: HighlightRecord[], colorRenames: Record<string, string> = {}): Event => ({
  type: 'listed',
  seq,
  list: { highlights, colorRenames },
});
const at = (id: string, start: number): A => ({ id, start });

function of<T extends HighlightEffect<A>['type']>(effects: HighlightEffect<A>[], type: T): Extract<HighlightEffect<A>, { type: T }>[] {
  return effects.filter((e): e is Extract<HighlightEffect<A>, { type: T }> => e.type === type);
}
const runOf = (effects: HighlightEffect<A>[]) => {
  const runs = of(effects, 'anchor');
  expect(runs).toHaveLength(1);
  return runs[0]!;
};
const view = (s: State) => viewOf(s, { painted: true });
const statusOf = (s: State) => Object.fromEntries(view(s).items.map((i) => [i.id, i.status]));

/** A page with `a` (anchored at 10) and `b` (orphan), loaded from list 1 by run 1. */
function loaded(): State {
  return stepAll(initialState<A>(), [
    list(1, [record('a', 10), record('b', 50)]),
    { type: 'anchored', run: 1, anchored: [at('a', 12)], orphans: [{ id: 'b', reason: 'not-found' }] },
  ]).state;
}

describe('loading the stored highlights', () => {
  it('anchors every stored highlight in one run, then paints the anchored and keeps the orphans', () => {
    const first = step(initialState<A>(), list(1, [record('a', 10), record('b', 50)]));
    const run = runOf(first.effects);
    expect(run).toMatchObject({ run: 1, cause: 'list' });
    expect(run.highlights.map((h) => h.id)).toEqual(['a', 'b']);
    expect(run.highlights[0]).toEqual({ id: 'a', quote: record('a', 10).quote, position: record('a', 10).position });
    expect(of(first.effects, 'palette')).toHaveLength(1);
    expect(view(first.state).loaded).toBe(false);
    expect(statusOf(first.state)).toEqual({ a: 'pending', b: 'pending' });

    const done = step(first.state, { type: 'anchored', run: 1, anchored: [at('a', 12)], orphans: [{ id: 'b', reason: 'ambiguous' }] });
    expect(done.effects).toEqual([{ type: 'paint', id: 'a', at: at('a', 12), color: 'yellow', hasNote: false }]);
    const v = view(done.state);
    expect(v.loaded).toBe(true);
    expect(v.error).toBeUndefined();
    expect(v.items.map((i) => [i.id, i.status, i.start, i.reason])).toEqual([
      ['a', 'anchored', 12, undefined],
      ['b', 'orphan', 50, 'ambiguous'],
    ]);
  });

  it('is loaded at once when there is nothing to anchor', () => {
    const { state, effects } = step(initialState<A>(), list(1, []));
    expect(of(effects, 'anchor')).toEqual([]);
    expect(view(state)).toMatchObject({ loaded: true, items: [] });
  });

  it('lists in reading order: where anchored, else where made; then by creation and id', () => {
    const s = stepAll(initialState<A>(), [
      list(1, [
        record('late', 5, { createdAt: '2024-02-01T00:00:00Z' }),
        record('early', 5, { createdAt: '2024-01-01T00:00:00Z' }),
        record('moved', 90),
      ]),
      { type: 'anchored', run: 1, anchored: [at('moved', 1)], orphans: [] },
    ]).state;
    expect(view(s).items.map((i) => i.id)).toEqual(['moved', 'early', 'late']);
  });

  it('applies renamed colours to the palette, and says nothing when they did not change', () => {
    const s = loaded();
    const renamed = step(s, list(2, [record('a', 10), record('b', 50)], { yellow: 'Key figures' }));
    expect(of(renamed.effects, 'palette')[0]!.palette.find((p) => p.id === 'yellow')).toMatchObject({
      label: 'Key figures',
      renamed: true,
    });
    expect(view(renamed.state).palette.find((p) => p.id === 'yellow')?.label).toBe('Key figures');
    expect(step(renamed.state, list(3, [record('a', 10), record('b', 50)], { yellow: 'Key figures' })).effects).toEqual([]);
  });
});

describe('changes made here', () => {
  it('anchors a new highlight and paints it', () => {
    const made = step(loaded(), { type: 'saved', seq: 1, record: record('c', 30) });
    const run = runOf(made.effects);
    expect(run).toMatchObject({ run: 2, cause: 'saved' });
    expect(statusOf(made.state).c).toBe('pending');
    const painted = step(made.state, { type: 'anchored', run: 2, anchored: [at('c', 30)], orphans: [] });
    expect(painted.effects).toEqual([{ type: 'paint', id: 'c', at: at('c', 30), color: 'yellow', hasNote: false }]);
    expect(statusOf(painted.state).c).toBe('anchored');
  });

  it('re-attaches an orphan: the new quote is anchored and painted', () => {
    const moved = record('b', 70, { quote: { type: 'TextQuoteSelector', exact: 'elsewhere', prefix: '', suffix: '' } });
    const s = step(loaded(), { type: 'saved', seq: 1, record: moved });
    expect(runOf(s.effects).highlights.map((h) => h.quote.exact)).toEqual(['elsewhere']);
    const done = step(s.state, { type: 'anchored', run: 2, anchored: [at('b', 70)], orphans: [] });
    expect(of(done.effects, 'paint').map((p) => p.id)).toEqual(['b']);
    expect(view(done.state).items.find((i) => i.id === 'b')).toMatchObject({ status: 'anchored', start: 70 });
  });

  it('unpaints a removed highlight; the same removal twice does nothing more', () => {
    const gone = step(loaded(), { type: 'removed', seq: 1, id: 'a' });
    expect(gone.effects).toEqual([{ type: 'unpaint', id: 'a', gone: true }]);
    expect(statusOf(gone.state)).toEqual({ b: 'orphan' });
    expect(step(gone.state, { type: 'removed', seq: 1, id: 'a' }).effects).toEqual([]);
  });

  it('a list asked before a removal here does not bring the highlight back; a later list decides', () => {
    const gone = step(loaded(), { type: 'removed', seq: 1, id: 'a' }).state;
    // List 1 (asked before the removal) arrives again late, still holding a.
    const late = step(gone, list(1, [record('a', 10), record('b', 50)]));
    expect(late.effects).toEqual([]);
    expect(statusOf(late.state)).toEqual({ b: 'orphan' });
    // The undo restored it: list 2 (after the removal) has it again, and it is anchored anew.
    const restored = step(late.state, list(2, [record('a', 10), record('b', 50)]));
    expect(runOf(restored.effects).highlights.map((h) => h.id)).toEqual(['a']);
  });

  it('a list asked before a highlight was created here does not drop it', () => {
    const s = stepAll(loaded(), [
      { type: 'saved', seq: 2, record: record('c', 30) },
      { type: 'anchored', run: 2, anchored: [at('c', 30)], orphans: [] },
    ]).state;
    // List 2 was asked before the save (seq 2 = the newest list asked then): it does not know c.
    const stale = step(s, list(2, [record('a', 10), record('b', 50)]));
    expect(of(stale.effects, 'unpaint')).toEqual([]);
    expect(statusOf(stale.state).c).toBe('anchored');
    // List 3, asked after, is the truth: c was deleted in another tab meanwhile.
    const truth = step(stale.state, list(3, [record('a', 10), record('b', 50)]));
    expect(truth.effects).toEqual([{ type: 'unpaint', id: 'c', gone: true }]);
  });
});

describe('changes from another tab (the list again)', () => {
  it('repaints an edited note without anchoring again', () => {
    const { state, effects } = step(loaded(), list(2, [record('a', 10, { note: 'why it matters' }), record('b', 50)]));
    expect(effects).toEqual([{ type: 'repaint', id: 'a', color: 'yellow', hasNote: true, quote: 'quote a' }]);
    expect(view(state).items.find((i) => i.id === 'a')).toMatchObject({ note: 'why it matters', status: 'anchored', start: 12 });
  });

  it('repaints a new colour', () => {
    const { effects } = step(loaded(), list(2, [record('a', 10, { color: 'green' }), record('b', 50)]));
    expect(effects).toEqual([{ type: 'repaint', id: 'a', color: 'green', hasNote: false, quote: 'quote a' }]);
  });

  it('paints later highlights with their current colour and note', () => {
    const s = stepAll(loaded(), [list(2, [record('a', 10), record('b', 50), record('c', 30, { color: 'blue', note: 'n' })])]);
    const run = runOf(s.effects);
    const done = step(s.state, { type: 'anchored', run: run.run, anchored: [at('c', 31)], orphans: [] });
    expect(done.effects).toEqual([{ type: 'paint', id: 'c', at: at('c', 31), color: 'blue', hasNote: true }]);
  });

  it('unpaints a highlight deleted in another tab, and closes what shows it', () => {
    const { state, effects } = step(loaded(), list(2, [record('b', 50)]));
    expect(effects).toEqual([{ type: 'unpaint', id: 'a', gone: true }]);
    expect(statusOf(state)).toEqual({ b: 'orphan' });
  });

  it('anchors again a highlight re-attached in another tab; the old place stays painted until the new one is known', () => {
    const moved = record('a', 80, { quote: { type: 'TextQuoteSelector', exact: 'moved', prefix: '', suffix: '' } });
    const s = step(loaded(), list(2, [moved, record('b', 50)]));
    expect(runOf(s.effects).highlights.map((h) => h.id)).toEqual(['a']);
    expect(statusOf(s.state).a).toBe('anchored');
    const orphaned = step(s.state, { type: 'anchored', run: 2, anchored: [], orphans: [{ id: 'a', reason: 'not-found' }] });
    expect(orphaned.effects).toEqual([{ type: 'unpaint', id: 'a', gone: false }]);
    expect(view(orphaned.state).items.find((i) => i.id === 'a')).toMatchObject({ status: 'orphan', reason: 'not-found', start: 80 });
  });

  it('takes the same list twice as once', () => {
    const once = step(loaded(), list(2, [record('a', 10, { note: 'x' }), record('b', 50), record('c', 30)]));
    const twice = step(once.state, list(2, [record('a', 10, { note: 'x' }), record('b', 50), record('c', 30)]));
    expect(twice.effects).toEqual([]);
    expect(twice.state.runs.size).toBe(1);
  });

  it('drops a list reply older than one already taken in (the replies crossed)', () => {
    const newer = step(loaded(), list(3, [record('b', 50)])).state;
    const older = step(newer, list(2, [record('a', 10), record('b', 50)]));
    expect(older.effects).toEqual([]);
    expect(statusOf(older.state)).toEqual({ b: 'orphan' });
  });

  it('reports a failed refresh by its code and shows it; the next list that arrives clears it', () => {
    const failed = step(loaded(), { type: 'list-failed', seq: 2, error: 'no answer' });
    expect(failed.effects).toEqual([{ type: 'report', code: 'highlight.refresh-failed', error: 'no answer' }]);
    expect(view(failed.state)).toMatchObject({ loaded: true, error: 'no answer' });
    const back = step(failed.state, list(3, [record('a', 10), record('b', 50)]));
    expect(view(back.state).error).toBeUndefined();
    expect(back.effects).toEqual([]);
  });

  it('reports a failed first load by another code', () => {
    const { state, effects } = step(initialState<A>(), { type: 'list-failed', seq: 1, error: 'storage gone' });
    expect(effects).toEqual([{ type: 'report', code: 'highlight.load-failed', error: 'storage gone' }]);
    expect(view(state)).toMatchObject({ loaded: true, error: 'storage gone', items: [] });
  });

  it('ignores a failure of a list request older than the list already shown', () => {
    const s = step(loaded(), list(3, [record('a', 10), record('b', 50)])).state;
    const late = step(s, { type: 'list-failed', seq: 2, error: 'timeout' });
    expect(late.effects).toEqual([]);
    expect(view(late.state).error).toBeUndefined();
  });
});

describe('anchoring runs that finish late, twice or not at all', () => {
  it('drops the outcome for a highlight deleted while its run was going', () => {
    const s = stepAll(initialState<A>(), [list(1, [record('a', 10), record('b', 50)]), list(2, [record('b', 50)])]);
    const done = step(s.state, { type: 'anchored', run: 1, anchored: [at('a', 10), at('b', 50)], orphans: [] });
    expect(done.effects.map((e) => e.type === 'paint' && e.id)).toEqual(['b']);
    expect(statusOf(done.state)).toEqual({ b: 'anchored' });
  });

  it('drops the outcome for a highlight re-attached while its run was going (the newer run decides)', () => {
    const moved = record('a', 80, { quote: { type: 'TextQuoteSelector', exact: 'moved', prefix: '', suffix: '' } });
    const s = stepAll(initialState<A>(), [list(1, [record('a', 10)]), list(2, [moved])]);
    expect(s.state.runs.size).toBe(2);
    // Run 2 (the new quote) finishes first, then run 1 (the old quote) comes in.
    const newer = step(s.state, { type: 'anchored', run: 2, anchored: [at('a', 80)], orphans: [] });
    const older = step(newer.state, { type: 'anchored', run: 1, anchored: [at('a', 10)], orphans: [] });
    expect(older.effects).toEqual([]);
    expect(view(older.state).items[0]).toMatchObject({ status: 'anchored', start: 80 });
  });

  it('a note edited while a run for the same quote is going is repainted, and the run still counts', () => {
    const late = step(loaded(), { type: 'retry', stale: ['a'] });
    expect(runOf(late.effects)).toMatchObject({ run: 2, cause: 'late' });
    const noted = step(late.state, { type: 'saved', seq: 1, record: record('a', 10, { note: 'n' }) });
    expect(noted.effects).toEqual([{ type: 'repaint', id: 'a', color: 'yellow', hasNote: true, quote: 'quote a' }]);
    const done = step(noted.state, { type: 'anchored', run: 2, anchored: [at('a', 14)], orphans: [{ id: 'b', reason: 'not-found' }] });
    expect(done.effects).toEqual([{ type: 'paint', id: 'a', at: at('a', 14), color: 'yellow', hasNote: true }]);
  });

  it('drops an older run for the same quote finishing after a newer one', () => {
    const s = stepAll(initialState<A>(), [
      list(1, [record('a', 10)]),
      { type: 'anchored', run: 1, anchored: [at('a', 10)], orphans: [] },
      { type: 'retry', stale: ['a'] }, // run 2
    ]).state;
    // Run 2 was superseded by run 3 (the page changed again); both are for the same quote.
    const s3 = step(s, { type: 'retry', stale: ['a'] });
    expect(runOf(s3.effects).run).toBe(3);
    const r3 = step(s3.state, { type: 'anchored', run: 3, anchored: [at('a', 20)], orphans: [] });
    const r2 = step(r3.state, { type: 'anchored', run: 2, anchored: [at('a', 15)], orphans: [] });
    expect(r2.effects).toEqual([]);
    expect(view(r2.state).items[0]?.start).toBe(20);
  });

  it('applies an older run that finishes before a newer one (each highlight as soon as it is known)', () => {
    const s = stepAll(initialState<A>(), [list(1, [record('a', 10)]), { type: 'saved', seq: 1, record: record('b', 40) }]).state;
    const r1 = step(s, { type: 'anchored', run: 1, anchored: [at('a', 10)], orphans: [] });
    expect(of(r1.effects, 'paint').map((p) => p.id)).toEqual(['a']);
    const r2 = step(r1.state, { type: 'anchored', run: 2, anchored: [at('b', 40)], orphans: [] });
    expect(of(r2.effects, 'paint').map((p) => p.id)).toEqual(['b']);
  });

  it('takes the same finished run twice as once', () => {
    const s = step(initialState<A>(), list(1, [record('a', 10)])).state;
    const once = step(s, { type: 'anchored', run: 1, anchored: [at('a', 10)], orphans: [] });
    const twice = step(once.state, { type: 'anchored', run: 1, anchored: [at('a', 10)], orphans: [] });
    expect(twice.effects).toEqual([]);
    expect(twice.state).toBe(once.state);
  });

  it('reports a failed anchoring run and shows it', () => {
    const s = step(initialState<A>(), list(1, [record('a', 10)])).state;
    const failed = step(s, { type: 'anchor-failed', run: 1, error: 'the page went away' });
    expect(failed.effects).toEqual([{ type: 'report', code: 'highlight.anchor-failed', error: 'the page went away' }]);
    expect(view(failed.state)).toMatchObject({ loaded: true, error: 'the page went away' });
    expect(statusOf(failed.state)).toEqual({ a: 'pending' });
    expect(step(failed.state, { type: 'anchor-failed', run: 1, error: 'again' }).effects).toEqual([]);
  });

  it('reports a failed late-content run without hiding the list', () => {
    const s = step(loaded(), { type: 'retry', stale: [] });
    const failed = step(s.state, { type: 'anchor-failed', run: runOf(s.effects).run, error: 'boom' });
    expect(failed.effects).toEqual([{ type: 'report', code: 'highlight.reanchor-failed', error: 'boom' }]);
    expect(view(failed.state).error).toBeUndefined();
  });
});

describe('late content', () => {
  it('asks for the orphans and the anchored highlights whose text the page replaced', () => {
    const s = stepAll(loaded(), [
      { type: 'saved', seq: 1, record: record('c', 30) },
      { type: 'anchored', run: 2, anchored: [at('c', 30)], orphans: [] },
    ]).state;
    expect(runOf(step(s, { type: 'retry', stale: [] }).effects).highlights.map((h) => h.id)).toEqual(['b']);
    expect(runOf(step(s, { type: 'retry', stale: ['c'] }).effects).highlights.map((h) => h.id)).toEqual(['b', 'c']);
  });

  it('asks for nothing when every highlight is in place', () => {
    const s = stepAll(initialState<A>(), [
      list(1, [record('a', 10)]),
      { type: 'anchored', run: 1, anchored: [at('a', 10)], orphans: [] },
    ]).state;
    const none = step(s, { type: 'retry', stale: [] });
    expect(none.effects).toEqual([]);
    expect(none.state).toBe(s);
  });

  it('a newer late pass supersedes the one before it (the watcher aborted it), not the list runs', () => {
    const s = stepAll(initialState<A>(), [
      list(1, [record('a', 10), record('b', 50)]),
      {
        type: 'anchored',
        run: 1,
        anchored: [],
        orphans: [
          { id: 'a', reason: 'not-found' },
          { id: 'b', reason: 'not-found' },
        ],
      },
      list(2, [record('a', 10), record('b', 50), record('c', 5)]),
    ]).state;
    const first = step(s, { type: 'retry', stale: [] });
    const second = step(first.state, { type: 'retry', stale: [] });
    expect([...second.state.runs.keys()]).toEqual([2, runOf(second.effects).run]);
    // A paint from the superseded pass (had it reported) is not taken.
    expect(step(second.state, { type: 'anchored', run: runOf(first.effects).run, anchored: [at('a', 10)], orphans: [] }).effects).toEqual(
      [],
    );
    const applied = step(second.state, {
      type: 'anchored',
      run: runOf(second.effects).run,
      anchored: [at('a', 11)],
      orphans: [{ id: 'b', reason: 'not-found' }],
    });
    expect(applied.effects).toEqual([{ type: 'paint', id: 'a', at: at('a', 11), color: 'yellow', hasNote: false }]);
    expect([...applied.state.runs.keys()]).toEqual([2]); // list 2's run (c) is still going
  });

  it('a highlight that comes back as an orphan after being painted is unpainted', () => {
    const s = step(loaded(), { type: 'retry', stale: ['a'] });
    const orphaned = step(s.state, {
      type: 'anchored',
      run: runOf(s.effects).run,
      anchored: [],
      orphans: [
        { id: 'a', reason: 'figures-differ' },
        { id: 'b', reason: 'not-found' },
      ],
    });
    expect(orphaned.effects).toEqual([{ type: 'unpaint', id: 'a', gone: false }]);
    expect(statusOf(orphaned.state)).toEqual({ a: 'orphan', b: 'orphan' });
  });
});

describe('purity', () => {
  it('never changes the state it is given', () => {
    const s = loaded();
    const snapshot = JSON.stringify([...s.highlights], (_, v: unknown) => (v instanceof Map ? [...v] : v));
    const runs = [...s.runs.keys()];
    stepAll(s, [
      list(2, [record('a', 10, { note: 'n' })]),
      { type: 'saved', seq: 2, record: record('z', 1) },
      { type: 'removed', seq: 2, id: 'b' },
      { type: 'retry', stale: ['a'] },
      { type: 'list-failed', seq: 3, error: 'x' },
    ]);
    expect(JSON.stringify([...s.highlights], (_, v: unknown) => (v instanceof Map ? [...v] : v))).toBe(snapshot);
    expect([...s.runs.keys()]).toEqual(runs);
    expect(view(s).error).toBeUndefined();
  });

  it('keys a highlight by what anchoring reads: quote and position, not colour or note', () => {
    expect(anchorKey(record('a', 10, { color: 'red', note: 'n' }))).toBe(anchorKey(record('a', 10)));
    expect(anchorKey(record('a', 11))).not.toBe(anchorKey(record('a', 10)));
  });
});
