import { memo } from 'preact/compat';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CorpusRow } from '@/lib/db/articles';
import type { StoredArticle } from '@/lib/db/schema';
import { formatDate, t } from '@/lib/i18n';
import { describeError } from '@/lib/i18n/errors';
import { displayTitle } from '@/lib/text/display-title';
import { parseArticleUrl } from '@/lib/sina/url';
import type { CorpusActions, CorpusView } from '@/lib/insight/corpus-contract';

type Props = { view: CorpusView | null; actions: Pick<CorpusActions, 'remove' | 'restore' | 'readCap'>; onMore(): void };

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
function ReadCapNote({ read, cap }: { read: CorpusView['read']; cap: CorpusActions['readCap'] }) {
  return (
    <p class="muted" data-testid="read-cap" data-read={read.articles} data-cap={cap.articles}>
      {t('corpus.readCap', read.articles, cap.articles, (read.chars / MILLION).toFixed(1), cap.chars / MILLION)}
    </p>
  );
}

/**
 * The reader's corpus, newest first, a page at a time; imported and read articles can be removed
 * (after a confirmation, with undo), shipped ones cannot. Above it, how many read articles are kept of
 * the cap.
 */
export function CorpusTable({ view, actions, onMore }: Props) {
  const [removal, setRemoval] = useState<Removal>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const confirming = removal?.kind === 'confirm' ? removal.row.id : null;
  useEffect(() => {
    if (confirming) cancel.current?.focus();
  }, [confirming]);

  if (view === null) return <p role="status">{t('corpus.loading')}</p>;
  const { rows, counts } = view;
  if (counts.total === 0) return <p>{t('corpus.empty')}</p>;

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
      <p data-testid="corpus-summary" data-total={counts.total}>
        {t('corpus.summary', counts.total, counts.seed, counts.imported, counts.read)}
      </p>
      <ReadCapNote read={view.read} cap={actions.readCap} />
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
            <CorpusRowView
              key={r.id}
              row={r}
              confirming={confirming === r.id}
              working={removal?.kind === 'working'}
              cancelRef={cancel}
              onAsk={() => setRemoval({ kind: 'confirm', row: r })}
              onRemove={() => void remove(r)}
              onCancel={() => setRemoval(null)}
            />
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

type RowProps = {
  row: CorpusRow;
  confirming: boolean;
  working: boolean;
  cancelRef: { current: HTMLButtonElement | null };
  onAsk(): void;
  onRemove(): void;
  onCancel(): void;
};

/**
 * One row, drawn again only when its article or its removal state changed: an import or a removal
 * refreshes the list, and redrawing every unchanged row each time made long tasks.
 */
const CorpusRowView = memo(
  function CorpusRowView({ row: r, confirming, working, cancelRef, onAsk, onRemove, onCancel }: RowProps) {
    return (
      <tr data-id={r.id} data-origin={r.origin}>
        <td lang="zh-CN">
          {isSinaArticle(r.url) ? (
            <a href={r.url} target="_blank" rel="noreferrer">
              {displayTitle(r.title)}
            </a>
          ) : (
            displayTitle(r.title)
          )}
        </td>
        <td>{formatDate(r.date)}</td>
        <td>{r.source}</td>
        <td>{t(`corpus.origin.${r.origin}`)}</td>
        <td>
          {r.origin !== 'seed' &&
            (confirming ? (
              <span
                class="confirm-remove"
                role="group"
                aria-label={t('corpus.confirmRemove', displayTitle(r.title))}
                data-testid="confirm-remove"
              >
                <span>{t('corpus.confirmRemove', displayTitle(r.title))}</span>{' '}
                <button type="button" class="danger-solid" data-testid="confirm-remove-yes" onClick={onRemove}>
                  {t('corpus.remove')}
                </button>{' '}
                <button type="button" ref={cancelRef} data-testid="confirm-remove-no" onClick={onCancel}>
                  {t('corpus.cancel')}
                </button>
              </span>
            ) : (
              <button
                type="button"
                data-testid="remove"
                aria-label={t('corpus.removeLabel', displayTitle(r.title))}
                disabled={working}
                onClick={onAsk}
              >
                {t('corpus.remove')}
              </button>
            ))}
        </td>
      </tr>
    );
  },
  // The handlers are made anew on every render and do what their row says: only what is shown counts.
  (a, b) =>
    a.confirming === b.confirming &&
    a.working === b.working &&
    a.row.id === b.row.id &&
    a.row.title === b.row.title &&
    a.row.date === b.row.date &&
    a.row.source === b.row.source &&
    a.row.origin === b.row.origin &&
    a.row.url === b.row.url,
);
