/**
 * Article pages that break expectations (issue 9), built from the real desktop fixture
 * (tests/fixtures/pages/seed-000-desktop.html) with its article body (`div#artibody`) swapped for
 * something a real page could serve: no body at all, a 2 MB body, a body over the extension's 2 MB
 * limit, 3,000 levels of nested `<div><span>`, 5,000 short paragraphs, mixed scripts and an
 * RTL-only article. Each gets an article URL of its own (real-looking `doc-i…` id), its own title,
 * and three additions the test reads:
 *
 *  - a probe at the very top of <head>, before any other script: a setTimeout chain ticking every
 *    16 ms that records every gap between ticks (a task, parse chunk, layout or GC holding the main
 *    thread shows as a gap), plus PerformanceObserver('longtask') where the browser has it (Chromium;
 *    Firefox does not), and the moment the lens's host element appears under <html>;
 *  - the page's own UI: a button with a click handler and a clock ticking every 100 ms into the DOM
 *    (as Sina's tickers do), installed by an inline script at the end of <body>;
 *  - a fingerprint of the document at parse end (the body element, the article text's length and a
 *    hash of it), so the test can tell whether anything the page owns was changed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES_DIR, fixture } from '../../../scripts/harness/fixture-server';
import { ROOT } from '../../../scripts/harness/paths';
import { generateCorpus } from '../../../scripts/bench/suites/related-corpus';
import { BODY_OPEN, withArticleBody } from './article-body';

export type StressExpectation =
  /** The lens shows its panel with the analysis. */
  | 'ready'
  /** The lens shows its panel in its error state (role=alert), saying why. */
  | 'error'
  /** The lens stays out of the page: no host element, no marker, no frame. */
  | 'out';

export type StressPage = {
  name: string;
  what: string;
  url: string;
  key: string;
  html: string;
  expect: StressExpectation;
};

/** What the probe and the page's own script leave on `window.__stress` (read with page.evaluate). */
export type StressProbe = {
  /** performance.now() of each moment, ms from navigation start. */
  dcl: number;
  lensAt: number | null;
  ticks: number;
  maxGap: number;
  maxGapAt: number;
  /** Gaps over 50 ms between 16 ms ticks: [start, length], ms. */
  gaps: [number, number][];
  longtaskSupported: boolean;
  longtasks: [number, number][];
  own: {
    ran: boolean;
    clockTicks: number;
    clicks: number;
    bodyAtParse: boolean;
    articleLength: number;
    articleHash: number;
  };
};

const TEMPLATE = 'seed-000-desktop';
const TEMPLATE_ID = 'kqcfnaz9077291';
const TEMPLATE_TITLE = '韩正：医保基金是群众的“救命钱” 要持续加大监管力度';
const URL_PREFIX = 'https://finance.sina.com.cn/china/gncj/2021-06-04/doc-i';

/** Runs first in <head>: the freeze probe. Plain ES5 in a string, so no bundler touches it. */
const PROBE = String.raw`
(function () {
  var s = (window.__stress = {
    dcl: 0, lensAt: null, ticks: 0, maxGap: 0, maxGapAt: 0, gaps: [], longtaskSupported: false, longtasks: [],
    own: { ran: false, clockTicks: 0, clicks: 0, bodyAtParse: false, articleLength: -1, articleHash: 0 }
  });
  try {
    if (window.PerformanceObserver && (PerformanceObserver.supportedEntryTypes || []).indexOf('longtask') >= 0) {
      s.longtaskSupported = true;
      new PerformanceObserver(function (list) {
        list.getEntries().forEach(function (e) { s.longtasks.push([Math.round(e.startTime), Math.round(e.duration)]); });
      }).observe({ type: 'longtask', buffered: true });
    }
  } catch (e) {}
  var last = performance.now();
  (function tick() {
    var now = performance.now();
    var gap = now - last;
    if (gap > s.maxGap) { s.maxGap = gap; s.maxGapAt = last; }
    if (gap > 50) s.gaps.push([Math.round(last), Math.round(gap)]);
    last = now;
    s.ticks++;
    setTimeout(tick, 16);
  })();
  document.addEventListener('DOMContentLoaded', function () { s.dcl = performance.now(); });
  new MutationObserver(function (records, observer) {
    var ours = Array.prototype.some.call(document.documentElement.children, function (c) { return c !== document.head && c !== document.body; });
    if (ours) { s.lensAt = performance.now(); observer.disconnect(); }
  }).observe(document.documentElement, { childList: true });
})();
`;

