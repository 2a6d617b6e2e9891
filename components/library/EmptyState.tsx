import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';

/** The manifest's suggested key for highlight-selection, until the browser says what the reader set. */
const DEFAULT_SHORTCUT = 'Alt+Shift+H';

/** No highlight yet: how to make the first one. */
export function EmptyState({ shortcut }: { shortcut?: (() => Promise<string | undefined>) | undefined }) {
  const [key, setKey] = useState<string | undefined>(DEFAULT_SHORTCUT);
  useEffect(() => {
    // The reader may have changed or removed the shortcut; only a set one is worth telling.
    shortcut?.().then(setKey, () => undefined);
  }, [shortcut]);
  return (
    <div class="library-empty" data-testid="library-empty">
      <h3>{t('library.empty.heading')}</h3>
      <ol>
        <li>{t('library.empty.open')}</li>
        <li>{t('library.empty.select')}</li>
        {key && (
          <li>
            <ShortcutText keys={key} />
          </li>
        )}
      </ol>
      <p class="muted">{t('library.empty.here')}</p>
    </div>
  );
}

/** The shortcut sentence with the keys in a <kbd>. */
function ShortcutText({ keys }: { keys: string }) {
  const [before, after = ''] = t('library.empty.shortcut', '\u0000').split('\u0000');
  return (
    <>
      {before}
      <kbd>{keys}</kbd>
      {after}
    </>
  );
}
