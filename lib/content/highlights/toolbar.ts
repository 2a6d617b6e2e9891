/**
 * The selection toolbar: colour buttons (each named by its meaning, 重点 / 数据 / …) that highlight
 * the selection at once, and "add note", which opens a note box; the colour buttons then choose the
 * colour of the noted highlight and Save creates it.
 *
 * It keeps the page's selection visible while used (mousedown on its buttons does not clear it),
 * never takes focus unless asked (a reader who just selected with the mouse keeps reading), and is
 * fully usable from the keyboard: Tab or the arrow keys move between buttons, Esc closes, focus
 * returns where it was.
 *
 * The caller captures the selection (selection.ts) before showing the toolbar; callbacks only say
 * which colour and note the reader chose.
 */
import { t } from '../../i18n';
import { DEFAULT_COLOR, type HighlightColor } from '../../highlights/colors';
import type { AnchorTarget } from './geometry';
import { createNoteEditor } from './note-editor';
import { arrowNavigation, el, follow, mountShadowHost, swatchDot } from './shadow-ui';

export interface ToolbarColor {
  id: HighlightColor;
  label: string;
  swatch: string;
}

export interface SelectionToolbarOptions {
  /** The palette with the reader's labels (`palette()` from lib/highlights/colors). */
  colors: readonly ToolbarColor[];
  defaultColor?: HighlightColor;
  /** A colour button: highlight the captured selection. A rejection is shown in the toolbar. */
  onHighlight(color: HighlightColor): void | Promise<void>;
  /** Save in the note box: highlight with a note. A rejection is shown and the note kept. */
  onNote(color: HighlightColor, note: string): void | Promise<void>;
  /** The toolbar closed (Esc, outside click, after a highlight was made). */
  onClose?(): void;
}

export interface ShowOptions {
  /** The selection runs from end to start: the pointer, and the toolbar, are at its start. */
  backwards?: boolean;
  /** Move focus into the toolbar (when opened from the keyboard). */
  focus?: boolean;
}

export interface SelectionToolbar {
  show(target: AnchorTarget, options?: ShowOptions): void;
  hide(): void;
  isOpen(): boolean;
  /** Focus the first colour button (e.g. from a keyboard shortcut). */
  focus(): void;
  /** New labels after the reader renamed a colour. */
  setColors(colors: readonly ToolbarColor[]): void;
  /** Whether an event came from inside the toolbar (for capture-phase listeners of the caller). */
  owns(event: Event): boolean;
  destroy(): void;
}

const CSS = `
.card { display: flex; flex-direction: column; gap: 4px; }
.note-form { display: flex; flex-direction: column; }
`;

/** Size before the first layout (tests, a hidden frame): about four labelled buttons and "add note". */
const FALLBACK_SIZE = { width: 340, height: 40 };

