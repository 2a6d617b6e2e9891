/**
 * How a page opened from the library knows which highlight to show: `#policy-lens=<id>` on the Sina
 * URL. A fragment survives the background being stopped while the page loads and is never sent to
 * Sina's servers; the content script removes it once read.
 */
export const REVEAL_FRAGMENT = 'policy-lens=';

export function revealFragment(highlightId: string): string {
  return `${REVEAL_FRAGMENT}${encodeURIComponent(highlightId)}`;
}

/** The highlight id a page was opened to show, or null. */
export function revealFromFragment(hash: string): string | null {
  const raw = hash.replace(/^#/, '');
  if (!raw.startsWith(REVEAL_FRAGMENT)) return null;
  try {
    return decodeURIComponent(raw.slice(REVEAL_FRAGMENT.length)) || null;
  } catch {
    return null;
  }
}
