import { t } from '@/lib/i18n';
import type { HostAccess } from '@/lib/contexts/extension-pages/permissions/host-access';
import { HostAccessNotice } from '../shared/HostAccess';

/** Where the welcome page's links go: extension page URLs (runtime.getURL), and the toggle shortcut. */
export type WelcomeLinks = { importArticles: string; restoreBackup: string; options: string; privacy: string; icon: string };

/**
 * The page a new reader sees once, on install: access to Sina pages first (Firefox does not grant it
 * at install, and without it nothing at all appears), then what Policy Lens does in three lines,
 * where its panel and library are, and a way to bring articles or a backup along.
 */
export function WelcomePage({ access, links, shortcut }: { access: HostAccess; links: WelcomeLinks; shortcut?: string | undefined }) {
  return (
    <main class="welcome-page" data-testid="welcome">
      <h1>
        <img src={links.icon} alt="" width={32} height={32} /> {t('welcome.title')}
      </h1>
      <HostAccessNotice access={access} />

      <section aria-labelledby="welcome-what">
        <h2 id="welcome-what">{t('welcome.what')}</h2>
        <ul class="three-lines" data-testid="welcome-what">
          <li>{t('welcome.what.panel')}</li>
          <li>{t('welcome.what.highlight')}</li>
          <li>{t('welcome.what.private')}</li>
        </ul>
      </section>

      <section aria-labelledby="welcome-where">
        <h2 id="welcome-where">{t('welcome.where')}</h2>
        <figure class="where" data-testid="welcome-where">
          {/* A browser window drawn in boxes: the toolbar button top right, the panel beside the article. */}
          <div class="window" aria-hidden="true">
            <div class="toolbar">
              <span class="address">finance.sina.com.cn/…/doc-i….shtml</span>
              <span class="button-mark">
                <img src={links.icon} alt="" width={16} height={16} />
                <span class="callout-number">2</span>
              </span>
            </div>
            <div class="page">
              <div class="article">
                <span class="line long" />
                <span class="line" />
                <span class="line long marked" />
                <span class="line" />
                <span class="line short" />
              </div>
              <div class="panel-mark">
                <span class="callout-number">1</span>
                <span class="line" />
                <span class="line short" />
                <span class="line" />
              </div>
            </div>
          </div>
          <figcaption>
            <ol>
              <li>
                {t('welcome.where.panel')} {shortcut && t('popup.shortcut', shortcut)}
              </li>
              <li>{t('welcome.where.popup')}</li>
            </ol>
            <p class="muted">{t('welcome.where.pin')}</p>
          </figcaption>
        </figure>
      </section>

      <section aria-labelledby="welcome-import">
        <h2 id="welcome-import">{t('welcome.import')}</h2>
        <p>{t('welcome.import.help')}</p>
        <p class="actions">
          <a class="button" href={links.importArticles} data-testid="welcome-import-articles">
            {t('welcome.import.articles')}
          </a>
          <a class="button" href={links.restoreBackup} data-testid="welcome-restore-backup">
            {t('welcome.import.backup')}
          </a>
        </p>
      </section>

      <p class="footer muted">
        <a href={links.options}>{t('welcome.settings')}</a> · <a href={links.privacy}>{t('privacy.link')}</a>
      </p>
    </main>
  );
}
