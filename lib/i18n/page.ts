/** An extension page in the interface language: `<html lang>` and the tab's title. */
import { getLang, t, type MessageKey } from './index';

export function setPageLanguage(title: MessageKey, doc: Document = document): void {
  doc.documentElement.lang = getLang() === 'zh' ? 'zh-CN' : 'en';
  doc.title = t(title);
}
