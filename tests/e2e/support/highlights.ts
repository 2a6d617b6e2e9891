/**
 * Helpers for highlight tests, run in the page (main world), its panel frame, or in Node on what the
 * browser drew. The in-page UI and the highlights' paint live in closed shadow roots, out of the
 * page's reach, so the tests find them as a reader's eyes would: what `elementFromPoint` says is
 * where (the page's one Policy Lens host), and the colour the browser actually drew over a phrase
 * (a screenshot of its line). What the extension holds as anchored is read from the panel's list.
 */
import { PNG } from 'pngjs';
import { COLOR_STYLES, HIGHLIGHT_COLORS, type HighlightColor } from '../../../lib/highlights/colors';
import type { LensFrame, LensPage } from './lens';
import { isPanel } from './panel';
import { until } from './poll';

export type Point = { x: number; y: number };

/**
 * Runs in the page: scrolls the first occurrence of `phrase` in the article body to the middle of the
 * window and returns where a mouse drag must start and end to select exactly it (one text node).
 */
export function phrasePoints(phrase: string): { from: Point; to: Point } | null {
  const body = document.querySelector('#artibody, section.art_content, [data-testid="reader-body"]');
  if (!body) return null;
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.textContent?.indexOf(phrase) ?? -1;
    if (at < 0) continue;
    node.parentElement?.scrollIntoView({ block: 'center' });
    const charRect = (i: number) => {
      const r = document.createRange();
      r.setStart(node, i);
      r.setEnd(node, i + 1);
      return r.getClientRects()[0]!;
    };
    const a = charRect(at);
    const b = charRect(at + phrase.length - 1);
    // Inside the first character's left half and the last one's right half: the caret lands before
    // the first and after the last.
    return { from: { x: a.left + 2, y: (a.top + a.bottom) / 2 }, to: { x: b.right - 2, y: (b.top + b.bottom) / 2 } };
  }
  return null;
}

/**
 * Runs in the page: the one element Policy Lens adds to it (a <div> under <html>, after <body>, with
 * a closed shadow root), or null.
 */
export function lensHost(): Element | null {
  return [...document.documentElement.children].find((c) => c !== document.head && c !== document.body) ?? null;
}

/**
 * Runs in the page: the box of Policy Lens's UI painted near `around` (a toolbar, a popover), or
 * null: where `elementFromPoint` finds the page's Policy Lens host. The open panel (also the host)
 * is left out. A coarse grid (10 px) is enough to click inside it, and keeps this to a few thousand
 * hit tests on a heavy page.
 */
export function paintedBox({ around }: { around: Point }): { left: number; top: number; right: number; bottom: number } | null {
  // Everything Policy Lens added under <html> (one element; a release before this one added one per part).
  const ours = new Set([...document.documentElement.children].filter((c) => c !== document.head && c !== document.body));
  if (ours.size === 0) return null;
  const width = document.documentElement.clientWidth;
  // Leave out the panel (when open) and its tab, which sits at its left edge or the window's.
  const panelOpen = ours.has(document.elementFromPoint(width - 100, innerHeight * 0.8)!);
  const right = panelOpen ? width - 420 : width - 40;
  const STEP = 10;
  let box: { left: number; top: number; right: number; bottom: number } | null = null;
  for (let y = Math.max(0, around.y - 150); y < Math.min(innerHeight, around.y + 150); y += STEP) {
    for (let x = Math.max(0, around.x - 360); x < Math.min(right, around.x + 360); x += STEP) {
      if (!ours.has(document.elementFromPoint(x, y)!)) continue;
      box = box
        ? { left: Math.min(box.left, x), top: Math.min(box.top, y), right: Math.max(box.right, x), bottom: Math.max(box.bottom, y) }
        : { left: x, top: y, right: x, bottom: y };
    }
  }
  return box;
}

/**
 * Runs in the page: the viewport rect of the first line of every occurrence of `phrase` in the
 * article body (after scrolling the `scrollTo`-th into view, when asked).
 */
export function phraseLines({
  phrase,
  scrollTo,
}: {
  phrase: string;
  scrollTo?: number;
}): { left: number; top: number; width: number; height: number }[] {
  const body = document.querySelector('#artibody, section.art_content, [data-testid="reader-body"]');
  if (!body) return [];
  const ranges: Range[] = [];
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let at = node.textContent?.indexOf(phrase) ?? -1; at >= 0; at = node.textContent!.indexOf(phrase, at + 1)) {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + phrase.length);
      ranges.push(range);
    }
  }
  if (scrollTo !== undefined) ranges[scrollTo]?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  return ranges.map((r) => {
    const line = [...r.getClientRects()].find((c) => c.width > 0) ?? { left: 0, top: -1000, width: 0, height: 0 };
    return { left: line.left, top: line.top, width: line.width, height: line.height };
  });
}

