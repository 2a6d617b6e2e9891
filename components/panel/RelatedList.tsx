import type { RelatedInsight } from '@/lib/insight/analyze';
import { formatDate, t } from '@/lib/i18n';
import { ArticleLink } from './MeasureList';

/** Related corpus articles with their score and why they are related. */
export function RelatedList({ related }: { related: RelatedInsight[] }) {
  if (related.length === 0) return <p class="empty">{t('panel.relatedEmpty')}</p>;
  return (
    <ol class="related" data-testid="related">
      {related.map((r) => (
        <li key={r.id} data-article-id={r.id} data-score={r.score}>
          <ArticleLink id={r.id} title={r.title} url={r.url} />
          <div class="meta">
            <time dateTime={r.date}>{formatDate(r.date)}</time> · <span class="score">{t('panel.score', r.score.toFixed(2))}</span>
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
