import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleId, ArticleSchema } from './article';
import { MAX_DOCUMENT_BYTES } from './decode';
import { CorpusError } from './errors';
import { parseSeedDocument, tryParseSeedDocument } from './parse-seed';

const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');
const NOW = new Date('2025-01-01T00:00:00Z');

function seed(file: string) {
  return parseSeedDocument(readFileSync(join(SEEDS, file)), { file: `seeds/${file}`, now: NOW });
}

const SINA_CATEGORIES = ['金融', '新浪财经', '新浪财经－国內'];

// Expected values were read off the seed files by eye, not copied from the parser's output.
const SEED_FILES = [
  {
    file: '000_92f23ab5315a9f72.txt',
    what: '原题为《…》 is the original title, the ori_titlesource ad placeholder is dropped',
    title: '韩正：医保基金是群众的_救命钱_ 要持续加大监管力度',
    date: '2021-06-04T12:30:57.000Z',
    originalTitle: '韩正在医疗保障工作座谈会上强调 纵深推进药品和耗材集中带量采购改革 持续加大医保基金监管力度',
    editor: '逯文云',
    paragraphCount: 4,
    lead: '央视网6月4日消息，中共中央政治局常委、国务院副总理韩正当日主持召开医疗保障工作座谈会并讲话。会议深入学习贯彻习近平总书记重要讲话和指示批示精神，听取医院、企业、专家代表和地方医保部门负责同志意见，研究部署药品和耗材集中带量采购改革、加强医保基金监管等工作。',
    last: '韩正指出，医保基金是群众的“救命钱”，要持续加大监管力度。要坚持零容忍，一以贯之、坚定不移严厉打击欺诈骗保行为，持续保持打击欺诈骗保高压态势。要严格依法追究欺诈骗保机构和人员责任，发现一起严肃查处一起。要加大宣传力度，公开曝光典型案例，强力震慑医保违法违规行为。要健全监管体制机制，创新监管方法，维护好群众的切身利益。',
  },
  {
    file: '001_78faee30fd7d3eaa.txt',
    what: 'the summary blockquote leads, 原标题 comes from the second p.ori_titlesource',
    title: '李克强：扩大集中带量采购 让群众更多享受医药费降低的好处',
    date: '2021-07-20T11:57:53.000Z',
    originalTitle: '李克强对2021年全国医改工作电视电话会议作出重要批示',
    editor: '蒋晓桐',
    paragraphCount: 8,
    lead: '围绕进一步缓解看病难看病贵问题，深入推进医疗、医保、医药“三医”联动改革，大力推进预约诊疗、检查检验结果互认、门诊费用跨省直接结算等便民措施，继续抓好群众急需短缺药品保供稳价工作，通过扩大集中带量采购让群众更多享受医药费降低的好处。',
    last: '孙春兰指出，要全面推广三明医改经验，坚持因地制宜、系统联动，对尚需探索的改革先行试点，取得经验后再推广。加快构建分级诊疗体系，以区域医疗中心、医联体建设为重点，通过政策引导和机制创新，促进就医秩序更趋合理。巩固提高基本医保统筹层次，做实地市级统筹，积极探索推动省级统筹，同时深化医保支付方式改革，提升管理水平和风险防范能力。扩大药品耗材集采品种范围，同步推动医疗服务价格动态调整。推进公立医院绩效考核和薪酬制度改革，加强临床专科建设和信息化支撑，提升管理服务水平。深化疾控体系改革，创新医防协同机制，做好疫情防控、疫苗接种工作，维护人民生命安全和身体健康。',
  },
  {
    file: '002_46347148a7041363.txt',
    what: 'no original title, <strong> joins its paragraph, editor with work code',
    title: '国办：加大力度推进国家医保谈判药品落地使用',
    date: '2021-06-17T09:48:34.000Z',
    originalTitle: undefined,
    editor: '刘万里',
    paragraphCount: 9,
    lead: '中新经纬客户端6月17日电 据中国政府网17日消息，国务院办公厅近日印发《深化医药卫生体制改革2021年重点工作任务》（下称《工作任务》）提到，加大力度推进国家医保谈判药品落地使用，2021年8月底前进一步完善相关政策措施。',
    last: '同时，增强药品供应保障能力。完善短缺药品保供稳价机制。制定原料药领域的反垄断指南。（中新经纬APP）',
  },
  {
    file: '003_1aa75d1e9cbd6e08.txt',
    what: '原标题 in a plain first <p>, its inner full-width space kept',
    title: '国家医保局：全力发挥医保支持疫情防控的作用',
    date: '2022-05-07T14:32:36.000Z',
    originalTitle: '国家医疗保障局召开党组会议\u3000迅速传达学习贯彻习近平总书记重要讲话精神',
    editor: '王珊珊',
    paragraphCount: 4,
    lead: '2022年5月6日上午，国家医疗保障局召开党组会议，传达学习习近平总书记在中共中央政治局常务委员会会议上的重要讲话精神，研究部署贯彻落实举措。国家医疗保障局党组书记、局长胡静林主持会议。',
    last: '国家医疗保障局党组成员，驻国家卫生健康委纪检监察组相关负责同志，局内各单位主要负责同志参加会议。',
  },
  {
    file: '004_573c72e9b12cefe3.txt',
    what: '原标题 in p.ori_titlesource, equal to the title',
    title: '国家医保局：累计追回医保基金约506亿元',
    date: '2021-12-08T14:00:30.000Z',
    originalTitle: '国家医保局：累计追回医保基金约506亿元',
    editor: '刘万里',
    paragraphCount: 5,
    lead: '新华社北京12月8日电（记者沐铁城、彭韵佳）医保基金是人民群众的“保命钱”和“看病钱”，基金安全涉及广大人民群众的切身利益。国家医保局基金监管司司长蒋成嘉8日在媒体通气会上介绍，国家医保局成立以来，严厉打击医保领域违法违规行为，初步形成医保基金监管的高压态势。2018年至2021年10月共检查定点医药机构约234万家次，处理约100万家次，累计追回医保基金约506亿元。',
    last: '据介绍，为进一步深化基本医保骗保问题专项整治工作，专项整治行动结束时间由2021年12月底延长至2022年12月底。',
  },
];

