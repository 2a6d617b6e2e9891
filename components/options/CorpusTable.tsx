import type { CorpusRow } from '@/lib/db/articles';
import { formatDate, t } from '@/lib/i18n';
import { displayTitle } from '@/lib/text/display-title';

type Props = { rows: CorpusRow[] | null; onRemove(row: CorpusRow): void };

/** The reader's corpus, newest first; imported and read articles can be removed, shipped ones cannot. */
export function CorpusTable({ rows, onRemove }: Props) {
  if (rows === null) return <p role="status">{t('corpus.loading')}</p>;
  if (rows.length === 0) return <p>{t('corpus.empty')}</p>;
  const by = (o: CorpusRow['origin']) => rows.filter((r) => r.origin === o).length;
  return (
    <>
      <p data-testid="corpus-summary">{t('corpus.summary', rows.length, by('seed'), by('imported'), by('read'))}</p>
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
              <td lang="zh-CN">{r.url ? <a href={r.url} target="_blank" rel="noreferrer">{displayTitle(r.title)}</a> : displayTitle(r.title)}</td>
              <td>{formatDate(r.date)}</td>
              <td>{r.source}</td>
              <td>{t(`corpus.origin.${r.origin}`)}</td>
              <td>
                {r.origin !== 'seed' && (
                  <button type="button" aria-label={t('corpus.removeLabel', displayTitle(r.title))} onClick={() => onRemove(r)}>
                    {t('corpus.remove')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
