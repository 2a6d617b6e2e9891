/**
 * Splits a seed-format document into its YAML front matter and its HTML body, and parses the
 * YAML, keeping where each field sits so errors can name the file line.
 *
 * Layout: optional blank lines (the seeds start with one), a `---` line, YAML, a `---` line,
 * then the body. Both Hexo variants are plain YAML (list items indented by one space or by four).
 */
import { isMap, isScalar, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { CorpusError } from './errors';

export type FrontMatter = {
  data: Record<string, unknown>;
  /** The file line of a field's value (of its key when it has none), or of the opening `---` when absent. */
  lineOf(field: string): number;
  /** The file line of the opening `---`. */
  openLine: number;
  body: string;
  /** The file line the body starts on. */
  bodyLine: number;
};

const FENCE = '---';

export function splitFrontMatter(text: string, file: string): FrontMatter {
  const lines = text.split('\n');
  const open = lines.findIndex((l) => l.trim() !== '');
  if (lines[open]?.trim() !== FENCE) {
    throw new CorpusError(
      'frontmatter-missing',
      file,
      open + 1,
      "no front matter: the file must start with a '---' line, the fields, and another '---' line",
    );
  }
  const close = lines.findIndex((l, i) => i > open && l.trim() === FENCE);
  if (close < 0) throw new CorpusError('frontmatter-unclosed', file, open + 1, "front matter starts here but no '---' line closes it");

  const openLine = open + 1;
  const yamlFirstLine = open + 2;
  const lineCounter = new LineCounter();
  const doc = parseDocument(lines.slice(open + 1, close).join('\n'), { lineCounter, prettyErrors: false });
  const fileLine = (offset: number) => yamlFirstLine + lineCounter.linePos(offset).line - 1;

  const yamlError = doc.errors[0];
  if (yamlError) {
    throw new CorpusError(
      'frontmatter-invalid-yaml',
      file,
      fileLine(yamlError.pos[0]),
      `front matter is not valid YAML: ${yamlError.message}`,
      undefined,
      { detail: yamlError.message },
    );
  }
  if (!isMap(doc.contents)) {
    const shapeKind = doc.contents === null ? 'empty' : isScalar(doc.contents) ? 'scalar' : 'list';
    const what = { empty: 'is empty', scalar: 'is a single value', list: 'is a list' }[shapeKind];
    throw new CorpusError(
      'frontmatter-not-mapping',
      file,
      openLine,
      `front matter ${what}: it must be fields such as 'title: …' and 'date: …'`,
      undefined,
      { shapeKind },
    );
  }

  let data: Record<string, unknown>;
  try {
    data = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
  } catch (e) {
    // Alias expansion beyond the limit (a "billion laughs" document).
    throw new CorpusError(
      'frontmatter-invalid-yaml',
      file,
      openLine,
      `front matter is not valid YAML: ${(e as Error).message}`,
      undefined,
      { detail: (e as Error).message },
    );
  }

  const map = doc.contents;
  return {
    data,
    lineOf(field) {
      const pair = map.items.find((p) => isScalar(p.key) && p.key.value === field);
      const node = (pair?.value ?? pair?.key) as YamlNode | undefined;
      return node?.range ? fileLine(node.range[0]) : openLine;
    },
    openLine,
    body: lines.slice(close + 1).join('\n'),
    bodyLine: close + 2,
  };
}
