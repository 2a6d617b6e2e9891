/**
 * The catalogue is authored as YAML in seeds/measures.yaml (easier for people to read and review
 * than JSON). Parsing it is pure, so the same function serves a build step, a `?raw` import in the
 * bundle, and the tests.
 */
import { parse, YAMLParseError } from 'yaml';
import { CatalogueError, parseCatalogue, type Catalogue } from './catalogue';

export function parseCatalogueYaml(source: string, fileName = 'measures.yaml'): Catalogue {
  let raw: unknown;
  try {
    // uniqueKeys: a repeated `aliases:` key in one entry would otherwise silently drop the first list.
    raw = parse(source, { uniqueKeys: true, prettyErrors: true });
  } catch (error) {
    if (error instanceof YAMLParseError) {
      throw new CatalogueError([{ path: `${fileName}${lineOf(error)}`, message: error.message }]);
    }
    throw error;
  }
  return parseCatalogue(raw);
}

function lineOf(error: YAMLParseError): string {
  const pos = error.linePos?.[0];
  return pos ? `:${pos.line}:${pos.col}` : '';
}
