/**
 * Hosts the side panel on the article page: an extension page (panel.html) in an iframe, inside a
 * closed shadow root. The page's scripts cannot read into a cross-origin frame, so notes, highlights
 * and the corpus stay out of their reach; Sina's CSS cannot reach into the shadow root, and the host
 * element resets inherited styles so the panel cannot disturb the page's layout either.
 *
 * Open, the panel docks at the right. Where the window leaves no room beside the article, the page is
 * narrowed by the panel's width (margin on <html>) so the panel never covers the text; collapsed, only
 * a small tab at the right edge remains.
 */
export const PANEL_WIDTH = 380;

export type PanelHost = {
  setOpen(open: boolean): void;
  isOpen(): boolean;
  destroy(): void;
};

const STYLE = `
:host { all: initial; }
.panel {
  position: fixed; top: 0; right: 0; bottom: 0; width: ${PANEL_WIDTH}px; z-index: 2147483646;
  box-shadow: -2px 0 12px rgba(0,0,0,.18); background: #fff; display: none;
}
.panel.open { display: block; }
iframe { border: 0; width: 100%; height: 100%; display: block; color-scheme: normal; }
.tab {
  position: fixed; right: 0; top: 40%; z-index: 2147483647; writing-mode: vertical-rl;
  font: 13px/1.2 system-ui, 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif;
  padding: 10px 5px; border: 0; border-radius: 6px 0 0 6px; cursor: pointer;
  background: #0b62d6; color: #fff; box-shadow: -1px 1px 6px rgba(0,0,0,.25);
}
.tab:focus-visible { outline: 3px solid #ffbf47; }
.panel.open + .tab { right: ${PANEL_WIDTH}px; }
`;

export function mountPanelHost(
  doc: Document,
  opts: { src: string; open: boolean; label: { open: string; close: string; frame: string }; onToggle(open: boolean): void; articleRight(): number },
): PanelHost {
  const host = doc.createElement('policy-lens-panel');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const panel = doc.createElement('div');
  panel.className = 'panel';
  const frame = doc.createElement('iframe');
  frame.title = opts.label.frame;
  frame.src = opts.src;
  panel.append(frame);
  const tab = doc.createElement('button');
  tab.className = 'tab';
  tab.type = 'button';
  shadow.append(style, panel, tab);
  doc.documentElement.append(host);

  const root = doc.documentElement;
  const originalMargin = root.style.marginRight;
  let open = false;
  const apply = () => {
    panel.classList.toggle('open', open);
    tab.textContent = open ? '›' : opts.label.open;
    tab.setAttribute('aria-label', open ? opts.label.close : opts.label.open);
    tab.setAttribute('aria-expanded', String(open));
    const view = doc.defaultView;
    // Measure the article where it sits without our margin, then make room only if it needs it.
    root.style.marginRight = originalMargin;
    const needsRoom = open && view !== null && opts.articleRight() > view.innerWidth - PANEL_WIDTH;
    if (needsRoom) root.style.marginRight = `${PANEL_WIDTH}px`;
  };
  tab.addEventListener('click', () => {
    open = !open;
    apply();
    opts.onToggle(open);
  });
  open = opts.open;
  apply();

  return {
    setOpen(next) {
      open = next;
      apply();
    },
    isOpen: () => open,
    destroy() {
      root.style.marginRight = originalMargin;
      host.remove();
    },
  };
}
