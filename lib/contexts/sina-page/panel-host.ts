/**
 * Hosts the side panel on the article page: an extension page (panel.html) in an iframe, a part of
 * the page's one Policy Lens host (page-ui.ts, closed shadow roots). The page's scripts cannot read
 * into a cross-origin frame, so notes, highlights and the corpus stay out of their reach; Sina's CSS
 * cannot reach into the shadow root, and the host resets inherited styles so the panel cannot
 * disturb the page's layout either. The frame's address carries the secret the background asks of
 * every request from it (lib/contexts/background/frame-secret.ts): the page cannot read it, and a panel frame
 * the page made itself has none.
 *
 * `attachShadow`, `append` and friends are called from the content script's own world (Chrome's
 * isolated world, Firefox's Xray view of the page), so a page that patched Element.prototype before
 * we ran does not see these calls: the e2e hostile-page test checks that.
 *
 * Open, the panel docks at the right; where the window leaves no room beside the article the page is
 * narrowed by the panel's width (margin on <html>), and where even that would leave the text under the
 * panel it stays collapsed to a small tab unless the reader opens it (see panel-layout.ts).
 */
import { createClient, type Send } from '../../messages/client';
import { pageUi } from '../article-view/page-ui';
import { layoutPanel, panelWidth, PANEL_WIDTH, type PanelLayout } from './panel-layout';

export { PANEL_WIDTH };

/**
 * The secret the background gives this page's panel frame (lib/contexts/background/frame-secret.ts), or ''
 * when it gave none: the panel then shows nothing, as one a page framed would.
 */
export async function askFrameSecret(send: Send): Promise<string> {
  const reply = await createClient(send).ask({ type: 'frame:secret' });
  return reply.ok ? reply.value : '';
}

/** The panel's address with the frame secret in its fragment: read by the panel, never sent anywhere. */
export function panelAddress(panelUrl: string, secret: string): string {
  return `${panelUrl.replace(/#.*$/, '')}#${secret}`;
}

export type PanelHost = {
  /** Opens or collapses the panel as the reader asked (panel button, shortcut, popup); returns the new state. */
  setOpen(open: boolean): boolean;
  /** Flips the panel as the reader asked; returns the new state. */
  toggle(): boolean;
  isOpen(): boolean;
  /** Opens the panel and moves keyboard focus into its frame (to write a note there, out of the page's reach). */
  focus(): void;
  destroy(): void;
};

const STYLE = `
:host { all: initial !important; pointer-events: none !important; }
.panel {
  pointer-events: auto; position: fixed; top: 0; right: 0; bottom: 0; width: min(${PANEL_WIDTH}px, 100vw); z-index: 2147483646;
  box-shadow: -2px 0 12px rgba(0,0,0,.18); background: #fff; display: none;
}
.panel.open { display: block; }
iframe { border: 0; width: 100%; height: 100%; display: block; color-scheme: light dark; background: transparent; }
.tab {
  all: initial; pointer-events: auto;
  position: fixed; right: 0; top: 40%; z-index: 2147483647; writing-mode: vertical-rl;
  font: 13px/1.2 system-ui, sans-serif; /* generic families only: see highlights/shadow-ui.ts */
  padding: 10px 5px; border-radius: 6px 0 0 6px; cursor: pointer;
  background: #0b62d6; color: #fff; box-shadow: -1px 1px 6px rgba(0,0,0,.25);
}
.tab:hover { background: #0950b0; }
.tab:focus-visible { outline: 3px solid #ffbf47; outline-offset: 1px; }
.panel.open + .tab { right: min(${PANEL_WIDTH}px, 100vw); writing-mode: horizontal-tb; padding: 8px 6px; }
@media (prefers-color-scheme: dark) {
  .panel { background: #15181e; box-shadow: -2px 0 12px rgba(0,0,0,.6); }
  .tab { background: #2f6fd0; }
}
`;

export type PanelHostOptions = {
  src: string;
  /** The reader's preference from last time. */
  open: boolean;
  /** tab: the collapsed tab's text; open / close: its accessible name in each state; frame: the iframe's title. */
  label: { tab: string; open: string; close: string; frame: string };
  /** The reader changed the preference (kept in storage for the next page). */
  onToggle(open: boolean): void;
  /** Right edge of the article body, in viewport pixels. */
  articleRight(): number;
};

export function mountPanelHost(doc: Document, opts: PanelHostOptions): PanelHost {
  const part = pageUi(doc).part(STYLE);
  const shadow = part.root;
  const panel = doc.createElement('div');
  panel.className = 'panel';
  const frame = doc.createElement('iframe');
  frame.title = opts.label.frame;
  frame.src = opts.src;
  panel.append(frame);
  const tab = doc.createElement('button');
  tab.className = 'tab';
  tab.type = 'button';
  shadow.append(panel, tab);

  const root = doc.documentElement;
  const view = doc.defaultView;
  const originalMargin = root.style.marginRight;
  const hadStyle = root.hasAttribute('style');
  // The page's own margin back, and no empty style="" left on <html> to say we were here.
  const setMargin = (value: string) => {
    root.style.marginRight = value;
    if (!hadStyle && root.getAttribute('style') === '') root.removeAttribute('style');
  };
  let want = opts.open;
  let asked = false;
  let layout: PanelLayout = { open: false, margin: false };

  const apply = () => {
    const width = view?.innerWidth ?? 0;
    const margin = `${panelWidth(width)}px`;
    layout = layoutPanel({
      want,
      asked,
      viewportWidth: width,
      articleRight: (withMargin) => {
        setMargin(withMargin ? margin : originalMargin);
        return opts.articleRight();
      },
    });
    setMargin(layout.margin ? margin : originalMargin);
    panel.classList.toggle('open', layout.open);
    tab.textContent = layout.open ? '›' : opts.label.tab;
    tab.setAttribute('aria-label', layout.open ? opts.label.close : opts.label.open);
    tab.setAttribute('aria-expanded', String(layout.open));
  };

  const choose = (open: boolean) => {
    // Focus inside the panel would be lost when it hides: hand it to the tab, for keyboard readers.
    const focusWasInside = !open && shadow.activeElement !== null;
    want = open;
    asked = true;
    apply();
    opts.onToggle(want);
    if (focusWasInside) tab.focus();
    return layout.open;
  };

  tab.addEventListener('click', () => choose(!layout.open));
  let pending = 0;
  const onResize = () => {
    if (pending) return;
    pending =
      view?.requestAnimationFrame(() => {
        pending = 0;
        apply();
      }) ?? 0;
  };
  view?.addEventListener('resize', onResize);
  apply();

  return {
    setOpen: choose,
    toggle: () => choose(!layout.open),
    isOpen: () => layout.open,
    focus() {
      choose(true);
      frame.focus();
    },
    destroy() {
      view?.removeEventListener('resize', onResize);
      setMargin(originalMargin);
      part.remove();
    },
  };
}
