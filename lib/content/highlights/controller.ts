/**
 * The reader's highlights on one article page, wired together: the stored highlights are anchored
 * (time-sliced) and painted, text that arrives late is retried, a selection in the body offers the
 * toolbar, a click on a highlight opens its popover, and every change goes through `api` (the
 * background), whose broadcast brings all tabs on the article — this one included — back through
 * `refresh()`.
 *
 * The controller keeps the truth it shows in three maps (records as stored, anchored ranges,
 * orphans with their reason) and reports a plain, serialisable `HighlightsView` for the panel.
 */
import type { HighlightToAnchor, OrphanReason } from '../../anchoring';
import type { HighlightRecord } from '../../db/schema';
import { DEFAULT_COLOR, palette, type HighlightColor, type PaletteEntry } from '../../highlights/colors';
import { t } from '../../i18n/content';
import type { HighlightList } from '../../messages/contract';
import type { TextTarget } from '../../messages/contract';
import { findText, scrollToRange } from '../reveal';
import { anchorHighlights, isStale, watchLateContent, type AnchoredHighlight, type AnchorRun, type LateContentWatcher } from './anchor-runner';
import { mountNotePopover } from './note-popover';
import { createPainter } from './painter';
import { captureSelection, type CapturedSelection, type SelectionRefusal } from './selection';
import { mountSelectionToolbar } from './toolbar';
import { mountUndoToast } from './undo-toast';

/** The background's highlight messages, as functions that resolve or reject with the refusal. */
export interface HighlightApi {
  list(articleKey: string): Promise<HighlightList>;
  create(input: Record<string, unknown>): Promise<HighlightRecord>;
  update(id: string, patch: Record<string, unknown>): Promise<HighlightRecord>;
  remove(id: string): Promise<HighlightRecord | null>;
  restore(record: HighlightRecord): Promise<HighlightRecord>;
}

export type HighlightStatus = 'anchored' | 'orphan' | 'pending';

/** One highlight as the panel lists it. */
export interface PageHighlight {
  id: string;
  color: string;
  note: string;
  tags: string[];
  quote: string;
  status: HighlightStatus;
  /** Where it is in the page text now (anchored), else where it was when made: reading order. */
  start: number;
  reason?: OrphanReason;
  createdAt: string;
}

