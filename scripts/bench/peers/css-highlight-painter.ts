/**
 * The painter Policy Lens used until highlights had to be private (kept for the painting bench's
 * side-by-side; the extension paints with lib/contexts/article-view/highlights/painter.ts). Its registry is the
 * page's own CSS.highlights, which any page script can list.
 *
 * Paints highlights with the CSS Custom Highlight API: ranges registered in `CSS.highlights` and
 * styled with `::highlight(name)`. The page's DOM is not touched — no wrapping <mark>s that split
 * text nodes under the page's scripts, re-render loops or "copy" handlers — so painting can never
 * break the page, and removing a highlight leaves nothing behind. The only node we add is one
 * <style> in <head> (the `::highlight()` rules must live in a document stylesheet to reach the
 * article; a shadow root's styles would not).
 *
 * One `Highlight` per palette colour (`policy-lens-yellow` …), plus `policy-lens-note`, which
 * underlines highlights that carry a note so the reader can see which ones open something on click.
 *
 * Where the API is missing (older browsers) nothing is painted, but the bookkeeping still works, so
 * the panel lists every highlight and the caller can tell the reader painting is unavailable.
 */
import { COLOR_STYLES, HIGHLIGHT_COLORS, colorOrDefault, type HighlightColor } from '../../../lib/highlights/colors';

export const HIGHLIGHT_NAME_PREFIX = 'policy-lens-';
export const NOTE_HIGHLIGHT = `${HIGHLIGHT_NAME_PREFIX}note`;
const STYLE_ID = `${HIGHLIGHT_NAME_PREFIX}highlight-style`;

export function highlightName(color: HighlightColor): string {
  return `${HIGHLIGHT_NAME_PREFIX}${color}`;
}

/** The parts of the Highlight API we use, so tests can hand in a fake registry. */
export interface HighlightLike {
  add(range: AbstractRange): unknown;
  delete(range: AbstractRange): boolean;
}
export interface HighlightRegistryLike {
  set(name: string, highlight: HighlightLike): unknown;
  delete(name: string): boolean;
}
export interface HighlightApi {
  registry: HighlightRegistryLike;
  create(): HighlightLike;
}

type HighlightWindow = Window & {
  CSS?: { highlights?: HighlightRegistryLike };
  Highlight?: new (...ranges: AbstractRange[]) => HighlightLike;
};

/** The page's Highlight API, or null where the browser lacks it. */
export function highlightApiOf(view: Window | null): HighlightApi | null {
  const w = view as HighlightWindow | null;
  const registry = w?.CSS?.highlights;
  const Ctor = w?.Highlight;
  if (!registry || typeof Ctor !== 'function') return null;
  return { registry, create: () => new Ctor() };
}

export interface PaintItem {
  id: string;
  /** A live Range (from anchorAll): it follows the DOM if the page edits text around it. */
  range: Range;
  /** Palette id; an unknown id paints in the default colour. */
  color: string;
  hasNote?: boolean;
}

export type Scheme = 'light' | 'dark';

export interface PainterOptions {
  /** The Highlight API to use; defaults to the document's window's. `null` forces the fallback. */
  api?: HighlightApi | null;
  /**
   * Light or dark shades. 'auto' (default) reads the page, not the OS: Sina's pages stay white in a
   * dark-mode OS, but a dark-theme extension turns their text light, and the shades must follow.
   */
  scheme?: Scheme | 'auto';
  /** Element whose text colour decides 'auto' (the article body). Defaults to <body>. */
  schemeSource?: Element;
  /** Caret position under a point; defaults to caretPositionFromPoint / caretRangeFromPoint. */
  caretFromPoint?: (x: number, y: number) => CaretPoint | null;
}

export interface CaretPoint {
  node: Node;
  offset: number;
}

export interface Painter {
  /** Whether highlights are actually painted (false: the API is missing, only bookkeeping). */
  readonly supported: boolean;
  /** Adds or replaces each item (by id). */
  paint(items: readonly PaintItem[]): void;
  /** Recolours, moves or toggles the note mark of one painted highlight; false if it is not painted. */
  update(id: string, change: { color?: string; range?: Range; hasNote?: boolean }): boolean;
  remove(id: string): boolean;
  /** Removes every highlight (e.g. before re-anchoring after the article changed). */
  clear(): void;
  has(id: string): boolean;
  ids(): string[];
  rangeOf(id: string): Range | undefined;
  /** The id of the highlight under a viewport point (a click), the shortest when several overlap. */
  hitTest(x: number, y: number): string | null;
  setScheme(scheme: Scheme | 'auto'): void;
  /** clear() plus removing the style element. */
  destroy(): void;
}

/** Relative luminance 0..1 of a computed `rgb(…)`/`rgba(…)` colour, or null if it is not one. */
export function luminance(color: string): number | null {
  const m = /rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(color);
  if (!m) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Light text means a dark page. */
export function schemeOf(el: Element | null | undefined): Scheme {
  const view = el?.ownerDocument.defaultView;
  if (!el || !view) return 'light';
  const l = luminance(view.getComputedStyle(el).color);
  return l !== null && l > 0.5 ? 'dark' : 'light';
}

export function highlightCss(scheme: Scheme): string {
  const rules = HIGHLIGHT_COLORS.map((c) => `::highlight(${highlightName(c)}) { background-color: ${COLOR_STYLES[c][scheme]}; }`);
  // text-decoration is one of the few properties ::highlight() accepts; a dotted underline marks a note.
  rules.push(`::highlight(${NOTE_HIGHLIGHT}) { text-decoration-line: underline; text-decoration-style: dotted; text-decoration-thickness: 2px; }`);
  return rules.join('\n');
}

interface Painted {
  range: Range;
  color: HighlightColor;
  hasNote: boolean;
}

function defaultCaretFromPoint(doc: Document): (x: number, y: number) => CaretPoint | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  return (x, y) => {
    if (typeof d.caretPositionFromPoint === 'function') {
      const p = d.caretPositionFromPoint(x, y);
      return p ? { node: p.offsetNode, offset: p.offset } : null;
    }
    if (typeof d.caretRangeFromPoint === 'function') {
      const r = d.caretRangeFromPoint(x, y);
      return r ? { node: r.startContainer, offset: r.startOffset } : null;
    }
    return null;
  };
}

