import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { HighlightRecord } from '@/lib/db/schema';
import { palette as paletteOf } from '@/lib/highlights/colors';
import { t } from '@/lib/i18n';
import type { LibraryResult } from '@/lib/library';
import type { LibraryData, LibraryDeps } from '@/lib/popup/library-deps';
import { isFiltered, NO_FILTERS, runLibraryQuery, type LibraryFilters } from '@/lib/popup/library-query';
import { nextLimit, pageGroups, PAGE_SIZE } from '@/lib/popup/paging';
import { ArticleGroup } from './ArticleGroup';
import { EmptyState } from './EmptyState';
import { ExportImport } from './ExportImport';
import { FilterBar } from './FilterBar';
import type { RowActions } from './HighlightRow';
import { MoreSentinel } from './MoreSentinel';
import { SearchBar } from './SearchBar';
import { useLibraryIndex } from './use-library-index';
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
  const [limit, setLimit] = useState(PAGE_SIZE);
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

  // Folding every highlight once per change of the data; a query is then cheap (lib/library/search.ts).
  const index = useLibraryIndex(data, deps.detectMeasureIds);
  const result = useMemo(() => (index ? runLibraryQuery(index, filters) : NOTHING), [index, filters]);
  const page = useMemo(() => pageGroups(result.groups, limit), [result, limit]);
  const palette = useMemo(() => paletteOf(data?.colorRenames), [data?.colorRenames]);
  // Only measures some highlight is about (and the one chosen, should its last highlight go).
  const measures = useMemo(() => {
    const found = index?.measureIds();
    return found ? deps.measures.filter((m) => found.has(m.id) || m.id === filters.measureId) : [];
  }, [index, deps.measures, filters.measureId]);

  const applyFilters = (next: LibraryFilters) => {
    setFilters(next);
    // A new question starts at the top; an edit (new data, same filters) keeps what is shown.
    setLimit(PAGE_SIZE);
  };
  const onSearch = useCallback((text: string) => {
    setFilters((f) => (f.text === text ? f : { ...f, text }));
    setLimit(PAGE_SIZE);
  }, []);
  const more = useCallback(() => setLimit((l) => nextLimit(l, page.total)), [page.total]);

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

  const libraryTotal = data?.highlights.length ?? 0;
  const filtered = isFiltered(filters);
  const state = loadError ? 'error' : !data || !index ? 'loading' : libraryTotal === 0 ? 'empty' : 'ready';

  // Export/import/delete is folded away in the popup, open on the page, and opened whenever the
  // library is empty (importing a backup is then the likely next step). Opened, never closed, from
  // here: the reader's own toggle is left alone (an `open` prop would fight it on every render).
  useEffect(() => {
    if (tools.current && (mode === 'page' || openImport || state === 'empty')) tools.current.open = true;
  }, [mode, openImport, state === 'empty']);

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

        {mode === 'popup' && toolsPanel}

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
        {state === 'ready' && (
          <>
            <p class="library-count muted" role="status" data-testid="library-count" data-total={result.total}>
              {filtered ? t('library.countFiltered', result.total, libraryTotal, result.groups.length) : t('library.count', libraryTotal, result.groups.length)}
            </p>
            {result.total === 0 ? (
              <p class="library-none" data-testid="library-none">
                {t('library.noMatch')}
              </p>
            ) : (
              <ol class="library-groups" data-testid="library-groups">
                {page.groups.map(({ group, shown }) => (
                  <ArticleGroup key={group.key} group={group} shown={shown} palette={palette} actions={actions} />
                ))}
              </ol>
            )}
            {page.hasMore && <MoreSentinel shown={page.shown} total={page.total} onMore={more} />}
          </>
        )}

        {notice && (
          <div class={`library-notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid={notice.undo ? 'library-undo' : 'library-notice'}>
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
      {mode === 'page' && toolsPanel}
    </section>
  );
}
