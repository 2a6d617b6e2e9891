import { useEffect, useRef, useState } from 'preact/hooks';
import type { ColorRenames } from '@/lib/highlights/colors';
import { t } from '@/lib/i18n';
import type { LibraryGroup, LibraryImportReport, WipeResult } from '@/lib/library';
import { createDownload, exportFile, revokeDownload, type Download, type ExportKind } from '@/lib/library/download';
import { annotationsExport, markdownExport } from '@/lib/library/export-files';
import type { LibraryDeps } from '@/lib/library/deps';
import { displayTitle } from '@/lib/text/display-title';
import { shorten } from '@/lib/text/shorten';
import { DropZone } from '../shared/DropZone';
import { describeError } from '@/lib/i18n/errors';

type Props = {
  deps: LibraryDeps;
  /** What the list shows now: Markdown and Web Annotations export these. */
  groups: LibraryGroup[];
  shownTotal: number;
  filtered: boolean;
  /** Every highlight in the library (the wipe warning says how many go). */
  libraryTotal: number;
  colorRenames: ColorRenames;
  mode: 'popup' | 'page';
  /** Focus the import button on arrival (the popup sent the reader here to import). */
  focusImport?: boolean;
};

type ImportState =
  { kind: 'running'; file: string } | { kind: 'done'; report: LibraryImportReport } | { kind: 'refused'; message: string } | null;
type WipeState =
  | { kind: 'closed' }
  | { kind: 'confirm' }
  | { kind: 'running' }
  | { kind: 'done'; result: WipeResult }
  | { kind: 'failed'; message: string };

function reportText(r: LibraryImportReport): string {
  const h = r.highlights;
  return t(
    'library.import.done',
    r.file,
    h.added,
    h.updated,
    h.unchanged,
    h.skipped,
    r.articles.added + r.articles.updated,
    r.settings.added + r.settings.updated,
  );
}

/** What the import merged rather than added: notes kept twice (which ones), dates set to now, articles stored apart. */
function ImportMerges({ report }: { report: LibraryImportReport }) {
  const { notesMerged, datesClamped, articlesApart } = report;
  if (notesMerged.length === 0 && datesClamped === 0 && articlesApart === 0) return null;
  return (
    <>
      {notesMerged.length > 0 && (
        <>
          <p data-testid="import-notes-merged">{t('library.import.notesMerged', notesMerged.length)}</p>
          <ul class="merged-notes">
            {notesMerged.map((m) => (
              <li key={m.id} data-id={m.id} lang="zh-CN">
                “{shorten(m.quote, 40)}” — {displayTitle(m.title)}
              </li>
            ))}
          </ul>
        </>
      )}
      {datesClamped > 0 && <p data-testid="import-dates-clamped">{t('library.import.datesClamped', datesClamped)}</p>}
      {articlesApart > 0 && <p data-testid="import-articles-apart">{t('library.import.articlesApart', articlesApart)}</p>}
    </>
  );
}

/**
 * Export (Markdown, Web Annotations, full backup), import (backup or Web Annotations) and "delete
 * everything". Downloads go through an <a download> kept on screen until the next export
 * (lib/library/download.ts). In the popup, importing opens the full page instead: Firefox closes a popup
 * when a file picker opens, which would lose the import.
 */
