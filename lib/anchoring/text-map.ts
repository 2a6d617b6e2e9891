/**
 * The text that selectors are relative to, and the way back from text offsets to DOM positions.
 *
 * The text is the concatenation of the root's text nodes in document order, minus the subtrees a
 * skip predicate rejects (scripts and styles always; on Sina also the app-promo blocks, which are
 * re-rendered with different copy from visit to visit). This is what `textContent` would give minus
 * the skipped parts, so it is the same in every browser and in happy-dom, unlike `innerText`, which
 * depends on layout.
 *
 * A map is a snapshot: rebuild it after the page changes the article body.
 */

/** Elements whose text is never article text. */
const NEVER_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);

export interface TextMapOptions {
  /** Return true for an element whose whole subtree is not article text (promo blocks, ads). */
  skip?: (element: Element) => boolean;
}

export interface TextMap {
  readonly root: Element;
  readonly text: string;
  /** Text nodes that make up `text`, in document order. */
  readonly nodes: readonly Text[];
  /** `starts[i]` is the offset in `text` where `nodes[i]` begins. */
  readonly starts: readonly number[];
  /** Position of each node in `nodes`, for O(1) lookups from a selection's text node. */
  readonly indexOf: ReadonlyMap<Text, number>;
}

// Numeric values of the NodeFilter / Node constants, so this module does not depend on the globals
// being present (e.g. when a caller hands in a node from a DOMParser document in a worker-like test).
const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_POSITION_FOLLOWING = 4;

/** Nodes visited between pauses in `buildTextMapSteps`. */
const NODES_PER_STEP = 512;

/**
 * `buildTextMap` as bounded steps (a pause every few hundred nodes), for `anchorAll` on long pages.
 * The walk reads the DOM across pauses, so the caller must not let the article change meanwhile
 * (in practice: anchoring starts once the article body has loaded).
 */
export function* buildTextMapSteps(root: Element, options: TextMapOptions = {}): Generator<void, TextMap, void> {
  const doc = root.ownerDocument;
  const skip = options.skip;
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT, {
    acceptNode(node: Node): number {
      if (node.nodeType !== ELEMENT_NODE) return FILTER_ACCEPT;
      const el = node as Element;
      // FILTER_REJECT on an element skips its whole subtree in a TreeWalker.
      if (NEVER_TEXT.has(el.nodeName.toUpperCase()) || (skip !== undefined && skip(el))) return FILTER_REJECT;
      return FILTER_ACCEPT;
    },
  });
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let offset = 0;
  let visited = 0;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    visited += 1;
    if (visited % NODES_PER_STEP === 0) yield;
    if (node.nodeType !== TEXT_NODE) continue;
    const data = (node as Text).data;
    nodes.push(node as Text);
    starts.push(offset);
    parts.push(data);
    offset += data.length;
  }
  return { root, text: parts.join(''), nodes, starts, indexOf: new Map(nodes.map((n, i) => [n, i])) };
}

export function buildTextMap(root: Element, options: TextMapOptions = {}): TextMap {
  const steps = buildTextMapSteps(root, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Index of the last node starting at or before `offset` (-1 when there are no nodes). */
function nodeIndexAt(map: TextMap, offset: number): number {
  let lo = 0;
  let hi = map.starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((map.starts[mid] ?? 0) <= offset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

interface DomPoint {
  node: Text;
  offset: number;
}

/**
 * The DOM point for a text offset. A boundary that falls between two nodes belongs to the next node
 * for a range start and to the previous one for a range end, so a range never begins at the end of
 * one paragraph or stops at the start of the next (which would paint an empty sliver there).
 */
function domPoint(map: TextMap, offset: number, side: 'start' | 'end'): DomPoint | null {
  if (map.nodes.length === 0) return null;
  const clamped = Math.max(0, Math.min(map.text.length, offset));
  let i = nodeIndexAt(map, clamped);
  if (side === 'start') {
    // Skip nodes that end exactly here (or are empty) when a later node starts here.
    while (i >= 0 && i < map.nodes.length - 1 && (map.starts[i] ?? 0) + (map.nodes[i]?.data.length ?? 0) <= clamped) i += 1;
  } else {
    // Step back over nodes that start exactly here, so the end sits at the end of the previous one.
    while (i > 0 && (map.starts[i] ?? 0) === clamped) i -= 1;
  }
  const node = map.nodes[Math.max(0, i)];
  if (!node) return null;
  const local = Math.max(0, Math.min(node.data.length, clamped - (map.starts[Math.max(0, i)] ?? 0)));
  return { node, offset: local };
}

/** A live Range over `text[start, end)`. Throws RangeError when the map holds no text. */
export function rangeFromOffsets(map: TextMap, start: number, end: number): Range {
  const from = domPoint(map, Math.min(start, end), 'start');
  const to = domPoint(map, Math.max(start, end), 'end');
  if (!from || !to) throw new RangeError('rangeFromOffsets: the text map is empty');
  const range = map.root.ownerDocument.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/**
 * Whether text node `n` lies at or after the boundary point (container, offset). The point is
 * "before child[offset]" for an element container, or "after the container's subtree" when offset
 * equals the child count.
 */
function isAtOrAfterPoint(n: Node, container: Node, offset: number): boolean {
  const ref = container.childNodes[offset];
  if (ref) return ref === n || ref.contains(n) || (ref.compareDocumentPosition(n) & DOCUMENT_POSITION_FOLLOWING) !== 0;
  return !container.contains(n) && (container.compareDocumentPosition(n) & DOCUMENT_POSITION_FOLLOWING) !== 0;
}

/** Text offset of a DOM boundary point; points outside the mapped text snap to the nearest text. */
function offsetOfPoint(map: TextMap, container: Node, offset: number): number {
  if (container.nodeType === TEXT_NODE) {
    const i = map.indexOf.get(container as Text) ?? -1;
    if (i >= 0) return (map.starts[i] ?? 0) + Math.min(offset, (container as Text).data.length);
    // A text node we skipped (inside a promo block, say): snap to the mapped text after it,
    // or after its end when the point is past its start.
    const parent = container.parentNode;
    if (!parent) return 0;
    const index = Array.prototype.indexOf.call(parent.childNodes, container) as number;
    return offsetOfPoint(map, parent, offset === 0 ? index : index + 1);
  }
  // First mapped node at or after the point; binary search keeps this O(log n) DOM comparisons.
  let lo = 0;
  let hi = map.nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const node = map.nodes[mid];
    if (node && isAtOrAfterPoint(node, container, offset)) hi = mid;
    else lo = mid + 1;
  }
  return lo < map.nodes.length ? (map.starts[lo] ?? map.text.length) : map.text.length;
}

/** Text offsets `[start, end)` covered by a DOM range (clamped to the mapped text). */
export function offsetsFromRange(map: TextMap, range: Range): { start: number; end: number } {
  const start = offsetOfPoint(map, range.startContainer, range.startOffset);
  const end = offsetOfPoint(map, range.endContainer, range.endOffset);
  return { start: Math.min(start, end), end: Math.max(start, end) };
}
