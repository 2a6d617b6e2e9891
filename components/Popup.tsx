import { t } from '@/lib/i18n';
import { PageControls, type PageControlsDeps } from './popup/PageControls';

export function Popup({ page }: { page?: PageControlsDeps }) {
  return (
    <main class="popup" data-testid="popup" style={{ width: '360px', padding: '12px 14px' }}>
      <h1 style={{ fontSize: '16px', margin: '0 0 8px' }}>{t('appName')}</h1>
      {page && <PageControls deps={page} />}
      <p>{t('popup.empty')}</p>
    </main>
  );
}
