import { t } from '@/lib/i18n';

export function Popup() {
  return (
    <main class="popup" data-testid="popup" style={{ width: '360px', padding: '12px 14px' }}>
      <h1 style={{ fontSize: '16px', margin: '0 0 8px' }}>{t('appName')}</h1>
      <p>{t('popup.empty')}</p>
    </main>
  );
}
