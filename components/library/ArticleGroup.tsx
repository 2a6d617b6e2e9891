import { Component } from 'preact';
import type { HighlightRecord } from '@/lib/db/schema';
import type { PaletteEntry } from '@/lib/highlights/colors';
import { formatDate, t } from '@/lib/i18n';
import type { LibraryGroup } from '@/lib/library';
import { parseArticleUrl } from '@/lib/sina/url';
import { HighlightRow, type RowActions } from './HighlightRow';

type Props = {
  group: LibraryGroup;
  /** The group's highlights on the current page (all, unless paging cut the last group short). */
  shown: HighlightRecord[];
  palette: PaletteEntry[];
  actions: RowActions;
  /**
   * Its place among the groups listed (from 0) and how many there are (-1: not known yet): the list
   * renders only a window of its groups, so screen readers are told where this one stands.
   */
  position: number;
  of: number;
};

/** Publication date: the corpus's, else the one in the Sina URL (Beijing date, as Sina prints it). */
function publishedOn(group: LibraryGroup): string | undefined {
  if (group.date) return formatDate(group.date);
  const fromUrl = group.url ? parseArticleUrl(group.url)?.date : undefined;
  return fromUrl ? formatDate(`${fromUrl}T12:00:00+08:00`) : undefined;
}

/**
 * One article: title (a click opens it at its first highlight), date, source, count, then its
 * highlights in reading order. Loading the next page re-renders only the groups it changes: a fully
 * shown group keeps its `group` and `shown` objects (lib/library/paging.ts), so it is skipped here.
 * (Not preact/compat's memo: importing compat switches every input's onChange to onInput, page-wide.)
 */
export class ArticleGroup extends Component<Props> {
  override shouldComponentUpdate(next: Props): boolean {
    const p = this.props;
    return (
      next.group !== p.group ||
      next.shown !== p.shown ||
      next.palette !== p.palette ||
      next.actions !== p.actions ||
      next.position !== p.position ||
      next.of !== p.of
    );
  }

  override render() {
    return <ArticleGroupView {...this.props} />;
  }
}

function ArticleGroupView({ group, shown, palette, actions, position, of }: Props) {
  const headingId = `group-${group.key}`;
  const date = publishedOn(group);
  const first = group.highlights[0];
  return (
    <li
      class="library-group"
      data-testid="library-group"
      data-key={group.key}
      aria-labelledby={headingId}
      data-position={position}
      aria-posinset={position + 1}
      aria-setsize={of}
    >
      <h3 id={headingId} class="group-title" lang="zh-CN">
        {first ? (
          <button
            type="button"
            class="title-button"
            data-testid="library-group-open"
            title={t('library.group.openLabel', group.title)}
            onClick={() => actions.open(first.id)}
          >
            {group.title}
          </button>
        ) : (
          group.title
        )}
      </h3>
      <p class="group-meta">
        {date && <span data-testid="library-group-date">{date}</span>}
        {group.source.trim() !== '' && (
          <span data-testid="library-group-source" lang="zh-CN">
            {group.source}
          </span>
        )}
        <span data-testid="library-group-count">{group.count === 1 ? t('library.group.one') : t('library.group.count', group.count)}</span>
      </p>
      <ol class="library-rows">
        {shown.map((h) => (
          <HighlightRow key={h.id} highlight={h} palette={palette} actions={actions} />
        ))}
      </ol>
    </li>
  );
}
