/**
 * Paints highlights where the page cannot see them: boxes laid over the text from inside the page's
 * one Policy Lens host (a closed shadow root, page-ui.ts), built from the ranges' client rects.
 *
 * Why not the CSS Custom Highlight API, which paints without any box of ours: its registry is the
 * page's own `CSS.highlights`, and any page script can list the ranges in it, their colours and
 * which carry a note — that is, read back which passages the reader highlighted. Nothing here is
 * within a page's reach: the boxes are in a closed shadow tree, take no pointer events (so
 * `elementsFromPoint` never returns them), use no CSS animation (`document.getAnimations()` would
 * list it), and sit in a clipping sheet the size of the article body, laid out whether or not there
 * is anything to paint, so even the host's scroll size says nothing about where or whether the
 * reader highlighted. The page's DOM, Selection and styles are untouched.
 *
 * The sheet is absolutely positioned in document coordinates, so it scrolls with the page with no
 * work per scroll. It is laid out again, once per frame at most, when the layout may have moved the
 * text: the body or the document resizing (window, fonts, late content, images), the body's DOM
 * changing, a scrolling element around the body scrolling.
 *
 * Legibility: each box blends with the text under it — `multiply` on light pages (dark text stays
 * as dark as it was, the white around it takes the colour), `screen` on dark ones (light text stays
 * light) — in the translucent shades of lib/highlights/colors.ts. The sheet itself forms no stacking
 * context, so the boxes blend with the page, not with an empty layer. A thin underline marks a
 * highlight that carries a note; a flash (a measure's mention, a highlight opened from the library)
 * is a brighter box for a moment.
 */
import { COLOR_STYLES, HIGHLIGHT_COLORS, colorOrDefault, type HighlightColor } from '../../../highlights/colors';
import type { RectLike } from './geometry';
import { mountShadowHost } from './shadow-ui';

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
  /** The article body: the sheet covers it, and its changes (size, DOM) lay the boxes out again. */
  body: Element;
  /**
   * Light or dark shades. 'auto' (default) reads the page, not the OS: Sina's pages stay white in a
   * dark-mode OS, but a dark-theme extension turns their text light, and the shades must follow.
   */
  scheme?: Scheme | 'auto';
  /** Element whose text colour decides 'auto'. Defaults to the body. */
  schemeSource?: Element;
  /** The text's rects of a range, in viewport coordinates. Defaults to the layout's (tests without layout hand in their own). */
  rectsOf?: (range: Range) => RectLike[];
  /** Called with the duration of every layout pass and how many highlights it placed (instrumentation for the bench). */
  onLayout?: (ms: number, placed: number) => void;
}

