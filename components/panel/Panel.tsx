import { useLayoutEffect, useRef } from 'preact/hooks';
import type { ArticleInsight, MeasureInsight } from '@/lib/insight/analyze';
import type { LensState } from '@/lib/messages/tab-state';
import { formatDate, t } from '@/lib/i18n';
import { PANEL_READY_MARK } from '@/lib/contexts/extension-pages/timing-marks';
import { displayTitle } from '@/lib/text/display-title';
import { HighlightList, type HighlightActions } from './HighlightList';
import { MeasureList } from './MeasureList';
import { RelatedList } from './RelatedList';

type Props = {
  state: LensState | null;
  onReveal(measure: MeasureInsight, index: number): void;
  /** Present where there is an in-page panel to collapse. */
  onCollapse?(): void;
  /** Present where the analysis can be asked for again. */
  onRetry?(): void;
  /** 'main' where the panel is the page (frame, side panel); 'aside' beside an article (reader page). */
  landmark?: 'main' | 'aside';
  /** Present where the reader's highlights can be shown and edited. */
  highlightActions?: HighlightActions | undefined;
};

/** The side panel: this article, its policy measures, related articles, the reader's highlights. */
export function Panel({ state, onReveal, onCollapse, onRetry, landmark = 'main', highlightActions }: Props) {
  // Marked once, when the analysis is first on screen (lib/contexts/extension-pages/timing-marks.ts).
  const marked = useRef(false);
  useLayoutEffect(() => {
    if (marked.current || state?.status !== 'ready') return;
    marked.current = true;
    performance.mark(PANEL_READY_MARK);
  }, [state?.status]);
  const Landmark = landmark;
  const Heading = landmark === 'main' ? 'h1' : 'h2';
  return (
    <Landmark class="panel" data-testid="panel" data-status={state?.status ?? 'none'} aria-labelledby="panel-heading">
      <header class="panel-header">
        <Heading id="panel-heading">{t('appName')}</Heading>
        {onCollapse && (
          <button
            type="button"
            class="collapse"
            data-testid="collapse"
            aria-label={t('panel.collapse')}
            title={t('panel.collapse')}
            onClick={onCollapse}
          >
            <span aria-hidden="true">›</span>
          </button>
        )}
      </header>
      {state === null ? (
        <p class="status" role="status" data-testid="not-article">
          {t('panel.notArticle')}
        </p>
      ) : (
        <PanelBody state={state} onReveal={onReveal} onRetry={onRetry} highlightActions={highlightActions} />
      )}
    </Landmark>
  );
}

function PanelBody({
  state,
  onReveal,
  onRetry,
  highlightActions,
}: { state: LensState } & Pick<Props, 'onReveal' | 'onRetry' | 'highlightActions'>) {
  return (
    <>
      <section aria-labelledby="this-article" data-testid="this-article">
        <h2 id="this-article">{t('panel.thisArticle')}</h2>
        <p class="title" data-testid="article-title">
          {displayTitle(state.article.title)}
        </p>
        <p class="meta">
          {state.article.publishedAt && (
            <time dateTime={state.article.publishedAt} data-testid="article-date">
              {formatDate(state.article.publishedAt)}
            </time>
          )}
          {state.article.publishedAt && state.article.source && ' · '}
          {state.article.source && <span data-testid="article-source">{state.article.source}</span>}
        </p>
        {state.status === 'ready' && <CorpusStatus insight={state.insight} />}
        {state.article.readBy === 'fallback' && (
          <p class="reading-note" data-testid="read-by-fallback">
            {t('panel.readByFallback')}
          </p>
        )}
        {state.article.noBodyText && (
          <p class="reading-note" data-testid="no-body-text">
            {t('panel.noBodyText')}
          </p>
        )}
      </section>
      {state.status === 'loading' && (
        <p class="status" role="status" data-testid="loading">
          <span class="spinner" aria-hidden="true" />
          {t('panel.loading')}
        </p>
      )}
      {state.status === 'error' && (
        <div class="error" role="alert" data-testid="error">
          <p>{t('panel.error', state.error)}</p>
          {onRetry ? (
            <button type="button" class="primary" onClick={onRetry}>
              {t('panel.retryButton')}
            </button>
          ) : (
            <p>{t('panel.retry')}</p>
          )}
        </div>
      )}
      {state.status === 'ready' && (
        <>
          {!state.article.noBodyText && (
            <section aria-labelledby="measures-heading">
              <h2 id="measures-heading">
                {t('panel.measures')} <span class="heading-count">{state.insight.measures.length}</span>
              </h2>
              <MeasureList measures={state.insight.measures} onReveal={onReveal} />
              {state.insight.otherMeasures.length > 0 && (
                <details class="other-measures">
                  <summary>
                    {t('panel.otherMeasures')} ({state.insight.otherMeasures.length})
                  </summary>
                  <p class="hint">{t('panel.otherMeasuresHint')}</p>
                  <ul>
                    {state.insight.otherMeasures.map((o) => (
                      <li key={o.start}>{o.sentence}</li>
                    ))}
                  </ul>
                </details>
              )}
            </section>
          )}
          <section aria-labelledby="related-heading">
            <h2 id="related-heading">{t('panel.related')}</h2>
            <RelatedList related={state.insight.related} />
          </section>
        </>
      )}
      <section aria-labelledby="highlights-heading" data-testid="highlights">
        <h2 id="highlights-heading">
          {t('panel.highlights')}
          {state.highlights?.loaded && <span class="heading-count">{state.highlights.items.length}</span>}
        </h2>
        <HighlightList view={state.highlights} actions={highlightActions} />
      </section>
    </>
  );
}

function CorpusStatus({ insight }: { insight: ArticleInsight }) {
  const c = insight.corpus;
  if (!c) {
    return (
      <p class="corpus-status" data-testid="corpus-status" data-not-added={insight.notAdded}>
        {t(insight.notAdded === 'not-policy' ? 'panel.notInCorpusNotPolicy' : 'panel.notInCorpus')}
      </p>
    );
  }
  return (
    <p class="corpus-status" data-testid="corpus-status" data-origin={c.origin} data-corpus-id={c.id}>
      <span class={`badge origin-${c.origin}`}>{t('panel.inCorpusBadge')}</span>{' '}
      {c.addedNow ? t('panel.addedNow') : t('panel.inCorpus', formatDate(c.addedAt), t(`origin.${c.origin}`))}
    </p>
  );
}
