import { Component } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { HighlightsView, PageHighlight } from '@/lib/contexts/article-view/highlights/controller';
import { COLOR_STYLES, colorOrDefault, type HighlightColor, type PaletteEntry } from '@/lib/highlights/colors';
import { NOTE_MAX } from '@/lib/highlights/limits';
import { t } from '@/lib/i18n';
import { isComposingKey } from '@/lib/text/composition';
import { shorten } from '@/lib/text/shorten';
import { DiscardPrompt } from '../shared/DiscardPrompt';
import { useAction } from '../shared/use-action';
import { useDraft } from '../shared/use-draft';

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
 * Items the panel renders with its analysis, then how many more per task until all are there: an
 * article with 200 highlights made the panel's first render 150 ms long (`npm run bench -- scale`; 50 ms
 * with 30 first, 15 ms with 10), and the list sits below the measures and related articles, so the
 * first screen shows few of them anyway.
 */
const FIRST_ITEMS = 10;
const MORE_ITEMS = 60;

/** How many of `total` items to render: FIRST_ITEMS, then MORE_ITEMS more each task until all; at least through `needed`. */
function useProgressive(total: number, needed: number): number {
  const [count, setCount] = useState(FIRST_ITEMS);
  useEffect(() => {
    if (count >= total) return undefined;
    const timer = setTimeout(() => setCount((n) => n + MORE_ITEMS), 0);
    return () => clearTimeout(timer);
  }, [count, total]);
  return Math.max(count, needed + 1);
}

/**
 * "My highlights": the page's highlights in reading order with colour, quote and note (editable in
 * place — typed here, in the extension's frame, a note is out of the page's reach), then the orphans
 * apart with why they could not be placed, to re-attach or delete.
 */
export function HighlightList({ view, actions }: Props) {
  const placed = view?.items.filter((h) => h.status !== 'orphan') ?? [];
  // The one the page asks to edit is rendered at once, wherever it is in the list.
  const shown = useProgressive(placed.length, view?.editRequest ? placed.findIndex((h) => h.id === view.editRequest!.id) : -1);
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
  const orphans = view.items.filter((h) => h.status === 'orphan');
  if (view.items.length === 0) return <p class="empty">{t('panel.highlightsEmpty')}</p>;
  return (
    <>
      {!view.painted && <p class="hint">{t('panel.highlights.notPainted')}</p>}
      {placed.length > 0 && (
        <ol class="highlights" data-testid="highlight-list">
          {placed.slice(0, shown).map((h) => (
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

type ItemProps = {
  item: PageHighlight;
  palette: PaletteEntry[];
  actions: HighlightActions | undefined;
  editRequest: HighlightsView['editRequest'];
};

const sameItem = (a: PageHighlight, b: PageHighlight) =>
  a.id === b.id &&
  a.color === b.color &&
  a.note === b.note &&
  a.quote === b.quote &&
  a.status === b.status &&
  a.start === b.start &&
  a.reason === b.reason &&
  a.tags.join('\n') === b.tags.join('\n');
const askedOf = (p: ItemProps) => (p.editRequest?.id === p.item.id ? p.editRequest.seq : undefined);
// The palette arrives anew with every state (it crosses a message): compared by what it says.
const samePalette = (a: PaletteEntry[], b: PaletteEntry[]) =>
  a === b || (a.length === b.length && a.every((x, i) => x.id === b[i]!.id && x.label === b[i]!.label));

/**
 * One highlight. Every state the content script sends holds every item anew; an item whose fields,
 * palette, actions and edit request are unchanged is not rendered again. (Not preact/compat's memo:
 * importing compat switches every input's onChange to onInput, page-wide.)
 */
class HighlightItem extends Component<ItemProps> {
  override shouldComponentUpdate(next: ItemProps): boolean {
    const p = this.props;
    return (
      !sameItem(p.item, next.item) || !samePalette(p.palette, next.palette) || p.actions !== next.actions || askedOf(p) !== askedOf(next)
    );
  }

  override render() {
    return <HighlightItemView {...this.props} />;
  }
}

const isString = (value: unknown): value is string => typeof value === 'string';

function HighlightItemView({ item, palette, actions, editRequest }: ItemProps) {
  // An unsaved note survives Esc (it asks), the page reloading and the panel closing (draft store).
  const note = useDraft(`note:${item.id}`, item.note, { same: (a, b) => a === b, valid: isString });
  const draft = note.draft;
  // The note the editor opened with, sent with the save so a save made elsewhere meanwhile is not lost.
  const base = useRef(item.note);
  if (draft === null) base.current = item.note;
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
    note.open();
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
    if (await run(() => actions!.saveNote(item.id, draft, base.current))) note.close();
  };

  return (
    <li ref={li} class="highlight" data-testid="highlight" data-id={item.id} data-status={item.status} data-color={color}>
      <div class="highlight-row">
        <span class="swatch" style={{ background: COLOR_STYLES[color].swatch }} title={label} aria-hidden="true" />
        {item.status === 'anchored' && actions ? (
          <button
            type="button"
            class="quote-button"
            data-testid="highlight-show"
            aria-label={t('panel.highlights.show', quote)}
            onClick={() => void run(() => actions.show(item.id))}
          >
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
        {item.status === 'orphan' && item.reason && (
          <span data-testid="orphan-reason"> · {t(`panel.highlights.reason.${item.reason}`)}</span>
        )}
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
            onInput={(e) => note.change((e.target as HTMLTextAreaElement).value)}
            onKeyDown={(e) => {
              // Enter and Esc belong to the input method while it composes (pinyin → 医保).
              if (isComposingKey(e)) return;
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save();
              if (e.key === 'Escape') {
                e.preventDefault();
                note.requestClose();
              }
            }}
          />
          <p class="hint">{t('highlights.note.hint')}</p>
          {note.asking && (
            <DiscardPrompt
              onKeep={() => {
                note.keep();
                box.current?.focus();
              }}
              onDiscard={note.close}
            />
          )}
        </div>
      )}
      {actions && (
        <div class="highlight-actions">
          {draft === null ? (
            <button type="button" class="link" data-testid="note-edit" disabled={busy} onClick={note.open}>
              {item.note === '' ? t('highlights.popover.addNote') : t('highlights.popover.editNote')}
            </button>
          ) : (
            <>
              <button type="button" class="primary" data-testid="note-save" disabled={busy} onClick={() => void save()}>
                {t('highlights.note.save')}
              </button>
              <button type="button" class="link" data-testid="note-cancel" disabled={busy} onClick={note.requestClose}>
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
            <button
              type="button"
              class="link"
              data-testid="reattach"
              disabled={busy}
              onClick={() => void run(() => actions.reattach(item.id))}
            >
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
