import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { describeError } from '@/lib/i18n/errors';

/**
 * One action at a time from a list row (save a note, recolour, delete): `busy` disables the row's
 * buttons meanwhile, and a refusal is kept in `error` — in words, with the background's reason —
 * for the row to show. `run` resolves to whether the action succeeded.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (e) {
      setError(t('panel.highlights.failed', describeError(e)));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}
