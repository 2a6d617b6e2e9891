/** `t` for the content script: only its own strings (content-messages.ts), in the interface language. */
import { contentEn, contentZh, type ContentMessageKey } from './content-messages';
import { fill, getLang } from './core';

export type { ContentMessageKey };

export function t(key: ContentMessageKey, ...args: (string | number)[]): string {
  return fill((getLang() === 'zh' ? contentZh : contentEn)[key], args);
}
