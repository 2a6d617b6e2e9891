import { useState } from 'preact/hooks';
import type { MeasureInsight } from '@/lib/insight/analyze';
import { CATEGORY_LABELS, type MeasureCategory } from '@/lib/measures/catalogue';
import { formatDate, getLang, t } from '@/lib/i18n';
import { displayTitle } from '@/lib/text/display-title';

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
  const lang = getLang();
  const category = CATEGORY_LABELS[measure.category as MeasureCategory]?.[lang] ?? measure.category;
  const timelineId = `timeline-${measure.id}`;
  return (
    <li class="measure" data-measure-id={measure.id} data-mentions={count} data-category={measure.category} data-by={measure.by}>
      <div class="measure-row">
        <button
          type="button"
          class="measure-name"
          data-testid="measure-reveal"
          aria-label={t('panel.showMention', next + 1, count, measure.name)}
          disabled={count === 0}
          onClick={() => {
            onReveal(measure, next);
            setNext((next + 1) % count);
          }}
        >
          <span class="name" lang="zh-CN">
            {measure.name}
          </span>
          {/* The catalogue's English gloss helps English readers; Chinese readers have the name. */}
          {lang === 'en' && measure.gloss && <span class="gloss">{measure.gloss}</span>}
        </button>
        <span class="count" data-testid="mention-count">
          {count === 1 ? t('panel.mention') : t('panel.mentions', count)}
        </span>
      </div>
      <div class="measure-meta">
        <span class="category" data-testid="category">
          {category}
        </span>
        {measure.by === 'wording' && (
          <span class="by-wording" data-testid="by-wording" title={t('panel.byWordingHint')}>
            {t('panel.byWording')}
          </span>
        )}
        {measure.timelineTotal > 0 ? (
          <button
            type="button"
            class="link"
            aria-expanded={expanded}
            aria-controls={timelineId}
            data-testid="timeline-toggle"
            onClick={() => setExpanded(!expanded)}
          >
            {t('panel.timeline')} ({measure.timelineTotal})
          </button>
        ) : (
          // Nothing to open: say so, rather than a link to an empty list.
          <span class="muted" data-testid="timeline-none">
            {t('panel.timelineNone')}
          </span>
        )}
      </div>
      {expanded && (
        <ol class="timeline" id={timelineId} data-testid="timeline" aria-label={t('panel.timelineLabel', measure.name)}>
          {measure.timeline.length === 0 && <li class="empty">{t('panel.timelineEmpty')}</li>}
          {measure.timeline.map((e) => (
            <li key={e.id} data-article-id={e.id}>
              <time dateTime={e.date}>{formatDate(e.date)}</time> <ArticleLink id={e.id} title={e.title} url={e.url} />
              <blockquote lang="zh-CN">{e.sentence}</blockquote>
            </li>
          ))}
        </ol>
      )}
      {expanded && measure.timelineTotal > measure.timeline.length && (
        <p class="hint" data-testid="timeline-latest">
          {t('panel.timelineLatest', measure.timeline.length, measure.timelineTotal)}
        </p>
      )}
    </li>
  );
}

/** Where an article opens: its Sina page when the corpus knows it, otherwise the extension's reader page. */
export function articleHref(id: string, url: string | undefined, origin: string): string {
  return url ?? `${origin}/reader.html#${encodeURIComponent(id)}`;
}

export function ArticleLink({ id, title, url }: { id: string; title: string; url?: string }) {
  return (
    <a
      href={articleHref(id, url, location.origin)}
      target="_blank"
      rel="noreferrer"
      data-article-id={id}
      data-opens={url ? 'sina' : 'reader'}
      title={url ? t('panel.opensSina') : t('panel.opensReader')}
      lang="zh-CN"
    >
      {displayTitle(title)}
    </a>
  );
}
