/**
 * Performance marks the extension's own pages set at moments worth timing, each in its own document's
 * timeline. `npm run bench -- scale` reads them the same way in Chromium and Firefox (no browser-
 * specific tracing). They live in extension pages only (the panel is an extension frame): no web page
 * can read them.
 */

/** The panel frame first receives a state holding the analysis (what comes before is the page's and the background's work). */
export const PANEL_ANALYSIS_MARK = 'policy-lens:panel-analysis';
/** The panel first commits its analysis (data-status="ready"): what comes after PANEL_ANALYSIS_MARK is the panel's own rendering. */
export const PANEL_READY_MARK = 'policy-lens:panel-ready';
/** The library view (popup, library page) commits its first list: rows, possibly only the first screen, or the empty state. */
export const FIRST_LIST_MARK = 'policy-lens:library-first-list';
/** The library view has the whole library read and searchable. */
export const COMPLETE_MARK = 'policy-lens:library-complete';