describe('the five seeds', () => {
  it.each(SEED_FILES)('$file: $what', ({ file, title, date, originalTitle, editor, paragraphCount, lead, last }) => {
    const a = seed(file);
    expect(a.title).toBe(title);
    expect(a.date).toBe(date);
    expect(a.originalTitle).toBe(originalTitle);
    expect(a.source).toBe('新浪财经');
    expect(a.editor).toBe(editor);
    expect(a.paragraphs).toHaveLength(paragraphCount);
    expect(a.lead).toBe(lead);
    expect(a.paragraphs.at(-1)).toBe(last);
  });

  it("000: the title folds without its _ and punctuation, Sina's three categories are kept, no images", () => {
    const a = seed('000_92f23ab5315a9f72.txt');
    expect(a.titleNorm).toBe('韩正医保基金是群众的救命钱要持续加大监管力度');
    expect(a.categories).toEqual(SINA_CATEGORIES);
    expect(a.images).toEqual([]);
  });

  it('001: the four headline lines after the summary are paragraphs of their own', () => {
    expect(seed('001_78faee30fd7d3eaa.txt').paragraphs.slice(1, 5)).toEqual([
      '李克强对2021年全国医改工作电视电话会议作出重要批示强调',
      '聚焦广大群众期盼持续推进医改',
      '使群众享有更便捷更优质的医疗服务',
      '孙春兰出席会议并讲话',
    ]);
  });

  it.each(SEED_FILES.map((s) => s.file))('%s is a valid Article whose derived fields agree', (file) => {
    const a = seed(file);
    expect(ArticleSchema.parse(a)).toEqual(a);
    expect(a.id).toBe(articleId(a.titleNorm, a.date));
    expect(a.text).toBe(a.paragraphs.join('\n'));
    expect(a.length).toBe(a.text.length);
    expect(a.origin).toBe('seed');
    expect(a.file).toBe(file);
    expect(a.key).toBeUndefined();
    expect(a.text).not.toMatch(/责任编辑|海量资讯|appendQr|&#123;|\u3000\u3000/);
  });
});

/** A document whose front matter starts on line 1: line 2 title, line 3 date, line 4 '---', line 5 the body. */
function doc(fields = "title: '医保基金监管'\ndate: Fri, 04 Jun 2021 12:30:57 GMT", body = '<p>　　正文第一段。</p>'): string {
  return `---\n${fields}\n---\n${body}\n`;
}

const parse = (input: string | Uint8Array) => parseSeedDocument(input, { file: 'x.txt', now: NOW });

describe('accepted variations', () => {
  it('reads the older Hexo variant: list items indented four spaces, no headimg', () => {
    const older = `
---
title: 国家医保局：累计追回医保基金约506亿元
categories:
    - 金融
    - 新浪财经
author: 新浪财经
comments: false
date: Wed, 08 Dec 2021 14:00:30 GMT
thumbnail: 'https://n.sinaimg.cn/finance/cece9e13/20200514/343233024.png'
---

<div>
<p cms-style="font-L">　　据介绍，专项整治行动结束时间延长至2022年12月底。</p>
</div>
`;
    const a = parse(older);
    expect(a.categories).toEqual(['金融', '新浪财经']);
    expect(a.source).toBe('新浪财经');
    expect(a.date).toBe('2021-12-08T14:00:30.000Z');
    expect(a.paragraphs).toEqual(['据介绍，专项整治行动结束时间延长至2022年12月底。']);
  });

  it('drops a div.app-kaihu-qr promo and everything in it', () => {
    const a = parse(
      doc(
        undefined,
        `<p>　　正文。</p>
<div class="app-kaihu-qr"><div class="app-kaihu-qr-text"><div>海量资讯、精准解读，尽在新浪财经APP</div><div>开户即送好礼</div></div><div class="app-kaihu-qr-img"><img src="https://n.sinaimg.cn/finance/qr.png"></div></div>
<p class="article-editor">责任编辑：刘万里 SF014</p>`,
      ),
    );
    expect(a.paragraphs).toEqual(['正文。']);
    expect(a.images).toEqual([]);
    expect(a.editor).toBe('刘万里');
  });

  it('accepts a UTF-8 BOM and CRLF line ends, with the same record and line numbers', () => {
    const plain = doc();
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(plain.replace(/\n/g, '\r\n'))]);
    expect(parse(bom)).toEqual(parse(plain));
    expect(() => parse(`\uFEFF${doc("title: ''").replace(/\n/g, '\r\n')}`)).toThrow('x.txt:2: title is empty');
  });

  it('defaults categories and author when absent; keeps the base name of the file; origin imported', () => {
    const a = parseSeedDocument(doc(), { file: 'imports/2021/x.txt', origin: 'imported', now: NOW });
    expect([a.categories, a.source, a.file, a.origin]).toEqual([[], '', 'x.txt', 'imported']);
  });

  it('never runs markup it refuses, and does not refuse markup quoted in comments', () => {
    const g = globalThis as { __lensRan?: boolean };
    expect(() =>
      parse(doc(undefined, '<p>x</p><script>globalThis.__lensRan = true</script><img src="x" onerror="globalThis.__lensRan = true">')),
    ).toThrow(CorpusError);
    expect(g.__lensRan).toBeUndefined();
    expect(parse(doc(undefined, '<!-- <script>x</script> <iframe></iframe> --><p>正文</p>')).paragraphs).toEqual(['正文']);
  });
});

