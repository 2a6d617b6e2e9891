/**
 * The reader's highlights on one article page: the DOM shell around the pure core
 * (lib/highlights/reconcile.ts). The core decides what to anchor, paint, unpaint, repaint and
 * report after each event; this shell owns what touches the page — the painter, the anchoring runs
 * (time-sliced), the late-content watcher, the selection toolbar, the popover and the event wiring —
 * performs the core's effects, and feeds results back to it as events. Every change goes through
 * `api` (the background), whose broadcast brings all tabs on the article — this one included — back
 * through `refresh()`.
 */
import type { HighlightRecord } from '../../../db/schema';
import { DEFAULT_COLOR, palette, type HighlightColor } from '../../../highlights/colors';
import { initialState, step, viewOf, type HighlightEffect, type HighlightEvent, type HighlightsView } from '../../../highlights/reconcile';
import { t } from '../../../i18n/content';
import type { HighlightList } from '../../../messages/contract';
import type { TextTarget } from '../../../messages/contract';
import { findText, scrollToRange } from '../reveal';
import { anchorHighlights, isStale, watchLateContent, type AnchoredHighlight, type LateContentWatcher } from './anchor-runner';
import { mountNotePopover } from './note-popover';
import { createPainter } from './painter';
import { captureSelection, type CapturedSelection, type SelectionRefusal } from './selection';
import { mountSelectionToolbar } from './toolbar';
import { mountUndoToast } from './undo-toast';

export type { HighlightStatus, HighlightsView, PageHighlight } from '../../../highlights/reconcile';

/** The background's highlight messages, as functions that resolve or reject with the refusal. */
export interface HighlightApi {
  list(articleKey: string): Promise<HighlightList>;
  create(input: Record<string, unknown>): Promise<HighlightRecord>;
  update(id: string, patch: Record<string, unknown>): Promise<HighlightRecord>;
  remove(id: string): Promise<HighlightRecord | null>;
  restore(record: HighlightRecord): Promise<HighlightRecord>;
}

export interface ArticleRef {
  key: string;
  url: string;
  title: string;
}

export interface ControllerOptions {
  doc: Document;
  body: Element;
  article: ArticleRef;
  api: HighlightApi;
  /** The view changed (for the panel). */
  onChange(view: HighlightsView): void;
  /** Where to watch for late content (the body's parent, in case the page replaces the body). */
  container?: Element;
  /**
   * The reader asked in the page to write a note: bring the panel forward with focus in it. Notes are
   * typed there, in the extension's frame, because keystrokes in the page are visible to its scripts.
   */
  onNoteRequested?(): void;
}

export interface HighlightController {
  /** Loads the stored highlights, anchors and paints them. */
  load(): Promise<void>;
  /** The highlights changed somewhere (broadcast): load them again and repaint what changed. */
  refresh(): Promise<void>;
  /** Context menu, shortcut: highlight the current selection in the default colour. */
  highlightSelection(color?: HighlightColor): Promise<HighlightRecord>;
  /** Scrolls to a highlight and flashes it; false when it is not on the page (orphan). */
  reveal(id: string): boolean;
  /** Scrolls to a piece of the article's text (a measure's mention) and flashes it; false when it is not there. */
  revealText(target: TextTarget): boolean;
  /** Re-attaches a highlight (an orphan) to the reader's current selection. */
  reattach(id: string): Promise<HighlightRecord>;
  view(): HighlightsView;
  destroy(): void;
}

/** Why a selection cannot be highlighted, for the reader. */
export function refusalMessage(reason: SelectionRefusal): string {
  return t(`highlights.selection.${reason}`);
}

