/**
 * Where the in-page highlight UI goes: beside the selection or the clicked highlight, inside the
 * viewport. Pure functions over rectangles, so the placement rules are tested without layout.
 */

export interface RectLike {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

export interface Placement {
  left: number;
  top: number;
  side: 'above' | 'below';
}

/**
 * Where to put a box of `size` next to `anchor` (viewport coordinates), inside the viewport.
 * Preferred side first (below the end of a forward selection, above the start of a backward one,
 * so it sits where the pointer is without covering the text); the other side when the preferred
 * one lacks room; clamped into the viewport when neither has room. Horizontally centred on the
 * pointer's end of the anchor and clamped to the viewport.
 */
export function placeBeside(
  anchor: RectLike,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
  prefer: 'above' | 'below' = 'below',
  margin = 8,
): Placement {
  const below = anchor.bottom + margin;
  const above = anchor.top - margin - size.height;
  const fitsBelow = below + size.height <= viewport.height - margin;
  const fitsAbove = above >= margin;
  let side: 'above' | 'below' = prefer;
  if (prefer === 'below' && !fitsBelow && fitsAbove) side = 'above';
  if (prefer === 'above' && !fitsAbove && fitsBelow) side = 'below';
  const rawTop = side === 'below' ? below : above;
  const top = Math.max(margin, Math.min(rawTop, viewport.height - margin - size.height));
  const x = prefer === 'below' ? anchor.right : anchor.left;
  const left = Math.max(margin, Math.min(x - size.width / 2, viewport.width - margin - size.width));
  return { left: Math.round(left), top: Math.round(top), side };
}

/** A rect from a range or a fixed rect; null while the range has no layout or is off screen. */
export type AnchorTarget = Range | RectLike;

export function targetRect(target: AnchorTarget, backwards: boolean): RectLike | null {
  if (!('getClientRects' in target)) return target;
  const lines = Array.from(target.getClientRects()).filter((r) => r.width > 0 || r.height > 0);
  const line = backwards ? lines[0] : lines[lines.length - 1];
  if (line) return line;
  const box = target.getBoundingClientRect();
  return box.width > 0 || box.height > 0 ? box : null;
}
