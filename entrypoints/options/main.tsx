import { render } from 'preact';
import '@/components/shared/base.css';
import '@/components/options/options.css';
import { OptionsPage } from '@/components/options/OptionsPage';
import { dismissEvictionNotice, extensionLocalStore, readEvictionNotice } from '@/lib/db/durability';
import { setPageLanguage } from '@/lib/i18n/page';
import { corpusActions } from '@/lib/insight/corpus-actions';
import { browserHostAccess } from '@/lib/contexts/extension-pages/permissions/host-access';

setPageLanguage('options.title');
const local = extensionLocalStore();
render(
  <OptionsPage
    actions={corpusActions()}
    welcome={location.hash === '#welcome'}
    storage={{ read: () => readEvictionNotice(local), dismiss: () => dismissEvictionNotice(local) }}
    hostAccess={browserHostAccess()}
    privacyUrl={browser.runtime.getURL('/privacy.html' as '/options.html')}
  />,
  document.getElementById('app')!,
);
