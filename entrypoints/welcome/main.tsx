// welcome.html: opened once, on install (lib/contexts/background/start.ts).
import { render } from 'preact';
import '@/components/shared/base.css';
import '@/components/welcome/welcome.css';
import { WelcomePage } from '@/components/welcome/WelcomePage';
import { TOGGLE_PANEL_COMMAND } from '@/lib/messages/commands';
import { setPageLanguage } from '@/lib/i18n/page';
import { browserHostAccess } from '@/lib/contexts/extension-pages/permissions/host-access';

setPageLanguage('welcome.pageTitle');
// privacy.html is made by the build (scripts/build/privacy-page.ts), so WXT's path types do not list it.
const url = (path: string) => browser.runtime.getURL(path as Parameters<typeof browser.runtime.getURL>[0]);
const app = document.getElementById('app')!;
const show = (shortcut?: string) =>
  render(
    <WelcomePage
      access={access}
      shortcut={shortcut}
      links={{
        importArticles: url('/options.html#import'),
        restoreBackup: url('/library.html#import'),
        options: url('/options.html'),
        privacy: url('/privacy.html'),
        icon: url('/icon/32.png'),
      }}
    />,
    app,
  );
const access = browserHostAccess();
show();
void browser.commands.getAll().then(
  (all) => show(all.find((c) => c.name === TOGGLE_PANEL_COMMAND)?.shortcut || undefined),
  () => undefined,
);
