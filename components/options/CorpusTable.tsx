import { useEffect, useRef, useState } from 'preact/hooks';
import type { CorpusRow } from '@/lib/db/articles';
import type { StoredArticle } from '@/lib/db/schema';
import { formatDate, t } from '@/lib/i18n';
import { describeError } from '@/lib/i18n/errors';
import { displayTitle } from '@/lib/text/display-title';
import { parseArticleUrl } from '@/lib/sina/url';
import type { CorpusActions } from './OptionsPage';

type Props = { rows: CorpusRow[] | null; actions: Pick<CorpusActions, 'remove' | 'restore' | 'readCap'> };

type Removal =
  | { kind: 'confirm'; row: CorpusRow }
  | { kind: 'working'; row: CorpusRow }
  | { kind: 'removed'; article: StoredArticle }
  | { kind: 'restored'; title: string }
  | { kind: 'failed'; message: string }
  | null;

const MILLION = 1_000_000;

/** Only an https Sina article is linked (a record stored before URLs were checked may hold anything). */
function isSinaArticle(url: string | undefined): url is string {
  return url !== undefined && url.startsWith('https://') && parseArticleUrl(url) !== null;
}

/** How many read articles are kept, against the cap, and what makes room. */
function ReadCapNote({ rows, cap }: { rows: CorpusRow[]; cap: CorpusActions['readCap'] }) {
  const read = rows.filter((r) => r.origin === 'read');
  const chars = read.reduce((n, r) => n + (r.length ?? 0), 0);
  return (
    <p class="muted" data-testid="read-cap" data-read={read.length} data-cap={cap.articles}>
      {t('corpus.readCap', read.length, cap.articles, (chars / MILLION).toFixed(1), cap.chars / MILLION)}
    </p>
  );
}

/**
 * The reader's corpus, newest first; imported and read articles can be removed (after a
 * confirmation, with undo), shipped ones cannot. Above it, how many read articles are kept of the cap.
 */
export function CorpusTable({ rows, actions }: Props) {
  const [removal, setRemoval] = useState<Removal>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const confirming = removal?.kind === 'confirm' ? removal.row.id : null;
  useEffect(() => {
    if (confirming) cancel.current?.focus();
  }, [confirming]);

  if (rows === null) return <p role="status">{t('corpus.loading')}</p>;
  if (rows.length === 0) return <p>{t('corpus.empty')}</p>;
  const by = (o: CorpusRow['origin']) => rows.filter((r) => r.origin === o).length;

  const remove = async (row: CorpusRow) => {
    setRemoval({ kind: 'working', row });
    try {
      setRemoval({ kind: 'removed', article: await actions.remove(row.id) });
    } catch (e) {
      setRemoval({ kind: 'failed', message: t('error.generic', describeError(e)) });
    }
  };
  const undo = async (article: StoredArticle) => {
    try {
      await actions.restore(article);
      setRemoval({ kind: 'restored', title: article.title });
    } catch (e) {
      setRemoval({ kind: 'failed', message: t('error.generic', describeError(e)) });
    }
  };

  return (
    <>
      <p data-testid="corpus-summary">{t('corpus.summary', rows.length, by('seed'), by('imported'), by('read'))}</p>
      <ReadCapNote rows={rows} cap={actions.readCap} />
      {removal?.kind === 'removed' && (
        <div class="notice toast" role="status" data-testid="corpus-undo">
          <span>{t('corpus.removed', displayTitle(removal.article.title))}</span>{' '}
          <button type="button" class="primary" onClick={() => void undo(removal.article)}>
            {t('corpus.undo')}
          </button>
        </div>
      )}
      {removal?.kind === 'restored' && (
        <p role="status" data-testid="corpus-restored">
          {t('corpus.restored', removal.title)}
        </p>
      )}
      {removal?.kind === 'failed' && (
        <p class="error" role="alert">
          {removal.message}
        </p>
      )}
      <table class="corpus" data-testid="corpus-table">
        <thead>
          <tr>
            <th scope="col">{t('corpus.col.title')}</th>
            <th scope="col">{t('corpus.col.date')}</th>
            <th scope="col">{t('corpus.col.source')}</th>
            <th scope="col">{t('corpus.col.origin')}</th>
            <th scope="col">
              <span class="visually-hidden">{t('corpus.remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-id={r.id} data-origin={r.origin}>
              <td lang="zh-CN">{isSinaArticle(r.url) ? <a href={r.url} target="_blank" rel="noreferrer">{displayTitle(r.title)}</a> : displayTitle(r.title)}</td>
              <td>{formatDate(r.date)}</td>
              <td>{r.source}</td>
              <td>{t(`corpus.origin.${r.origin}`)}</td>
              <td>
                {r.origin !== 'seed' &&
                  (confirming === r.id ? (
                    <span class="confirm-remove" role="group" aria-label={t('corpus.confirmRemove', displayTitle(r.title))} data-testid="confirm-remove">
                      <span>{t('corpus.confirmRemove', displayTitle(r.title))}</span>{' '}
                      <button type="button" class="danger-solid" data-testid="confirm-remove-yes" onClick={() => void remove(r)}>
                        {t('corpus.remove')}
                      </button>{' '}
                      <button type="button" ref={cancel} data-testid="confirm-remove-no" onClick={() => setRemoval(null)}>
                        {t('corpus.cancel')}
                      </button>
                    </span>
                  ) : (
                    <button
                      type="button"
                      data-testid="remove"
                      aria-label={t('corpus.removeLabel', displayTitle(r.title))}
                      disabled={removal?.kind === 'working'}
                      onClick={() => setRemoval({ kind: 'confirm', row: r })}
                    >
                      {t('corpus.remove')}
                    </button>
                  ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
