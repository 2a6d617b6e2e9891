/**
 * Where the in-page panel may go without covering the article. The reader's preference (open or
 * collapsed, kept in storage) is what they last chose; the layout honours it only while the article
 * still has room beside the panel. On a window too narrow for both, a panel the reader did not just
 * ask for stays collapsed to its tab, so the text is never covered unasked; the reader's own click,
 * shortcut or popup button opens it anyway, over the page.
 */
export const PANEL_WIDTH = 380;

export type PanelLayout = {
  /** Whether the panel shows (otherwise only the tab). */
  open: boolean;
  /** Whether the page is narrowed by the panel's width (margin on <html>) to make room. */
  margin: boolean;
};

export type LayoutInput = {
  /** The reader's preference. */
  want: boolean;
  /** The reader opened it on this page just now (click, shortcut, popup): show it even if it covers. */
  asked: boolean;
  viewportWidth: number;
  /** Right edge of the article body in viewport pixels, with or without the margin applied. */
  articleRight(withMargin: boolean): number;
};

/** The panel's width on this viewport: never wider than the window. */
export function panelWidth(viewportWidth: number): number {
  return Math.max(0, Math.min(PANEL_WIDTH, viewportWidth));
}

export function layoutPanel(input: LayoutInput): PanelLayout {
  if (!input.want) return { open: false, margin: false };
  const room = input.viewportWidth - panelWidth(input.viewportWidth);
  // Half a pixel of slack for sub-pixel layout.
  if (input.articleRight(false) <= room + 0.5) return { open: true, margin: false };
  if (input.articleRight(true) <= room + 0.5) return { open: true, margin: true };
  // Even a narrowed page would sit under the panel: overlay only when the reader asked for it.
  return input.asked ? { open: true, margin: false } : { open: false, margin: false };
}