export interface Painter {
  /** Whether highlights are actually painted (false only without layout APIs; the bookkeeping still works). */
  readonly supported: boolean;
  /** Adds or replaces each item (by id). */
  paint(items: readonly PaintItem[]): void;
  /** Recolours, moves or toggles the note mark of one painted highlight; false if it is not painted. */
  update(id: string, change: { color?: string; range?: Range; hasNote?: boolean }): boolean;
  remove(id: string): boolean;
  /** Removes every highlight. */
  clear(): void;
  has(id: string): boolean;
  ids(): string[];
  rangeOf(id: string): Range | undefined;
  /** The id of the highlight painted under a viewport point (a click), the shortest when several overlap. */
  hitTest(x: number, y: number): string | null;
  /** Shows a range brighter for a moment (a revealed mention or highlight). */
  flash(range: Range, ms?: number): void;
  setScheme(scheme: Scheme | 'auto'): void;
  /** Lays every box out now (the painter does it by itself, once per frame at most, when layout changes). */
  layout(): void;
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

/** Long enough to find the place after a smooth scroll has brought it into view. */
export const FLASH_MS = 2400;
/** The sheet reaches this far beyond the body, for glyphs that overhang its edge. */
const PAD = 8;

/** The painter's styles: the shades per scheme come from the palette. */
export function overlayCss(): string {
  const shades = HIGHLIGHT_COLORS.flatMap((c) => [
    `.sheet.light .c-${c} { background-color: ${COLOR_STYLES[c].light}; }`,
    `.sheet.dark .c-${c} { background-color: ${COLOR_STYLES[c].dark}; }`,
  ]);
  return `
.sheet { position: absolute; overflow: hidden; pointer-events: none; left: 0; top: 0; width: 0; height: 0; }
.sheet.light .box { mix-blend-mode: multiply; }
.sheet.dark .box { mix-blend-mode: screen; }
.box { position: absolute; box-sizing: border-box; pointer-events: none; }
/* A thin solid underline marks a note: a dotted one made ，and 。 read as dots. */
.sheet.light .note { border-bottom: 1px solid rgba(40, 40, 40, .75); }
.sheet.dark .note { border-bottom: 1px solid rgba(235, 235, 235, .8); }
.sheet.light .flash { background-color: rgba(255, 196, 0, .75); }
.sheet.dark .flash { background-color: rgba(214, 160, 0, .8); }
${shades.join('\n')}
`;
}

/**
 * Rects of the text a range covers, one per line fragment of each text node: never an element's
 * whole box. Walks only the range's own text nodes, from its start to its end.
 */
export function textRects(range: Range): RectLike[] {
  const doc = range.startContainer.ownerDocument;
  if (!doc || range.collapsed) return [];
  const out: RectLike[] = [];
  const piece = doc.createRange();
  const take = (node: Text, start: number, end: number) => {
    if (end <= start) return;
    piece.setStart(node, start);
    piece.setEnd(node, end);
    for (const r of Array.from(piece.getClientRects())) if (r.width > 0 && r.height > 0) out.push(r);
  };
  const { startContainer: first, endContainer: last } = range;
  if (first === last && first.nodeType === 3) {
    take(first as Text, range.startOffset, range.endOffset);
    return out;
  }
  const walker = doc.createTreeWalker(range.commonAncestorContainer, 4 /* NodeFilter.SHOW_TEXT */);
  // The first text node at or after the range's start.
  let node: Node | null;
  if (first.nodeType === 3) node = first;
  else {
    const child = first.childNodes[range.startOffset];
    walker.currentNode = child ?? first;
    node = child?.nodeType === 3 ? child : walker.nextNode();
    while (!child && node && first.contains(node)) node = walker.nextNode();
  }
  for (walker.currentNode = node ?? walker.root; node; node = walker.nextNode()) {
    // Text nodes come in document order: once one starts after the range, so do all the rest.
    if (node !== first && range.comparePoint(node, 0) > 0) break;
    const text = node as Text;
    take(text, node === first ? range.startOffset : 0, node === last ? range.endOffset : text.length);
    if (node === last) break;
  }
  return out;
}

/** One box per run of rects on the same line that touch: fewer boxes, and no darker seams where they meet. */
export function mergeLines(rects: readonly RectLike[]): RectLike[] {
  const sorted = [...rects].sort((a, b) => a.top - b.top || a.left - b.left);
  const out: RectLike[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.top - r.top) < 1 && Math.abs(last.bottom - r.bottom) < 1 && r.left <= last.right + 1) {
      const right = Math.max(last.right, r.right);
      out[out.length - 1] = { ...last, right, width: right - last.left };
    } else {
      out.push({ left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height });
    }
  }
  return out;
}

interface Painted {
  range: Range;
  color: HighlightColor;
  hasNote: boolean;
  /** Text length, for "the shortest wins" when highlights overlap. */
  length: number;
  boxes: HTMLElement[];
  /** Where the boxes are, in sheet coordinates. */
  rects: RectLike[];
  flash?: boolean;
}

/**
 * The z-index the sheet needs to be drawn over the article: that of the body's outermost ancestor
 * that is a positioned stacking context with a z-index (a site that lifts its content column above
 * a background), otherwise none — then the sheet is drawn after the page's own content and under
 * anything the site raised above it, such as a sticky header.
 */
function stackLevel(body: Element): string {
  const view = body.ownerDocument.defaultView;
  if (!view) return 'auto';
  let level = 'auto';
  for (let el: Element | null = body; el && el !== body.ownerDocument.documentElement; el = el.parentElement) {
    const cs = view.getComputedStyle(el);
    if (cs.position !== 'static' && cs.zIndex !== 'auto' && cs.zIndex !== '') level = cs.zIndex;
  }
  return level !== 'auto' && Number(level) > 0 ? level : 'auto';
}

