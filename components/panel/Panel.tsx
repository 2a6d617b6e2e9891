import type { ArticleInsight, MeasureInsight } from '@/lib/insight/analyze';
import type { LensState } from '@/lib/content/state';
import { formatDate, t } from '@/lib/i18n';
import { MeasureList } from './MeasureList';
import { RelatedList } from './RelatedList';

type Props = { state: LensState | null; onReveal(measure: MeasureInsight, index: number): void };

/** The side panel: this article, its policy measures, related articles. */
export function Panel({ state, onReveal }: Props) {
  if (!state) return <p class="status" role="status">{t('panel.notArticle')}</p>;
  return (
    <main class="panel" data-testid="panel" data-status={state.status}>
      <section aria-labelledby="this-article">
        <h2 id="this-article">{t('panel.thisArticle')}</h2>
        <p class="title" data-testid="article-title">
          {state.article.title}
        </p>
        <p class="meta">
          {state.article.publishedAt && <time dateTime={state.article.publishedAt}>{formatDate(state.article.publishedAt)}</time>}
          {state.article.source && <span> · {state.article.source}</span>}
        </p>
        {state.status === 'ready' && <CorpusStatus insight={state.insight} />}
      </section>
      {state.status === 'loading' && (
        <p class="status" role="status">
          {t('panel.loading')}
        </p>
      )}
      {state.status === 'error' && (
        <p class="error" role="alert">
          {t('panel.error', state.error)} {t('panel.retry')}
        </p>
      )}
      {state.status === 'ready' && (
        <>
          <section aria-labelledby="measures-heading">
            <h2 id="measures-heading">{t('panel.measures')}</h2>
            <MeasureList measures={state.insight.measures} onReveal={onReveal} />
            {state.insight.otherMeasures.length > 0 && (
              <details class="other-measures">
                <summary>
                  {t('panel.otherMeasures')} ({state.insight.otherMeasures.length})
                </summary>
                <ul>
                  {state.insight.otherMeasures.map((o) => (
                    <li key={o.start}>{o.sentence}</li>
                  ))}
                </ul>
              </details>
            )}
          </section>
          <section aria-labelledby="related-heading">
            <h2 id="related-heading">{t('panel.related')}</h2>
            <RelatedList related={state.insight.related} />
          </section>
        </>
      )}
    </main>
  );
}

function CorpusStatus({ insight }: { insight: ArticleInsight }) {
  const c = insight.corpus;
  if (!c) return <p class="corpus-status">{t('panel.notInCorpus')}</p>;
  return (
    <p class="corpus-status" data-testid="corpus-status" data-origin={c.origin}>
      {c.addedNow ? t('panel.addedNow') : t('panel.inCorpus', formatDate(c.addedAt), t(`origin.${c.origin}`))}
    </p>
  );
}
