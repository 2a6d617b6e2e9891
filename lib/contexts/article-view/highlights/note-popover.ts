/**
 * The popover for an existing highlight, opened by the reader's click on it (painter.hitTest): the
 * quote, whether it has a note, "edit note" (or "add note"), recolour, delete. The caller does the storing
 * (through messages) and offers undo after a delete (undo-toast.ts); this module only shows and asks.
 *
 * The note is neither shown nor edited here: "edit note" hands over to the panel, where the caller
 * opens the note box with the note in it. This popover lives in the page (a closed shadow root on
 * the Sina article), and text in the page is within a page script's reach even there: a
 * capture-phase keydown/input listener on window hears every keystroke typed in it, the reader's
 * selection or a copy of it passes through the page's own Selection and copy events, `window.find`
 * can test guesses against rendered text, and a page's @font-face rules with one `unicode-range`
 * per character tell it which characters are drawn. The panel is an extension page in its own
 * frame, which page scripts cannot read, so note text is only ever there; the popover gets only
 * whether there is a note (`hasNote`), never its text.
 *
 * A non-modal dialog: focus moves in when it opens (the reader clicked to interact), Esc closes and
 * gives focus back, the page stays usable around it. An edit of the same highlight in another tab or
 * in the panel refreshes it.
 */
import { t } from '../../../i18n/content';
import { colorOrDefault, type HighlightColor } from '../../../highlights/colors';
import type { AnchorTarget } from './geometry';
import { arrowNavigation, el, follow, mountShadowHost, swatchDot } from './shadow-ui';
import type { ToolbarColor } from './toolbar';
import { shorten } from '../../../text/shorten';

export interface PopoverHighlight {
  id: string;
  color: string;
  /** Whether the highlight has a note (its text stays in the panel). */
  hasNote: boolean;
  /** The highlighted text (quote.exact), shown shortened as the dialog's heading. */
  quote: string;
}

export interface NotePopoverOptions {
  colors: readonly ToolbarColor[];
  /**
   * "Edit note" / "Add note": open the note box for this highlight in the panel (the note is never
   * typed in the page). The popover closes once this resolves, giving focus back to where it was
   * before it opened; a rejection is shown in the popover, which stays open.
   */
  onEditNote(id: string): void | Promise<void>;
  onRecolor(id: string, color: HighlightColor): void | Promise<void>;
  /** Delete; the caller then offers undo. */
  onDelete(id: string): void | Promise<void>;
  onClose?(): void;
}

export interface NotePopover {
  open(highlight: PopoverHighlight, target: AnchorTarget, options?: { focus?: boolean }): void;
  /** The highlight changed elsewhere (another tab, the panel): refresh if it is the one shown. */
  update(highlight: PopoverHighlight): void;
  close(): void;
  isOpen(): boolean;
  currentId(): string | null;
  setColors(colors: readonly ToolbarColor[]): void;
  owns(event: Event): boolean;
  destroy(): void;
}

const CSS = `
.card { width: 320px; display: flex; flex-direction: column; gap: 6px; }
.head { display: flex; align-items: flex-start; gap: 6px; }
.quote { flex: 1; margin: 0; padding: 2px 0 2px 8px; border-left: 3px solid var(--swatch, #f2c200); color: inherit; opacity: .85; overflow-wrap: anywhere; }
.note-state { margin: 0; opacity: .8; font-style: italic; }
.delete { color: #b3261e; }
@media (prefers-color-scheme: dark) { .delete { color: #ff8a80; } }
`;

const QUOTE_SHOWN = 60;
const FALLBACK_SIZE = { width: 320, height: 180 };

