/**
 * The selection toolbar: colour buttons (each named by its meaning, 重点 / 数据 / …) that highlight
 * the selection at once, and "add note", which highlights it in the default colour and hands over to
 * the panel, where the caller opens the note box (the reader can recolour later).
 *
 * There is deliberately no note box here. This UI lives in the page (a closed shadow root on the
 * Sina article), and a page script with a capture-phase keydown/input listener on window sees every
 * keystroke typed in it, before our shadow root can stop the event. A note is private, so it is typed
 * only in the panel, an extension page in its own frame that page scripts cannot read.
 *
 * It keeps the page's selection visible while used (mousedown on its buttons does not clear it),
 * never takes focus unless asked (a reader who just selected with the mouse keeps reading), and is
 * fully usable from the keyboard: Tab or the arrow keys move between buttons, Esc closes, focus
 * returns where it was.
 *
 * The caller captures the selection (selection.ts) before showing the toolbar; callbacks only say
 * which colour the reader chose.
 */
import { t } from '../../../i18n/content';
import { DEFAULT_COLOR, type HighlightColor } from '../../../highlights/colors';
import type { AnchorTarget } from './geometry';
import { arrowNavigation, el, follow, mountShadowHost, swatchDot } from './shadow-ui';

export interface ToolbarColor {
  id: HighlightColor;
  label: string;
  swatch: string;
}

export interface SelectionToolbarOptions {
  /** The palette with the reader's labels (`palette()` from lib/highlights/colors). */
  colors: readonly ToolbarColor[];
  /** The colour "add note" highlights in (DEFAULT_COLOR when not given). */
  defaultColor?: HighlightColor;
  /** A colour button: highlight the captured selection. A rejection is shown in the toolbar. */
  onHighlight(color: HighlightColor): void | Promise<void>;
  /**
   * "Add note": highlight the captured selection in the default colour; the caller then opens the
   * note box in the panel (the note is never typed in the page). A rejection is shown in the toolbar.
   */
  onNote(color: HighlightColor): void | Promise<void>;
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

// "Add note" gets a line of its own under the colours: the same place whatever the labels' length.
const CSS = `
.card { display: flex; flex-direction: column; gap: 4px; }
.add-note { flex-basis: 100%; justify-content: center; border-top: 1px solid rgba(127,127,127,.3); border-radius: 0 0 6px 6px; }
`;

/** Size before the first layout (tests, a hidden frame): four labelled buttons over "add note". */
const FALLBACK_SIZE = { width: 340, height: 72 };

export function mountSelectionToolbar(doc: Document, options: SelectionToolbarOptions): SelectionToolbar {
  const ui = mountShadowHost(doc, CSS);
  const colorRow = el(doc, 'div', { class: 'row colors' });
  const noteButton = el(doc, 'button', { type: 'button', class: 'add-note' }, '✎ ', t('highlights.toolbar.addNote'));
  const status = el(doc, 'p', { class: 'error', role: 'alert', hidden: true });
  const bar = el(doc, 'div', { class: 'row' }, colorRow, noteButton);
  const card = el(doc, 'div', { class: 'card', role: 'toolbar', 'aria-label': t('highlights.toolbar.label'), hidden: true }, bar, status);
  ui.root.append(card);

  const noteColor: HighlightColor = options.defaultColor ?? DEFAULT_COLOR;
  let colors: readonly ToolbarColor[] = options.colors;
  let open = false;
  let busy = false;
  let unfollow: (() => void) | undefined;
  let returnFocus: Element | null = null;

  const colorButtons = () => Array.from(colorRow.querySelectorAll('button'));

  const renderColors = () => {
    colorRow.replaceChildren(
      ...colors.map((c) =>
        el(
          doc,
          'button',
          { type: 'button', class: 'color', 'data-color': c.id, title: c.label, 'aria-label': t('highlights.toolbar.color', c.label) },
          swatchDot(doc, c.swatch),
          c.label,
        ),
      ),
    );
  };

  const showStatus = (message: string | null) => {
    status.textContent = message ?? '';
    status.hidden = message === null;
  };

  function hide(): void {
    if (!open) return;
    open = false;
    card.hidden = true;
    unfollow?.();
    unfollow = undefined;
    const hadFocus = ui.root.activeElement !== null;
    showStatus(null);
    // Duck-typed: instanceof fails across the content script / page boundary in Firefox.
    if (hadFocus && typeof (returnFocus as HTMLElement | null)?.focus === 'function') (returnFocus as HTMLElement).focus();
    returnFocus = null;
    options.onClose?.();
  }

  /** Runs a highlight callback once at a time: closes on success, shows why on failure. */
  const run = (action: () => void | Promise<void>) => {
    if (busy) return;
    busy = true;
    showStatus(null);
    Promise.resolve()
      .then(action)
      .then(hide, (error: unknown) => showStatus(t('error.generic', error instanceof Error ? error.message : String(error))))
      .finally(() => (busy = false));
  };

  colorRow.addEventListener('click', (e) => {
    const color = (e.target as Element).closest('button')?.getAttribute('data-color') as HighlightColor | null | undefined;
    if (color) run(() => options.onHighlight(color));
  });
  noteButton.addEventListener('click', () => run(() => options.onNote(noteColor)));

  // Keep the page's selection: a mousedown on a button would otherwise collapse it in some engines.
  card.addEventListener('mousedown', (e) => e.preventDefault());
  card.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    hide();
  });
  arrowNavigation(bar, () => [...colorButtons(), noteButton]);

  // Any mousedown the document sees is outside the toolbar (events inside stop at the shadow root).
  const onOutside = () => {
    if (open) hide();
  };
  doc.addEventListener('mousedown', onOutside);

  renderColors();

  return {
    show(target, opts = {}) {
      showStatus(null);
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
