import { useRef, useState } from 'preact/hooks';
import type { ChosenFile } from '@/lib/corpus/import/protocol';
import type { ImportOutcome, ImportProgress, ImportSummary } from '@/lib/corpus/import/run';
import type { StartImport } from '@/lib/insight/corpus-contract';
import { droppedFiles, pickedFiles } from '@/lib/corpus/import/dropped';
import { t } from '@/lib/i18n';
import { DropZone } from '../shared/DropZone';
import { describeError } from '@/lib/i18n/errors';
import { displayTitle } from '@/lib/text/display-title';

/** Results shown at once, and added per "show more": a 10,000-post report must not become 10,000 list items. */
const PAGE = 50;

type Report = { outcomes: ImportOutcome[]; counts: Record<ImportOutcome['status'], number> };

/**
 * Import by file picker, folder picker or drag and drop (files or folders), with progress, cancel and
 * a result for every file. The work runs off this page's thread; the page only shows what it hears.
 */
export function ImportPanel({ onStart, onBusy }: { onStart: StartImport; onBusy?(busy: boolean): void }) {
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const [running, setRunning] = useState<{ cancel(): void } | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState(PAGE);

  const run = async (chosen: ChosenFile[] | Promise<ChosenFile[]>) => {
    if (running) return;
    setReport({ outcomes: [], counts: { imported: 0, duplicate: 0, refused: 0 } });
    setSummary(null);
    setError(null);
    setShown(PAGE);
    try {
      const list = await chosen;
      if (!list.length) {
        setReport(null);
        return;
      }
      onBusy?.(true);
      const job = onStart(list, {
        onProgress: setProgress,
        onOutcomes: (more) =>
          setReport((r) => {
            const counts = { ...(r?.counts ?? { imported: 0, duplicate: 0, refused: 0 }) };
            for (const o of more) counts[o.status]++;
            return { outcomes: [...(r?.outcomes ?? []), ...more], counts };
          }),
      });
      setRunning(job);
      setSummary(await job.done);
    } catch (e) {
      setError(t('import.failed', describeError(e)));
    } finally {
      onBusy?.(false);
      setRunning(null);
      setProgress(null);
      if (files.current) files.current.value = '';
      if (folder.current) folder.current.value = '';
    }
  };

  const busy = running !== null;
  return (
    <section class="import" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('import.heading')}</h2>
      <p class="muted">{t('import.help')}</p>
      <DropZone testId="dropzone" onDrop={(data) => void run(droppedFiles(data))}>
        <span>{t('import.drop')}</span>
        <button type="button" class="primary" onClick={() => files.current?.click()} disabled={busy}>
          {t('import.choose')}
        </button>
        <button type="button" onClick={() => folder.current?.click()} disabled={busy}>
          {t('import.chooseFolder')}
        </button>
        <input
          ref={files}
          type="file"
          multiple
          accept=".txt,.md,.markdown,.zip,.xml,text/plain,text/markdown,application/zip,application/xml,text/xml"
          class="visually-hidden"
          data-testid="import-input"
          aria-label={t('import.choose')}
          onChange={(e) => void run(pickedFiles((e.currentTarget as HTMLInputElement).files ?? []))}
        />
        <input
          ref={folder}
          type="file"
          {...{ webkitdirectory: true }}
          class="visually-hidden"
          data-testid="import-folder"
          aria-label={t('import.chooseFolder')}
          onChange={(e) => void run(pickedFiles((e.currentTarget as HTMLInputElement).files ?? []))}
        />
      </DropZone>
      {busy && (
        <div class="progress" role="status" data-testid="import-progress">
          <progress max={Math.max(progress?.total ?? 0, 1)} value={progress?.done ?? 0} />
          <span>
            {progress ? t('import.progress', Math.min(progress.done + 1, progress.total), progress.total) : t('import.progress', 0, '…')}
          </span>
          <button type="button" data-testid="import-cancel" onClick={() => running?.cancel()}>
            {t('import.cancel')}
          </button>
        </div>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {report && (summary || report.outcomes.length > 0) && (
        <div data-testid="import-results" data-finished={summary ? 'true' : 'false'}>
          {summary && <SummaryLine summary={summary} />}
          <ul class="results">
            {report.outcomes.slice(0, shown).map((o, i) => (
              <OutcomeItem key={`${i}:${o.path}`} outcome={o} />
            ))}
          </ul>
          {report.outcomes.length > shown && (
            <button type="button" data-testid="import-more" onClick={() => setShown((n) => n + PAGE)}>
              {t('import.showMore', Math.min(PAGE, report.outcomes.length - shown))}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

function SummaryLine({ summary: s }: { summary: ImportSummary }) {
  return (
    <div
      role="status"
      data-testid="import-summary"
      data-imported={s.imported}
      data-duplicate={s.duplicate}
      data-refused={s.refused}
      data-parse-ms={Math.round(s.timings.parseMs)}
      data-store-ms={Math.round(s.timings.storeMs)}
      data-index-ms={Math.round(s.timings.indexMs)}
    >
      <p>{s.cancelled ? t('import.cancelled', s.imported, s.notReached) : t('import.done', s.imported, s.duplicate, s.refused)}</p>
      {s.noted > 0 && <p class="muted">{t('import.noted', s.noted)}</p>}
      {s.passedOver > 0 && <p class="muted">{t('import.passedOver', s.passedOver)}</p>}
    </div>
  );
}

function OutcomeItem({ outcome: o }: { outcome: ImportOutcome }) {
  return (
    <li class={`result ${o.status}`} data-status={o.status} data-notes={o.status === 'imported' ? o.notes.join(' ') : ''}>
      <strong>{o.path}</strong> — {t(`import.status.${o.status}`)}
      {o.status === 'refused' && <div class="reason">{describeError(o.refusal)}</div>}
      {o.status !== 'refused' && <span class="muted"> · {displayTitle(o.title)}</span>}
      {o.status === 'duplicate' && displayTitle(o.sameAs) !== displayTitle(o.title) && (
        <span class="muted"> ({t('import.sameAs', displayTitle(o.sameAs))})</span>
      )}
      {o.status === 'imported' &&
        o.notes.map((n) => (
          <div key={n} class="note">
            {t(`import.note.${n}`)}
          </div>
        ))}
    </li>
  );
}
