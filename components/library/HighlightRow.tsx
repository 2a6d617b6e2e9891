import { useRef } from 'preact/hooks';
import type { HighlightRecord } from '@/lib/db/schema';
import { COLOR_STYLES, colorOrDefault, type HighlightColor, type PaletteEntry } from '@/lib/highlights/colors';
import { NOTE_MAX } from '@/lib/highlights/limits';
import { formatDate, t } from '@/lib/i18n';
import type { HighlightEdit } from '@/lib/library/deps';
import { formatTags, parseTags, tagsProblem } from '@/lib/library/list-query';
import { isComposingKey } from '@/lib/text/composition';
import { shorten } from '@/lib/text/shorten';
import { DiscardPrompt } from '../shared/DiscardPrompt';
import { useAction } from '../shared/use-action';
import { useDraft } from '../shared/use-draft';

/** What a row can do; each rejects with the reason (which names the field). */
export type RowActions = {
  open(id: string): void;
  update(id: string, patch: HighlightEdit): Promise<unknown>;
  remove(id: string): void;
};

type Props = { highlight: HighlightRecord; palette: PaletteEntry[]; actions: RowActions };

const QUOTE_LABEL = 30;

/** `base`: the note as it was when the editor opened, sent with the save (a save made elsewhere meanwhile is kept too). */
type Draft = { note: string; tags: string; base: string };
const sameDraft = (a: Draft, b: Draft) => a.note === b.note && a.tags === b.tags;
const isDraft = (value: unknown): value is Draft =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Draft).note === 'string' &&
  typeof (value as Draft).tags === 'string' &&
  typeof (value as Draft).base === 'string';

/** Why a draft would be refused, in the reader's language, before asking the background. */
function draftProblem(draft: Draft): string | null {
  if (draft.note.length > NOTE_MAX) return t('highlights.note.tooLong', NOTE_MAX, draft.note.length);
  const problem = tagsProblem(parseTags(draft.tags));
  if (problem?.kind === 'too-many') return t('library.row.tooManyTags', problem.max);
  if (problem?.kind === 'too-long') return t('library.row.tagTooLong', problem.max, shorten(problem.tag, 20));
  return null;
}

/**
 * One highlight in the library: its quote (a click opens the article there), note, tags, colour and
 * date; edit the note and tags in place, recolour, delete (the list offers undo). Everything is text
 * nodes: a note or quote holding markup stays text.
 */