describe('image and video posts', () => {
  it('accepts an "一图看懂" post: title, date, the image with its caption, 原标题 and editor, with a note', () => {
    const r = tryParseSeedDocument(
      doc(
        undefined,
        `<p class="ori_titlesource">　　原标题：一图看懂医保基金监管条例</p>
<div class="img_wrapper"><img src="//n.sinaimg.cn/finance/transform/20210409/yitu.jpg" alt="一图看懂"><span class="img_descr">图片来源：国家医保局</span></div>
<p class="article-editor">责任编辑：王珊珊</p>`,
      ),
      { file: 'x.txt', now: NOW },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.article.originalTitle).toBe('一图看懂医保基金监管条例');
    expect(r.article.images).toEqual([{ src: 'https://n.sinaimg.cn/finance/transform/20210409/yitu.jpg', alt: '一图看懂' }]);
    expect(r.article.paragraphs).toEqual(['图片来源：国家医保局']);
    expect(r.article.editor).toBe('王珊珊');
    expect(r.notes).toEqual(['no-body-text']);
    expect(ArticleSchema.safeParse(r.article).success).toBe(true);
  });

  it('accepts an image with no line of text at all: no paragraphs, an empty lead and text', () => {
    const r = tryParseSeedDocument(doc(undefined, '<div><img src="https://n.sinaimg.cn/finance/yitu.png"></div>'), {
      file: 'x.txt',
      now: NOW,
    });
    expect(r.ok && [r.article.paragraphs, r.article.lead, r.article.text, r.article.length, r.notes]).toEqual([
      [],
      '',
      '',
      0,
      ['no-body-text'],
    ]);
  });

  it('accepts a video post with its caption, keeping the video and its poster', () => {
    const r = tryParseSeedDocument(
      doc(
        undefined,
        `<div class="video_box"><video src="https://video.sina.com.cn/clip/361205577.mp4" poster="//n.sinaimg.cn/finance/poster.jpg" controls></video></div>
<p>　　国家医保局解读基金监管新规。</p>`,
      ),
      { file: 'x.txt', now: NOW },
    );
    expect(r.ok && [r.article.videos, r.article.paragraphs, r.notes]).toEqual([
      [{ src: 'https://video.sina.com.cn/clip/361205577.mp4', poster: 'https://n.sinaimg.cn/finance/poster.jpg' }],
      ['国家医保局解读基金监管新规。'],
      ['no-body-text'],
    ]);
  });

  it('gives no note to an article with text', () => {
    const r = tryParseSeedDocument(readFileSync(join(SEEDS, '000_92f23ab5315a9f72.txt')), { file: 'x.txt', now: NOW });
    expect(r.ok && r.notes).toEqual([]);
  });
});

