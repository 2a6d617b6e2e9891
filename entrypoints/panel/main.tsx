import { render } from 'preact';
import '@/components/shared/base.css';
import '@/components/panel/panel.css';
import { PanelApp } from '@/components/panel/PanelApp';
import { getLang } from '@/lib/i18n';

document.documentElement.lang = getLang() === 'zh' ? 'zh-CN' : 'en';
render(<PanelApp send={(m) => browser.runtime.sendMessage(m)} onStateChanged={(cb) => browser.runtime.onMessage.addListener((m) => {
  if ((m as { type?: string })?.type === 'lens:state-changed') cb();
})} />, document.getElementById('app')!);
