import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { createClient } from '@/lib/messages/client';
import { valueOr } from '@/lib/messages/reply';
import type { ActiveTab, PageControlsDeps } from '@/lib/contexts/extension-pages/popup/page-controls';
import { displayTitle } from '@/lib/text/display-title';
import { HostAccessNotice, useHostAccess } from '../shared/HostAccess';

export type { PageControlsDeps };

type Status = { kind: 'checking' } | { kind: 'none' } | { kind: 'article'; tab: ActiveTab; title: string };

/**
 * The popup's controls for the page in the active tab. The toolbar button opens the popup, so this is
 * where a click shows or hides the in-page panel (the shortcut does the same without the popup).
 */
export function PageControls({ deps }: { deps: PageControlsDeps }) {
  const [status, setStatus] = useState<Status>({ kind: 'checking' });
  const [message, setMessage] = useState<string | null>(null);
  const [shortcut, setShortcut] = useState<string | undefined>(undefined);
  // Without access to Sina pages no article is ever recognised: say that, not "this is not an article".
  const [access] = useHostAccess(deps.hostAccess);
  const blocked = deps.hostAccess !== undefined && access !== 'granted' && access !== 'checking';

  useEffect(() => {
    void (async () => {
      const tab = await deps.activeTab().catch(() => undefined);
      const state = tab ? valueOr(await createClient(deps.send).ask({ type: 'panel:state', tabId: tab.id }), null) : null;
      setStatus(tab && state ? { kind: 'article', tab, title: state.article.title } : { kind: 'none' });
    })();
    void deps.shortcut().then(setShortcut, () => undefined);
  }, [deps]);

  const toggle = async (tab: ActiveTab) => {
    const reply = await createClient(deps.send).ask({ type: 'panel:toggle', tabId: tab.id });
    setMessage(reply.ok ? t(reply.value ? 'popup.panelShown' : 'popup.panelHidden') : t('popup.toggleFailed'));
  };

  return (
    <section class="page-controls" aria-labelledby="page-controls-heading" data-testid="page-controls" data-status={status.kind}>
      <h2 id="page-controls-heading">{t('popup.page')}</h2>
      {status.kind === 'checking' && <p class="muted">{t('panel.loading')}</p>}
      {deps.hostAccess && <HostAccessNotice access={deps.hostAccess} compact />}
      {status.kind === 'none' && !blocked && <p class="muted">{t('popup.notArticle')}</p>}
      {status.kind === 'article' && (
        <>
          <p class="page-title" lang="zh-CN">
            {displayTitle(status.title)}
          </p>
          <div class="actions">
            <button type="button" class="primary" data-testid="toggle-panel" onClick={() => void toggle(status.tab)}>
              {t('popup.togglePanel')}
            </button>
            {deps.openSidePanel && (
              <button
                type="button"
                data-testid="open-side-panel"
                onClick={() => void deps.openSidePanel?.(status.tab.windowId).catch(() => undefined)}
              >
                {t('popup.openSidePanel')}
              </button>
            )}
          </div>
          {shortcut && <p class="muted">{t('popup.shortcut', shortcut)}</p>}
          <p role="status" class="muted" data-testid="toggle-result">
            {message ?? ''}
          </p>
        </>
      )}
    </section>
  );
}
