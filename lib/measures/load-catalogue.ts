/**
 * Node-only: read and validate seeds/measures.yaml. For build scripts and tests; the extension
 * bundle must not import this file (it uses node:fs), it gets the YAML text at build time and
 * calls parseCatalogueYaml.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Catalogue } from './catalogue';
import { parseCatalogueYaml } from './catalogue-yaml';

export function loadCatalogueFile(path: string = defaultCataloguePath()): Catalogue {
  return parseCatalogueYaml(readFileSync(path, 'utf8'), path);
}

/**
 * seeds/measures.yaml relative to this file. Computed on call, not at import: config loaders
 * (jiti for wxt.config.ts) and happy-dom (whose global URL is not Node's) differ in what
 * import.meta offers, and callers that pass a path should not depend on it at all.
 */
export function defaultCataloguePath(): string {
  const here = import.meta.dirname ?? dirname(fileURLToPath(import.meta.url));
  return join(here, '..', '..', 'seeds', 'measures.yaml');
}