/** The page's own button, placed under the heading, left of where the panel docks. */
const OWN_UI =
  '<p id="stress-own" style="margin:8px 0;font-size:14px" dir="ltr"><button id="stress-button" type="button" style="font-size:16px;padding:6px 14px">订阅 Subscribe</button> <span id="stress-output">0</span> · <span id="stress-clock">0</span></p>';

/** End of <body>: the page's own behaviour, and the fingerprint of what it owns. */
const OWN_SCRIPT = String.raw`
(function () {
  var s = window.__stress.own;
  var art = document.getElementById('artibody');
  var text = art ? art.textContent : '';
  var h = 0;
  for (var i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  s.articleLength = art ? text.length : -1;
  s.articleHash = h;
  window.__stressBody = document.body;
  s.bodyAtParse = !!document.body;
  document.getElementById('stress-button').addEventListener('click', function () {
    s.clicks++;
    document.getElementById('stress-output').textContent = String(s.clicks);
  });
  setInterval(function () {
    s.clockTicks++;
    document.getElementById('stress-clock').textContent = String(s.clockTicks);
  }, 100);
  s.ran = true;
})();
`;

/** Runs in the page: the article text's length and hash now, computed as the page script did at parse end. */
export function articleFingerprint(): { length: number; hash: number; sameBody: boolean; bodyChildren: number } {
  const art = document.getElementById('artibody');
  const text = art ? (art.textContent ?? '') : '';
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  const w = window as unknown as { __stressBody?: HTMLElement };
  return {
    length: art ? text.length : -1,
    hash: h,
    sameBody: document.body !== null && document.body === w.__stressBody,
    bodyChildren: document.body?.children.length ?? 0,
  };
}

let template: string | undefined;
const templateHtml = () => (template ??= readFileSync(path.join(FIXTURES_DIR, fixture(TEMPLATE).file), 'utf8'));

type Build = { id: string; title: string; body: string | null; htmlAttrs?: string; afterBody?: string };

