import path from 'node:path';
import { defineConfig } from 'wxt';
import { DEFAULT_LOCALE, localeFiles, msg } from './lib/i18n/locales';
import { ARTICLE_ORIGINS } from './lib/sina/match-patterns';
import { bundledDataPlugin } from './scripts/build/bundled-data-plugin';
import { PRIVACY_PAGE, privacyPage } from './scripts/build/privacy-page';

/** Rendered from assets/icon.svg by `npm run icons` (scripts/icons/render.ts). */
const ICONS = Object.fromEntries([16, 32, 48, 96, 128].map((size) => [String(size), `icon/${size}.png`]));
const TOOLBAR_ICONS = { '16': ICONS['16']!, '32': ICONS['32']! };

// Firefox and Chrome both get Manifest V3 so one code path serves both.
export default defineConfig({
  manifestVersion: 3,
  outDir: '.output',
  vite: () => ({
    plugins: [bundledDataPlugin(import.meta.dirname)],
    // The options page's import workers (lib/corpus/import/import-worker.ts, parse-worker.ts) are module
    // workers; the parser reads the bundled measure catalogue too.
    worker: { format: 'es', plugins: () => [bundledDataPlugin(import.meta.dirname)] },
    // WXT's content-script context posts the extension's id to every page it runs on
    // (lib/contexts/sina-page/quiet-context.ts says what it posts): the content script gets a silent one.
    resolve: {
      alias: [
        {
          find: /^wxt\/utils\/content-script-context$/,
          replacement: path.join(import.meta.dirname, 'lib/contexts/sina-page/quiet-context.ts'),
        },
      ],
    },
    // Chrome refuses a content script holding a noncharacter such as U+FFFF as "not UTF-8": emit ASCII only.
    esbuild: { charset: 'ascii' },
  }),
  manifest: ({ browser }) => ({
    // Words from lib/i18n/messages.ts, written to _locales/ by the build:publicAssets hook below.
    name: msg('manifest.name'),
    description: msg('manifest.description'),
    default_locale: DEFAULT_LOCALE,
    icons: ICONS,
    // Only what works needs asking for: storage for the corpus and notes, contextMenus for "Highlight
    // with Policy Lens" on a selection, scripting to load the extraction fallback into the rare article
    // page whose layout no known template holds (lib/contexts/background/extraction-fallback.ts). Host access is
    // the Sina article hosts the content script runs on, never <all_urls>; Chrome needs them named as
    // host permissions too before scripting.executeScript may load a file into such a page. Neither adds
    // an install warning: the content script's hosts already bring the same one
    // (tests/e2e/recognition.e2e.test.ts compares Chrome's warnings with and without them).
    permissions: ['storage', 'contextMenus', 'scripting'],
    host_permissions: ARTICLE_ORIGINS,
    action: { default_icon: TOOLBAR_ICONS },
    // Extension pages run only the extension's own scripts and load nothing from anywhere else: a
    // title, note or imported article carrying markup can never become code or a request. Inline
    // styles stay allowed (the in-page UI's ::highlight rules and shadow styles are <style> elements;
    // a style is not code).
    content_security_policy: {
      extension_pages:
        "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; connect-src 'self' blob:; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'",
    },
    // The toolbar button opens the popup (the notes library), so it cannot also toggle the panel with a
    // plain click: the popup has a "show or hide the panel" button, and this shortcut does the same
    // (lib/contexts/background/commands.ts). Readers can change the key in the browser's shortcut settings.
    commands: {
      'toggle-panel': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: msg('manifest.command.togglePanel'),
      },
      'highlight-selection': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: msg('manifest.command.highlightSelection'),
      },
    },
    // The panel is an extension page framed in Sina article pages, so page scripts cannot read it.
    // Chrome: only at a per-session address (use_dynamic_url), which the content script gets from
    // runtime.getURL and a page cannot guess; the fixed chrome-extension://<id>/panel.html refuses to
    // load, so it can neither tell that Policy Lens is installed nor frame the panel from that
    // address. Firefox has no use_dynamic_url (it warns about the key): its moz-extension:// host is
    // already a random UUID of each install. Either way, a panel a page frames itself has no frame
    // secret, and the background answers it nothing (lib/contexts/background/frame-secret.ts).
    web_accessible_resources: [
      {
        resources: ['panel.html'],
        matches: ARTICLE_ORIGINS,
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    // The oldest browsers with every API the extension relies on (docs/store/README.md lists them):
    // Chrome 116 for sidePanel.open (the popup's "open in the side panel"; the CSS Custom Highlight API
    // the highlights are painted with is 105); Firefox 140 for the CSS Custom Highlight API and
    // data_collection_permissions. Firefox for Android is not declared: the panel beside the article and
    // the selection toolbar are desktop layouts, and no test runs there.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'policy-lens@policy-lens.dev',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { minimum_chrome_version: '116' }),
  }),
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push(...localeFiles(), { relativeDest: PRIVACY_PAGE, contents: privacyPage(import.meta.dirname) });
    },
    'build:manifestGenerated': (_wxt, manifest) => {
      // WXT takes the toolbar button's title from the popup's <title>, and makes Firefox's sidebar_action
      // from entrypoints/sidepanel: their words and icon are ours.
      if (manifest.action) manifest.action.default_title = msg('manifest.actionTitle');
      if (manifest.sidebar_action) {
        manifest.sidebar_action.default_icon = TOOLBAR_ICONS;
        manifest.sidebar_action.default_title = msg('manifest.name');
      }
      // Keep the manifest honest: a content script must never widen to every site.
      for (const cs of manifest.content_scripts ?? []) {
        if (cs.matches?.some((m) => m === '<all_urls>' || m.startsWith('*://*/') || !m.startsWith('https://'))) {
          throw new Error('wxt.config.ts: content script matches must stay on https Sina article hosts');
        }
      }
    },
  },
  zip: {
    artifactTemplate: 'policy-lens-{{version}}-{{browser}}.zip',
    sourcesTemplate: 'policy-lens-{{version}}-sources.zip',
    // The sources zip holds what builds the extension and its tests; not the store's pictures.
    excludeSources: ['docs/**/*.png', 'bench/**', 'test-results/**', '.output/**', 'node_modules/**', 'tests/fixtures/releases/**'],
  },
});