export function mountNotePopover(doc: Document, options: NotePopoverOptions): NotePopover {
  const ui = mountShadowHost(doc, CSS);
  const quote = el(doc, 'blockquote', { class: 'quote', id: 'pl-pop-quote' });
  const closeButton = el(
    doc,
    'button',
    { type: 'button', class: 'close', 'aria-label': t('highlights.popover.close'), title: t('highlights.popover.close') },
    '×',
  );
  const noteState = el(doc, 'p', { class: 'note-state' });
  const editButton = el(doc, 'button', { type: 'button', class: 'edit' });
  const view = el(doc, 'div', { class: 'view' }, noteState, el(doc, 'div', { class: 'row' }, editButton));
  const colorRow = el(doc, 'div', { class: 'row colors', role: 'group', 'aria-label': t('highlights.popover.colors') });
  const deleteButton = el(doc, 'button', { type: 'button', class: 'delete' }, t('highlights.popover.delete'));
  const status = el(doc, 'p', { class: 'error', role: 'alert', hidden: true });
  const card = el(
    doc,
    'div',
    { class: 'card', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'pl-pop-quote', hidden: true },
    el(doc, 'div', { class: 'head' }, quote, closeButton),
    view,
  );

  let colors: readonly ToolbarColor[] = options.colors;
  let current: (PopoverHighlight & { color: HighlightColor }) | null = null;
  let handingOver = false;
  let unfollow: (() => void) | undefined;
  let returnFocus: Element | null = null;

  card.append(colorRow, el(doc, 'div', { class: 'row' }, deleteButton), status);
  ui.root.append(card);

  const showStatus = (message: string | null) => {
    status.textContent = message ?? '';
    status.hidden = message === null;
  };
  const failed = (error: unknown) => showStatus(t('error.generic', error instanceof Error ? error.message : String(error)));

  function render(): void {
    if (!current) return;
    const label = colors.find((c) => c.id === current?.color);
    quote.textContent = shorten(current.quote, QUOTE_SHOWN);
    quote.setAttribute('aria-label', t('highlights.popover.label', shorten(current.quote, QUOTE_SHOWN)));
    card.style.setProperty('--swatch', label?.swatch ?? '#f2c200');
    noteState.textContent = current.hasNote ? t('highlights.popover.hasNote') : t('highlights.popover.noNote');
    editButton.textContent = current.hasNote ? t('highlights.popover.editNote') : t('highlights.popover.addNote');
    colorRow.replaceChildren(
      ...colors.map((c) =>
        el(
          doc,
          'button',
          {
            type: 'button',
            class: 'color',
            'data-color': c.id,
            title: c.label,
            'aria-label': t('highlights.popover.recolor', c.label),
            'aria-pressed': String(c.id === current?.color),
          },
          swatchDot(doc, c.swatch),
          c.label,
        ),
      ),
    );
  }

  function close(): void {
    if (!current) return;
    current = null;
    card.hidden = true;
    showStatus(null);
    unfollow?.();
    unfollow = undefined;
    const hadFocus = ui.root.activeElement !== null;
    // Duck-typed: instanceof fails across the content script / page boundary in Firefox.
    if (hadFocus && typeof (returnFocus as HTMLElement | null)?.focus === 'function') (returnFocus as HTMLElement).focus();
    returnFocus = null;
    options.onClose?.();
  }

  editButton.addEventListener('click', () => {
    if (!current || handingOver) return;
    const id = current.id;
    handingOver = true;
    showStatus(null);
    Promise.resolve()
      .then(() => options.onEditNote(id))
      .then(() => {
        if (current?.id === id) close();
      }, failed)
      .finally(() => (handingOver = false));
  });
  closeButton.addEventListener('click', close);
  colorRow.addEventListener('click', (e) => {
    const color = (e.target as Element).closest('button')?.getAttribute('data-color');
    if (!current || !color || color === current.color) return;
    const before = current.color;
    const id = current.id;
    current = { ...current, color: colorOrDefault(color) };
    render();
    colorRow.querySelector<HTMLButtonElement>(`button[data-color="${color}"]`)?.focus();
    showStatus(null);
    Promise.resolve()
      .then(() => options.onRecolor(id, colorOrDefault(color)))
      .catch((error: unknown) => {
        if (current?.id === id) {
          current = { ...current, color: before };
          render();
        }
        failed(error);
      });
  });
  deleteButton.addEventListener('click', () => {
    if (!current) return;
    const id = current.id;
    showStatus(null);
    Promise.resolve()
      .then(() => options.onDelete(id))
      .then(() => {
        if (current?.id === id) close();
      }, failed);
  });
  card.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    close();
  });
  arrowNavigation(colorRow, () => Array.from(colorRow.querySelectorAll('button')));

  const onOutside = () => {
    if (current) close();
  };
  doc.addEventListener('mousedown', onOutside);

  return {
    open(highlight, target, opts = {}) {
      if (!current) returnFocus = doc.activeElement;
      current = { ...highlight, color: colorOrDefault(highlight.color) };
      showStatus(null);
      render();
      card.hidden = false;
      unfollow?.();
      unfollow = follow(doc, card, target, false, FALLBACK_SIZE);
      if (opts.focus ?? true) editButton.focus();
    },
    update(highlight) {
      if (!current || current.id !== highlight.id) return;
      current = { ...highlight, color: colorOrDefault(highlight.color) };
      render();
    },
    close,
    isOpen: () => current !== null,
    currentId: () => current?.id ?? null,
    setColors(next) {
      colors = next;
      render();
    },
    owns: (event) => event.composedPath().includes(ui.host),
    destroy() {
      unfollow?.();
      doc.removeEventListener('mousedown', onOutside);
      ui.destroy();
    },
  };
}
