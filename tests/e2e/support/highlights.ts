/**
 * Helpers for highlight tests, run in the page (main world) or its panel frame. The in-page UI lives
 * in closed shadow roots, out of the page's reach, so the tests find it as a reader's eyes would:
 * what `elementFromPoint` says is painted where. What is highlighted is read from `CSS.highlights`,
 * which the browser paints from.
 */
import type { LensFrame, LensPage } from './lens';
import { isPanel } from './panel';

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
 * Runs in the page: the box painted by our element `tag` near `around`, or null. A coarse grid
 * (10 px) is enough to click inside it, and keeps this to a few thousand hit tests on a heavy page.
 */
export function paintedBox({ tag, around }: { tag: string; around: Point }): { left: number; top: number; right: number; bottom: number } | null {
  const host = document.querySelector(tag);
  if (!host) return null;
  const STEP = 10;
  let box: { left: number; top: number; right: number; bottom: number } | null = null;
  for (let y = Math.max(0, around.y - 150); y < Math.min(innerHeight, around.y + 150); y += STEP) {
    for (let x = Math.max(0, around.x - 360); x < Math.min(innerWidth, around.x + 360); x += STEP) {
      if (document.elementFromPoint(x, y) !== host) continue;
      box = box ? { left: Math.min(box.left, x), top: Math.min(box.top, y), right: Math.max(box.right, x), bottom: Math.max(box.bottom, y) } : { left: x, top: y, right: x, bottom: y };
    }
  }
  return box;
}

/** Runs in the page: the text of every range in each of our highlights, by highlight name. */
export function paintedTexts(): Record<string, string[]> {
  const registry = (CSS as unknown as { highlights?: Map<string, Iterable<Range>> }).highlights;
  const out: Record<string, string[]> = {};
  if (!registry) return out;
  for (const [name, highlight] of registry) {
    if (name.startsWith('policy-lens-') && name !== 'policy-lens-flash') out[name] = [...highlight].map((r) => r.toString()).sort();
  }
  return out;
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
  await page.waitFor('the selection toolbar', paintedBox, { tag: 'policy-lens-toolbar', around: to });
  const box = (await page.evaluate(paintedBox, { tag: 'policy-lens-toolbar', around: to }))!;
  // The colour buttons come first in the card; the first one starts at its left edge (6 px padding),
  // and the box found is at most one grid step inside the card's edges.
  await page.click({ x: box.left + 14, y: box.top + 10 });
  await page.waitFor(`“${phrase}” painted`, (p) => {
    const registry = (CSS as unknown as { highlights?: Map<string, Iterable<Range>> }).highlights;
    return [...(registry?.get('policy-lens-yellow') ?? [])].some((r) => r.toString() === p);
  }, phrase);
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
