/**
 * The one element Policy Lens adds to a page: a plain <div> at the end of <html> holding a CLOSED
 * shadow root, inside which every in-page part lives (the panel frame, the selection toolbar, the
 * note popover, the undo toast, and the layer that paints highlights). What a page script can see of
 * Policy Lens is this one opaque element, the same on every article whatever the reader highlighted:
 *
 * - a <div>, not a custom element: a page may define a custom element of a name it expects before
 *   we create it, and a custom element's own `attachInternals()` hands it even a closed shadow root
 *   attached later; a built-in element cannot be taken over that way;
 * - no id, no class, no attribute, no name that says Policy Lens;
 * - zero size at the document's origin, never a hit target itself (`pointer-events: none`): only the
 *   panel, the toolbar and the cards inside take the pointer, where the reader sees them;
 * - its styles come from `:host` rules with !important, which win over the page's own !important and
 *   inline styles (the cascade gives an inner context's important rules the last word), so a page
 *   can neither restyle nor reveal what is inside;
 * - it never forms a stacking context (no z-index, transform, opacity…), so the highlight layer can
 *   blend with the article text under it and the panel's `position: fixed` stays viewport-relative.
 *
 * Each part gets a shadow root of its own inside (its styles stay its own) and the outer root stops
 * the events from inside, so the page's bubbling listeners never see a click on Policy Lens's
 * buttons. Capture-phase listeners on window/document still see an event aimed at the host element
 * (which is why nothing private is ever typed or shown as text in the page; see README).
 */

export interface PageUi {
  /** The element the page sees. */
  readonly host: HTMLElement;
  /** A part of the UI: its own closed shadow root, styled by `css` (after the shared base). */
  part(css: string): { root: ShadowRoot; remove(): void };
  /** Whether an event came from inside Policy Lens's UI (it reached the page aimed at the host). */
  owns(event: Event): boolean;
}

const HOST_CSS = `
:host {
  all: initial !important; display: block !important; position: absolute !important;
  left: 0 !important; top: 0 !important; width: 0 !important; height: 0 !important;
  margin: 0 !important; padding: 0 !important; border: 0 !important; overflow: visible !important;
  pointer-events: none !important; visibility: visible !important; z-index: auto !important;
}
`;

/** Events stopped at the outer shadow root, so the page's own (bubbling) handlers do not fire on our controls. */
const ISOLATED_EVENTS = [
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'compositionstart',
  'compositionupdate',
  'compositionend',
  'mousedown',
  'mouseup',
  'click',
  'dblclick',
  'pointerdown',
  'pointerup',
  'contextmenu',
  'selectstart',
  'copy',
  'cut',
  'paste',
] as const;

const mounted = new WeakMap<Document, PageUi>();

/** The page's Policy Lens host, created on first use (and again if the page removed it). */
export function pageUi(doc: Document): PageUi {
  const existing = mounted.get(doc);
  if (existing?.host.isConnected) return existing;
  const host = doc.createElement('div');
  const outer = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = HOST_CSS;
  outer.append(style);
  const stop = (e: Event) => e.stopPropagation();
  for (const type of ISOLATED_EVENTS) outer.addEventListener(type, stop);
  doc.documentElement.append(host);

  const ui: PageUi = {
    host,
    part(css) {
      const holder = doc.createElement('div');
      const root = holder.attachShadow({ mode: 'closed' });
      const partStyle = doc.createElement('style');
      partStyle.textContent = css;
      root.append(partStyle);
      outer.append(holder);
      return { root, remove: () => holder.remove() };
    },
    owns: (event) => event.composedPath().includes(host),
  };
  mounted.set(doc, ui);
  return ui;
}
