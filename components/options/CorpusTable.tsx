import { memo } from 'preact/compat';
import type { CorpusRow } from '@/lib/db/articles';
import { formatDate, t } from '@/lib/i18n';
import type { CorpusView } from './OptionsPage';

type Props = { view: CorpusView | null; onRemove(row: CorpusRow): void; onMore(): void };

/**
 * The reader's corpus, newest first, a page at a time; imported and read articles can be removed,
 * shipped ones cannot.
 */
export function CorpusTable({ view, onRemove, onMore }: Props) {
  if (view === null) return <p role="status">{t('corpus.loading')}</p>;
  const { rows, counts } = view;
  if (counts.total === 0) return <p>{t('corpus.empty')}</p>;
  return (
    <>
      <p data-testid="corpus-summary" data-total={counts.total}>
        {t('corpus.summary', counts.total, counts.seed, counts.imported, counts.read)}
      </p>
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
            <CorpusRowView key={r.id} row={r} onRemove={onRemove} />
          ))}
        </tbody>
      </table>
      {counts.total > rows.length && (
        <button type="button" data-testid="corpus-more" onClick={onMore}>
          {t('corpus.showMore', Math.min(50, counts.total - rows.length))}
        </button>
      )}
    </>
  );
}

/**
 * One row, drawn again only when its article changed: an import refreshes the list after every batch,
 * and redrawing hundreds of unchanged rows each time made long tasks.
 */
const CorpusRowView = memo(
  function CorpusRowView({ row: r, onRemove }: { row: CorpusRow; onRemove(row: CorpusRow): void }) {
    return (
      <tr data-id={r.id} data-origin={r.origin}>
        <td>{r.url ? <a href={r.url} target="_blank" rel="noreferrer">{r.title}</a> : r.title}</td>
        <td>{formatDate(r.date)}</td>
        <td>{r.source}</td>
        <td>{t(`corpus.origin.${r.origin}`)}</td>
        <td>
          {r.origin !== 'seed' && (
            <button type="button" aria-label={t('corpus.removeLabel', r.title)} onClick={() => onRemove(r)}>
              {t('corpus.remove')}
            </button>
          )}
        </td>
      </tr>
    );
  },
  (a, b) => a.row.id === b.row.id && a.row.title === b.row.title && a.row.date === b.row.date && a.row.source === b.row.source && a.row.origin === b.row.origin && a.row.url === b.row.url,
);