function build({ id, title, body, htmlAttrs, afterBody }: Build): { url: string; key: string; html: string } {
  let html = templateHtml();
  html = withArticleBody(html, (body === null ? '' : `${BODY_OPEN}\n${body}\n</div>`) + (afterBody ?? ''), TEMPLATE);
  html = html.split(TEMPLATE_ID).join(id).split(TEMPLATE_TITLE).join(title);
  html = html.replace('<head>', `<head>\n<script>${PROBE}</script>`);
  html = html.replace(/(<h1 class="main-title">[^<]*<\/h1>)/, `$1\n${OWN_UI}`);
  html = html.replace(/<\/body>/, `<script>${OWN_SCRIPT}</script>\n</body>`);
  if (htmlAttrs) html = html.replace('<html>', `<html ${htmlAttrs}>`);
  if (!html.includes('id="stress-button"') || !html.includes('window.__stress ='))
    throw new Error(`stress page ${id}: the template changed`);
  return { url: `${URL_PREFIX}${id}.shtml`, key: `sina:${id}`, html };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Synthetic Chinese policy paragraphs (the scripts/bench generator), generated sentences joined into
 * paragraphs of at least `minChars`, until `enough(totalChars, htmlBytes)` says stop.
 */
function chineseParagraphs(minChars: number, enough: (chars: number, htmlBytes: number) => boolean): { html: string; paragraphs: number } {
  const parts: string[] = [];
  let chars = 0;
  let bytes = 0;
  let current = '';
  for (let batch = 0; ; batch++) {
    for (const article of generateCorpus(200, ROOT, 1000 + batch)) {
      for (const p of article.text.split('\n')) {
        current += p;
        if (current.length < minChars) continue;
        const html = `<p cms-style="font-L">　　${escapeHtml(current)}</p>`;
        parts.push(html);
        chars += current.length;
        bytes += Buffer.byteLength(html) + 1;
        current = '';
        if (enough(chars, bytes)) return { html: parts.join('\n'), paragraphs: parts.length };
      }
    }
  }
}

const MIXED_LINES = [
  '　　国家医保局发布通知，推进药品和耗材集中带量采购改革 (Volume-Based Procurement, VBP)，覆盖 12 个省份。',
  '<span dir="rtl" lang="ar">أعلنت الهيئة الوطنية للتأمين الطبي في الصين عن توسيع نطاق الشراء المركزي للأدوية.</span> 随后，各地陆续落地。',
  '<span dir="rtl" lang="he">הרשות הלאומית לביטוח רפואי בסין הודיעה על הרחבת הרכש המרוכז.</span> — English in between — 医保基金监管 👍🏽',
  '表情符号：👨‍👩‍👧‍👦 家庭共济，🇨🇳 全国统筹，🧑🏿‍⚕️ 医生，❤️‍🩹 康复，1️⃣2️⃣3️⃣，🏳️‍🌈。',
  '组合字符：café vs cafe\u0301，Ñ vs N\u0303，Tiếng Việt vs Tie\u0302\u0301ng Vie\u0323\u0302t，Z\u0351\u036b\u0343\u036a\u0302\u036b\u033d\u034f\u0334\u0319\u0324\u031e\u0349\u035a\u032f\u031e\u0320\u034dA\u0334\u0335\u031c\u0330\u0354\u036b\u0357\u0362L\u0320\u0368\u0367\u0369\u0358G\u0334\u033b\u0348\u034d\u0354\u0339\u0311\u0357\u030e\u0305\u035b\u0301O。',
  '扩展汉字：𠀀𠀁𪚥𰻞 与常用字「医保」并列；全角　空格、零宽\u200b空格、软\u00ad连字符、不换行\u00a0空格。',
  '双向控制：\u202eRIGHT-TO-LEFT OVERRIDE\u202c 与 \u2067عربي 123\u2069 隔离；Devanagari: स्वास्थ्य बीमा；한국어: 건강보험 (decomposed: \u1100\u1161\u11a8)。',
  '<p dir="rtl" lang="ar">التأمين الطبي الأساسي لسكان الحضر والريف، ٢٠٢١، والدفع حسب مجموعات التشخيص المرتبطة (DRG).</p>',
  '数学与符号：≤ ≥ ± × ÷ ∑ ∞ ‰ ①②③ ㊣ ㈱ 〇 — “引号” 「括号」 『书名』 《医疗保障法》。',
];

function mixedBody(): string {
  const out: string[] = [];
  for (let i = 0; i < 60; i++) {
    const line = MIXED_LINES[i % MIXED_LINES.length]!;
    out.push(line.startsWith('<p') ? line : `<p cms-style="font-L"${i % 5 === 1 ? ' dir="auto"' : ''}>${line}</p>`);
  }
  return out.join('\n');
}

const RTL_LINES = [
  'أعلنت الهيئة الوطنية للتأمين الطبي يوم الجمعة عن خطة جديدة لتوسيع نطاق الشراء المركزي للأدوية والمستلزمات الطبية.',
  'وقالت الهيئة إن الخطة ستغطي أكثر من مئة صنف من الأدوية بحلول نهاية العام، مع خفض متوسط الأسعار بنسبة ٥٣٪.',
  'הרשות הלאומית לביטוח רפואי הודיעה כי תרחיב את הפיקוח על קרנות הביטוח ותילחם בהונאות ביטוח.',
  'وأكد المسؤولون أن حماية أموال التأمين الطبي مسؤولية مشتركة، وأن أي مخالفة سيتم التحقيق فيها بصرامة.',
  'לדברי המומחים, הרפורמה בשיטות התשלום תשפר את יעילות השימוש בכספי הביטוח ותפחית את הנטל על המטופלים.',
];

function rtlBody(): string {
  const out: string[] = [];
  for (let i = 0; i < 40; i++) out.push(`<p dir="rtl">${RTL_LINES[i % RTL_LINES.length]}</p>`);
  return out.join('\n');
}

/**
 * 3,000 nested `<div><span>`. Served as markup, the HTML parser caps the tree's depth (Blink at 512
 * elements, deeper tags become children of the deepest allowed element), so the page gets what the
 * browser keeps. Built by a script, the depth is real — but headless Chromium 156 crashes its renderer
 * laying out a few hundred nested div>span levels with no extension at all, so the script-built one is
 * a collapsed "展开全文" block (`hidden`): not laid out, but in the DOM the lens reads and walks.
 */
export const NEST_DEPTH = 3000;
const NEST_WORDS = ['医保基金监管', '集中带量采购', '支付方式改革', '异地就医结算', '门诊共济保障'];

function nestedMarkup(depth: number): string {
  let open = '';
  for (let i = 1; i <= depth; i++) open += `<div><span>第${i}层：${NEST_WORDS[i % NEST_WORDS.length]}工作稳步推进。`;
  return `${open}${'</span></div>'.repeat(depth)}`;
}

function nestedScript(depth: number): string {
  return `<script>(function () {
  var parent = document.getElementById('stress-more');
  var words = ${JSON.stringify(NEST_WORDS)};
  for (var i = 1; i <= ${depth}; i++) {
    var div = document.createElement('div');
    var span = document.createElement('span');
    span.appendChild(document.createTextNode('第' + i + '层：' + words[i % words.length] + '工作稳步推进。'));
    div.appendChild(span);
    parent.appendChild(div);
    parent = span;
  }
})();</script>`;
}

/** Runs in the page: the depth of the deepest element under #artibody. */
export function artibodyDepth(): number {
  let deepest = 0;
  const walk = document.createTreeWalker(document.getElementById('artibody') ?? document.body, NodeFilter.SHOW_ELEMENT);
  for (let n = walk.nextNode() as Element | null; n; n = walk.nextNode() as Element | null) {
    if (n.firstElementChild) continue; // only leaves can be deepest
    let depth = 0;
    for (let p: Node | null = n; p && p !== walk.root; p = p.parentNode) depth++;
    if (depth > deepest) deepest = depth;
  }
  return deepest;
}

export function stressPages(): StressPage[] {
  const pages: StressPage[] = [];
  const add = (name: string, what: string, expect: StressExpectation, b: Build) => pages.push({ name, what, expect, ...build(b) });

  add('no-body', 'no #artibody element at all', 'out', {
    id: 'kzsxnob1000001',
    title: '医保局：门诊共济保障机制改革稳步推进（无正文）',
    body: null,
  });
  add('2mb-body', '2 MB of Chinese paragraphs in the body (≈ 2.1 MB of HTML)', 'ready', {
    id: 'kzsxbig1000002',
    title: '医保基金监管工作综述：全年追回资金创新高（长文）',
    // ~400 characters a paragraph: some 1,700 paragraphs, under the 5,000-paragraph limit.
    body: chineseParagraphs(400, (_, bytes) => bytes >= 2 * 1024 * 1024).html,
  });
  add('over-limit', 'a body of more than 2,000,000 characters (the article:analyze limit)', 'error', {
    id: 'kzsxovr1000003',
    title: '全国医疗保障事业发展统计公报全文（超长）',
    // ~1,000 characters a paragraph: some 2,000 paragraphs, so only the size limit is crossed.
    body: chineseParagraphs(1000, (chars) => chars > 2_050_000).html,
  });
  add('nested', `${NEST_DEPTH} nested <div><span> served as markup (the parser caps the depth)`, 'ready', {
    id: 'kzsxdep1000004',
    title: '医保支付方式改革三年行动计划解读（嵌套）',
    body: `<p cms-style="font-L">　　国家医保局近日印发通知，部署推进按疾病诊断相关分组付费和按病种分值付费改革。</p>\n${nestedMarkup(NEST_DEPTH)}`,
  });
  add('nested-dom', `${NEST_DEPTH} nested <div><span> built by the page's script in a collapsed block`, 'ready', {
    id: 'kzsxdom1000008',
    title: '医保支付方式改革三年行动计划解读（展开全文）',
    body: '<p cms-style="font-L">　　国家医保局近日印发通知，部署推进按疾病诊断相关分组付费和按病种分值付费改革。</p>\n<div id="stress-more" hidden></div>',
    afterBody: nestedScript(NEST_DEPTH),
  });
  add('5000-paragraphs', '5,000 short paragraphs (the article:analyze paragraph limit)', 'ready', {
    id: 'kzsxpar1000005',
    title: '各地医保政策速览：五千条要点（短段落）',
    body: Array.from(
      { length: 5000 },
      (_, i) => `<p>　　第${i + 1}条：医保基金${['监管', '结算', '支付', '共济', '集采'][i % 5]}。</p>`,
    ).join('\n'),
  });
  add('mixed-scripts', 'Chinese, Latin, Arabic and Hebrew (dir=rtl), emoji, combining marks, bidi controls', 'ready', {
    id: 'kzsxmix1000006',
    title: '集中带量采购 VBP：多语种报道汇编 🌏',
    body: mixedBody(),
  });
  add('rtl-only', 'an RTL-only article (Arabic/Hebrew, <html dir=rtl>)', 'ready', {
    id: 'kzsxrtl1000007',
    title: 'الصين توسع نطاق الشراء المركزي للأدوية',
    body: rtlBody(),
    htmlAttrs: 'dir="rtl" lang="ar"',
  });
  return pages;
}
