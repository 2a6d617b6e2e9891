/**
 * Compiles the seed data into the extension at build time, as virtual modules:
 *   virtual:policy-lens/corpus    the seed articles, parsed and validated ({ version, articles })
 *   virtual:policy-lens/measures  the policy-measure catalogue, validated
 * A bad seed or catalogue entry fails the build with the same message `npm run lens -- check` prints.
 */
import path from 'node:path';
import type { WxtViteConfig } from 'wxt';

// WXT builds with its own Vite; take the plugin type from it rather than from the Vite Vitest uses.
type Plugin = Extract<NonNullable<WxtViteConfig['plugins']>[number], { name: string }>;

// Imported when a module is first loaded, not when wxt.config.ts is read: Vitest reads the config too.
const MODULES = {
  'virtual:policy-lens/corpus': async (root: string) => (await import('../lens/compile-seeds')).compileSeeds(path.join(root, 'seeds')),
  'virtual:policy-lens/measures': async (root: string) =>
    (await import('../../lib/measures/load-catalogue')).loadCatalogueFile(path.join(root, 'seeds', 'measures.yaml')),
} as const;

type VirtualId = keyof typeof MODULES;
const RESOLVED_PREFIX = '\0';

export function bundledDataPlugin(root: string): Plugin {
  return {
    name: 'policy-lens:bundled-data',
    resolveId(id) {
      return id in MODULES ? RESOLVED_PREFIX + id : undefined;
    },
    async load(id) {
      if (!id.startsWith(RESOLVED_PREFIX)) return undefined;
      const name = id.slice(RESOLVED_PREFIX.length) as VirtualId;
      if (!(name in MODULES)) return undefined;
      const data = await MODULES[name](root);
      // Seeds are data, and a rebuild picks up edits to them.
      this.addWatchFile(path.join(root, 'seeds'));
      return `export default ${JSON.stringify(data)};`;
    },
  };
}
