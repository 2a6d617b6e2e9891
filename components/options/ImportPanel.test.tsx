import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportOutcome, ImportSummary } from '@/lib/corpus/import/run';
import type { StartImport } from '@/lib/insight/corpus-contract';
import { ImportPanel } from './ImportPanel';

let root: HTMLElement | undefined;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
});

const summary = (over: Partial<ImportSummary> = {}): ImportSummary => ({
  imported: 0,
  duplicate: 0,
  refused: 0,
  noted: 0,
  passedOver: 0,
  notReached: 0,
  cancelled: false,
  timings: { parseMs: 0, storeMs: 0, indexMs: 0 },
  ...over,
});

/** An import the test drives by hand: what the workers would say, when the test says it. */
function controlledStart() {
  let handlers: Parameters<StartImport>[1] | undefined;
  let finish: (s: ImportSummary) => void = () => {};
  const cancel = vi.fn();
  const start: StartImport = (_files, h) => {
    handlers = h;
    return { cancel, done: new Promise<ImportSummary>((resolve) => (finish = resolve)) };
  };
  return {
    start,
    cancel,
    emit: (o: ImportOutcome[]) => act(() => handlers!.onOutcomes(o)),
    progress: (done: number, total: number) => act(() => handlers!.onProgress({ done, total, current: 'x' })),
    finish: (s: ImportSummary) => act(async () => finish(s)),
  };
}

async function choose(el: HTMLElement, names: string[]) {
  const input = el.querySelector<HTMLInputElement>('[data-testid="import-input"]')!;
  Object.defineProperty(input, 'files', { value: names.map((n) => new File(['x'], n)), configurable: true });
  await act(async () => void input.dispatchEvent(new Event('change')));
}

describe('ImportPanel', () => {
  it('shows progress and a cancel button while the workers run, and tells the page it is busy', async () => {
    const c = controlledStart();
    const busy = vi.fn();
    root = document.createElement('div');
    document.body.append(root);
    act(() => render(<ImportPanel onStart={c.start} onBusy={busy} />, root!));
    await choose(root, ['a.md']);
    c.progress(3, 10);
    expect(root.querySelector('[data-testid="import-progress"]')?.textContent).toContain('Importing 4 of 10');
    act(() => root!.querySelector<HTMLButtonElement>('[data-testid="import-cancel"]')!.click());
    expect(c.cancel).toHaveBeenCalledTimes(1);
    await c.finish(summary({ cancelled: true, imported: 3, notReached: 7 }));
    expect(root.querySelector('[data-testid="import-progress"]')).toBeNull();
    expect(root.querySelector('[data-testid="import-summary"]')?.textContent).toContain(
      'Import cancelled: 3 imported before it stopped, 7 not reached.',
    );
    expect(busy.mock.calls).toEqual([[true], [false]]);
  });

  it('lists a result per file, 50 at a time, with reasons, notes and what a duplicate is the same as', async () => {
    const c = controlledStart();
    root = document.createElement('div');
    document.body.append(root);
    act(() => render(<ImportPanel onStart={c.start} />, root!));
    await choose(root, ['site.zip']);
    const outcomes: ImportOutcome[] = [
      {
        path: 'site.zip/_posts/bad.md',
        status: 'refused',
        refusal: {
          name: 'CorpusError',
          code: 'date-missing',
          params: {},
          file: 'site.zip/_posts/bad.md',
          line: 3,
          field: 'date',
          message: 'site.zip/_posts/bad.md:3: the date is missing or empty',
        },
      },
      { path: 'site.zip/_posts/yitu.md', status: 'imported', title: '一图看懂', notes: ['no-body-text'] },
      { path: 'site.zip/_posts/again.md', status: 'duplicate', title: '医保新规解读', sameAs: '医保_新规_出台' },
      ...Array.from({ length: 60 }, (_, i): ImportOutcome => ({
        path: `site.zip/_posts/${i}.md`,
        status: 'imported',
        title: `文章${i}`,
        notes: [],
      })),
    ];
    c.emit(outcomes);
    await c.finish(summary({ imported: 61, duplicate: 1, refused: 1, noted: 1, passedOver: 4 }));
    const items = () => [...root!.querySelectorAll<HTMLElement>('[data-testid="import-results"] li')];
    expect(items()).toHaveLength(50);
    expect(items()[0]!.querySelector('.reason')?.textContent).toBe('site.zip/_posts/bad.md:3: the date is missing or empty');
    expect(items()[1]!.textContent).toContain('no body text (an image or video post)');
    // The title stored shows its `_` pair as the quotes it stood for.
    expect(items()[2]!.textContent).toContain('the same article as “医保“新规”出台”');
    expect(root.querySelector('[data-testid="import-summary"]')?.textContent).toContain('4 other files of the archive');
    act(() => root!.querySelector<HTMLButtonElement>('[data-testid="import-more"]')!.click());
    expect(items()).toHaveLength(63);
    expect(root.querySelector('[data-testid="import-more"]')).toBeNull();
  });
});