export interface HighlightsView {
  /** False until the stored highlights were loaded and a first anchoring pass ran. */
  loaded: boolean;
  /** The highlights could not be loaded: why. */
  error?: string;
  /** Whether they are painted in the page; the panel says so when not. */
  painted: boolean;
  palette: PaletteEntry[];
  /** Reading order, orphans included (the panel lists them apart). */
  items: PageHighlight[];
  /** The reader asked, in the page, to write this highlight's note: the panel opens its note box (`seq` tells requests apart). */
  editRequest?: { id: string; seq: number };
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

function toAnchor(r: HighlightRecord): HighlightToAnchor {
  return { id: r.id, quote: r.quote, position: r.position };
}

/** What anchoring depends on: a highlight whose key changed (re-attached) must be anchored again. */
function anchorKey(r: HighlightRecord): string {
  return JSON.stringify([r.quote.exact, r.quote.prefix, r.quote.suffix, r.position.start, r.position.end]);
}

/** Why a selection cannot be highlighted, for the reader. */
export function refusalMessage(reason: SelectionRefusal): string {
  return t(`highlights.selection.${reason}`);
}

export function createHighlightController(options: ControllerOptions): HighlightController {
  const { doc, body, article, api } = options;
  const records = new Map<string, HighlightRecord>();
  const anchored = new Map<string, AnchoredHighlight>();
  const orphans = new Map<string, OrphanReason>();
  let colors = palette({});
  let loaded = false;
  let loadError: string | undefined;
  let captured: CapturedSelection | null = null;
  let watcher: LateContentWatcher | null = null;
  let editRequest: HighlightsView['editRequest'];
  let destroyed = false;

  const painter = createPainter(doc, { body });
  const undo = mountUndoToast(doc);

  const view = (): HighlightsView => {
    const items: PageHighlight[] = [...records.values()].map((r) => {
      const a = anchored.get(r.id);
      const reason = orphans.get(r.id);
      return {
        id: r.id,
        color: r.color,
        note: r.note,
        tags: r.tags,
        quote: r.quote.exact,
        status: a ? 'anchored' : reason ? 'orphan' : 'pending',
        start: a ? a.start : r.position.start,
        ...(reason && !a ? { reason } : {}),
        createdAt: r.createdAt,
      };
    });
    items.sort((x, y) => x.start - y.start || x.createdAt.localeCompare(y.createdAt) || x.id.localeCompare(y.id));
    return { loaded, ...(loadError ? { error: loadError } : {}), ...(editRequest ? { editRequest } : {}), painted: painter.supported, palette: colors, items };
  };
  const changed = () => {
    if (!destroyed) options.onChange(view());
  };

  const paintOne = (a: AnchoredHighlight) => {
    const r = records.get(a.id);
    if (!r) return;
    anchored.set(a.id, a);
    orphans.delete(a.id);
    painter.paint([{ id: a.id, range: a.range, color: r.color, hasNote: r.note !== '' }]);
  };

  /**
   * Applies a pass's outcomes to the highlights still as they were when it was asked: one deleted
   * or re-attached meanwhile (another tab, the panel) is left to the pass its change started.
   */
  const apply = (run: AnchorRun, asked: ReadonlyMap<string, string>) => {
    const current = (id: string) => {
      const r = records.get(id);
      return r !== undefined && asked.get(id) === anchorKey(r);
    };
    for (const a of run.anchored) if (current(a.id)) paintOne(a);
    for (const o of run.orphans) {
      if (!current(o.id)) continue;
      anchored.delete(o.id);
      painter.remove(o.id);
      orphans.set(o.id, o.reason);
    }
  };
  const keysOf = (list: readonly HighlightRecord[]) => new Map(list.map((r) => [r.id, anchorKey(r)]));

  const anchor = async (list: HighlightRecord[]) => {
    if (list.length === 0) return;
    const asked = keysOf(list);
    const run = await anchorHighlights(body, list.map(toAnchor));
    if (!destroyed) apply(run, asked);
  };

  /** Orphans, and anchored highlights whose text the page replaced: what late content may fix. */
  const pending = (): HighlightToAnchor[] =>
    [...records.values()].filter((r) => orphans.has(r.id) || (anchored.has(r.id) && isStale(anchored.get(r.id)!, body))).map(toAnchor);

  const watch = () => {
    if (watcher || destroyed) return;
    watcher = watchLateContent(body, {
      ...(options.container ? { container: options.container } : {}),
      pending,
      stopWhenSettled: false,
      onRun: (run) => {
        apply(run, keysOf([...records.values()]));
        changed();
      },
      onError: (error) => console.warn('[Policy Lens] re-anchoring after a page change failed:', error),
    });
  };

  /** Takes in the stored list: drops the deleted, repaints the edited, anchors the new and re-attached. */
  const reconcile = async (list: HighlightList) => {
    colors = palette(list.colorRenames);
    toolbar.setColors(colors);
    popover.setColors(colors);
    const incoming = new Map(list.highlights.map((r) => [r.id, r]));
    for (const id of [...records.keys()]) {
      if (incoming.has(id)) continue;
      records.delete(id);
      anchored.delete(id);
      orphans.delete(id);
      painter.remove(id);
      if (popover.currentId() === id) popover.close();
    }
    const toAnchor: HighlightRecord[] = [];
    for (const [id, next] of incoming) {
      const prev = records.get(id);
      records.set(id, next);
      if (!prev || anchorKey(prev) !== anchorKey(next)) toAnchor.push(next);
      else if (prev.color !== next.color || prev.note !== next.note) {
        painter.update(id, { color: next.color, hasNote: next.note !== '' });
        popover.update({ id, color: next.color, hasNote: next.note !== '', quote: next.quote.exact });
      }
    }
    await anchor(toAnchor);
  };

  const refresh = async () => {
    try {
      await reconcile(await api.list(article.key));
      loadError = undefined;
    } catch (error) {
      loadError = (error as Error).message;
    }
    loaded = true;
    changed();
  };

  const requestNoteEdit = (id: string) => {
    editRequest = { id, seq: (editRequest?.seq ?? 0) + 1 };
    options.onNoteRequested?.();
    changed();
  };

  const create = async (sel: CapturedSelection, color: HighlightColor) => {
    const record = await api.create({ articleKey: article.key, url: article.url, title: article.title, quote: sel.quote, position: sel.position, color });
    records.set(record.id, record);
    await anchor([record]);
    doc.getSelection()?.removeAllRanges();
    captured = null;
    changed();
    return record;
  };

  const toolbar = mountSelectionToolbar(doc, {
    colors,
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
    colors,
    onEditNote: (id) => requestNoteEdit(id),
    onRecolor: async (id, color) => void (await api.update(id, { color })),
    onDelete: async (id) => {
      const removed = await api.remove(id);
      if (!removed) return;
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
    const record = id ? records.get(id) : undefined;
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
      const range = anchored.get(id)?.range;
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
      records.set(id, record);
      await anchor([record]);
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
