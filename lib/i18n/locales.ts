/**
 * The manifest's localised words, `_locales/<locale>/messages.json`, generated at build time from the
 * same tables as every interface string (messages.ts), so the store listing and the toolbar cannot say
 * something the interface does not, or exist in one language only. wxt.config.ts emits these files and
 * points the manifest at them with `__MSG_…__`.
 */
import { en, zh, type MessageKey } from './messages';

/** The manifest's locale folders and the table each is made from; `en` is the default_locale. */
export const MANIFEST_LOCALES = { en, zh_CN: zh } as const;
export const DEFAULT_LOCALE = 'en';

type ManifestKey = Extract<MessageKey, `manifest.${string}`>;

/** `manifest.command.togglePanel` → `manifest_command_togglePanel`: _locales names allow [A-Za-z0-9_@] only. */
export function localeMessageName(key: ManifestKey): string {
  return key.replace(/[^A-Za-z0-9_@]/g, '_');
}

/** `__MSG_manifest_name__`, for a manifest field. */
export function msg(key: ManifestKey): string {
  return `__MSG_${localeMessageName(key)}__`;
}

/** The stores' limit on the manifest description, in characters. */
export const MAX_DESCRIPTION = 132;

/** Every `manifest.*` message of one language, in the messages.json shape. */
export function localeMessages(table: Record<MessageKey, string>): Record<string, { message: string }> {
  const out: Record<string, { message: string }> = {};
  for (const key of Object.keys(table)
    .filter((k): k is ManifestKey => k.startsWith('manifest.'))
    .sort()) {
    out[localeMessageName(key)] = { message: table[key] };
  }
  return out;
}

/** The files to add to the build: `_locales/en/messages.json` and `_locales/zh_CN/messages.json`. */
export function localeFiles(): { relativeDest: string; contents: string }[] {
  return Object.entries(MANIFEST_LOCALES).map(([locale, table]) => ({
    relativeDest: `_locales/${locale}/messages.json`,
    contents: `${JSON.stringify(localeMessages(table), null, 2)}\n`,
  }));
}
