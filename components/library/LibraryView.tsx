import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { HighlightRecord } from '@/lib/db/schema';
import { palette as paletteOf } from '@/lib/highlights/colors';
import { t } from '@/lib/i18n';
import type { LibraryResult } from '@/lib/library';
import type { LibraryData, LibraryDeps } from '@/lib/library/deps';
import { isFiltered, NO_FILTERS, runLibraryQuery, type LibraryFilters } from '@/lib/library/list-query';
import { COMPLETE_MARK, FIRST_LIST_MARK } from '@/lib/contexts/extension-pages/timing-marks';
import { ArticleGroup } from './ArticleGroup';
import { EmptyState } from './EmptyState';
import { ExportImport } from './ExportImport';
import { FilterBar } from './FilterBar';
import type { RowActions } from './HighlightRow';
import { MoreSentinel } from './MoreSentinel';
import { SearchBar } from './SearchBar';
import { useLibraryIndex } from './use-library-index';
import { useListWindow } from './use-list-window';
import { describeError } from '@/lib/i18n/errors';

type Props = {
  deps: LibraryDeps;
  mode: 'popup' | 'page';
  /** The page was opened to import a file (`library.html#import`). */
  openImport?: boolean;
};

type Notice = { kind: 'ok' | 'error'; text: string; undo?: HighlightRecord } | null;

const NOTHING: LibraryResult = { groups: [], total: 0 };

/**
 * The highlights library, in the toolbar popup and as a full page: every highlight grouped by article
 * (newest first), searched as you type and filtered by colour, measure and date; each row opens its
 * article, and its note, tags and colour are edited in place. The data is live (LibraryDeps.watch), so
 * a change made in a tab shows here at once, and an edit made here comes back the same way.
 */