export type Tint = HighlightColor | 'flash' | 'none';

type Rgba = [number, number, number, number];
const rgba = (css: string): Rgba => /rgba\(([\d.]+),\s*([\d.]+),\s*([\d.]+),\s*([\d.]+)\)/.exec(css)!.slice(1).map(Number) as Rgba;
/** Boxes composited in order (the painter's sheet), then over a white page. */
function overWhite(...layers: Rgba[]): number[] {
  let color = [0, 0, 0];
  let alpha = 0;
  for (const [r, g, b, a] of layers) {
    color = [r, g, b].map((c, k) => c * a + color[k]! * (1 - a));
    alpha = a + alpha * (1 - a);
  }
  return color.map((c) => Math.round(c + 255 * (1 - alpha)));
}
const FLASH: Rgba = rgba('rgba(255, 196, 0, .75)');
/** The colours a reader can see behind text on a white page: each highlight colour, the flash (over nothing or a highlight), none. */
const TINTS: [Tint, number[]][] = [
  ['none', [255, 255, 255]],
  ...HIGHLIGHT_COLORS.map((c): [Tint, number[]] => [c, overWhite(rgba(COLOR_STYLES[c].light))]),
  ['flash', overWhite(FLASH)],
  ...HIGHLIGHT_COLORS.map((c): [Tint, number[]] => ['flash', overWhite(rgba(COLOR_STYLES[c].light), FLASH)]),
];

/** The tint most background pixels of `rect` have in a screenshot (glyph pixels, matching no background, are left out). */
function tintIn(png: PNG, rect: { left: number; top: number; width: number; height: number }): Tint | null {
  const counts = new Map<Tint, number>();
  // Inside the line, away from its edges (antialiasing).
  const x0 = Math.max(0, Math.round(rect.left) + 2);
  const y0 = Math.max(0, Math.round(rect.top) + 2);
  const x1 = Math.min(png.width, Math.round(rect.left + rect.width) - 2);
  const y1 = Math.min(png.height, Math.round(rect.top + rect.height) - 2);
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * png.width + x) * 4;
      const px = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
      let best: [Tint, number] | null = null;
      for (const [tint, rgb] of TINTS) {
        const d = Math.max(...rgb.map((v, k) => Math.abs(v - px[k]!)));
        if (d <= 14 && (!best || d < best[1])) best = [tint, d];
      }
      if (best) counts.set(best[0], (counts.get(best[0]) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/**
 * The colour drawn behind the first line of each occurrence of `phrase`, as a reader sees it, from
 * one screenshot of the window: a highlight's colour, 'flash', 'none', or null for an occurrence out
 * of view. `scrollTo` scrolls that occurrence into view first.
 */
export async function tintsOf(page: LensPage, phrase: string, scrollTo?: number): Promise<(Tint | null)[]> {
  const lines = await page.evaluate(phraseLines, { phrase, ...(scrollTo === undefined ? {} : { scrollTo }) });
  const view = await page.evaluate(() => ({ width: document.documentElement.clientWidth, height: innerHeight }));
  const png = PNG.sync.read(Buffer.from(await page.capture({ x: 0, y: 0, width: view.width, height: view.height })));
  return lines.map((line) => (line.top < 0 || line.top + line.height > view.height || line.width === 0 ? null : tintIn(png, line)));
}

/** The tint behind the `nth` occurrence of `phrase`, scrolled into view. */
export async function tintOf(page: LensPage, phrase: string, nth = 0): Promise<Tint | null> {
  return (await tintsOf(page, phrase, nth))[nth] ?? null;
}

/** Waits until the first line of `phrase` shows `tint` (a highlight's colour, the flash, or none). */
export async function waitForTint(page: LensPage, phrase: string, tint: Tint, what = `“${phrase}” ${tint}`, nth = 0): Promise<Tint | null> {
  return until(
    what,
    () => tintOf(page, phrase, nth),
    (t) => t === tint,
  );
}

/** Waits until some occurrence of `phrase` in view flashes; resolves to which one. */
export async function waitForFlash(page: LensPage, phrase: string, what = `a flash on “${phrase}”`, except?: number): Promise<number> {
  const tints = await until(
    what,
    () => tintsOf(page, phrase),
    (ts) => ts.some((t, i) => t === 'flash' && i !== except),
  );
  return tints.findIndex((t, i) => t === 'flash' && i !== except);
}

/** Whether the flash shows anywhere inside the element `selector` (in view), from one screenshot of the window. */
export async function flashShows(page: LensPage, selector: string): Promise<boolean> {
  const box = await page.evaluate((sel) => {
    const r = document.querySelector(sel)?.getBoundingClientRect();
    return r
      ? {
          left: Math.max(0, r.left),
          top: Math.max(0, r.top),
          right: Math.min(document.documentElement.clientWidth, r.right),
          bottom: Math.min(innerHeight, r.bottom),
        }
      : null;
  }, selector);
  if (!box || box.right <= box.left || box.bottom <= box.top) return false;
  const png = PNG.sync.read(
    Buffer.from(
      await page.capture({
        x: Math.round(box.left),
        y: Math.round(box.top),
        width: Math.round(box.right - box.left),
        height: Math.round(box.bottom - box.top),
      }),
    ),
  );
  const flashes = TINTS.filter(([t]) => t === 'flash').map(([, rgb]) => rgb);
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    if (flashes.some((rgb) => rgb.every((v, k) => Math.abs(v - png.data[i + k]!) <= 14))) n++;
  }
  // A line of text's worth of flashed background, not a stray pixel of some picture.
  return n > 200;
}

/** Runs in the panel frame (or the reader page): the anchored highlights' quotes by colour, as the panel lists them. */
export function anchoredByColor(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const li of document.querySelectorAll<HTMLElement>('[data-testid="highlight"][data-status="anchored"]')) {
    const quote = li.querySelector('.quote-button, .quote-text')?.textContent ?? '';
    (out[li.dataset.color ?? ''] ??= []).push(quote);
  }
  for (const list of Object.values(out)) list.sort();
  return out;
}

