/**
 * Turns a Sina article body (the inside of `div#artibody`, from a seed file or a live page) into
 * clean paragraphs plus the few facts the body carries: 原标题, 责任编辑 and images.
 *
 * The same function runs on a real browser DOM (content script), happy-dom (tests) and linkedom
 * (Node scripts), and a page must give exactly the text of its corpus record. So it only reads
 * the DOM through childNodes, nodeType, tagName, textContent, getAttribute, classList and
 * querySelectorAll — no innerText (layout-dependent, missing in linkedom), no Range — and it
 * never changes the tree it is given (it may be the live page).
 *
 * Rules:
 * - Paragraphs are the text of block elements (p, div, blockquote, li, h1–h6, table cells …) in
 *   document order; `<br>` also ends a paragraph. Inline elements (strong, font, a, span) join
 *   the text around them. Comments (`article_adlist`, `news_keyword_pub` …) are not text.
 * - Each paragraph is trimmed of whitespace including the full-width indent `　　`; inside it, runs
 *   of ASCII whitespace and NBSP (source line breaks, `&nbsp;`) become one space. Full-width spaces
 *   inside a paragraph are the author's and stay. Empty paragraphs are dropped.
 * - Never text: script, style, noscript, template, form controls, embedded content, and the
 *   promo blocks `.appendQr_wrap` and `.app-kaihu-qr` with everything inside them.
 * - `.article-editor` (`责任编辑：刘万里 SF014`) gives editor `刘万里` and editorCode `SF014`, and
 *   is not a paragraph.
 * - The original title: a paragraph `原标题：X`, `原题：X` or `原题为《X》` gives originalTitle X,
 *   when it is the first paragraph or sits in `p.ori_titlesource` (Sina puts it there, sometimes
 *   after a summary blockquote). That paragraph is dropped: it names the article, it is not part
 *   of it. Only the first such line counts.
 * - Images outside the removed blocks, with an absolute http(s) src (protocol-relative `//` is
 *   read as https); `data-src` stands in for a lazy-loaded image's missing src.
 */
import type { ArticleImage } from './article';

export type CleanBody = {
  paragraphs: string[];
  originalTitle?: string;
  editor?: string;
  editorCode?: string;
  images: ArticleImage[];
};

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements whose content is never article text. */
const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'META', 'LINK',
  'IFRAME', 'FRAME', 'FRAMESET', 'OBJECT', 'EMBED', 'CANVAS', 'AUDIO', 'VIDEO', 'SVG', 'MATH',
  'TEXTAREA', 'SELECT', 'BUTTON', 'INPUT',
]);

/** Sina's app promos and the editor line, recognised by class. */
const SKIPPED_CLASSES = ['appendQr_wrap', 'app-kaihu-qr', 'article-editor'];

const BLOCK_TAGS = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'ASIDE', 'NAV', 'ADDRESS', 'CENTER',
  'BLOCKQUOTE', 'PRE', 'FIGURE', 'FIGCAPTION', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HR',
  'UL', 'OL', 'LI', 'DL', 'DT', 'DD', 'TABLE', 'CAPTION', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'TD', 'TH',
  'BODY', 'HTML',
]);

const ORIGINAL_TITLE_CLASS = 'ori_titlesource';
const ORIGINAL_TITLE_PATTERNS = [
  /^原标题(?:为)?\s*[：:]\s*(.+)$/s,
  /^原题(?:为|是)?\s*[：:]\s*(.+)$/s,
  /^原题(?:为|是)?\s*(《.+》)\s*[。.]?$/s,
];

type Paragraph = { text: string; inOriginalTitleBlock: boolean };

export function cleanBody(root: ParentNode): CleanBody {
  const { paragraphs, images } = collect(root);
  const found = findOriginalTitle(paragraphs);
  return {
    paragraphs: paragraphs.filter((_, i) => i !== found?.index).map((p) => p.text),
    ...(found && { originalTitle: found.title }),
    ...editorOf(root),
    images,
  };
}

