/**
 * W3C Web Annotation JSON-LD back into highlight records, for import. Reads what export-annotations.ts
 * writes, and the common shapes other annotators write: a bare list of annotations, one annotation,
 * an AnnotationPage, `body` as one object or a list, `selector` as one object or a list, a note as
 * `bodyValue`. Not a JSON-LD processor: terms are matched in their usual compacted spelling, except the
 * Policy Lens terms, which are found under whatever prefix the file's @context maps to our namespace.
 *
 * Every record is checked with the highlight store's own schema; a refusal names the field as it is
 * in the file (`first.items[3].target.selector[0].exact: must not be empty`).
 */
import { DEFAULT_COLOR } from '../highlights/colors';
import { HighlightRecordSchema } from '../highlights/store';
import type { HighlightRecord } from '../db/schema';
import { parseArticleUrl } from '../sina/url';
import { ANNO_CONTEXT, LENS_NAMESPACE, LENS_PREFIX, highlightIdFromAnnotation } from './export-annotations';
import { FieldError, firstIssue, formatPath } from './import-error';

type Json = Record<string, unknown>;
type Path = readonly PropertyKey[];

const ANNO_CONTEXTS = new Set([ANNO_CONTEXT, 'https://www.w3.org/ns/anno.jsonld']);

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON-LD allows one value or a list for most properties. */
function asList(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function hasType(node: Json, type: string): boolean {
  return asList(node.type ?? node['@type']).includes(type);
}

function contextsOf(node: unknown): unknown[] {
  return isObject(node) ? asList(node['@context']) : [];
}

function namesAnnoContext(node: unknown): boolean {
  return contextsOf(node).some((c) => typeof c === 'string' && ANNO_CONTEXTS.has(c));
}

/** Is this parsed JSON a Web Annotation document (collection, page, annotation or list of them)? */
export function isWebAnnotationDocument(data: unknown): boolean {
  if (Array.isArray(data))
    return data.length > 0 && data.every((item) => isObject(item) && (namesAnnoContext(item) || hasType(item, 'Annotation')));
  // Some tools leave the @context out; the model's own types are unmistakable enough.
  return (
    namesAnnoContext(data) || (isObject(data) && ['AnnotationCollection', 'AnnotationPage', 'Annotation'].some((t) => hasType(data, t)))
  );
}

/** The keys under which a Policy Lens term may appear: each prefix mapped to our namespace, and the full IRI. */
function lensKeys(contexts: unknown[], term: string): string[] {
  const prefixes = new Set([LENS_PREFIX]);
  for (const context of contexts) {
    if (!isObject(context)) continue;
    for (const [prefix, iri] of Object.entries(context)) if (iri === LENS_NAMESPACE) prefixes.add(prefix);
  }
  return [...[...prefixes].map((p) => `${p}:${term}`), `${LENS_NAMESPACE}${term}`];
}

function lensValue(node: Json, keys: string[]): { key: string; value: unknown } | undefined {
  for (const key of keys) if (key in node) return { key, value: node[key] };
  return undefined;
}

/** The annotations and where each sits in the file. */
function locateItems(data: unknown): { items: unknown[]; at: (i: number) => Path } {
  if (Array.isArray(data)) return { items: data, at: (i) => [i] };
  if (!isObject(data)) throw new FieldError([], 'expected an annotation collection, page or list', 'annotations.not-collection');
  if (hasType(data, 'AnnotationCollection')) {
    const first = data.first;
    if (first === undefined) {
      if (data.total === 0) return { items: [], at: (i) => ['first', 'items', i] };
      throw new FieldError(['first'], 'missing: the collection has no page of annotations', 'annotations.no-page');
    }
    if (!isObject(first))
      throw new FieldError(
        ['first'],
        'the page of annotations must be in the file (linked pages are not fetched)',
        'annotations.linked-page',
      );
    if (first.next !== undefined)
      throw new FieldError(
        ['first', 'next'],
        'the collection continues on other pages; only a collection in one file can be imported',
        'annotations.continues',
      );
    if (!Array.isArray(first.items)) throw new FieldError(['first', 'items'], 'must be a list of annotations', 'annotations.not-list');
    return { items: first.items, at: (i) => ['first', 'items', i] };
  }
  if (hasType(data, 'AnnotationPage')) {
    if (!Array.isArray(data.items)) throw new FieldError(['items'], 'must be a list of annotations', 'annotations.not-list');
    return { items: data.items, at: (i) => ['items', i] };
  }
  if (hasType(data, 'Annotation')) return { items: [data], at: () => [] };
  throw new FieldError(['type'], 'expected "AnnotationCollection", "AnnotationPage" or "Annotation"', 'annotations.bad-type');
}

export interface ReadAnnotationsOptions {
  /** For annotations without `created` (other tools). */
  now: () => Date;
  /** For annotations without an `id`. */
  newId: () => string;
}

/** Highlight records from a Web Annotation document; throws a FieldError at the first problem. */
export function readAnnotations(data: unknown, options: ReadAnnotationsOptions): HighlightRecord[] {
  const contexts = contextsOf(data);
  const { items, at } = locateItems(data);
  const records: HighlightRecord[] = [];
  const seen = new Map<string, Path>();
  items.forEach((item, i) => {
    const path = at(i);
    const record = readAnnotation(item, path, [...contexts, ...contextsOf(item)], options);
    const first = seen.get(record.id);
    if (first)
      throw new FieldError([...path, 'id'], `repeats the id of ${formatPath(first) || 'the annotation'}`, 'annotations.repeated-id', {
        other: formatPath(first) || 'the annotation',
      });
    seen.set(record.id, path);
    records.push(record);
  });
  return records;
}

function readAnnotation(item: unknown, p: Path, contexts: unknown[], options: ReadAnnotationsOptions): HighlightRecord {
  if (!isObject(item)) throw new FieldError(p, 'must be an annotation object', 'annotations.not-object');
  if (!hasType(item, 'Annotation')) throw new FieldError([...p, 'type'], 'must be "Annotation"', 'annotations.not-annotation');

  // target: one SpecificResource with a source and selectors.
  const targets = asList(item.target);
  if (targets.length === 0) throw new FieldError([...p, 'target'], 'missing', 'annotations.no-target');
  if (targets.length > 1) throw new FieldError([...p, 'target'], 'several targets: a highlight has one', 'annotations.several-targets');
  const target = targets[0];
  const tp: Path = Array.isArray(item.target) ? [...p, 'target', 0] : [...p, 'target'];
  if (!isObject(target)) throw new FieldError(tp, 'must have a source and selectors (a bare URL marks no text)', 'annotations.bare-target');
  // `source` is usually the URL itself, sometimes a resource object naming it.
  const source = isObject(target.source) ? target.source.id : target.source;
  if (typeof source !== 'string') throw new FieldError([...tp, 'source'], 'must be the URL of the article', 'annotations.no-source');

  const selectors = asList(target.selector);
  const sp: Path = [...tp, 'selector'];
  const quoteIndex = selectors.findIndex((s) => isObject(s) && hasType(s, 'TextQuoteSelector'));
  const positionIndex = selectors.findIndex((s) => isObject(s) && hasType(s, 'TextPositionSelector'));
  if (quoteIndex < 0)
    throw new FieldError(sp, 'no TextQuoteSelector: the quoted text is needed to find the highlight', 'annotations.no-quote');
  if (positionIndex < 0)
    throw new FieldError(sp, 'no TextPositionSelector: Policy Lens needs the position as well as the quote', 'annotations.no-position');
  const selectorPath = (index: number): Path => (Array.isArray(target.selector) ? [...sp, index] : sp);
  const quote = selectors[quoteIndex] as Json;
  const position = selectors[positionIndex] as Json;

  // Policy Lens terms: on the target (as exported) or, leniently, on the annotation.
  const lens = (term: string): { path: Path; value: unknown } | undefined => {
    const keys = lensKeys(contexts, term);
    const onTarget = lensValue(target, keys);
    if (onTarget) return { path: [...tp, onTarget.key], value: onTarget.value };
    const onItem = lensValue(item, keys);
    return onItem && { path: [...p, onItem.key], value: onItem.value };
  };
  const keyTerm = lens('articleKey');
  const titleTerm = lens('title');
  const colorTerm = lens('color');
  const sinaKey = parseArticleUrl(source)?.key;
  if (!keyTerm && !sinaKey) {
    throw new FieldError(
      [...tp, 'source'],
      `not a Sina article URL, and no ${LENS_PREFIX}:articleKey says which article the highlight belongs to`,
      'annotations.not-sina',
      { prefix: LENS_PREFIX },
    );
  }

  // Bodies: tagging ones are tags, other text bodies (commenting, describing, no purpose) make the note.
  const bodies = asList(item.body);
  const bp = (index: number): Path => (Array.isArray(item.body) ? [...p, 'body', index] : [...p, 'body']);
  const noteParts: string[] = [];
  let notePath: Path = [...p, 'body'];
  const tags: string[] = [];
  const tagPaths: Path[] = [];
  if (typeof item.bodyValue === 'string') {
    noteParts.push(item.bodyValue);
    notePath = [...p, 'bodyValue'];
  }
  bodies.forEach((body, index) => {
    if (!isObject(body)) return; // an IRI: a resource we cannot read, not text
    const value = body.value ?? body['rdf:value'];
    if (asList(body.purpose).includes('tagging')) {
      if (typeof value !== 'string') throw new FieldError([...bp(index), 'value'], 'a tag must be text', 'annotations.tag-not-text');
      tags.push(value);
      tagPaths.push([...bp(index), 'value']);
    } else if (typeof value === 'string') {
      if (noteParts.length === 0) notePath = [...bp(index), 'value'];
      noteParts.push(value);
    }
  });

  const created = typeof item.created === 'string' ? item.created : undefined;
  const modified = typeof item.modified === 'string' ? item.modified : undefined;
  const createdAt = created ?? modified ?? options.now().toISOString();
  const id =
    typeof item.id === 'string'
      ? highlightIdFromAnnotation(item.id)
      : typeof item['@id'] === 'string'
        ? highlightIdFromAnnotation(item['@id'])
        : options.newId();

  const candidate = {
    id,
    articleKey: keyTerm ? keyTerm.value : sinaKey,
    url: source,
    // Another tool's annotation has no title: the URL stands in for it (lists need something to show).
    title: titleTerm ? titleTerm.value : source.slice(0, 500),
    quote: { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' },
    position: { type: 'TextPositionSelector', start: position.start, end: position.end },
    color: colorTerm ? colorTerm.value : DEFAULT_COLOR,
    note: noteParts.join('\n\n'),
    tags,
    createdAt,
    updatedAt: modified ?? createdAt,
  };
  const parsed = HighlightRecordSchema.safeParse(candidate);
  if (parsed.success) return parsed.data;

  // Name the field where it is in the file, not where it would be in our record.
  const issue = firstIssue(parsed.error);
  const [head, ...rest] = issue.path;
  const where: Record<string, Path> = {
    id: [...p, typeof item.id === 'string' || item['@id'] === undefined ? 'id' : '@id'],
    articleKey: keyTerm?.path ?? [...tp, 'source'],
    url: [...tp, 'source'],
    title: titleTerm?.path ?? [...tp, 'source'],
    quote: selectorPath(quoteIndex),
    position: selectorPath(positionIndex),
    color: colorTerm?.path ?? [...p],
    note: notePath,
    tags: typeof rest[0] === 'number' && tagPaths[rest[0]] ? tagPaths[rest[0]]! : [...p, 'body'],
    createdAt: [...p, created !== undefined ? 'created' : 'modified'],
    updatedAt: [...p, modified !== undefined ? 'modified' : 'created'],
  };
  const base = typeof head === 'string' ? where[head] : undefined;
  if (!base) throw new FieldError(p, issue.message, issue.code, issue.params);
  const keepRest = head === 'quote' || head === 'position';
  throw new FieldError(keepRest ? [...base, ...rest] : base, issue.message, issue.code, issue.params);
}
