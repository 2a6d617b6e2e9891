/** Interface language: Chinese for Chinese browsers, English otherwise. */
import { en, zh, type MessageKey } from './messages';

export type Lang = 'zh' | 'en';
export type { MessageKey };

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

export function t(key: MessageKey, ...args: (string | number)[]): string {
  const template = (current === 'zh' ? zh : en)[key];
  return template.replace(/\{(\d)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
}

/** Dates as the reader expects them: 2021年6月4日 or 4 Jun 2021. */
export function formatDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(current === 'zh' ? 'zh-CN' : 'en-GB', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'Asia/Shanghai' });
}