/** Trim (String#trim includes U+3000) and collapse source whitespace and NBSP inside. */
function cleanText(raw: string): string {
  return raw.replace(/[ \t\n\r\f\u00a0]+/g, ' ').trim();
}

type Exit = { exit: Element };

/** One pass in document order; an explicit stack so deeply nested markup cannot overflow the call stack. */
function collect(root: ParentNode): { paragraphs: Paragraph[]; images: ArticleImage[] } {
  const paragraphs: Paragraph[] = [];
  const images: ArticleImage[] = [];
  let buffer = '';
  let bufferInOriginalTitleBlock = false;
  let originalTitleDepth = 0;

  const flush = () => {
    const text = cleanText(buffer);
    if (text) paragraphs.push({ text, inOriginalTitleBlock: bufferInOriginalTitleBlock });
    buffer = '';
    bufferInOriginalTitleBlock = false;
  };

  const stack: (Node | Exit)[] = [];
  const pushChildren = (parent: Node | ParentNode) => {
    const kids = (parent as Node).childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  };
  pushChildren(root);

  while (stack.length) {
    const item = stack.pop()!;
    if ('exit' in item) {
      if (BLOCK_TAGS.has(item.exit.tagName.toUpperCase())) flush();
      if (item.exit.classList.contains(ORIGINAL_TITLE_CLASS)) originalTitleDepth--;
      continue;
    }
    if (item.nodeType === TEXT_NODE) {
      buffer += item.textContent ?? '';
      if (originalTitleDepth > 0) bufferInOriginalTitleBlock = true;
      continue;
    }
    if (item.nodeType !== ELEMENT_NODE) continue; // comments, processing instructions, doctype
    const el = item as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIPPED_TAGS.has(tag) || SKIPPED_CLASSES.some((c) => el.classList.contains(c))) continue;
    if (tag === 'BR') {
      flush();
      continue;
    }
    if (tag === 'IMG') {
      const image = imageOf(el);
      if (image) images.push(image);
      continue;
    }
    if (BLOCK_TAGS.has(tag)) flush();
    if (el.classList.contains(ORIGINAL_TITLE_CLASS)) originalTitleDepth++;
    stack.push({ exit: el });
    pushChildren(el);
  }
  flush();
  return { paragraphs, images };
}

function findOriginalTitle(paragraphs: Paragraph[]): { index: number; title: string } | null {
  for (const [index, p] of paragraphs.entries()) {
    if (index !== 0 && !p.inOriginalTitleBlock) continue;
    for (const pattern of ORIGINAL_TITLE_PATTERNS) {
      const title = unwrapBookTitle(pattern.exec(p.text)?.[1]?.trim() ?? '');
      if (title) return { index, title };
    }
  }
  return null;
}

/** `《X》` → `X` when the brackets wrap the whole title (not `《A》与《B》`). */
function unwrapBookTitle(title: string): string {
  const inner = /^《([^《》]+)》$/.exec(title)?.[1];
  return (inner ?? title).trim();
}

/** `责任编辑：刘万里 SF014` → editor 刘万里, editorCode SF014; the code may be bracketed. */
function editorOf(root: ParentNode): Pick<CleanBody, 'editor' | 'editorCode'> {
  const line = root.querySelectorAll('.article-editor')[0];
  const match = /^责任编辑\s*[：:]\s*(.*)$/s.exec(cleanText(line?.textContent ?? ''));
  if (!match) return {};
  const words = (match[1] ?? '').split(/\s+/).filter(Boolean);
  const code = words.length > 1 ? /^\[?([A-Za-z]+\d+)\]?$/.exec(words.at(-1)!)?.[1] : undefined;
  if (code) words.pop();
  const editor = words.join(' ');
  return { ...(editor && { editor }), ...(code && { editorCode: code }) };
}

function imageOf(img: Element): ArticleImage | null {
  const raw = (img.getAttribute('src') || img.getAttribute('data-src') || '').trim();
  const src = raw.startsWith('//') ? `https:${raw}` : raw;
  if (!/^https?:\/\//i.test(src)) return null;
  const alt = cleanText(img.getAttribute('alt') ?? '');
  return alt ? { src, alt } : { src };
}
