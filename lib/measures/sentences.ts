/**
 * Sentence spans of an article's text, for quoting a mention in context.
 *
 * Chinese policy prose strings many clauses together with "，", so the useful unit is the span up
 * to 。！？； or a paragraph break. Closing quotes and brackets right after a terminator stay with
 * the sentence they close (…的“救命钱”。” belongs to the sentence before, not the next one).
 */
export interface SentenceSpan {
  /** Offset of the first non-blank character. */
  start: number;
  /** Offset just past the last non-blank character. */
  end: number;
  text: string;
}

const TERMINATORS = new Set(['。', '！', '？', '；', '!', '?', ';', '\n']);
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '】', '》', '"', "'"]);

export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    // Han characters are most of the text and never end a sentence.
    const code = text.charCodeAt(i);
    if (code >= 0x4e00 && code <= 0x9fff) continue;
    const ch = text[i]!;
    if (!TERMINATORS.has(ch)) continue;
    let end = ch === '\n' ? i : i + 1;
    if (ch !== '\n') while (end < text.length && CLOSERS.has(text[end]!)) end++;
    pushTrimmed(text, from, end, spans);
    from = ch === '\n' ? i + 1 : end;
    i = from - 1;
  }
  pushTrimmed(text, from, text.length, spans);
  return spans;
}

function isBlank(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x3000 ||
    code === 0xa0 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xfeff ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x1680
  );
}

function pushTrimmed(text: string, from: number, to: number, out: SentenceSpan[]): void {
  let start = from;
  let end = to;
  while (start < end && isBlank(text.charCodeAt(start))) start++;
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  if (end > start) out.push({ start, end, text: text.slice(start, end) });
}

/** The sentence that contains `offset`, by binary search over spans from splitSentences. */
export function sentenceAt(spans: readonly SentenceSpan[], offset: number): SentenceSpan | undefined {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = spans[mid]!;
    if (offset < span.start) hi = mid - 1;
    else if (offset >= span.end) lo = mid + 1;
    else return span;
  }
  return undefined;
}

/** Paragraph ranges: the text is paragraphs joined with '\n'. */
export function paragraphRanges(text: string): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      ranges.push({ start, end: i });
      start = i + 1;
    }
  }
  return ranges;
}
