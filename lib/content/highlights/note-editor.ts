/**
 * The note textarea shared by the selection toolbar and the note popover.
 *
 * Notes are never lost quietly: no `maxlength` (which truncates a paste without a word), a note over
 * the limit is refused with a message and left in the box; a save that fails shows why and keeps the
 * text; Esc on an unsaved draft asks for a second Esc before discarding it.
 */
import { t } from '../../i18n';
import { NOTE_MAX } from '../../highlights/limits';
import { el } from './shadow-ui';

export interface NoteEditorCallbacks {
  onSave(text: string): void | Promise<void>;
  onCancel(): void;
}

export interface NoteEditor {
  form: HTMLFormElement;
  textarea: HTMLTextAreaElement;
  /** Starts editing `text` (the saved note, or '' for a new one). */
  reset(text: string): void;
  value(): string;
  /** The text differs from what editing started with. */
  dirty(): boolean;
  focus(): void;
  /**
   * The reader pressed Esc: true when the editor may close now (nothing unsaved, or Esc pressed
   * again within a few seconds); otherwise shows "press Esc again" and returns false.
   */
  requestClose(): boolean;
}

const DISCARD_WINDOW_MS = 3000;

export function createNoteEditor(doc: Document, idBase: string, callbacks: NoteEditorCallbacks): NoteEditor {
  const textarea = el(doc, 'textarea', { id: `${idBase}-text`, placeholder: t('highlights.note.placeholder'), 'aria-describedby': `${idBase}-hint ${idBase}-error` });
  const label = el(doc, 'label', { for: `${idBase}-text`, class: 'visually-hidden' }, t('highlights.note.label'));
  const hint = el(doc, 'p', { id: `${idBase}-hint`, class: 'hint' }, t('highlights.note.hint'));
  const error = el(doc, 'p', { id: `${idBase}-error`, class: 'error', role: 'alert', hidden: true });
  const save = el(doc, 'button', { type: 'submit', class: 'primary' }, t('highlights.note.save'));
  const cancel = el(doc, 'button', { type: 'button' }, t('highlights.note.cancel'));
  const form = el(doc, 'form', { class: 'note-form' }, label, textarea, hint, error, el(doc, 'div', { class: 'row' }, save, cancel));

  let initial = '';
  let escAt = 0;
  let saving = false;

  const showError = (message: string | null) => {
    error.textContent = message ?? '';
    error.hidden = message === null;
  };

  const submit = async () => {
    if (saving) return;
    const text = textarea.value;
    if (text.length > NOTE_MAX) {
      showError(t('highlights.note.tooLong', NOTE_MAX, text.length));
      textarea.focus();
      return;
    }
    showError(null);
    saving = true;
    try {
      await callbacks.onSave(text);
      initial = text;
    } catch (e) {
      showError(t('error.generic', e instanceof Error ? e.message : String(e)));
      textarea.focus();
    } finally {
      saving = false;
    }
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void submit();
  });
  textarea.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    }
  });
  cancel.addEventListener('click', () => {
    editor.reset(initial);
    callbacks.onCancel();
  });

  const editor: NoteEditor = {
    form,
    textarea,
    reset(text) {
      initial = text;
      textarea.value = text;
      escAt = 0;
      showError(null);
    },
    value: () => textarea.value,
    dirty: () => textarea.value !== initial,
    focus: () => textarea.focus(),
    requestClose() {
      if (!editor.dirty()) return true;
      const now = Date.now();
      if (escAt > 0 && now - escAt <= DISCARD_WINDOW_MS) return true;
      escAt = now;
      showError(t('highlights.note.discard'));
      return false;
    },
  };
  return editor;
}
