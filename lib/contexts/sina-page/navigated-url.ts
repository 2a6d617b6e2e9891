/**
 * The address the browser navigated to, not the one the page shows now.
 *
 * A page script runs before the content script (document_idle) and may `history.replaceState` or
 * `pushState` to another article's address on its origin: reading `location` would then give it
 * that article's highlights and analysis, in a page it wrote. The navigation timing entry keeps the
 * address the browser loaded (after redirects), whatever the page does to its history since, in
 * Chrome and Firefox alike (tests/e2e/hostile-page.e2e.test.ts), and the content script reads it
 * through its own view of `performance`, which no page script can patch.
 *
 * Null when the browser keeps no navigation entry (a document made by `document.open()`, say): the
 * content script then stays out.
 */
export function navigatedUrl(view: Window): string | null {
  const entry = view.performance?.getEntriesByType?.('navigation')[0];
  return entry && typeof entry.name === 'string' && entry.name !== '' ? entry.name : null;
}
