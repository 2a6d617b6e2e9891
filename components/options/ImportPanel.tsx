import { useRef, useState } from 'preact/hooks';
import type { ImportFile, ImportResult } from '@/lib/db/articles';
import { t } from '@/lib/i18n';
import { DropZone } from '../shared/DropZone';
import { describeError } from '@/lib/i18n/errors';
import { displayTitle } from '@/lib/text/display-title';

type Props = {
  onImport(files: ImportFile[], onProgress: (done: number, total: number) => void): Promise<ImportResult[]>;
};

async function readFiles(list: FileList | File[]): Promise<ImportFile[]> {
  return Promise.all([...list].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

/** Import by file picker or drag and drop, with a progress bar and a result for every file. */
export function ImportPanel({ onImport }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [results, setResults] = useState<ImportResult[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (list: FileList | File[] | null | undefined) => {
    if (!list || list.length === 0) return;
    setResults(null);
    setError(null);
    try {
      const files = await readFiles(list);
      setProgress({ done: 0, total: files.length });
      setResults(await onImport(files, (done, total) => setProgress({ done, total })));
    } catch (e) {
      setError(t('error.generic', describeError(e)));
    } finally {
      setProgress(null);
      if (input.current) input.current.value = '';
    }
  };

  const count = (s: ImportResult['status']) => results?.filter((r) => r.status === s).length ?? 0;

  return (
    <section class="import" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('import.heading')}</h2>
      <p class="muted">{t('import.help')}</p>
      <DropZone testId="dropzone" onFiles={(files) => void run(files)}>
        <span>{t('import.drop')}</span>
        <button type="button" class="primary" onClick={() => input.current?.click()} disabled={progress !== null}>
          {t('import.choose')}
        </button>
        <input
          ref={input}
          type="file"
          multiple
          accept=".txt,.md,text/plain,text/markdown"
          class="visually-hidden"
          data-testid="import-input"
          aria-label={t('import.choose')}
          onChange={(e) => void run((e.currentTarget as HTMLInputElement).files)}
        />
      </DropZone>
      {progress && (
        <div class="progress" role="status">
          <progress max={progress.total} value={progress.done} />
          <span>{t('import.progress', Math.min(progress.done + 1, progress.total), progress.total)}</span>
        </div>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {results && (
        <div data-testid="import-results">
          <p role="status">{t('import.done', count('imported'), count('duplicate'), count('refused'))}</p>
          <ul class="results">
            {results.map((r) => (
              <li key={r.file} class={`result ${r.status}`} data-status={r.status}>
                <strong>{r.file}</strong> — {t(`import.status.${r.status}`)}
                {r.status === 'refused' ? <div class="reason">{r.reason}</div> : <span class="muted"> · {displayTitle(r.title)}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
