import { render } from 'preact';
import '@/components/shared/base.css';
import '@/components/options/options.css';
import { OptionsPage } from '@/components/options/OptionsPage';
import { dismissEvictionNotice, extensionLocalStore, readEvictionNotice, requestPersistence } from '@/lib/db/durability';
import { corpusActions } from '@/lib/insight/corpus-actions';

// Ask the browser to keep the reader's notes when the disk runs low (only pages may ask, not the worker).
void requestPersistence();
const local = extensionLocalStore();
render(
  <OptionsPage
    actions={corpusActions()}
    welcome={location.hash === '#welcome'}
    storage={{ read: () => readEvictionNotice(local), dismiss: () => dismissEvictionNotice(local) }}
  />,
  document.getElementById('app')!,
);
