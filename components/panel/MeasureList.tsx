import { useState } from 'preact/hooks';
import type { MeasureInsight } from '@/lib/insight/analyze';
import { CATEGORY_LABELS, type MeasureCategory } from '@/lib/measures/catalogue';
import { formatDate, getLang, t } from '@/lib/i18n';

type Props = { measures: MeasureInsight[]; onReveal(measure: MeasureInsight, index: number): void };

/** Each measure with its category and mentions; a click shows the next mention, expanding shows its timeline. */
export function MeasureList({ measures, onReveal }: Props) {
  if (measures.length === 0) return <p class="empty">{t('panel.measuresEmpty')}</p>;
  return (
    <ul class="measures" data-testid="measures">
      {measures.map((m) => (
        <MeasureItem key={m.id} measure={m} onReveal={onReveal} />
      ))}
    </ul>
  );
}

function MeasureItem({ measure, onReveal }: { measure: MeasureInsight; onReveal: Props['onReveal'] }) {
  const [next, setNext] = useState(0);
  const [expanded, setExpanded] = useState(false);
  const count = measure.mentions.length;
  const category = CATEGORY_LABELS[measure.category as MeasureCategory]?.[getLang()] ?? measure.category;
  const timelineId = `timeline-${measure.id}`;
  return (
    <li class="measure" data-measure-id={measure.id}>
      <div class="measure-row">
        <button
          type="button"
          class="measure-name"
          data-testid="measure-reveal"
          aria-label={t('panel.showMention', next + 1, count, measure.name)}
          onClick={() => {
            onReveal(measure, next);
            setNext((next + 1) % count);
          }}
        >
          <span class="name">{measure.name}</span>
          <span class="gloss">{measure.gloss}</span>
        </button>
        <span class="count">{count === 1 ? t('panel.mention') : t('panel.mentions', count)}</span>
      </div>
      <div class="measure-meta">
        <span class="category">{category}</span>
        <button type="button" class="link" aria-expanded={expanded} aria-controls={timelineId} onClick={() => setExpanded(!expanded)}>
          {t('panel.timeline')} ({measure.timeline.length})
        </button>
      </div>
      {expanded && (
        <ol class="timeline" id={timelineId}>
          {measure.timeline.length === 0 && <li class="empty">{t('panel.timelineEmpty')}</li>}
          {measure.timeline.map((e) => (
            <li key={e.id}>
              <time dateTime={e.date}>{formatDate(e.date)}</time> <ArticleLink id={e.id} title={e.title} url={e.url} />
              <blockquote>{e.sentence}</blockquote>
            </li>
          ))}
        </ol>
      )}
    </li>
  );
}

/** The Sina page when the corpus knows it, otherwise the extension's reader page. */
export function ArticleLink({ id, title, url }: { id: string; title: string; url?: string }) {
  const href = url ?? `${location.origin}/reader.html#${encodeURIComponent(id)}`;
  return (
    <a href={href} target="_blank" rel="noreferrer" data-article-id={id}>
      {title}
    </a>
  );
}
