import { defineConfig } from 'wxt';
import { ARTICLE_ORIGINS } from './lib/sina/match-patterns';
import { bundledDataPlugin } from './scripts/build/bundled-data-plugin';

// Firefox and Chrome both get Manifest V3 so one code path serves both.
export default defineConfig({
  manifestVersion: 3,
  outDir: '.output',
  vite: () => ({
    plugins: [bundledDataPlugin(import.meta.dirname)],
    // The options page's import worker (lib/corpus/import/import-worker.ts) is a module worker that
    // reads the bundled measure catalogue too.
    worker: { format: 'es', plugins: () => [bundledDataPlugin(import.meta.dirname)] },
    // Chrome refuses a content script holding a noncharacter such as U+FFFF as "not UTF-8": emit ASCII only.
    esbuild: { charset: 'ascii' },
  }),
  manifest: ({ browser }) => ({
    name: 'Policy Lens 政策透镜',
    description:
      'A reading companion for Chinese health-care policy news on Sina Finance: policy measures, related articles and your own highlights, all kept on your machine.',
    // Only what works needs asking for: storage for the corpus and notes, contextMenus for "Highlight
    // with Policy Lens" on a selection, scripting to load the extraction fallback into the rare article
    // page whose layout no known template holds (lib/background/extraction-fallback.ts). Host access is
    // the Sina article hosts the content script runs on, never <all_urls>; Chrome needs them named as
    // host permissions too before scripting.executeScript may load a file into such a page. Neither adds
    // an install warning: the content script's hosts already bring the same one
    // (tests/e2e/recognition.e2e.test.ts compares Chrome's warnings with and without them).
    permissions: ['storage', 'contextMenus', 'scripting'],
    host_permissions: ARTICLE_ORIGINS,
    action: { default_title: 'Policy Lens' },
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
    // (lib/background/commands.ts). Readers can change the key in the browser's shortcut settings.
    commands: {
      'toggle-panel': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Show or hide the Policy Lens panel on this page / 显示或隐藏本页的政策透镜面板',
      },
      'highlight-selection': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Highlight the selected text / 高亮所选文字',
      },
    },
    // The panel is an extension page framed in Sina article pages, so page scripts cannot read it.
    web_accessible_resources: [
      {
        resources: ['panel.html'],
        matches: ARTICLE_ORIGINS,
      },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'policy-lens@policy-lens.dev',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android learned data_collection_permissions in 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  hooks: {
    'build:manifestGenerated': (_wxt, manifest) => {
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
    excludeSources: ['bench/**', 'test-results/**', '.output/**', 'node_modules/**', 'tests/fixtures/releases/**'],
  },
});
