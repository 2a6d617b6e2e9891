/**
 * Small plain-DOM kit for the in-page highlight UI (selection toolbar, note popover, undo toast).
 *
 * Each piece is a part of the page's one Policy Lens host (page-ui.ts): a CLOSED shadow root of its
 * own inside the host's closed shadow root, outside the article body. Page scripts cannot reach into
 * it, Sina's CSS cannot style it, and the article's text map and mutation observer never see it. No
 * Preact here: the content script is loaded on every article and these are a few buttons.
 *
 * Events from inside are stopped at the host's shadow root, so the page's own key and click handlers
 * (site shortcuts, "click outside closes" menus) do not fire while the reader uses these controls.
 * That does NOT hide keystrokes from a page listener registered in the capture phase on
 * window/document, which runs before the event reaches us; so there is no text field here at all:
 * notes, which must stay private from page scripts, are typed (and read) only in the panel's
 * extension frame.
 *
 * Fonts are generic families only (system-ui, sans-serif): a page's @font-face rules apply inside
 * shadow roots too, and a named family such as 'PingFang SC' that a page redefines with one
 * `unicode-range` per character would make the browser fetch a font for each character shown here.
 */

import { pageUi } from '../page-ui';
import { placeBeside, targetRect, type AnchorTarget } from './geometry';

export const UI_FONT = '13px/1.4 system-ui, sans-serif';

/** Shared look: light and dark, large enough targets, a focus ring that is always visible. */
export const BASE_CSS = `
:host { all: initial !important; pointer-events: none !important; }
.card {
  pointer-events: auto; position: fixed; z-index: 2147483647; box-sizing: border-box;
  font: ${UI_FONT}; color: #1d2330; background: #fff;
  border: 1px solid #c9ced8; border-radius: 8px; box-shadow: 0 4px 18px rgba(0,0,0,.2);
  padding: 6px; max-width: min(360px, calc(100vw - 16px));
}
.card[hidden], [hidden] { display: none !important; }
button {
  all: unset; box-sizing: border-box; cursor: pointer; display: inline-flex; align-items: center; gap: 5px;
  min-height: 28px; padding: 3px 8px; border-radius: 6px; font: inherit; color: inherit; white-space: nowrap;
}
button:hover { background: #eef1f6; }
button:focus-visible { outline: 3px solid #0b62d6; outline-offset: 1px; }
button.primary { background: #0b62d6; color: #fff; }
button.primary:hover { background: #0950b0; }
button[aria-pressed="true"] { box-shadow: inset 0 0 0 2px #0b62d6; }
.dot { display: inline-block; width: 12px; height: 12px; border-radius: 50%; border: 1px solid rgba(0,0,0,.3); flex: none; }
.row { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; }
.error { margin: 0 0 4px; font-size: 12px; color: #b3261e; }
@media (prefers-color-scheme: dark) {
  .card { color: #e8ebf0; background: #1f242d; border-color: #3a414d; box-shadow: 0 4px 18px rgba(0,0,0,.6); }
  button:hover { background: #2b313c; }
  .error { color: #ff8a80; }
  button:focus-visible { outline-color: #7fb0ff; }
  button[aria-pressed="true"] { box-shadow: inset 0 0 0 2px #7fb0ff; }
}
`;

export interface ShadowHost {
  /** The page's Policy Lens host (what the page sees; an event from inside reaches the page aimed at it). */
  host: HTMLElement;
  /** This part's own closed shadow root. */
  root: ShadowRoot;
  destroy(): void;
}

/** A part of the page's Policy Lens host, styled with the shared look plus `css`. */
export function mountShadowHost(doc: Document, css: string): ShadowHost {
  const ui = pageUi(doc);
  const part = ui.part(BASE_CSS + css);
  return { host: ui.host, root: part.root, destroy: part.remove };
}

type Attrs = Record<string, string | boolean | undefined>;

/** `el(doc, 'button', { class: 'x', 'aria-label': '…' }, 'text', child)`: attributes, then children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : value);
  }
  node.append(...children);
  return node;
}

/**
 * Keeps a fixed-position card beside its target while the page scrolls or resizes (measured once per
 * frame). Returns a function that stops following.
 */
export function follow(
  doc: Document,
  card: HTMLElement,
  target: AnchorTarget,
  backwards: boolean,
  fallbackSize: { width: number; height: number },
): () => void {
  const view = doc.defaultView;
  let frame = 0;
  const place = () => {
    frame = 0;
    const rect = targetRect(target, backwards);
    const vw = view?.innerWidth ?? 1024;
    const vh = view?.innerHeight ?? 768;
    // Scrolled out of view entirely: hide rather than pin the card to the viewport's edge.
    const offScreen = rect !== null && (rect.bottom < 0 || rect.top > vh);
    card.style.visibility = offScreen ? 'hidden' : '';
    const measured = card.getBoundingClientRect();
    const size = measured.width > 0 ? { width: measured.width, height: measured.height } : fallbackSize;
    const anchor = rect ?? { left: vw / 2, right: vw / 2, top: vh / 3, bottom: vh / 3, width: 0, height: 0 };
    const at = placeBeside(anchor, size, { width: vw, height: vh }, backwards ? 'above' : 'below');
    card.style.left = `${at.left}px`;
    card.style.top = `${at.top}px`;
    card.dataset.side = at.side;
  };
  const schedule = () => {
    if (frame || !view) return;
    frame = view.requestAnimationFrame ? view.requestAnimationFrame(place) : (view.setTimeout(place, 16) as unknown as number);
  };
  place();
  view?.addEventListener('scroll', schedule, { passive: true, capture: true });
  view?.addEventListener('resize', schedule, { passive: true });
  return () => {
    view?.removeEventListener('scroll', schedule, { capture: true });
    view?.removeEventListener('resize', schedule);
    if (frame && view?.cancelAnimationFrame) view.cancelAnimationFrame(frame);
    frame = 0;
  };
}

/**
 * A colour dot. The colour is set through the CSSOM, not a style attribute, which a page's strict
 * Content-Security-Policy (style-src without 'unsafe-inline') would block.
 */
export function swatchDot(doc: Document, color: string): HTMLSpanElement {
  const dot = el(doc, 'span', { class: 'dot', 'aria-hidden': 'true' });
  dot.style.backgroundColor = color;
  return dot;
}

/** Moves focus among `items` with the arrow keys, Home and End (the ARIA toolbar pattern). */
export function arrowNavigation(container: HTMLElement, items: () => HTMLElement[]): void {
  container.addEventListener('keydown', (e) => {
    const list = items().filter((b) => !b.hidden);
    const at = list.indexOf(e.target as HTMLElement);
    if (at < 0) return;
    let next = -1;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = (at + 1) % list.length;
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = (at - 1 + list.length) % list.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = list.length - 1;
    if (next < 0) return;
    e.preventDefault();
    list[next]?.focus();
  });
}
