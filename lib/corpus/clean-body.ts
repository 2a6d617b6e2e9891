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
 * - `.article-editor` (`责任编辑：刘万里 SF014`; news.sina.com.cn and k.sina.com.cn write it as
 *   `p.show_author`) gives editor `刘万里` and editorCode `SF014`, and is not a paragraph.
 * - `.tech-quotation` (the stock-quote box tech.sina.com.cn puts inside the body), and the mobile
 *   pages' `.weibo_info`, `.look_sub`, `.j_article_wbreco` boxes and `.art_video_box` player slot are
 *   not text.
 * - Without such a marked line, a last paragraph `责任编辑：NAME` (mobile pages print it as a plain
 *   `p.art_p`) is the editor line all the same.
 * - The original title: a paragraph `原标题：X`, `原题：X` or `原题为《X》` gives originalTitle X,
 *   when it is the first paragraph or sits in `p.ori_titlesource` (Sina puts it there, sometimes
 *   after a summary blockquote). That paragraph is dropped: it names the article, it is not part
 *   of it. Only the first such line counts.
 * - Images outside the removed blocks, with an absolute http(s) src (protocol-relative `//` is
 *   read as https); `data-src` stands in for a lazy-loaded image's missing src. Their captions
 *   (`span.img_descr` in Sina's `div.img_wrapper`) are text like any other.
 * - Videos (`<video>` with an http(s) src, or a `<source>` inside), with their poster when given;
 *   Sina's mobile player slot (`.art_video_box` / `figure.art_video`, filled by script) counts as a
 *   video with the poster its `data-infos` names, and is never text.
 */
import { EDITOR_CLASSES, NOT_TEXT_BOX_CLASSES, PROMO_CLASSES } from '../sina/markup';
import type { ArticleImage, ArticleVideo } from './article';

export type CleanBody = {
  paragraphs: string[];
  originalTitle?: string;
  editor?: string;
  editorCode?: string;
  images: ArticleImage[];
  videos: ArticleVideo[];
};

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements whose content is never article text. */
const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
  'IFRAME',
  'FRAME',
  'FRAMESET',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'AUDIO',
  'VIDEO',
  'SVG',
  'MATH',
  'TEXTAREA',
  'SELECT',
  'BUTTON',
  'INPUT',
]);

/** Never text, recognised by class (lib/sina/markup.ts): Sina's app promos, other non-text boxes, the editor line. */
const SKIPPED_CLASSES: readonly string[] = [...PROMO_CLASSES, ...NOT_TEXT_BOX_CLASSES, ...EDITOR_CLASSES];

const BLOCK_TAGS = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'NAV',
  'ADDRESS',
  'CENTER',
  'BLOCKQUOTE',
  'PRE',
  'FIGURE',
  'FIGCAPTION',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HR',
  'UL',
  'OL',
  'LI',
  'DL',
  'DT',
  'DD',
  'TABLE',
  'CAPTION',
  'THEAD',
  'TBODY',
  'TFOOT',
  'TR',
  'TD',
  'TH',
  'BODY',
  'HTML',
]);

const ORIGINAL_TITLE_CLASS = 'ori_titlesource';
const ORIGINAL_TITLE_PATTERNS = [
  /^原标题(?:为)?\s*[：:]\s*(.+)$/s,
  /^原题(?:为|是)?\s*[：:]\s*(.+)$/s,
  /^原题(?:为|是)?\s*(《.+》)\s*[。.]?$/s,
];

type Paragraph = { text: string; inOriginalTitleBlock: boolean };

export function cleanBody(root: ParentNode): CleanBody {
  const { paragraphs, images, videos } = collect(root);
  const found = findOriginalTitle(paragraphs);
  const marked = root.querySelectorAll(EDITOR_CLASSES.map((c) => `.${c}`).join(', '))[0];
  // Without a marked editor line, a last paragraph that is one (mobile pages print it as a plain p.art_p).
  const last = paragraphs.length - 1;
  const trailing = !marked && last >= 0 && last !== found?.index ? editorOf(paragraphs[last]!.text) : null;
  return {
    paragraphs: paragraphs.filter((_, i) => i !== found?.index && !(trailing && i === last)).map((p) => p.text),
    ...(found && { originalTitle: found.title }),
    ...(marked ? editorOf(cleanText(marked.textContent ?? '')) : trailing),
    images,
    videos,
  };
}

/** Trim (String#trim includes U+3000) and collapse source whitespace and NBSP inside. */
function cleanText(raw: string): string {
  return raw.replace(/[ \t\n\r\f\u00a0]+/g, ' ').trim();
}

type Exit = { exit: Element };

/** One pass in document order; an explicit stack so deeply nested markup cannot overflow the call stack. */
function collect(root: ParentNode): { paragraphs: Paragraph[]; images: ArticleImage[]; videos: ArticleVideo[] } {
  const paragraphs: Paragraph[] = [];
  const images: ArticleImage[] = [];
  const videos: ArticleVideo[] = [];
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
    if (tag === 'VIDEO') {
      const video = videoOf(el);
      if (video) videos.push(video);
      continue;
    }
    if (el.classList.contains('art_video_box') || el.classList.contains('art_video')) {
      videos.push(videoSlotOf(el));
      continue;
    }
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
  return { paragraphs, images, videos };
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

/** `责任编辑：刘万里 SF014` → editor 刘万里, editorCode SF014; the code may be bracketed. Null when the line is no editor line. */
function editorOf(line: string): Pick<CleanBody, 'editor' | 'editorCode'> | null {
  const match = /^责任编辑\s*[：:]\s*(.*)$/s.exec(line);
  if (!match) return null;
  const words = (match[1] ?? '').split(/\s+/).filter(Boolean);
  const code = words.length > 1 ? /^\[?([A-Za-z]+\d+)\]?$/.exec(words.at(-1)!)?.[1] : undefined;
  if (code) words.pop();
  const editor = words.join(' ');
  return { ...(editor && { editor }), ...(code && { editorCode: code }) };
}

function imageOf(img: Element): ArticleImage | null {
  const src = httpUrl(img.getAttribute('src') || img.getAttribute('data-src'));
  if (!src) return null;
  const alt = cleanText(img.getAttribute('alt') ?? '');
  return alt ? { src, alt } : { src };
}

function videoOf(video: Element): ArticleVideo | null {
  const src = httpUrl(video.getAttribute('src') || video.querySelectorAll('source[src]')[0]?.getAttribute('src'));
  if (!src) return null;
  const poster = httpUrl(video.getAttribute('poster'));
  return poster ? { src, poster } : { src };
}

/** Sina's player slot: `data-infos` is JSON whose `attrs.poster` is the poster image. */
function videoSlotOf(slot: Element): ArticleVideo {
  const figure = slot.classList.contains('art_video') ? slot : slot.querySelectorAll('.art_video')[0];
  let poster: string | null = null;
  try {
    const infos = JSON.parse(figure?.getAttribute('data-infos') ?? '{}') as { attrs?: { poster?: unknown } };
    poster = typeof infos.attrs?.poster === 'string' ? httpUrl(infos.attrs.poster) : null;
  } catch {
    // A slot whose data is not JSON is still a video; it just names no poster.
  }
  return poster ? { poster } : {};
}

/** An absolute http(s) URL (protocol-relative `//` read as https), or null. */
function httpUrl(raw: string | null | undefined): string | null {
  const trimmed = (raw ?? '').trim();
  const url = trimmed.startsWith('//') ? `https:${trimmed}` : trimmed;
  return /^https?:\/\//i.test(url) ? url : null;
}
