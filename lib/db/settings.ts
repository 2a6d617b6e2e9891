/** Reader settings, stored in IndexedDB with typed defaults. */
import type { LensDB } from './schema';

export const SETTING_DEFAULTS = {
  /** Add each recognised Sina article the reader opens to the corpus (local only). */
  'corpus.addRead': true as boolean,
};

export type SettingKey = keyof typeof SETTING_DEFAULTS;

export async function getSetting<K extends SettingKey>(db: LensDB, key: K): Promise<(typeof SETTING_DEFAULTS)[K]> {
  const row = await db.settings.get(key);
  return row === undefined ? SETTING_DEFAULTS[key] : (row.value as (typeof SETTING_DEFAULTS)[K]);
}

export async function setSetting<K extends SettingKey>(db: LensDB, key: K, value: (typeof SETTING_DEFAULTS)[K]): Promise<void> {
  await db.settings.put({ key, value });
}
