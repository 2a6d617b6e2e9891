/**
 * The manifest's keyboard commands by name: the background acts on them (lib/contexts/background/commands.ts)
 * and extension pages show their current shortcut, so the names live with the other cross-context contracts.
 */
export const TOGGLE_PANEL_COMMAND = 'toggle-panel';
/** Highlights the selection in the default colour (suggested Alt+Shift+H). */
export const HIGHLIGHT_COMMAND = 'highlight-selection';
