/**
 * "Highlight deleted. Undo" at the bottom of the page, for a few seconds. The countdown pauses while
 * the pointer or focus is on it, so a reader who is reaching for Undo (or reading slowly, or using
 * a screen reader) is not cut off.
 */
import { t } from '../../../i18n/content';
import { el, mountShadowHost } from './shadow-ui';

export interface UndoToast {
  show(message: string, onUndo: () => void | Promise<void>, ms?: number): void;
  hide(): void;
  isOpen(): boolean;
  destroy(): void;
}

const CSS = `
.card { left: 50%; bottom: 24px; transform: translateX(-50%); display: flex; align-items: center; gap: 10px; padding: 6px 6px 6px 12px; }
.message { margin: 0; }
`;

export const UNDO_MS = 8000;

export function mountUndoToast(doc: Document): UndoToast {
  const ui = mountShadowHost(doc, CSS);
  const message = el(doc, 'p', { class: 'message' });
  const undo = el(doc, 'button', { type: 'button', class: 'primary' }, t('highlights.undo.action'));
  const error = el(doc, 'p', { class: 'error', role: 'alert', hidden: true });
  // role=status: announced politely by screen readers without moving focus.
  const card = el(doc, 'div', { class: 'card', role: 'status', hidden: true }, message, undo, error);
  ui.root.append(card);

  let timer: ReturnType<typeof setTimeout> | undefined;
  let remaining = 0;
  let startedAt = 0;
  let action: (() => void | Promise<void>) | null = null;

  const clear = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const hide = () => {
    clear();
    action = null;
    card.hidden = true;
  };
  const run = (ms: number) => {
    clear();
    remaining = ms;
    startedAt = Date.now();
    timer = setTimeout(hide, ms);
  };
  const pause = () => {
    if (timer === undefined) return;
    clear();
    remaining = Math.max(0, remaining - (Date.now() - startedAt));
  };
  const resume = () => {
    if (action && timer === undefined && !card.matches(':hover') && ui.root.activeElement === null) run(Math.max(remaining, 2000));
  };

  undo.addEventListener('click', () => {
    const todo = action;
    if (!todo) return;
    pause();
    Promise.resolve()
      .then(todo)
      .then(hide, (e: unknown) => {
        error.textContent = t('error.generic', e instanceof Error ? e.message : String(e));
        error.hidden = false;
      });
  });
  card.addEventListener('mouseenter', pause);
  card.addEventListener('mouseleave', resume);
  card.addEventListener('focusin', pause);
  card.addEventListener('focusout', () => setTimeout(resume, 0));

  return {
    show(text, onUndo, ms = UNDO_MS) {
      message.textContent = text;
      error.hidden = true;
      action = onUndo;
      card.hidden = false;
      run(ms);
    },
    hide,
    isOpen: () => !card.hidden,
    destroy() {
      clear();
      ui.destroy();
    },
  };
}
