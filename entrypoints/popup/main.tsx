import { render } from 'preact';
import '@/components/shared/base.css';
import '@/components/popup/popup.css';
import { Popup } from '@/components/Popup';
import { getLang } from '@/lib/i18n';
import { pageControlsDeps } from '@/lib/popup/browser-deps';

document.documentElement.lang = getLang() === 'zh' ? 'zh-CN' : 'en';
render(<Popup page={pageControlsDeps()} />, document.getElementById('app')!);
