/**
 * The reader's colour renames in the settings table. Extension pages only (the database lives in the
 * extension's origin); the content script gets the palette through messages.
 */
import type { LensDB } from '../db/schema';
import { COLOR_LABELS_SETTING, parseColorRenames, renameColor, type ColorRenames } from './colors';

export async function readColorRenames(db: LensDB): Promise<ColorRenames> {
  const row = await db.settings.get(COLOR_LABELS_SETTING);
  return parseColorRenames(row?.value);
}

/** Renames one colour (an empty label resets it) and returns every rename now in force. */
export async function saveColorRename(db: LensDB, color: string, label: string): Promise<ColorRenames> {
  return db.transaction('rw', db.settings, async () => {
    const row = await db.settings.get(COLOR_LABELS_SETTING);
    const next = renameColor(row?.value, color, label);
    await db.settings.put({ key: COLOR_LABELS_SETTING, value: next });
    return next;
  });
}
