import { describe, expect, it } from 'vitest';
import { layoutPanel, panelWidth, PANEL_WIDTH } from './panel-layout';

const right = (without: number, withMargin: number) => (m: boolean) => (m ? withMargin : without);

describe('in-page panel layout', () => {
  it('stays collapsed when the reader left it collapsed', () => {
    expect(layoutPanel({ want: false, asked: false, viewportWidth: 1600, articleRight: right(600, 600) })).toEqual({
      open: false,
      margin: false,
    });
  });

  it('opens beside the article when the window has room for both', () => {
    expect(layoutPanel({ want: true, asked: false, viewportWidth: 1600, articleRight: right(900, 900) })).toEqual({
      open: true,
      margin: false,
    });
  });

  it('narrows the page when that moves the article out from under the panel', () => {
    // A centred layout: the article ends at 1140 in a 1280 window, at 880 once the page is 380 px narrower.
    expect(layoutPanel({ want: true, asked: false, viewportWidth: 1280, articleRight: right(1140, 880) })).toEqual({
      open: true,
      margin: true,
    });
  });

  it('stays collapsed on a narrow window unless the reader asks, and then overlays the page', () => {
    const narrow = { want: true, viewportWidth: 800, articleRight: right(660, 660) };
    expect(layoutPanel({ ...narrow, asked: false })).toEqual({ open: false, margin: false });
    expect(layoutPanel({ ...narrow, asked: true })).toEqual({ open: true, margin: false });
  });

  it('never makes the panel wider than the window', () => {
    expect(panelWidth(1280)).toBe(PANEL_WIDTH);
    expect(panelWidth(320)).toBe(320);
    expect(layoutPanel({ want: true, asked: false, viewportWidth: 320, articleRight: right(300, 300) })).toEqual({
      open: false,
      margin: false,
    });
  });
});
