import '@/components/shared/base.css';
import '@/components/panel/panel.css';
import { mountPanel } from '@/components/panel/mount';
import { framedPanelSource } from '@/lib/contexts/extension-pages/panel/browser-sources';

mountPanel(document.getElementById('app')!, framedPanelSource());
