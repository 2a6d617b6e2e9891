import { useEffect, useRef, useState } from 'preact/hooks';
import type { HighlightsView, PageHighlight } from '@/lib/content/highlights/controller';
import { COLOR_STYLES, colorOrDefault, type HighlightColor, type PaletteEntry } from '@/lib/highlights/colors';
import { NOTE_MAX } from '@/lib/highlights/limits';
import { t } from '@/lib/i18n';
import { shorten } from '@/lib/text/shorten';
import { useAction } from '../shared/use-action';

/** What the reader can do with a highlight from the panel; each resolves, or rejects with the reason. */
export type HighlightActions = {
  show(id: string): Promise<boolean>;
  /** `baseNote`: the note as the editor opened with it (a save made elsewhere meanwhile is then kept too). */
  saveNote(id: string, note: string, baseNote?: string): Promise<void>;
  recolor(id: string, color: HighlightColor): Promise<void>;
  remove(id: string): Promise<void>;
  reattach(id: string): Promise<void>;
};

type Props = { view: HighlightsView | undefined; actions?: HighlightActions | undefined };

const QUOTE_SHOWN = 120;

/**
 * "My highlights": the page's highlights in reading order with colour, quote and note (editable in
 * place — typed here, in the extension's frame, a note is out of the page's reach), then the orphans
 * apart with why they could not be placed, to re-attach or delete.
 */
export function HighlightList({ view, actions }: Props) {
  if (!view || !view.loaded) {
    return (
      <p class="status" role="status" data-testid="highlights-loading">
        <span class="spinner" aria-hidden="true" />
        {t('panel.highlights.loading')}
      </p>
    );
  }
  if (view.error) {
    return (
      <p class="error" role="alert" data-testid="highlights-error">
        {t('panel.highlights.error', view.error)}
      </p>
    );
  }
  const placed = view.items.filter((h) => h.status !== 'orphan');
  const orphans = view.items.filter((h) => h.status === 'orphan');
  if (view.items.length === 0) return <p class="empty">{t('panel.highlightsEmpty')}</p>;
  return (
    <>
      {!view.painted && <p class="hint">{t('panel.highlights.notPainted')}</p>}
      {placed.length > 0 && (
        <ol class="highlights" data-testid="highlight-list">
          {placed.map((h) => (
            <HighlightItem key={h.id} item={h} palette={view.palette} actions={actions} editRequest={view.editRequest} />
          ))}
        </ol>
      )}
      {orphans.length > 0 && (
        <div class="orphans" data-testid="orphans">
          <h3>
            {t('panel.highlights.orphans')} <span class="heading-count">{orphans.length}</span>
          </h3>
          <p class="hint">{t('panel.highlights.orphansHint')}</p>
          <ol class="highlights">
            {orphans.map((h) => (
              <HighlightItem key={h.id} item={h} palette={view.palette} actions={actions} editRequest={view.editRequest} />
            ))}
          </ol>
        </div>
      )}
    </>
  );
}

type ItemProps = { item: PageHighlight; palette: PaletteEntry[]; actions: HighlightActions | undefined; editRequest: HighlightsView['editRequest'] };