/** The anchored highlights of an article page by colour, from its panel (the reader page is its own panel). */
export async function paintedTexts(page: LensPage): Promise<Record<string, string[]>> {
  const isReader = await page.evaluate(() => location.pathname.endsWith('/reader.html')).catch(() => false);
  return (isReader ? page : await panelFrame(page)).evaluate(anchoredByColor);
}

/** Selects `phrase` in the article with the mouse, as a reader would. */
export async function selectPhrase(page: LensPage, phrase: string): Promise<{ from: Point; to: Point }> {
  const points = await page.evaluate(phrasePoints, phrase);
  if (!points) throw new Error(`the article has no text node holding “${phrase}”`);
  await page.drag(points.from, points.to);
  const selected = await page.evaluate(() => getSelection()?.toString() ?? '');
  if (selected !== phrase) throw new Error(`selected “${selected}” instead of “${phrase}”`);
  return points;
}

/** Selects `phrase` and clicks the selection toolbar's first colour (the default, 重点/Key point). */
export async function highlightPhrase(page: LensPage, phrase: string): Promise<void> {
  const { to } = await selectPhrase(page, phrase);
  await page.waitFor('the selection toolbar', paintedBox, { around: to });
  const box = (await page.evaluate(paintedBox, { around: to }))!;
  // The colour buttons come first in the card; the first one starts at its left edge (6 px padding),
  // and the box found is at most one grid step inside the card's edges.
  await page.click({ x: box.left + 14, y: box.top + 10 });
  await until(
    `“${phrase}” listed as anchored`,
    () => paintedTexts(page),
    (t) => t.yellow?.includes(phrase) ?? false,
  );
  await waitForTint(page, phrase, 'yellow', `“${phrase}” painted yellow`);
}

export type ListedHighlight = { id: string; status: string; color: string; quote: string; note: string; reason: string };

/** Runs in the panel frame: the highlights section as listed. */
export function listedHighlights(): ListedHighlight[] {
  return [...document.querySelectorAll<HTMLElement>('[data-testid="highlight"]')].map((li) => ({
    id: li.dataset.id ?? '',
    status: li.dataset.status ?? '',
    color: li.dataset.color ?? '',
    quote: li.querySelector('.quote-button, .quote-text')?.textContent ?? '',
    note: li.querySelector('[data-testid="highlight-note"]')?.textContent ?? '',
    reason: li.querySelector('[data-testid="orphan-reason"]')?.textContent ?? '',
  }));
}

/**
 * Runs in the panel frame: opens the note box of highlight `id`, enters `note` (as the input events a
 * keyboard makes) and saves. Resolves to whether the box was there.
 */
export async function writeNote({ id, note }: { id: string; note: string }): Promise<boolean> {
  const item = () => document.querySelector(`[data-testid="highlight"][data-id="${id}"]`);
  item()?.querySelector<HTMLButtonElement>('[data-testid="note-edit"]')?.click();
  let box: HTMLTextAreaElement | null | undefined = null;
  for (let i = 0; i < 50 && !box; i++) {
    await new Promise((r) => setTimeout(r, 20));
    box = item()?.querySelector<HTMLTextAreaElement>('[data-testid="note-input"]');
  }
  if (!box) return false;
  box.value = note;
  box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: note }));
  await new Promise((r) => setTimeout(r, 20));
  item()?.querySelector<HTMLButtonElement>('[data-testid="note-save"]')?.click();
  return true;
}

export async function panelFrame(page: LensPage): Promise<LensFrame> {
  return page.frame('the panel frame', isPanel, 20_000);
}