export function createPainter(doc: Document, options: PainterOptions): Painter {
  const { body } = options;
  const view = doc.defaultView;
  const rectsOf = options.rectsOf ?? textRects;
  const supported = typeof (body as Element & { getBoundingClientRect?: unknown }).getBoundingClientRect === 'function';
  const ui = mountShadowHost(doc, overlayCss());
  const sheet = doc.createElement('div');
  sheet.className = 'sheet light';
  ui.root.append(sheet);

  const painted = new Map<string, Painted>();
  let flashSeq = 0;
  let scheme: Scheme | 'auto' = options.scheme ?? 'auto';
  /** Where the sheet's top-left is, in viewport coordinates, at the last layout. */
  let origin = { left: 0, top: 0 };
  let dirtyAll = true;
  const dirty = new Set<string>();
  /** The layout waiting for the next frame (or, in a hidden tab, a timer). */
  let pending: { kind: 'frame' | 'timer'; id: number } | null = null;
  const cancelPending = () => {
    if (pending?.kind === 'frame') view?.cancelAnimationFrame(pending.id);
    else if (pending) view?.clearTimeout(pending.id);
    pending = null;
  };

  const resolvedScheme = (): Scheme => (scheme === 'auto' ? schemeOf(options.schemeSource ?? body) : scheme);

  const placeBoxes = (p: Painted, rects: RectLike[]) => {
    p.rects = rects;
    while (p.boxes.length > rects.length) p.boxes.pop()?.remove();
    while (p.boxes.length < rects.length) {
      const box = doc.createElement('div');
      sheet.append(box);
      p.boxes.push(box);
    }
    const cls = `box ${p.flash ? 'flash' : `c-${p.color}`}${p.hasNote ? ' note' : ''}`;
    rects.forEach((r, i) => {
      const box = p.boxes[i] as HTMLElement;
      if (box.className !== cls) box.className = cls;
      // Set through the CSSOM, which a page's strict style-src (no 'unsafe-inline') does not block.
      box.style.left = `${r.left}px`;
      box.style.top = `${r.top}px`;
      box.style.width = `${r.width}px`;
      box.style.height = `${r.height}px`;
    });
  };

  /** Reads every rect first, then writes: one layout, however many highlights. */
  const flush = () => {
    const started = performance.now();
    cancelPending();
    if (!supported) {
      dirty.clear();
      dirtyAll = false;
      return;
    }
    const todo = dirtyAll
      ? [...painted.entries()]
      : [...dirty].flatMap((id) => (painted.has(id) ? [[id, painted.get(id) as Painted] as const] : []));
    let place: { left: number; top: number; width: number; height: number; zIndex: string; scheme: Scheme } | null = null;
    if (dirtyAll) {
      const b = body.getBoundingClientRect();
      const h = ui.host.getBoundingClientRect();
      origin = { left: b.left - PAD, top: b.top - PAD };
      place = {
        left: origin.left - h.left,
        top: origin.top - h.top,
        width: b.width + 2 * PAD,
        height: b.height + 2 * PAD,
        zIndex: stackLevel(body),
        scheme: resolvedScheme(),
      };
    } else if (todo.length > 0) {
      // Only some highlights changed: the sheet is where it was unless the page moved since.
      const s = sheet.getBoundingClientRect();
      origin = { left: s.left, top: s.top };
    }
    const measured = todo.map(([, p]) =>
      mergeLines(rectsOf(p.range)).map((r) => ({
        ...r,
        left: r.left - origin.left,
        top: r.top - origin.top,
        right: r.right - origin.left,
        bottom: r.bottom - origin.top,
      })),
    );
    if (place) {
      sheet.style.left = `${place.left}px`;
      sheet.style.top = `${place.top}px`;
      sheet.style.width = `${place.width}px`;
      sheet.style.height = `${place.height}px`;
      sheet.style.zIndex = place.zIndex;
      sheet.className = `sheet ${place.scheme}`;
    }
    todo.forEach(([, p], i) => placeBoxes(p, measured[i] ?? []));
    dirty.clear();
    dirtyAll = false;
    options.onLayout?.(performance.now() - started, todo.length);
  };

  const schedule = (id?: string) => {
    if (id === undefined) dirtyAll = true;
    else dirty.add(id);
    if (pending || !view) return;
    // A hidden tab gets no animation frames; a timer paints it for when it is shown.
    pending =
      doc.visibilityState === 'hidden' || typeof view.requestAnimationFrame !== 'function'
        ? { kind: 'timer', id: view.setTimeout(flush, 50) }
        : { kind: 'frame', id: view.requestAnimationFrame(flush) };
  };
  const relayout = () => schedule();

  const put = (id: string, next: Omit<Painted, 'boxes' | 'rects' | 'length'> & { length?: number }) => {
    const old = painted.get(id);
    painted.set(id, { ...next, length: next.length ?? next.range.toString().length, boxes: old?.boxes ?? [], rects: old?.rects ?? [] });
    schedule(id);
  };
  const drop = (id: string) => {
    const old = painted.get(id);
    if (!old) return false;
    for (const box of old.boxes) box.remove();
    painted.delete(id);
    dirty.delete(id);
    return true;
  };

  // What can move the text: the body or the document changing size (window, fonts, late content,
  // images above the article), the body's own DOM, an element around the body scrolling.
  const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(relayout) : null;
  resize?.observe(body);
  resize?.observe(doc.documentElement);
  const mutations = typeof MutationObserver === 'function' ? new MutationObserver(relayout) : null;
  mutations?.observe(body, {
    childList: true,
    characterData: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['style', 'class', 'hidden'],
  });
  const onScroll = (e: Event) => {
    const target = e.target as Node | null;
    if (target && target !== doc && target.nodeType === 1 && (target as Element).contains(body)) relayout();
  };
  doc.addEventListener('scroll', onScroll, { capture: true, passive: true });
  doc.addEventListener('load', relayout, { capture: true });
  view?.addEventListener('resize', relayout);
  doc.fonts?.addEventListener?.('loadingdone', relayout);

  const isFlash = (id: string) => painted.get(id)?.flash === true;

  return {
    supported,
    paint(items) {
      for (const item of items) put(item.id, { range: item.range, color: colorOrDefault(item.color), hasNote: item.hasNote ?? false });
    },
    update(id, change) {
      const old = painted.get(id);
      if (!old || old.flash) return false;
      put(id, {
        range: change.range ?? old.range,
        color: change.color === undefined ? old.color : colorOrDefault(change.color),
        hasNote: change.hasNote ?? old.hasNote,
        ...(change.range ? {} : { length: old.length }),
      });
      return true;
    },
    remove: (id) => !isFlash(id) && drop(id),
    clear() {
      for (const id of [...painted.keys()]) if (!isFlash(id)) drop(id);
    },
    has: (id) => painted.has(id) && !isFlash(id),
    ids: () => [...painted.keys()].filter((id) => !isFlash(id)),
    rangeOf: (id) => (isFlash(id) ? undefined : painted.get(id)?.range),
    hitTest(x, y) {
      if (painted.size === 0) return null;
      if (dirtyAll || dirty.size > 0) flush();
      // The sheet's place now, so a scroll since the last layout changes nothing.
      const s = sheet.getBoundingClientRect();
      const px = x - s.left;
      const py = y - s.top;
      let best: { id: string; length: number } | null = null;
      for (const [id, p] of painted) {
        if (p.flash || p.range.collapsed) continue;
        if (!p.rects.some((r) => px >= r.left && px <= r.left + r.width && py >= r.top && py <= r.top + r.height)) continue;
        if (!best || p.length < best.length) best = { id, length: p.length };
      }
      return best?.id ?? null;
    },
    flash(range, ms = FLASH_MS) {
      const id = `\u0000flash${(flashSeq += 1)}`;
      put(id, { range, color: 'yellow', hasNote: false, flash: true });
      view?.setTimeout(() => drop(id), ms);
    },
    setScheme(next) {
      scheme = next;
      schedule();
    },
    layout: flush,
    destroy() {
      cancelPending();
      resize?.disconnect();
      mutations?.disconnect();
      doc.removeEventListener('scroll', onScroll, { capture: true });
      doc.removeEventListener('load', relayout, { capture: true });
      view?.removeEventListener('resize', relayout);
      doc.fonts?.removeEventListener?.('loadingdone', relayout);
      painted.clear();
      ui.destroy();
    },
  };
}
