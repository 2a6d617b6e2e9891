import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { CorpusActions } from '@/lib/insight/corpus-contract';

/** The "grow the corpus as I read" switch (on by default, local only). */
export function AddReadSetting({ actions }: { actions: Pick<CorpusActions, 'getAddRead' | 'setAddRead'> }) {
  const [on, setOn] = useState<boolean | null>(null);
  useEffect(() => void actions.getAddRead().then(setOn), [actions]);
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('settings.heading')}</h2>
      <label class="setting">
        <input
          type="checkbox"
          data-testid="setting-add-read"
          checked={on ?? false}
          disabled={on === null}
          aria-describedby="add-read-help"
          onChange={(e) => {
            const next = (e.currentTarget as HTMLInputElement).checked;
            setOn(next);
            void actions.setAddRead(next);
          }}
        />{' '}
        {t('settings.addRead')}
      </label>
      <p id="add-read-help" class="muted">
        {t('settings.addReadHelp')}
      </p>
    </section>
  );
}