export function createHighlightController(options: ControllerOptions): HighlightController {
  const { doc, body, article, api } = options;
  let state = initialState<AnchoredHighlight>();
  /** List requests asked so far: the core tells a late reply from a current one by this number. */
  let listAsked = 0;
  /** The late-content watcher's pass now running (the core's run number for it). */
  let lateRun = 0;
  let captured: CapturedSelection | null = null;
  let watcher: LateContentWatcher | null = null;
  let editRequest: HighlightsView['editRequest'];
  let destroyed = false;

  const painter = createPainter(doc, { body });
  const undo = mountUndoToast(doc);

  const view = (): HighlightsView => viewOf(state, { painted: painter.supported, ...(editRequest ? { editRequest } : {}) });
  const changed = () => {
    if (!destroyed) options.onChange(view());
  };
  const anchoredRange = (id: string) => {
    const place = state.highlights.get(id)?.place;
    return place?.status === 'anchored' ? place.at.range : undefined;
  };

  /** Takes an event to the core, performs its effects; resolves once the runs they started are applied. */
  const dispatch = (event: HighlightEvent<AnchoredHighlight>): Promise<void> => {
    const next = step(state, event);
    state = next.state;
    return perform(next.effects);
  };

  const perform = async (effects: readonly HighlightEffect<AnchoredHighlight>[]): Promise<void> => {
    const runs: Promise<void>[] = [];
    for (const effect of effects) {
      switch (effect.type) {
        case 'anchor':
          runs.push(anchorRun(effect.run, effect.highlights));
          break;
        case 'paint':
          painter.paint([{ id: effect.id, range: effect.at.range, color: effect.color, hasNote: effect.hasNote }]);
          break;
        case 'unpaint':
          painter.remove(effect.id);
          if (effect.gone && popover.currentId() === effect.id) popover.close();
          break;
        case 'repaint':
          painter.update(effect.id, { color: effect.color, hasNote: effect.hasNote });
          popover.update({ id: effect.id, color: effect.color, hasNote: effect.hasNote, quote: effect.quote });
          break;
        case 'palette':
          toolbar.setColors(effect.palette);
          popover.setColors(effect.palette);
          break;
        case 'report':
          // The panel shows what the core set as the view's error; the log names which step failed.
          console.warn(`[Policy Lens] ${effect.code}:`, effect.error);
          break;
      }
    }
    await Promise.all(runs);
  };

  const anchorRun = async (run: number, list: Parameters<typeof anchorHighlights>[1]): Promise<void> => {
    let outcome: HighlightEvent<AnchoredHighlight>;
    try {
      outcome = { type: 'anchored', run, ...(await anchorHighlights(body, list)) };
    } catch (error) {
      outcome = { type: 'anchor-failed', run, error: messageOf(error) };
    }
    if (!destroyed) await dispatch(outcome);
  };

  /** Orphans, and anchored highlights whose text the page replaced: what late content may fix. */
  const pending = () => {
    const stale = [...state.highlights.values()].flatMap((h) =>
      h.place.status === 'anchored' && isStale(h.place.at, body) ? [h.record.id] : [],
    );
    const next = step(state, { type: 'retry', stale });
    state = next.state;
    const ask = next.effects.find((e) => e.type === 'anchor');
    lateRun = ask?.run ?? 0;
    return ask?.highlights ?? [];
  };

  const watch = () => {
    if (watcher || destroyed) return;
    watcher = watchLateContent(body, {
      ...(options.container ? { container: options.container } : {}),
      pending,
      stopWhenSettled: false,
      onRun: (run) => {
        void dispatch({ type: 'anchored', run: lateRun, ...run });
        changed();
      },
      onError: (error) => void dispatch({ type: 'anchor-failed', run: lateRun, error: messageOf(error) }),
    });
  };

  const refresh = async () => {
    const seq = ++listAsked;
    let listed: HighlightEvent<AnchoredHighlight>;
    try {
      listed = { type: 'listed', seq, list: await api.list(article.key) };
    } catch (error) {
      listed = { type: 'list-failed', seq, error: messageOf(error) };
    }
    await dispatch(listed);
    changed();
  };

  const requestNoteEdit = (id: string) => {
    editRequest = { id, seq: (editRequest?.seq ?? 0) + 1 };
    options.onNoteRequested?.();
    changed();
  };

  const create = async (sel: CapturedSelection, color: HighlightColor) => {
    const record = await api.create({
      articleKey: article.key,
      url: article.url,
      title: article.title,
      quote: sel.quote,
      position: sel.position,
      color,
    });
    await dispatch({ type: 'saved', seq: listAsked, record });
    doc.getSelection()?.removeAllRanges();
    captured = null;
    changed();
    return record;
  };

  const toolbar = mountSelectionToolbar(doc, {
    colors: palette(state.colorRenames),
    defaultColor: DEFAULT_COLOR,
    onHighlight: async (color) => {
      if (captured) await create(captured, color);
    },
    onNote: async (color) => {
      if (!captured) return;
      const record = await create(captured, color);
      requestNoteEdit(record.id);
    },
    onClose: () => {
      captured = null;
    },
  });

  const popover = mountNotePopover(doc, {
    colors: palette(state.colorRenames),
    onEditNote: (id) => requestNoteEdit(id),
    onRecolor: async (id, color) => void (await api.update(id, { color })),
    onDelete: async (id) => {
      const removed = await api.remove(id);
      if (!removed) return;
      await dispatch({ type: 'removed', seq: listAsked, id });
      changed();
      undo.show(t('highlights.undo.deleted'), async () => void (await api.restore(removed)));
    },
  });

  // A selection made with the pointer or the keyboard (Shift+arrows) in the article: offer the toolbar.
  // Only the reader's own input counts (isTrusted): a page script's synthetic events open nothing.
  const onSelectionEnd = (event: Event) => {
    if (!event.isTrusted || toolbar.owns(event) || popover.owns(event)) return;
    // After the browser has updated the selection for this event.
    setTimeout(() => {
      if (destroyed) return;
      const result = captureSelection(doc.getSelection(), { body });
      if (!result.ok) {
        if (toolbar.isOpen() && result.reason !== 'none') toolbar.hide();
        return;
      }
      captured = result.selection;
      toolbar.show(result.selection.range, { backwards: result.selection.backwards });
    }, 0);
  };
  const onKeyUp = (event: KeyboardEvent) => {
    if (event.shiftKey || event.key === 'Shift') onSelectionEnd(event);
  };
  // The reader's click on a highlight opens it, unless the click ended a selection. A page script's
  // synthetic click (isTrusted false) opens nothing: it cannot probe where the highlights are.
  const onClick = (event: MouseEvent) => {
    if (!event.isTrusted || toolbar.owns(event) || popover.owns(event)) return;
    if (!doc.getSelection()?.isCollapsed) return;
    const id = painter.hitTest(event.clientX, event.clientY);
    const record = id ? state.highlights.get(id)?.record : undefined;
    const range = id ? painter.rangeOf(id) : undefined;
    if (!record || !range) return;
    popover.open({ id: record.id, color: record.color, hasNote: record.note !== '', quote: record.quote.exact }, range);
  };
  doc.addEventListener('pointerup', onSelectionEnd);
  doc.addEventListener('keyup', onKeyUp);
  doc.addEventListener('click', onClick);

  return {
    async load() {
      await refresh();
      watch();
    },
    refresh,
    async highlightSelection(color = DEFAULT_COLOR) {
      const result = captureSelection(doc.getSelection(), { body });
      if (!result.ok) throw new Error(refusalMessage(result.reason));
      toolbar.hide();
      return create(result.selection, color);
    },
    reveal(id) {
      const range = anchoredRange(id);
      if (!range || range.collapsed) return false;
      scrollToRange(range);
      painter.flash(range);
      return true;
    },
    revealText(target) {
      const range = findText(body, target);
      if (!range) return false;
      scrollToRange(range);
      painter.flash(range);
      return true;
    },
    async reattach(id) {
      const result = captureSelection(doc.getSelection(), { body });
      if (!result.ok) throw new Error(refusalMessage(result.reason));
      const record = await api.update(id, { quote: result.selection.quote, position: result.selection.position });
      await dispatch({ type: 'saved', seq: listAsked, record });
      doc.getSelection()?.removeAllRanges();
      changed();
      return record;
    },
    view,
    destroy() {
      destroyed = true;
      watcher?.stop();
      doc.removeEventListener('pointerup', onSelectionEnd);
      doc.removeEventListener('keyup', onKeyUp);
      doc.removeEventListener('click', onClick);
      toolbar.destroy();
      popover.destroy();
      undo.destroy();
      painter.destroy();
    },
  };
}

/** An error's message, for the view and the log (a rejection need not be an Error). */
function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