function containsPoint(range: Range, point: CaretPoint): boolean {
  try {
    return range.isPointInRange(point.node, point.offset);
  } catch {
    // A point in another document or a detached node (WrongDocumentError, InvalidNodeTypeError).
    return false;
  }
}

/**
 * Whether (x, y) is on the range's painted text. The caret test alone is off by one character at
 * each end: a click on the left half of the character just after a highlight puts the caret at the
 * highlight's end, which isPointInRange counts as inside. Layout rects settle it; where the engine
 * gives no layout (tests), the caret test stands.
 */
function rectsContain(range: Range, x: number, y: number): boolean | null {
  const rects = typeof range.getClientRects === 'function' ? Array.from(range.getClientRects()) : [];
  const laidOut = rects.filter((r) => r.width > 0 || r.height > 0);
  if (laidOut.length === 0) return null;
  return laidOut.some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
}

export function createPainter(doc: Document, options: PainterOptions = {}): Painter {
  const api = options.api === undefined ? highlightApiOf(doc.defaultView) : options.api;
  const caretFromPoint = options.caretFromPoint ?? defaultCaretFromPoint(doc);
  const painted = new Map<string, Painted>();
  const byColor = new Map<HighlightColor, HighlightLike>();
  let noteHighlight: HighlightLike | undefined;
  let scheme: Scheme | 'auto' = options.scheme ?? 'auto';

  const resolvedScheme = (): Scheme => (scheme === 'auto' ? schemeOf(options.schemeSource ?? doc.body) : scheme);

  const ensureStyle = () => {
    if (!api) return;
    let style = doc.getElementById(STYLE_ID);
    if (!style) {
      style = doc.createElement('style');
      style.id = STYLE_ID;
      (doc.head ?? doc.documentElement).append(style);
    }
    const css = highlightCss(resolvedScheme());
    if (style.textContent !== css) style.textContent = css;
  };

  const colorHighlight = (color: HighlightColor): HighlightLike | undefined => {
    if (!api) return undefined;
    let h = byColor.get(color);
    if (!h) {
      h = api.create();
      byColor.set(color, h);
      api.registry.set(highlightName(color), h);
    }
    return h;
  };

  const notes = (): HighlightLike | undefined => {
    if (!api) return undefined;
    if (!noteHighlight) {
      noteHighlight = api.create();
      api.registry.set(NOTE_HIGHLIGHT, noteHighlight);
    }
    return noteHighlight;
  };

  const unpaint = (p: Painted) => {
    byColor.get(p.color)?.delete(p.range);
    if (p.hasNote) noteHighlight?.delete(p.range);
  };

  const put = (id: string, p: Painted) => {
    const old = painted.get(id);
    if (old) unpaint(old);
    painted.set(id, p);
    colorHighlight(p.color)?.add(p.range);
    if (p.hasNote) notes()?.add(p.range);
  };

  const clear = () => {
    painted.clear();
    if (!api) return;
    for (const color of byColor.keys()) api.registry.delete(highlightName(color));
    byColor.clear();
    if (noteHighlight) api.registry.delete(NOTE_HIGHLIGHT);
    noteHighlight = undefined;
  };

  return {
    supported: api !== null,
    paint(items) {
      if (items.length > 0) ensureStyle();
      for (const item of items) put(item.id, { range: item.range, color: colorOrDefault(item.color), hasNote: item.hasNote ?? false });
    },
    update(id, change) {
      const old = painted.get(id);
      if (!old) return false;
      put(id, {
        range: change.range ?? old.range,
        color: change.color === undefined ? old.color : colorOrDefault(change.color),
        hasNote: change.hasNote ?? old.hasNote,
      });
      return true;
    },
    remove(id) {
      const old = painted.get(id);
      if (!old) return false;
      unpaint(old);
      painted.delete(id);
      return true;
    },
    clear,
    has: (id) => painted.has(id),
    ids: () => [...painted.keys()],
    rangeOf: (id) => painted.get(id)?.range,
    hitTest(x, y) {
      // Nothing is visible without the API, so nothing is there to click.
      if (!api || painted.size === 0) return null;
      const point = caretFromPoint(x, y);
      let best: { id: string; length: number } | null = null;
      for (const [id, p] of painted) {
        if (p.range.collapsed) continue;
        const inRects = rectsContain(p.range, x, y);
        const hit = inRects ?? (point !== null && containsPoint(p.range, point));
        // With layout, require the caret test too when there is a caret: rects of a multi-line range
        // can include the gap at the end of a line, which is not on the text.
        if (!hit || (inRects !== null && point !== null && !containsPoint(p.range, point))) continue;
        const length = p.range.toString().length;
        if (!best || length < best.length) best = { id, length };
      }
      return best?.id ?? null;
    },
    setScheme(next) {
      scheme = next;
      if (painted.size > 0 || doc.getElementById(STYLE_ID)) ensureStyle();
    },
    destroy() {
      clear();
      doc.getElementById(STYLE_ID)?.remove();
    },
  };
}
