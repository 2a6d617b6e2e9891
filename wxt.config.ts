import { defineConfig } from 'wxt';
import { ARTICLE_MATCHES } from './lib/sina/match-patterns';

// Firefox and Chrome both get Manifest V3 so one code path serves both.
export default defineConfig({
  manifestVersion: 3,
  outDir: '.output',
  manifest: ({ browser }) => ({
    name: 'Policy Lens 政策透镜',
    description:
      'A reading companion for Chinese health-care policy news on Sina Finance: policy measures, related articles and your own highlights, all kept on your machine.',
    // Only what works needs asking for: storage for the corpus and notes. Host access comes from the
    // content script's article-URL patterns, never <all_urls>.
    permissions: ['storage'],
    action: { default_title: 'Policy Lens' },
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
        if (cs.matches?.some((m) => m === '<all_urls>' || m.startsWith('*://*/'))) {
          throw new Error('wxt.config.ts: content script matches must stay on Sina article hosts');
        }
      }
    },
  },
  zip: {
    artifactTemplate: 'policy-lens-{{version}}-{{browser}}.zip',
    sourcesTemplate: 'policy-lens-{{version}}-sources.zip',
    excludeSources: ['bench/**', 'test-results/**', '.output/**', 'node_modules/**'],
  },
});
