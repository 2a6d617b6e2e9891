import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { HostAccess } from '@/lib/contexts/extension-pages/permissions/host-access';

type State = 'checking' | 'granted' | 'missing' | 'refused' | 'failed';

/** Whether Policy Lens may run on Sina pages, re-read whenever the reader changes it anywhere. */
export function useHostAccess(access: HostAccess | undefined): [State, (s: State) => void] {
  const [state, setState] = useState<State>('checking');
  useEffect(() => {
    if (!access) return;
    const read = () =>
      void access.has().then(
        (ok) => setState((s) => (ok ? 'granted' : s === 'refused' ? s : 'missing')),
        () => setState('failed'),
      );
    read();
    return access.watch(read);
  }, [access]);
  return [state, setState];
}

/**
 * "Policy Lens may not read Sina Finance pages yet" with the one button that asks the browser; once
 * granted, what to do next. `compact` (the popup) says nothing while access is fine.
 */
export function HostAccessNotice({ access, compact = false }: { access: HostAccess; compact?: boolean }) {
  const [state, setState] = useHostAccess(access);
  const [error, setError] = useState<string | null>(null);
  const ask = () => {
    // The request must start inside the click: no await before it.
    access.request().then(
      (ok) => setState(ok ? 'granted' : 'refused'),
      (e: Error) => {
        setError(e.message);
        setState('failed');
      },
    );
  };
  if (state === 'checking') return null;
  if (state === 'granted') {
    return compact ? null : (
      <p class="access granted" data-testid="host-access" data-state="granted">
        <span aria-hidden="true">✓ </span>
        {t('access.granted')}
      </p>
    );
  }
  return (
    <div class="access missing" data-testid="host-access" data-state={state} role="region" aria-label={t('access.heading')}>
      <p>
        <strong>{t('access.heading')}</strong> {t('access.missing')}
      </p>
      <button type="button" class="primary" data-testid="host-access-allow" onClick={ask}>
        {t('access.allow')}
      </button>
      {state === 'refused' && (
        <p class="error" role="alert">
          {t('access.refused')}
        </p>
      )}
      {state === 'failed' && (
        <p class="error" role="alert">
          {t('access.failed', error ?? '')}
        </p>
      )}
    </div>
  );
}