export function HighlightRow({ highlight: h, palette, actions }: Props) {
  // A popup closes on any click outside it: the draft store keeps an unsaved edit for next time.
  const edit = useDraft<Draft>(
    `library:${h.id}`,
    { note: h.note, tags: formatTags(h.tags), base: h.note },
    { same: sameDraft, valid: isDraft },
  );
  const draft = edit.draft;
  const box = useRef<HTMLTextAreaElement>(null);
  const { busy, error, setError, run } = useAction();
  const color = colorOrDefault(h.color);
  const label = palette.find((p) => p.id === color)?.label ?? color;
  const short = shorten(h.quote.exact, QUOTE_LABEL);
  const noteId = `library-note-${h.id}`;
  const tagsId = `library-tags-${h.id}`;

  const save = async () => {
    if (!draft) return;
    const problem = draftProblem(draft);
    if (problem) {
      setError(problem);
      return;
    }
    const tags = parseTags(draft.tags);
    const patch: HighlightEdit = {};
    if (draft.note !== draft.base) {
      patch.note = draft.note;
      patch.baseNote = draft.base;
    }
    if (formatTags(tags) !== formatTags(h.tags)) patch.tags = tags;
    let saved: unknown;
    // The draft stays open until the background confirms, so a refused save loses nothing.
    if (Object.keys(patch).length === 0 || (await run(async () => (saved = await actions.update(h.id, patch))))) {
      edit.close();
      // Saved elsewhere meanwhile: the background kept both versions; say so.
      if (patch.note !== undefined && (saved as HighlightRecord | undefined)?.note !== patch.note) setError(t('highlights.note.conflict'));
    }
  };

  return (
    <li
      class="library-row"
      data-testid="library-highlight"
      data-id={h.id}
      data-color={color}
      style={{ '--row-color': COLOR_STYLES[color].swatch }}
    >
      <button
        type="button"
        class="quote"
        data-testid="library-open"
        aria-label={t('library.row.open', short)}
        onClick={() => actions.open(h.id)}
      >
        <span lang="zh-CN">{h.quote.exact}</span>
      </button>
      {draft === null && h.note !== '' && (
        <p class="note" data-testid="library-note">
          {h.note}
        </p>
      )}
      {draft === null && h.tags.length > 0 && (
        <ul class="tags" aria-label={t('library.row.tags')} data-testid="library-tags">
          {h.tags.map((tag) => (
            <li key={tag} class="tag">
              {tag}
            </li>
          ))}
        </ul>
      )}
      {draft !== null && (
        <div
          class="row-editor"
          onKeyDown={(e) => {
            // Enter and Esc belong to the input method while it composes (pinyin → 医保).
            if (isComposingKey(e)) return;
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save();
            if (e.key === 'Escape' && !edit.asking) {
              // Esc closes the editor (asking first when the draft changed), not the popup.
              e.preventDefault();
              e.stopPropagation();
              setError(null);
              edit.requestClose();
            }
          }}
        >
          <label for={noteId}>{t('library.row.note')}</label>
          <textarea
            id={noteId}
            data-testid="library-note-input"
            rows={3}
            value={draft.note}
            placeholder={t('highlights.note.placeholder')}
            // Focus follows the reader's own click on "Edit".
            autoFocus
            ref={box}
            onInput={(e) => {
              const note = (e.currentTarget as HTMLTextAreaElement).value;
              edit.change((d) => ({ ...d, note }));
            }}
          />
          <label for={tagsId}>{t('library.row.tags')}</label>
          <input
            id={tagsId}
            type="text"
            data-testid="library-tags-input"
            value={draft.tags}
            aria-describedby={`${tagsId}-hint`}
            onInput={(e) => {
              const tags = (e.currentTarget as HTMLInputElement).value;
              edit.change((d) => ({ ...d, tags }));
            }}
          />
          <p class="hint" id={`${tagsId}-hint`}>
            {t('library.row.tagsHint')} {t('highlights.note.hint')}
          </p>
          {edit.asking && (
            <DiscardPrompt
              onKeep={() => {
                edit.keep();
                box.current?.focus();
              }}
              onDiscard={edit.close}
            />
          )}
        </div>
      )}
      <div class="row-meta">
        <span class="swatch" style={{ background: COLOR_STYLES[color].swatch }} aria-hidden="true" />
        <span class="color-label">{label}</span>
        <span class="muted"> · {t('library.row.created', formatDate(h.createdAt))}</span>
      </div>
      <div class="row-actions">
        {draft === null ? (
          <button type="button" class="link" data-testid="library-edit" disabled={busy} onClick={edit.open}>
            {t('library.row.edit')}
          </button>
        ) : (
          <>
            <button type="button" class="primary" data-testid="library-save" disabled={busy} onClick={() => void save()}>
              {t('highlights.note.save')}
            </button>
            <button
              type="button"
              class="link"
              disabled={busy}
              data-testid="library-cancel"
              onClick={() => {
                setError(null);
                edit.requestClose();
              }}
            >
              {t('highlights.note.cancel')}
            </button>
          </>
        )}
        <select
          class="recolor"
          data-testid="library-color"
          aria-label={t('panel.highlights.colorLabel', short)}
          value={color}
          disabled={busy}
          onChange={(e) => void run(() => actions.update(h.id, { color: (e.currentTarget as HTMLSelectElement).value as HighlightColor }))}
        >
          {palette.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
        <button
          type="button"
          class="link danger"
          data-testid="library-delete"
          aria-label={t('panel.highlights.deleteLabel', short)}
          disabled={busy}
          onClick={() => actions.remove(h.id)}
        >
          {t('panel.highlights.delete')}
        </button>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