export function mountSelectionToolbar(doc: Document, options: SelectionToolbarOptions): SelectionToolbar {
  const ui = mountShadowHost(doc, 'policy-lens-toolbar', CSS);
  const colorRow = el(doc, 'div', { class: 'row colors' });
  const noteToggle = el(doc, 'button', { type: 'button', class: 'note-toggle', 'aria-expanded': 'false', 'aria-controls': 'pl-note' }, '✎ ', t('highlights.toolbar.addNote'));
  const status = el(doc, 'p', { class: 'error', role: 'alert', hidden: true });
  const bar = el(doc, 'div', { class: 'row' }, colorRow, noteToggle);
  const card = el(doc, 'div', { class: 'card', role: 'toolbar', 'aria-label': t('highlights.toolbar.label'), hidden: true }, bar, status);

  let colors: readonly ToolbarColor[] = options.colors;
  let noteColor: HighlightColor = options.defaultColor ?? DEFAULT_COLOR;
  let noting = false;
  let open = false;
  let busy = false;
  let unfollow: (() => void) | undefined;
  let returnFocus: Element | null = null;

  const editor = createNoteEditor(doc, 'pl-note', {
    async onSave(text) {
      await options.onNote(noteColor, text);
      hide();
    },
    onCancel: () => setNoting(false),
  });
  editor.form.id = 'pl-note';
  editor.form.hidden = true;
  card.append(editor.form);
  ui.root.append(card);

  const colorButtons = () => Array.from(colorRow.querySelectorAll('button'));

  const renderColors = () => {
    colorRow.replaceChildren(
      ...colors.map((c) => {
        const name = noting ? t('highlights.toolbar.noteColor', c.label) : t('highlights.toolbar.color', c.label);
        const button = el(
          doc,
          'button',
          { type: 'button', class: 'color', 'data-color': c.id, title: c.label, 'aria-label': name, 'aria-pressed': noting ? String(c.id === noteColor) : undefined },
          swatchDot(doc, c.swatch),
          c.label,
        );
        return button;
      }),
    );
  };

  const showStatus = (message: string | null) => {
    status.textContent = message ?? '';
    status.hidden = message === null;
  };

  const setNoting = (on: boolean) => {
    noting = on;
    editor.form.hidden = !on;
    noteToggle.setAttribute('aria-expanded', String(on));
    renderColors();
    if (on) {
      editor.reset('');
      editor.focus();
    } else {
      noteToggle.focus();
    }
  };

  function hide(): void {
    if (!open) return;
    open = false;
    card.hidden = true;
    unfollow?.();
    unfollow = undefined;
    const hadFocus = ui.root.activeElement !== null;
    if (noting) {
      noting = false;
      editor.form.hidden = true;
      noteToggle.setAttribute('aria-expanded', 'false');
    }
    showStatus(null);
    // Duck-typed: instanceof fails across the content script / page boundary in Firefox.
    if (hadFocus && typeof (returnFocus as HTMLElement | null)?.focus === 'function') (returnFocus as HTMLElement).focus();
    returnFocus = null;
    options.onClose?.();
  }

  colorRow.addEventListener('click', (e) => {
    const button = (e.target as Element).closest('button');
    const color = button?.getAttribute('data-color') as HighlightColor | null;
    if (!color || busy) return;
    if (noting) {
      noteColor = color;
      renderColors();
      colorRow.querySelector<HTMLButtonElement>(`button[data-color="${color}"]`)?.focus();
      return;
    }
    busy = true;
    showStatus(null);
    Promise.resolve()
      .then(() => options.onHighlight(color))
      .then(hide, (error: unknown) => showStatus(t('error.generic', error instanceof Error ? error.message : String(error))))
      .finally(() => (busy = false));
  });
  noteToggle.addEventListener('click', () => setNoting(!noting));

  // Keep the page's selection: a mousedown on a button would otherwise collapse it in some engines.
  card.addEventListener('mousedown', (e) => {
    if (!(e.target as Element).closest('textarea')) e.preventDefault();
  });
  card.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    if (noting && !editor.requestClose()) return;
    hide();
  });
  arrowNavigation(bar, () => [...colorButtons(), noteToggle]);

  // Any mousedown the document sees is outside the toolbar (events inside stop at the shadow root).
  const onOutside = () => {
    if (open && !(noting && editor.dirty())) hide();
  };
  doc.addEventListener('mousedown', onOutside);

  renderColors();

  return {
    show(target, opts = {}) {
      showStatus(null);
      if (noting) {
        noting = false;
        editor.form.hidden = true;
        noteToggle.setAttribute('aria-expanded', 'false');
        renderColors();
      }
      if (!open) returnFocus = doc.activeElement;
      open = true;
      card.hidden = false;
      unfollow?.();
      unfollow = follow(doc, card, target, opts.backwards ?? false, FALLBACK_SIZE);
      if (opts.focus) colorButtons()[0]?.focus();
    },
    hide,
    isOpen: () => open,
    focus: () => colorButtons()[0]?.focus(),
    setColors(next) {
      colors = next;
      renderColors();
    },
    owns: (event) => event.composedPath().includes(ui.host),
    destroy() {
      unfollow?.();
      doc.removeEventListener('mousedown', onOutside);
      ui.destroy();
    },
  };
}
