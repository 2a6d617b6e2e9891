/** Interface language: Chinese for Chinese browsers, English otherwise. */
import { fill, getLang } from './core';
import { en, zh, type MessageKey } from './messages';

export { getLang, langFor, setLang, type Lang } from './core';
export type { MessageKey };

export function t(key: MessageKey, ...args: (string | number)[]): string {
  return fill((getLang() === 'zh' ? zh : en)[key], args);
}

/** Dates as the reader expects them: 2021年6月4日 or 4 Jun 2021. */
export function formatDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(getLang() === 'zh' ? 'zh-CN' : 'en-GB', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'Asia/Shanghai' });
}
