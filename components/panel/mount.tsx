import { render } from 'preact';
import { getLang, t } from '@/lib/i18n';
import type { PanelSource } from '@/lib/contexts/extension-pages/panel/sources';
import { PanelApp } from './PanelApp';

/** Renders a panel page (in-page frame or browser side panel) in the reader's language. */
export function mountPanel(el: HTMLElement, source: PanelSource): void {
  document.documentElement.lang = getLang() === 'zh' ? 'zh-CN' : 'en';
  document.title = t('appName');
  render(<PanelApp source={source} />, el);
}
