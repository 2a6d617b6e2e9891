/** Interface language: Chinese for Chinese browsers, English otherwise. */
import { fill, getLang } from './core';
import { en, zh, type MessageKey } from './messages';

export { getLang, langFor, setLang, type Lang } from './core';
export type { MessageKey };

export function t(key: MessageKey, ...args: (string | number)[]): string {
  return fill((getLang() === 'zh' ? zh : en)[key], args);
}

/**
 * One formatter per language: toLocaleDateString builds a new Intl.DateTimeFormat on every call, about
 * a millisecond each, which a list of a few hundred dates turned into a long task.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Dates as the reader expects them: 2021年6月4日 or 4 Jun 2021. */
export function formatDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const locale = getLang() === 'zh' ? 'zh-CN' : 'en-GB';
  let format = dateFormats.get(locale);
  if (!format)
    dateFormats.set(
      locale,
      (format = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'Asia/Shanghai' })),
    );
  return format.format(d);
}