describe('tryParseSeedDocument', () => {
  it('returns the article or the CorpusError instead of throwing', () => {
    const ok = tryParseSeedDocument(doc(), { file: 'x.txt', now: NOW });
    expect(ok.ok && ok.article.title).toBe('医保基金监管');
    const bad = tryParseSeedDocument('', { file: 'x.txt' });
    expect(!bad.ok && [bad.error.code, bad.error.line, bad.error.message]).toEqual(['file-empty', 1, 'x.txt:1: file is empty']);
  });
});

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

const DATE_FORMS = 'RFC 822 ("Fri, 04 Jun 2021 12:30:57 GMT") or ISO 8601 ("2021-06-04T20:30:57+08:00")';
const GOOD_DATE = 'date: Fri, 04 Jun 2021 12:30:57 GMT';

// Every refusal, with the code callers branch on and the message people read.
const REFUSED: { what: string; input: string | Uint8Array; code: string; field?: string; message: string }[] = [
  { what: 'an empty file', input: '', code: 'file-empty', message: 'x.txt:1: file is empty' },
  { what: 'a file of blank lines', input: bytes('\n  \n\t\n'), code: 'file-empty', message: 'x.txt:1: file is empty' },
  {
    what: 'a file over 1 MiB',
    input: new Uint8Array(MAX_DOCUMENT_BYTES + 1).fill(0x61),
    code: 'file-too-large',
    message: 'x.txt:1: file is larger than the 1 MiB limit',
  },
  {
    what: 'a binary file',
    input: bytes('---\ntitle: a\n', [0x00, 0x01], '\n---\n'),
    code: 'file-binary',
    message: 'x.txt:3: file is binary (it contains a NUL byte), not a text document',
  },
  {
    what: 'a GBK-encoded file',
    input: bytes('---\ntitle: a\n', [0xd2, 0xbd, 0xb1, 0xa3], '\n---\n'),
    code: 'file-not-utf8',
    message: 'x.txt:3: file is not valid UTF-8 text (save it as UTF-8)',
  },
  {
    what: 'no front matter',
    input: '\n\n<p>正文</p>',
    code: 'frontmatter-missing',
    message: "x.txt:3: no front matter: the file must start with a '---' line, the fields, and another '---' line",
  },
  {
    what: 'unclosed front matter',
    input: `\n---\ntitle: a\n${GOOD_DATE}\n<p>正文</p>\n`,
    code: 'frontmatter-unclosed',
    message: "x.txt:2: front matter starts here but no '---' line closes it",
  },
  {
    what: 'invalid YAML',
    input: doc(`title: 国办: 加大力度\n${GOOD_DATE}`),
    code: 'frontmatter-invalid-yaml',
    message: 'x.txt:2: front matter is not valid YAML: Nested mappings are not allowed in compact mappings',
  },
  {
    what: 'a duplicated YAML key',
    input: doc(`title: a\n${GOOD_DATE}\ntitle: b`),
    code: 'frontmatter-invalid-yaml',
    message: 'x.txt:4: front matter is not valid YAML: Map keys must be unique',
  },
  {
    what: 'front matter that is a list',
    input: doc('- title\n- date'),
    code: 'frontmatter-not-mapping',
    message: "x.txt:1: front matter is a list: it must be fields such as 'title: …' and 'date: …'",
  },
  {
    what: 'empty front matter',
    input: '---\n---\n<p>正文</p>',
    code: 'frontmatter-not-mapping',
    message: "x.txt:1: front matter is empty: it must be fields such as 'title: …' and 'date: …'",
  },
  { what: 'no title', input: doc(GOOD_DATE), code: 'title-missing', field: 'title', message: 'x.txt:1: front matter has no title' },
  {
    what: 'an empty title',
    input: doc(`title: '  '\n${GOOD_DATE}`),
    code: 'title-empty',
    field: 'title',
    message: 'x.txt:2: title is empty',
  },
  {
    what: 'a title with no value',
    input: doc(`${GOOD_DATE}\ntitle:`),
    code: 'title-empty',
    field: 'title',
    message: 'x.txt:3: title is empty',
  },
  {
    what: 'a numeric title',
    input: doc(`title: 2021\n${GOOD_DATE}`),
    code: 'title-not-string',
    field: 'title',
    message: 'x.txt:2: title must be text, not a number (put it in quotes)',
  },
  {
    what: 'a title over 300 characters',
    input: doc(`title: ${'医'.repeat(301)}\n${GOOD_DATE}`),
    code: 'title-too-long',
    field: 'title',
    message: 'x.txt:2: title is 301 characters long, over the limit of 300',
  },
  { what: 'no date', input: doc("title: '医保'"), code: 'date-missing', field: 'date', message: 'x.txt:1: front matter has no date' },
  {
    what: 'a date with no value',
    input: doc("title: '医保'\ndate:"),
    code: 'date-missing',
    field: 'date',
    message: 'x.txt:3: date is empty',
  },
  {
    what: 'an unparseable date',
    input: doc("title: '医保'\ndate: next Friday"),
    code: 'date-invalid',
    field: 'date',
    message: `x.txt:3: date "next Friday" is not a date in ${DATE_FORMS}`,
  },
  {
    what: 'a numeric date',
    input: doc("title: '医保'\ndate: 1622809857"),
    code: 'date-invalid',
    field: 'date',
    message: `x.txt:3: date must be text in ${DATE_FORMS}, not a number`,
  },
  {
    what: 'a date in the future',
    input: doc("title: '医保'\ndate: Fri, 04 Jun 2100 12:30:57 GMT"),
    code: 'date-out-of-range',
    field: 'date',
    message: 'x.txt:3: date 2100-06-04T12:30:57.000Z is in the future',
  },
  {
    what: 'a date before 1990',
    input: doc("title: '医保'\ndate: 1989-12-31T23:59:59Z"),
    code: 'date-out-of-range',
    field: 'date',
    message: 'x.txt:3: date 1989-12-31T23:59:59.000Z is before 1990',
  },
  {
    what: 'a date past year 9999 once its offset is applied (not "before 1990")',
    input: doc("title: '医保'\ndate: 9999-12-31T23:59:59-01:00"),
    code: 'date-out-of-range',
    field: 'date',
    message: 'x.txt:3: date +010000-01-01T00:59:59.000Z is in the future',
  },
  {
    what: 'categories that are not a list',
    input: doc(`title: '医保'\n${GOOD_DATE}\ncategories: 金融`),
    code: 'categories-not-list',
    field: 'categories',
    message: "x.txt:4: categories must be a list (one '- name' line each), not a single value",
  },
  {
    what: 'a category that is not text',
    input: doc(`title: '医保'\n${GOOD_DATE}\ncategories:\n - 金融\n - 2021`),
    code: 'category-not-string',
    field: 'categories',
    message: 'x.txt:5: category 2 must be text, not a number',
  },
  {
    what: 'an author that is not text',
    input: doc(`title: '医保'\n${GOOD_DATE}\nauthor:\n - 新华社\n - 央视网`),
    code: 'author-not-string',
    field: 'author',
    message: 'x.txt:5: author must be text, not a list',
  },
  {
    what: 'an empty body',
    input: doc(undefined, '\n  \n'),
    code: 'body-empty',
    message: 'x.txt:5: body is empty: nothing follows the front matter',
  },
  {
    what: 'a body with only promos, comments and the editor line (no text, image or video)',
    input: doc(
      undefined,
      '<!-- news_keyword_pub,stock, -->\n<div class="appendQr_wrap"><div class="appendQr_normal_txt">海量资讯</div></div>\n<p class="article-editor">责任编辑：王珊珊</p>',
    ),
    code: 'body-no-paragraphs',
    message: 'x.txt:5: body has no text, image or video once promos, comments and the editor line are removed',
  },
  {
    what: 'more than 5000 paragraphs',
    input: doc(undefined, '<p>段</p>\n'.repeat(5001)),
    code: 'body-too-many-paragraphs',
    message: 'x.txt:5: body has 5001 paragraphs, over the limit of 5000',
  },
  {
    what: 'a <script> in the body (its line, not the one in a comment)',
    input: doc(undefined, '<!-- <script>quoted</script> -->\n<p>正文</p>\n<SCRIPT src="https://evil.example/x.js"></SCRIPT>'),
    code: 'body-script',
    message: 'x.txt:7: body contains a <script> element',
  },
  {
    what: 'an event-handler attribute',
    input: doc(undefined, '<p>正文</p>\n<img src="https://n.sinaimg.cn/a.png" onerror="alert(1)">'),
    code: 'body-event-handler',
    message: 'x.txt:6: body has an event-handler attribute (onerror) on <img>',
  },
  {
    what: 'a javascript: URL, even with a tab in the scheme',
    input: doc(undefined, '<p>正文<a href="java&#x09;script:alert(1)">链接</a></p>'),
    code: 'body-javascript-url',
    message: 'x.txt:5: body has a javascript: URL in href on <a>',
  },
  {
    what: 'an <iframe>',
    input: doc(undefined, '<p>正文</p>\n<iframe srcdoc="&lt;p&gt;框架&lt;/p&gt;"></iframe>'),
    code: 'body-embedded-content',
    message: 'x.txt:6: body contains an <iframe> element (embedded content is not allowed)',
  },
  {
    what: 'an <object>',
    input: doc(undefined, '<p>正文</p><object data="x.swf"></object>'),
    code: 'body-embedded-content',
    message: 'x.txt:5: body contains an <object> element (embedded content is not allowed)',
  },
  {
    what: 'an <embed>',
    input: doc(undefined, '<p>正文</p>\n\n<embed src="x.swf">'),
    code: 'body-embedded-content',
    message: 'x.txt:7: body contains an <embed> element (embedded content is not allowed)',
  },
];

describe('refused documents', () => {
  it.each(REFUSED)('refuses $what ($code)', ({ input, code, field, message }) => {
    const result = tryParseSeedDocument(input, { file: 'x.txt', now: NOW });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(CorpusError);
    expect(result.error.message).toBe(message);
    expect(result.error.code).toBe(code);
    expect(result.error.file).toBe('x.txt');
    expect(result.error.line).toBe(Number(/^x\.txt:(\d+):/.exec(message)![1]));
    expect(result.error.field).toBe(field);
  });

  it('covers at least 20 distinct refusal codes', () => {
    expect(new Set(REFUSED.map((r) => r.code)).size).toBeGreaterThanOrEqual(20);
  });

  it('throws the same CorpusError from parseSeedDocument', () => {
    expect(() => parse(doc("title: ''\n" + GOOD_DATE))).toThrow(new CorpusError('title-empty', 'x.txt', 2, 'title is empty', 'title'));
  });
});
