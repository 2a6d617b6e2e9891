/**
 * The highlight palette: four colours with stable ids and a meaning each (重点 / 数据 / 疑问 / 观点),
 * which the reader can rename.
 *
 * Records store the colour *id* ("yellow"), never a label or a CSS value, so renaming a meaning or
 * retuning a shade for contrast never rewrites a highlight. Renames are kept as a small map in the
 * settings table (only the colours the reader renamed); everything else comes from the interface
 * language, so a reader who switches language without renaming sees the defaults in that language.
 */
import { t, type ContentMessageKey } from '../i18n/content';

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/** The colour of the context menu item, the keyboard shortcut and a plain click on the toolbar. */
export const DEFAULT_COLOR: HighlightColor = 'yellow';

export function isHighlightColor(value: unknown): value is HighlightColor {
  return typeof value === 'string' && (HIGHLIGHT_COLORS as readonly string[]).includes(value);
}

/**
 * A stored colour as a palette id. A record written by a later version (or an import) may name a
 * colour this version does not know: it still paints, in the default colour, rather than vanishing.
 */
export function colorOrDefault(value: string): HighlightColor {
  return isHighlightColor(value) ? value : DEFAULT_COLOR;
}

export interface ColorStyle {
  /** Solid colour for buttons and list markers. */
  swatch: string;
  /** Highlight background on light pages: translucent, so the page's own text colour stays readable. */
  light: string;
  /** On dark pages (a dark theme, a dark-mode extension): deeper and denser, so light text keeps contrast. */
  dark: string;
}

export const COLOR_STYLES: Record<HighlightColor, ColorStyle> = {
  yellow: { swatch: '#f2c200', light: 'rgba(255, 212, 0, 0.42)', dark: 'rgba(186, 146, 0, 0.55)' },
  green: { swatch: '#3a9d3f', light: 'rgba(76, 187, 23, 0.30)', dark: 'rgba(46, 140, 60, 0.55)' },
  blue: { swatch: '#3b7fe0', light: 'rgba(64, 150, 255, 0.30)', dark: 'rgba(48, 110, 210, 0.55)' },
  pink: { swatch: '#e0508f', light: 'rgba(255, 92, 160, 0.30)', dark: 'rgba(190, 60, 125, 0.55)' },
};

const LABEL_KEYS: Record<HighlightColor, ContentMessageKey> = {
  yellow: 'highlights.color.yellow',
  green: 'highlights.color.green',
  blue: 'highlights.color.blue',
  pink: 'highlights.color.pink',
};

/** Settings-table key of the reader's renames. */
export const COLOR_LABELS_SETTING = 'highlights.colorLabels';

/** Long enough for "Follow up with the bureau", short enough to fit a toolbar button. */
export const COLOR_LABEL_MAX = 24;

/**
 * A label as the reader may set it: trimmed, 1 to COLOR_LABEL_MAX characters. By hand, not zod: the
 * content script uses the palette, and zod's schemas cost the page time at start.
 */
export function checkColorLabel(
  value: unknown,
):
  | { ok: true; label: string }
  | { ok: false; error: string; code: 'field.label-not-text' | 'field.label-empty' | 'field.label-too-long'; params?: { max: number } } {
  if (typeof value !== 'string') return { ok: false, error: 'label must be text', code: 'field.label-not-text' };
  const label = value.trim();
  if (label === '') return { ok: false, error: 'label must not be empty', code: 'field.label-empty' };
  if (label.length > COLOR_LABEL_MAX)
    return {
      ok: false,
      error: `label must be at most ${COLOR_LABEL_MAX} characters`,
      code: 'field.label-too-long',
      params: { max: COLOR_LABEL_MAX },
    };
  return { ok: true, label };
}

/** Only the renamed colours; a missing colour means "the default label". */
export type ColorRenames = Partial<Record<HighlightColor, string>>;

export function defaultColorLabels(): Record<HighlightColor, string> {
  return { yellow: t(LABEL_KEYS.yellow), green: t(LABEL_KEYS.green), blue: t(LABEL_KEYS.blue), pink: t(LABEL_KEYS.pink) };
}

/**
 * The valid renames in a stored value. Entry by entry: one bad entry (a later version's colour, a
 * label over the limit after an import) drops that entry only, not the reader's other renames.
 */
export function parseColorRenames(stored: unknown): ColorRenames {
  const out: ColorRenames = {};
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return out;
  for (const [key, value] of Object.entries(stored)) {
    if (!isHighlightColor(key)) continue;
    const label = checkColorLabel(value);
    if (label.ok) out[key] = label.label;
  }
  return out;
}

/** Every colour's label: the reader's rename where there is one, the default otherwise. */
export function colorLabels(
  stored: unknown,
  defaults: Record<HighlightColor, string> = defaultColorLabels(),
): Record<HighlightColor, string> {
  return { ...defaults, ...parseColorRenames(stored) };
}

/**
 * The renames after the reader renamed `color` to `label`. An empty label, or the default label,
 * resets the colour to its default (so it follows the interface language again). Throws an Error
 * naming the colour and the problem for an unknown colour or a label over the limit.
 */
export function renameColor(
  stored: unknown,
  color: string,
  label: string,
  defaults: Record<HighlightColor, string> = defaultColorLabels(),
): ColorRenames {
  if (!isHighlightColor(color)) {
    throw Object.assign(new Error(`Rename colour: unknown colour "${color}" (expected one of ${HIGHLIGHT_COLORS.join(', ')})`), {
      code: 'highlight.rename-unknown-colour',
      params: { colour: color, colours: HIGHLIGHT_COLORS.join(', ') },
    });
  }
  const next = parseColorRenames(stored);
  const trimmed = label.trim();
  if (trimmed === '' || trimmed === defaults[color]) {
    delete next[color];
    return next;
  }
  const checked = checkColorLabel(trimmed);
  if (!checked.ok)
    throw Object.assign(new Error(`Rename colour ${color}: ${checked.error}`), {
      code: 'highlight.rename-label',
      params: { colour: color, detail: checked.error },
    });
  next[color] = checked.label;
  return next;
}

export interface PaletteEntry {
  id: HighlightColor;
  label: string;
  swatch: string;
  renamed: boolean;
}

/** The palette in display order, with labels, for toolbars, popovers and the panel's legend. */
export function palette(stored: unknown, defaults: Record<HighlightColor, string> = defaultColorLabels()): PaletteEntry[] {
  const renames = parseColorRenames(stored);
  return HIGHLIGHT_COLORS.map((id) => ({
    id,
    label: renames[id] ?? defaults[id],
    swatch: COLOR_STYLES[id].swatch,
    renamed: renames[id] !== undefined,
  }));
}