export function LibraryView({ deps, mode, openImport = false }: Props) {
  const [data, setData] = useState<LibraryData | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [filters, setFilters] = useState<LibraryFilters>(NO_FILTERS);
  const list = useRef<HTMLOListElement>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const tools = useRef<HTMLDetailsElement>(null);

  useEffect(
    () =>
      deps.watch(
        (next) => {
          setData(next);
          setLoadError(null);
        },
        (e) => setLoadError(describeError(e)),
      ),
    [deps],
  );

  // Each highlight is folded once, and again only when it changes; a query is then cheap (lib/library/search.ts).
  const indexed = useLibraryIndex(data, deps.detectMeasureIds);
  // Until everything is read (the first screen only), the list shows what it has, unfiltered.
  const complete = indexed !== null && indexed.of.complete !== false;
  const result = useMemo(
    () => (!indexed ? NOTHING : complete ? runLibraryQuery(indexed.index, filters) : indexed.index.query()),
    [indexed, complete, filters],
  );
  const page = useListWindow(list, result.groups);
  const palette = useMemo(() => paletteOf(data?.colorRenames), [data?.colorRenames]);
  // Only measures some highlight is about (and the one chosen, should its last highlight go).
  const measures = useMemo(() => {
    const found = indexed?.index.measureIds();
    return found ? deps.measures.filter((m) => found.has(m.id) || m.id === filters.measureId) : [];
  }, [indexed, deps.measures, filters.measureId]);

  const reset = page.reset;
  const applyFilters = (next: LibraryFilters) => {
    setFilters(next);
    // A new question starts at the top; an edit (new data, same filters) keeps what is shown.
    reset();
  };
  const onSearch = useCallback(
    (text: string) => {
      setFilters((f) => (f.text === text ? f : { ...f, text }));
      reset();
    },
    [reset],
  );

  useEffect(() => {
    if (notice?.undo) undoButton.current?.focus();
  }, [notice]);

  const actions: RowActions = useMemo(
    () => ({
      open: (id) => {
        setNotice(null);
        deps.open(id).catch((e: Error) => setNotice({ kind: 'error', text: t('library.openFailed', describeError(e)) }));
      },
      update: (id, patch) => deps.update(id, patch),
      remove: (id) => {
        deps.remove(id).then(
          (record) => setNotice(record ? { kind: 'ok', text: t('highlights.undo.deleted'), undo: record } : null),
          (e: Error) => setNotice({ kind: 'error', text: t('panel.highlights.failed', describeError(e)) }),
        );
      },
    }),
    [deps],
  );
  const undo = (record: HighlightRecord) => {
    deps.restore(record).then(
      () => setNotice(null),
      (e: Error) => setNotice({ kind: 'error', text: t('panel.highlights.failed', describeError(e)) }),
    );
  };

  const libraryTotal = indexed ? (indexed.of.total ?? indexed.of.highlights.length) : 0;
  const filtered = isFiltered(filters);
  const state = loadError ? 'error' : !indexed ? 'loading' : libraryTotal === 0 ? 'empty' : complete ? 'ready' : 'partial';

  // The first list (rows, or the empty state) is on screen, then the whole library: marked once each (lib/contexts/extension-pages/timing-marks.ts).
  const marked = useRef({ first: false, complete: false });
  useLayoutEffect(() => {
    if (state !== 'ready' && state !== 'partial' && state !== 'empty') return;
    if (!marked.current.first) performance.mark(FIRST_LIST_MARK, { detail: { state } });
    if (!marked.current.complete && state !== 'partial') performance.mark(COMPLETE_MARK);
    marked.current = { first: true, complete: marked.current.complete || state !== 'partial' };
  }, [state]);

  // Export/import/delete is folded away in the popup, open on the page, and opened whenever the
  // library is empty (importing a backup is then the likely next step). Opened, never closed, from
  // here: the reader's own toggle is left alone (an `open` prop would fight it on every render).
  useEffect(() => {
    if (tools.current && (mode === 'page' || openImport || state === 'empty')) tools.current.open = true;
  }, [mode, openImport, state === 'empty', complete]);

  // In the popup, folded between the search and the list; on the page, a column beside the list.
  const toolsPanel = (
    <details class="library-tools" ref={tools}>
      <summary>{t('library.tools')}</summary>
      <ExportImport
        deps={deps}
        groups={result.groups}
        shownTotal={result.total}
        filtered={filtered}
        libraryTotal={libraryTotal}
        colorRenames={data?.colorRenames ?? {}}
        mode={mode}
        focusImport={openImport}
      />
    </details>
  );

  return (
    <section class={`library in-${mode}`} aria-labelledby="library-heading" data-testid="library" data-state={state}>
      <div class="library-main">
        <div class="library-head">
          <h2 id="library-heading">{t('library.heading')}</h2>
          {deps.openPage && (
            <button type="button" class="link" data-testid="open-page" onClick={() => deps.openPage?.()}>
              {t('library.openPage')}
            </button>
          )}
        </div>

        {state !== 'empty' && (
          <div class="library-controls">
            <SearchBar initial={filters.text} onSearch={onSearch} />
            <FilterBar filters={filters} palette={palette} measures={measures} onChange={applyFilters} />
          </div>
        )}

        {mode === 'popup' && complete && toolsPanel}

        {state === 'loading' && (
          <p class="muted" role="status">
            {t('library.loading')}
          </p>
        )}
        {state === 'error' && (
          <p class="error" role="alert">
            {t('library.loadError', loadError ?? '')}
          </p>
        )}
        {state === 'empty' && <EmptyState shortcut={deps.highlightShortcut} />}
        {(state === 'ready' || state === 'partial') && (
          <>
            {complete ? (
              <p class="library-count muted" role="status" data-testid="library-count" data-total={result.total}>
                {filtered
                  ? t('library.countFiltered', result.total, libraryTotal, result.groups.length)
                  : t('library.count', libraryTotal, result.groups.length)}
              </p>
            ) : (
              // The first screen is shown; searching, counting and exporting wait for the rest.
              <p class="library-count muted" role="status" data-testid="library-count-pending">
                {t('library.loading')}
              </p>
            )}
            {result.total === 0 ? (
              <p class="library-none" data-testid="library-none">
                {t('library.noMatch')}
              </p>
            ) : (
              <ol class="library-groups" data-testid="library-groups" ref={list} onFocusIn={page.onFocus}>
                {page.before > 0 && <li class="library-spacer" aria-hidden="true" style={{ height: `${page.before}px` }} />}
                {page.groups.map(({ group, shown, position }) => (
                  <ArticleGroup
                    key={group.key}
                    group={group}
                    shown={shown}
                    palette={palette}
                    actions={actions}
                    position={position}
                    of={complete ? result.groups.length : -1}
                  />
                ))}
                {page.after > 0 && <li class="library-spacer" aria-hidden="true" style={{ height: `${page.after}px` }} />}
              </ol>
            )}
            {page.hasMore && <MoreSentinel shown={page.shown} total={complete ? page.total : libraryTotal} onMore={page.more} />}
          </>
        )}

        {notice && (
          <div
            class={`library-notice ${notice.kind}`}
            role={notice.kind === 'error' ? 'alert' : 'status'}
            data-testid={notice.undo ? 'library-undo' : 'library-notice'}
          >
            <span>{notice.text}</span>
            {notice.undo && (
              <button type="button" class="primary" ref={undoButton} data-testid="library-undo-button" onClick={() => undo(notice.undo!)}>
                {t('highlights.undo.action')}
              </button>
            )}
            <button type="button" class="icon" aria-label={t('highlights.popover.close')} onClick={() => setNotice(null)}>
              ×
            </button>
          </div>
        )}
      </div>
      {mode === 'page' && complete && toolsPanel}
    </section>
  );
}
