import type { RelatedInsight } from '@/lib/insight/analyze';
import { formatDate, t } from '@/lib/i18n';
import { ArticleLink } from './MeasureList';

/**
 * Related corpus articles, each with how strongly it is related (in words, the score in its tooltip)
 * and why: the measures and policy words the two share. None when nothing in the corpus comes close
 * (lib/insight/related.ts): then the panel says so and where more articles come from.
 */
export function RelatedList({ related }: { related: RelatedInsight[] }) {
  if (related.length === 0) {
    return (
      <div class="empty" data-testid="related-empty">
        <p>{t('panel.relatedEmpty')}</p>
        <p>
          {t('panel.relatedHint')}{' '}
          <a href="/options.html" target="_blank" rel="noopener" data-testid="related-import">
            {t('panel.relatedImport')}
          </a>
        </p>
      </div>
    );
  }
  return (
    <ol class="related" data-testid="related">
      {related.map((r) => (
        <li key={r.id} data-article-id={r.id} data-score={r.score} data-strength={r.strength}>
          <ArticleLink id={r.id} title={r.title} url={r.url} />
          <div class="meta">
            <time dateTime={r.date}>{formatDate(r.date)}</time> ·{' '}
            <span class={`strength ${r.strength}`} data-testid="related-strength" title={t('panel.scoreTooltip', r.score.toFixed(2))}>
              {t(r.strength === 'strong' ? 'panel.strength.strong' : 'panel.strength.related')}
            </span>
          </div>
          {r.reasons.sharedMeasures.length > 0 && (
            <div class="reason" data-testid="reason">
              {t('panel.sharedMeasures', r.reasons.sharedMeasures.map((m) => m.name).join('、'))}
            </div>
          )}
          {r.reasons.sharedTerms.length > 0 && (
            <div class="reason" data-testid="reason">
              {t('panel.sharedTerms', r.reasons.sharedTerms.join('、'))}
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