function HighlightItem({ item, palette, actions, editRequest }: ItemProps) {
  const [draft, setDraftText] = useState<string | null>(null);
  // The note the editor opened with, sent with the save so a save made elsewhere meanwhile is not lost.
  const base = useRef<string>('');
  const setDraft = (next: string | null | ((current: string | null) => string | null)) =>
    setDraftText((current) => {
      const value = typeof next === 'function' ? next(current) : next;
      if (current === null && value !== null) base.current = item.note;
      return value;
    });
  const li = useRef<HTMLLIElement>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const editing = draft !== null;
  // The note box opens because the reader asked (Edit note here, Add note in the page): focus it.
  // (Preact's autoFocus is only the attribute, which browsers honour on page load alone.)
  useEffect(() => {
    if (editing) box.current?.focus();
  }, [editing]);
  // "Add note" / "Edit note" in the page: open this note box (focus follows: the page moved it into this frame).
  const asked = editRequest?.id === item.id ? editRequest.seq : undefined;
  useEffect(() => {
    if (asked === undefined || !actions) return;
    setDraft((current) => current ?? item.note);
    li.current?.scrollIntoView({ block: 'nearest' });
  }, [asked]);
  const { busy, error, setError, run } = useAction();
  const color = colorOrDefault(item.color);
  const label = palette.find((p) => p.id === color)?.label ?? color;
  const quote = shorten(item.quote, QUOTE_SHOWN);
  const noteId = `note-${item.id}`;

  const save = async () => {
    if (draft === null) return;
    if (draft.length > NOTE_MAX) {
      setError(t('highlights.note.tooLong', NOTE_MAX, draft.length));
      return;
    }
    // The draft stays in the box until the save is confirmed, so a failed save loses nothing.
    if (await run(() => actions!.saveNote(item.id, draft, base.current))) setDraft(null);
  };

  return (
    <li ref={li} class="highlight" data-testid="highlight" data-id={item.id} data-status={item.status} data-color={color}>
      <div class="highlight-row">
        <span class="swatch" style={{ background: COLOR_STYLES[color].swatch }} title={label} aria-hidden="true" />
        {item.status === 'anchored' && actions ? (
          <button type="button" class="quote-button" data-testid="highlight-show" aria-label={t('panel.highlights.show', quote)} onClick={() => void run(() => actions.show(item.id))}>
            <span lang="zh-CN">{quote}</span>
          </button>
        ) : (
          <span class="quote-text" lang="zh-CN">
            {quote}
          </span>
        )}
      </div>
      <p class="highlight-meta">
        <span class="color-label">{label}</span>
        {item.status === 'pending' && <span> · {t('panel.highlights.pending')}</span>}
        {item.status === 'orphan' && item.reason && <span data-testid="orphan-reason"> · {t(`panel.highlights.reason.${item.reason}`)}</span>}
      </p>
      {draft === null ? (
        item.note !== '' && (
          <p class="note" data-testid="highlight-note">
            {item.note}
          </p>
        )
      ) : (
        <div class="note-form">
          <label class="visually-hidden" for={noteId}>
            {t('panel.highlights.noteLabel', shorten(item.quote, 30))}
          </label>
          <textarea
            id={noteId}
            data-testid="note-input"
            rows={3}
            value={draft}
            placeholder={t('highlights.note.placeholder')}
            ref={box}
            onInput={(e) => setDraft((e.target as HTMLTextAreaElement).value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save();
              if (e.key === 'Escape') setDraft(null);
            }}
          />
          <p class="hint">{t('highlights.note.hint')}</p>
        </div>
      )}
      {actions && (
        <div class="highlight-actions">
          {draft === null ? (
            <button type="button" class="link" data-testid="note-edit" disabled={busy} onClick={() => setDraft(item.note)}>
              {item.note === '' ? t('highlights.popover.addNote') : t('highlights.popover.editNote')}
            </button>
          ) : (
            <>
              <button type="button" class="primary" data-testid="note-save" disabled={busy} onClick={() => void save()}>
                {t('highlights.note.save')}
              </button>
              <button type="button" class="link" disabled={busy} onClick={() => setDraft(null)}>
                {t('highlights.note.cancel')}
              </button>
            </>
          )}
          <select
            class="recolor"
            aria-label={t('panel.highlights.colorLabel', shorten(item.quote, 30))}
            value={color}
            disabled={busy}
            data-testid="highlight-color"
            onChange={(e) => void run(() => actions.recolor(item.id, (e.target as HTMLSelectElement).value as HighlightColor))}
          >
            {palette.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
          {item.status === 'orphan' && (
            <button type="button" class="link" data-testid="reattach" disabled={busy} onClick={() => void run(() => actions.reattach(item.id))}>
              {t('panel.highlights.reattach')}
            </button>
          )}
          <button
            type="button"
            class="link danger"
            data-testid="highlight-delete"
            aria-label={t('panel.highlights.deleteLabel', shorten(item.quote, 30))}
            disabled={busy}
            onClick={() => void run(() => actions.remove(item.id))}
          >
            {t('panel.highlights.delete')}
          </button>
        </div>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
