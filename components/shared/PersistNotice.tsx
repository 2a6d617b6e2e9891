import { useEffect, useState } from 'preact/hooks';
import type { PersistencePrompt } from '@/lib/db/persistence-prompt';
import { t } from '@/lib/i18n';

type State = 'hidden' | 'asking' | 'granted' | 'refused';

/**
 * The one time Policy Lens asks for persistent storage: in the library, once the reader has notes to
 * lose, saying why; after the answer it says what it means and never asks again.
 */
export function PersistNotice({ prompt }: { prompt: PersistencePrompt | undefined }) {
  const [state, setState] = useState<State>('hidden');
  useEffect(() => {
    if (!prompt) return;
    void prompt.shouldAsk().then(
      (ask) => ask && setState('asking'),
      () => undefined,
    );
  }, [prompt]);
  if (!prompt || state === 'hidden') return null;
  if (state !== 'asking') {
    return (
      <p class="persist-notice" role="status" data-testid="persist-notice" data-state={state}>
        {t(state === 'granted' ? 'persist.granted' : 'persist.refused')}
      </p>
    );
  }
  return (
    <div class="persist-notice" role="region" aria-label={t('persist.allow')} data-testid="persist-notice" data-state="asking">
      <p>{t('persist.why')}</p>
      <button
        type="button"
        class="primary"
        data-testid="persist-allow"
        onClick={() =>
          void prompt.request().then(
            (s) => setState(s === 'persisted' ? 'granted' : 'refused'),
            () => setState('refused'),
          )
        }
      >
        {t('persist.allow')}
      </button>{' '}
      <button type="button" data-testid="persist-later" onClick={() => void prompt.decline().finally(() => setState('hidden'))}>
        {t('persist.later')}
      </button>
    </div>
  );
}
