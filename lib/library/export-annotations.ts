/**
 * Highlights as W3C Web Annotations (https://www.w3.org/TR/annotation-model/), JSON-LD.
 *
 * The file is one AnnotationCollection whose first (and only) AnnotationPage is embedded, so one
 * file holds everything and a JSON-LD processor sees a proper collection rather than a bare list:
 *
 *     { "@context": ["http://www.w3.org/ns/anno.jsonld", { "policylens": "https://policy-lens.dev/ns#" }],
 *       "id": "urn:uuid:…", "type": "AnnotationCollection", "label": …, "total": n,
 *       "first": { "id": "urn:uuid:…", "type": "AnnotationPage", "startIndex": 0, "items": [ annotation, … ] } }
 *
 * Each annotation: `motivation` "highlighting"; the note as a TextualBody with purpose "commenting",
 * each tag as a TextualBody with purpose "tagging"; the target's `source` is the page URL and its
 * `selector` the TextQuoteSelector and TextPositionSelector the highlight stores. What the model has no
 * term for is in the Policy Lens namespace: `policylens:color` (a palette id) on the annotation,
 * `policylens:articleKey` and `policylens:title` on the target (they describe the article the
 * selectors point into). With those, importing the file restores every field of the highlights.
 */
import type { HighlightRecord } from '../db/schema';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const LENS_NAMESPACE = 'https://policy-lens.dev/ns#';
export const LENS_PREFIX = 'policylens';
export const ANNOTATIONS_CONTEXT = [ANNO_CONTEXT, { [LENS_PREFIX]: LENS_NAMESPACE }] as const;

export type TextualBody = { type: 'TextualBody'; purpose: 'commenting' | 'tagging'; value: string; format?: 'text/plain' };

export type WebAnnotation = {
  id: string;
  type: 'Annotation';
  motivation: 'highlighting';
  created: string;
  modified: string;
  'policylens:color': string;
  body?: TextualBody[];
  target: {
    source: string;
    'policylens:articleKey': string;
    'policylens:title': string;
    selector: [HighlightRecord['quote'], HighlightRecord['position']];
  };
};

export type AnnotationCollection = {
  '@context': typeof ANNOTATIONS_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  created?: string;
  total: number;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** For highlight ids that are not UUIDs (older records, tests): reversible, and still a URN. */
const ID_URN_PREFIX = 'urn:policy-lens:highlight:';

/** The annotation id of a highlight: `urn:uuid:<id>` (ids are crypto.randomUUID()), else a Policy Lens URN. */
export function annotationId(highlightId: string): string {
  return UUID.test(highlightId) ? `urn:uuid:${highlightId}` : `${ID_URN_PREFIX}${encodeURIComponent(highlightId)}`;
}

/** The highlight id back from an annotation id; another tool's id (an https IRI, say) is kept as it is. */
export function highlightIdFromAnnotation(id: string): string {
  if (/^urn:uuid:/i.test(id) && UUID.test(id.slice(9))) return id.slice(9);
  if (id.startsWith(ID_URN_PREFIX)) {
    try {
      return decodeURIComponent(id.slice(ID_URN_PREFIX.length));
    } catch {
      return id;
    }
  }
  return id;
}

export function toAnnotation(h: HighlightRecord): WebAnnotation {
  const body: TextualBody[] = [];
  if (h.note !== '') body.push({ type: 'TextualBody', purpose: 'commenting', value: h.note, format: 'text/plain' });
  for (const tag of h.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  return {
    id: annotationId(h.id),
    type: 'Annotation',
    motivation: 'highlighting',
    created: h.createdAt,
    modified: h.updatedAt,
    'policylens:color': h.color,
    ...(body.length > 0 && { body }),
    target: {
      source: h.url,
      'policylens:articleKey': h.articleKey,
      'policylens:title': h.title,
      // Fixed key order, so the same highlight always serialises the same way.
      selector: [
        { type: 'TextQuoteSelector', exact: h.quote.exact, prefix: h.quote.prefix, suffix: h.quote.suffix },
        { type: 'TextPositionSelector', start: h.position.start, end: h.position.end },
      ],
    },
  };
}

export interface AnnotationExportOptions {
  /** When the export was made; becomes the collection's `created`. */
  exportedAt?: Date;
  /** Ids for the collection and its page (urn:uuid); default crypto.randomUUID. */
  newId?: () => string;
  label?: string;
}

/** The highlights, in the order given, as one AnnotationCollection. */
export function exportAnnotations(highlights: readonly HighlightRecord[], options: AnnotationExportOptions = {}): AnnotationCollection {
  const newId = options.newId ?? (() => crypto.randomUUID());
  const collectionId = `urn:uuid:${newId()}`;
  return {
    '@context': ANNOTATIONS_CONTEXT,
    id: collectionId,
    type: 'AnnotationCollection',
    label: options.label ?? 'Policy Lens highlights',
    ...(options.exportedAt && { created: options.exportedAt.toISOString() }),
    total: highlights.length,
    first: { id: `urn:uuid:${newId()}`, type: 'AnnotationPage', startIndex: 0, items: highlights.map(toAnnotation) },
  };
}

/** The collection as file text (`.jsonld`, media type application/ld+json). */
export function serializeAnnotations(collection: AnnotationCollection): string {
  return `${JSON.stringify(collection, null, 2)}\n`;
}
