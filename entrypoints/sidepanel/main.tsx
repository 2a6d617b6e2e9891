// The browser's own side panel (Chrome side_panel, Firefox sidebar_action): the same panel, following
// the active tab of its window instead of living inside one page.
import '@/components/shared/base.css';
import '@/components/panel/panel.css';
import { mountPanel } from '@/components/panel/mount';
import { sidePanelSource } from '@/lib/contexts/extension-pages/panel/browser-sources';

mountPanel(document.getElementById('app')!, sidePanelSource());
