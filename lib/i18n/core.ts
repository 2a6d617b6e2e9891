/**
 * The interface language and placeholder filling, shared by the full message table (index.ts) and the
 * content script's own (content.ts).
 */
export type Lang = 'zh' | 'en';

export function langFor(locale: string | undefined): Lang {
  return locale?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

let current: Lang = langFor(typeof navigator === 'undefined' ? undefined : navigator.language);

export function setLang(lang: Lang): void {
  current = lang;
}

export function getLang(): Lang {
  return current;
}

/** `{0}`, `{1}` … replaced by the arguments. */
export function fill(template: string, args: readonly (string | number)[]): string {
  return template.replace(/\{(\d)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
}