export function ExportImport({ deps, groups, shownTotal, filtered, libraryTotal, colorRenames, mode, focusImport }: Props) {
  const [download, setDownload] = useState<Download | null>(null);
  const current = useRef<Download | null>(null);
  const link = useRef<HTMLAnchorElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const chooser = useRef<HTMLButtonElement>(null);
  const cancelWipe = useRef<HTMLButtonElement>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const [importing, setImporting] = useState<ImportState>(null);
  const [wipe, setWipe] = useState<WipeState>({ kind: 'closed' });

  // The Blob URL lives as long as its link.
  useEffect(() => () => revokeDownload(current.current), []);
  // Start the download as soon as the link is there; the link stays for saving again.
  useEffect(() => {
    if (download) link.current?.click();
  }, [download]);
  useEffect(() => {
    if (focusImport) chooser.current?.focus();
  }, [focusImport]);
  useEffect(() => {
    if (wipe.kind === 'confirm') cancelWipe.current?.focus();
  }, [wipe.kind]);

  const exportAs = async (kind: ExportKind) => {
    setExportError(null);
    try {
      const at = deps.now?.() ?? new Date();
      const file =
        kind === 'backup'
          ? exportFile('backup', await deps.backup(at), at)
          : kind === 'markdown'
            ? markdownExport(groups, colorRenames, at)
            : annotationsExport(groups, at);
      revokeDownload(current.current);
      current.current = createDownload(file);
      setDownload(current.current);
    } catch (e) {
      setExportError(t('library.export.failed', describeError(e)));
    }
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setWipe({ kind: 'closed' });
    setImporting({ kind: 'running', file: file.name });
    try {
      setImporting({ kind: 'done', report: await deps.importFile(file) });
    } catch (e) {
      // A LibraryImportError's message names the file and the first bad field.
      setImporting({ kind: 'refused', message: describeError(e) });
    } finally {
      if (input.current) input.current.value = '';
    }
  };

  const runWipe = async () => {
    setImporting(null);
    setWipe({ kind: 'running' });
    try {
      setWipe({ kind: 'done', result: await deps.wipe() });
    } catch (e) {
      setWipe({ kind: 'failed', message: describeError(e) });
    }
  };

  return (
    <div class="export-import" data-testid="export-import">
      <section aria-labelledby="export-heading">
        <h3 id="export-heading">{t('library.export.heading')}</h3>
        <div class="button-row">
          <button type="button" data-testid="export-markdown" onClick={() => void exportAs('markdown')}>
            {t('library.export.markdown')}
          </button>
          <button type="button" data-testid="export-annotations" onClick={() => void exportAs('annotations')}>
            {t('library.export.annotations')}
          </button>
          <button type="button" data-testid="export-backup" onClick={() => void exportAs('backup')}>
            {t('library.export.backup')}
          </button>
        </div>
        <p class="hint">{filtered ? t('library.export.scopeFiltered', shownTotal) : t('library.export.scopeAll')}</p>
        {download && (
          <p class="hint" role="status">
            {t('library.export.ready')}{' '}
            <a ref={link} href={download.url} download={download.fileName} data-testid="export-link" data-kind={download.kind}>
              {download.fileName}
            </a>
          </p>
        )}
        {exportError && (
          <p class="error" role="alert">
            {exportError}
          </p>
        )}
      </section>

      <section aria-labelledby="import-heading">
        <h3 id="import-heading">{t('library.import.heading')}</h3>
        <p class="hint">{t('library.import.help')}</p>
        {mode === 'popup' && deps.openPage ? (
          <button type="button" data-testid="import-open-page" onClick={() => deps.openPage?.('import')}>
            {t('library.import.inPage')}
          </button>
        ) : (
          <DropZone testId="import-dropzone" onFiles={(files) => void importFile(files?.[0])}>
            <button
              type="button"
              ref={chooser}
              class="primary"
              disabled={importing?.kind === 'running'}
              onClick={() => input.current?.click()}
            >
              {t('library.import.choose')}
            </button>
            <input
              ref={input}
              type="file"
              accept=".json,.jsonld,application/json,application/ld+json"
              class="visually-hidden"
              tabIndex={-1}
              data-testid="library-import-input"
              aria-label={t('library.import.choose')}
              onChange={(e) => void importFile((e.currentTarget as HTMLInputElement).files?.[0])}
            />
          </DropZone>
        )}
        {importing?.kind === 'running' && (
          <p role="status" data-testid="import-running">
            {t('library.import.running', importing.file)}
          </p>
        )}
        {importing?.kind === 'done' && (
          <div role="status" class="ok" data-testid="import-report" data-added={importing.report.highlights.added}>
            <p>{reportText(importing.report)}</p>
            <ImportMerges report={importing.report} />
          </div>
        )}
        {importing?.kind === 'refused' && (
          <p role="alert" class="error" data-testid="import-error">
            {t('library.import.refused', importing.message)}
          </p>
        )}
      </section>

      <section aria-labelledby="wipe-heading" class="wipe">
        <h3 id="wipe-heading" class="visually-hidden">
          {t('library.wipe.button')}
        </h3>
        {wipe.kind === 'confirm' || wipe.kind === 'running' ? (
          <div class="wipe-confirm" role="group" aria-labelledby="wipe-warning" data-testid="wipe-dialog">
            <p id="wipe-warning">{t('library.wipe.warning', libraryTotal)}</p>
            <div class="button-row">
              <button type="button" data-testid="wipe-backup" onClick={() => void exportAs('backup')}>
                {t('library.wipe.backupFirst')}
              </button>
              <button
                type="button"
                class="danger-solid"
                data-testid="wipe-confirm"
                disabled={wipe.kind === 'running'}
                onClick={() => void runWipe()}
              >
                {t('library.wipe.confirm')}
              </button>
              <button
                type="button"
                ref={cancelWipe}
                data-testid="wipe-cancel"
                disabled={wipe.kind === 'running'}
                onClick={() => setWipe({ kind: 'closed' })}
              >
                {t('library.wipe.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <button type="button" class="danger-outline" data-testid="wipe" onClick={() => setWipe({ kind: 'confirm' })}>
            {t('library.wipe.button')}
          </button>
        )}
        {wipe.kind === 'done' && (
          <p role="status" data-testid="wipe-result">
            {t('library.wipe.done', wipe.result.highlights, wipe.result.articles, wipe.result.settings)}
          </p>
        )}
        {wipe.kind === 'failed' && (
          <p role="alert" class="error" data-testid="wipe-result">
            {t('library.wipe.failed', wipe.message)}
          </p>
        )}
      </section>
    </div>
  );
}
