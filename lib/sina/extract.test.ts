import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSeedDocument } from '../corpus/parse-seed';
import * as own from '../../scripts/fixtures/own-articles';
import { extractArticle } from './extract';
import { readWithReadability } from './readability-fallback';
import { fixture, fixtureDoc, fixtureHtml, fixturePages, lateBodyHtml } from '../../tests/support/sina/fixtures';

/*
 * Expected values are read off the seed files by hand: the title before `“”` became `_`, the
 * GMT date + 8 h, the 责任编辑 line, the 原标题 line, and the paragraphs cleanBody keeps (every
 * block of text except the 原标题 line, the editor line, promos and empty ones).
 */
type Expected = {
  title: string;
  publishedAt: string;
  source: string;
  sourceUrl: string;
  editor: string;
  editorCode: string | null;
  originalTitle: string | null;
  count: number;
  first: string;
  last: string;
};

const SEED_000: Expected = {
  title: '韩正：医保基金是群众的“救命钱” 要持续加大监管力度',
  publishedAt: '2021-06-04T20:30:57+08:00', // Fri, 04 Jun 2021 12:30:57 GMT
  source: '央视网',
  sourceUrl: 'http://news.cctv.com/',
  editor: '逯文云',
  editorCode: null,
  // `原题为《…》` is the first paragraph: it names the article and is not counted.
  originalTitle: '韩正在医疗保障工作座谈会上强调 纵深推进药品和耗材集中带量采购改革 持续加大医保基金监管力度',
  // The empty `p.ori_titlesource` (only an adlist comment) is dropped; the one holding 央视网… is text.
  count: 4,
  first:
    '央视网6月4日消息，中共中央政治局常委、国务院副总理韩正当日主持召开医疗保障工作座谈会并讲话。会议深入学习贯彻习近平总书记重要讲话和指示批示精神，听取医院、企业、专家代表和地方医保部门负责同志意见，研究部署药品和耗材集中带量采购改革、加强医保基金监管等工作。',
  last: '韩正指出，医保基金是群众的“救命钱”，要持续加大监管力度。要坚持零容忍，一以贯之、坚定不移严厉打击欺诈骗保行为，持续保持打击欺诈骗保高压态势。要严格依法追究欺诈骗保机构和人员责任，发现一起严肃查处一起。要加大宣传力度，公开曝光典型案例，强力震慑医保违法违规行为。要健全监管体制机制，创新监管方法，维护好群众的切身利益。',
};

const SEED_001: Expected = {
  title: '李克强：扩大集中带量采购 让群众更多享受医药费降低的好处',
  publishedAt: '2021-07-20T19:57:53+08:00', // Tue, 20 Jul 2021 11:57:53 GMT
  source: '新华社',
  sourceUrl: 'http://www.news.cn/',
  editor: '蒋晓桐',
  editorCode: null,
  originalTitle: '李克强对2021年全国医改工作电视电话会议作出重要批示',
  // summary blockquote + 4 headline lines (one in <font>) + 3 body paragraphs.
  count: 8,
  first:
    '围绕进一步缓解看病难看病贵问题，深入推进医疗、医保、医药“三医”联动改革，大力推进预约诊疗、检查检验结果互认、门诊费用跨省直接结算等便民措施，继续抓好群众急需短缺药品保供稳价工作，通过扩大集中带量采购让群众更多享受医药费降低的好处。',
  last: '孙春兰指出，要全面推广三明医改经验，坚持因地制宜、系统联动，对尚需探索的改革先行试点，取得经验后再推广。加快构建分级诊疗体系，以区域医疗中心、医联体建设为重点，通过政策引导和机制创新，促进就医秩序更趋合理。巩固提高基本医保统筹层次，做实地市级统筹，积极探索推动省级统筹，同时深化医保支付方式改革，提升管理水平和风险防范能力。扩大药品耗材集采品种范围，同步推动医疗服务价格动态调整。推进公立医院绩效考核和薪酬制度改革，加强临床专科建设和信息化支撑，提升管理服务水平。深化疾控体系改革，创新医防协同机制，做好疫情防控、疫苗接种工作，维护人民生命安全和身体健康。',
};

const SEED_002: Expected = {
  title: '国办：加大力度推进国家医保谈判药品落地使用',
  publishedAt: '2021-06-17T17:48:34+08:00', // Thu, 17 Jun 2021 09:48:34 GMT
  source: '中新经纬',
  sourceUrl: 'http://www.jwview.com/',
  editor: '刘万里',
  editorCode: 'SF014',
  originalTitle: null,
  count: 9,
  // <strong> runs join the text around them; the ASCII space after 电 is the author's.
  first:
    '中新经纬客户端6月17日电 据中国政府网17日消息，国务院办公厅近日印发《深化医药卫生体制改革2021年重点工作任务》（下称《工作任务》）提到，加大力度推进国家医保谈判药品落地使用，2021年8月底前进一步完善相关政策措施。',
  last: '同时，增强药品供应保障能力。完善短缺药品保供稳价机制。制定原料药领域的反垄断指南。（中新经纬APP）',
};

const SEED_003: Expected = {
  title: '国家医保局：全力发挥医保支持疫情防控的作用',
  publishedAt: '2022-05-07T22:32:36+08:00', // Sat, 07 May 2022 14:32:36 GMT
  source: '国家医疗保障局',
  sourceUrl: 'http://www.nhsa.gov.cn/',
  editor: '王珊珊',
  editorCode: null,
  // The full-width space inside the original title is the author's and stays.
  originalTitle: '国家医疗保障局召开党组会议　迅速传达学习贯彻习近平总书记重要讲话精神',
  count: 4,
  first:
    '2022年5月6日上午，国家医疗保障局召开党组会议，传达学习习近平总书记在中共中央政治局常务委员会会议上的重要讲话精神，研究部署贯彻落实举措。国家医疗保障局党组书记、局长胡静林主持会议。',
  last: '国家医疗保障局党组成员，驻国家卫生健康委纪检监察组相关负责同志，局内各单位主要负责同志参加会议。',
};

const SEED_004: Expected = {
  title: '国家医保局：累计追回医保基金约506亿元',
  publishedAt: '2021-12-08T22:00:30+08:00', // Wed, 08 Dec 2021 14:00:30 GMT
  source: '新华社',
  sourceUrl: 'http://www.news.cn/',
  editor: '刘万里',
  editorCode: 'SF014',
  originalTitle: '国家医保局：累计追回医保基金约506亿元',
  count: 5,
  first:
    '新华社北京12月8日电（记者沐铁城、彭韵佳）医保基金是人民群众的“保命钱”和“看病钱”，基金安全涉及广大人民群众的切身利益。国家医保局基金监管司司长蒋成嘉8日在媒体通气会上介绍，国家医保局成立以来，严厉打击医保领域违法违规行为，初步形成医保基金监管的高压态势。2018年至2021年10月共检查定点医药机构约234万家次，处理约100万家次，累计追回医保基金约506亿元。',
  last: '据介绍，为进一步深化基本医保骗保问题专项整治工作，专项整治行动结束时间由2021年12月底延长至2022年12月底。',
};

type Case = Expected & { key: string; url: string; mobileUrl: string; layout: 'desktop' | 'mobile' | 'old' };

const CASES: Record<string, Case> = {
  'seed-000-desktop': {
    ...SEED_000,
    key: 'sina:kqcfnaz9077291',
    url: 'https://finance.sina.com.cn/china/gncj/2021-06-04/doc-ikqcfnaz9077291.shtml',
    mobileUrl: 'https://finance.sina.cn/china/gncj/2021-06-04/detail-ikqcfnaz9077291.d.html',
    layout: 'desktop',
  },
  'seed-000-mobile': {
    ...SEED_000,
    source: '央视网',
    sourceUrl: '', // the mobile byline is plain text
    key: 'sina:kqcfnaz9077291',
    url: 'https://finance.sina.com.cn/china/gncj/2021-06-04/doc-ikqcfnaz9077291.shtml',
    mobileUrl: 'https://finance.sina.cn/china/gncj/2021-06-04/detail-ikqcfnaz9077291.d.html',
    layout: 'mobile',
  },
  'seed-001-desktop': {
    ...SEED_001,
    key: 'sina:ksbwqzt4701953',
    url: 'https://finance.sina.com.cn/china/2021-07-20/doc-iksbwqzt4701953.shtml',
    mobileUrl: 'https://finance.sina.cn/china/2021-07-20/detail-iksbwqzt4701953.d.html',
    layout: 'desktop',
  },
  'seed-002-desktop': {
    ...SEED_002,
    key: 'sina:kqciyzk0276134',
    url: 'https://finance.sina.com.cn/china/gncj/2021-06-17/doc-ikqciyzk0276134.shtml',
    mobileUrl: 'https://finance.sina.cn/china/gncj/2021-06-17/detail-ikqciyzk0276134.d.html',
    layout: 'desktop',
  },
  'seed-003-desktop': {
    ...SEED_003,
    key: 'sina:mcwiwst6153890',
    url: 'https://finance.sina.com.cn/jjxw/2022-05-07/doc-imcwiwst6153890.shtml',
    mobileUrl: 'https://finance.sina.cn/jjxw/2022-05-07/detail-imcwiwst6153890.d.html',
    layout: 'desktop',
  },
  'seed-004-desktop': {
    ...SEED_004,
    key: 'sina:kyakumx2701658',
    url: 'https://finance.sina.com.cn/roll/2021-12-08/doc-ikyakumx2701658.shtml',
    mobileUrl: 'https://finance.sina.cn/roll/2021-12-08/detail-ikyakumx2701658.d.html',
    layout: 'desktop',
  },
  'seed-004-old': {
    ...SEED_004,
    key: 'sina:kyamrmy7691437',
    url: 'https://finance.sina.com.cn/roll/2021-12-08/doc-ikyamrmy7691437.shtml',
    mobileUrl: 'https://finance.sina.cn/roll/2021-12-08/detail-ikyamrmy7691437.d.html',
    layout: 'old',
  },
  'seed-001-late': {
    ...SEED_001,
    key: 'sina:ksbxrfa5120368',
    url: 'https://finance.sina.com.cn/china/2021-07-20/doc-iksbxrfa5120368.shtml',
    mobileUrl: 'https://finance.sina.cn/china/2021-07-20/detail-iksbxrfa5120368.d.html',
    layout: 'desktop',
  },
};

/** The document as a reader has it: for the late page, after its script filled the body. */
function loadedDoc(name: string): Document {
  const doc = fixtureDoc(name);
  if (fixture(name).layout === 'late') doc.getElementById('artibody')!.innerHTML = lateBodyHtml(name);
  return doc;
}

describe('extractArticle on every article fixture', () => {
  it('has a case for each seed page', () => {
    expect(Object.keys(CASES).sort()).toEqual(
      fixturePages
        .filter((p) => p.kind === 'article' && p.seed)
        .map((p) => p.name)
        .sort(),
    );
  });

  it.each(Object.entries(CASES))('%s', (name, c) => {
    const a = extractArticle(loadedDoc(name), fixture(name).url)!;
    expect(a).not.toBeNull();
    expect({
      key: a.key,
      url: a.url,
      mobileUrl: a.mobileUrl,
      title: a.title,
      publishedAt: a.publishedAt,
      source: a.source,
      sourceUrl: a.sourceUrl ?? '',
      editor: a.editor,
      editorCode: a.editorCode,
      originalTitle: a.originalTitle,
      count: a.paragraphs.length,
      first: a.paragraphs[0],
      last: a.paragraphs.at(-1),
      layout: a.layout,
    }).toEqual(c); // a Case holds exactly these fields
    expect(a.bodyFrom).toBe('sina');
    // Promo images (the app QR code) are not article images.
    expect(a.images).toEqual([]);
  });

  it('reads the tags from the keywords meta', () => {
    expect(extractArticle(fixtureDoc('seed-000-desktop'), fixture('seed-000-desktop').url)?.keywords).toEqual([
      '韩正',
      '医保基金',
      '集中带量采购',
    ]);
  });
});

describe('page and corpus agree', () => {
  const seedText = (file: string) => readFileSync(join(__dirname, '..', '..', 'seeds', file), 'utf8');

  it.each(fixturePages.filter((p) => p.kind === 'article' && p.seed).map((p) => [p.name, p.seed!] as const))(
    '%s gives the paragraphs, editor, original title and instant of %s',
    (name, seed) => {
      const record = parseSeedDocument(seedText(seed), { file: seed });
      const page = extractArticle(loadedDoc(name), fixture(name).url)!;
      expect(page.paragraphs).toEqual(record.paragraphs);
      expect(page.editor ?? undefined).toBe(record.editor);
      expect(page.originalTitle ?? undefined).toBe(record.originalTitle);
      expect(Date.parse(page.publishedAt!)).toBe(Date.parse(record.date));
    },
  );
});

describe('desktop and mobile pages of one article', () => {
  it('get the same key and the same canonical URL', () => {
    const desktop = extractArticle(fixtureDoc('seed-000-desktop'), fixture('seed-000-desktop').url)!;
    const mobile = extractArticle(fixtureDoc('seed-000-mobile'), fixture('seed-000-mobile').url)!;
    expect(mobile.key).toBe(desktop.key);
    expect(mobile.url).toBe(desktop.url);
    expect(mobile.mobileUrl).toBe(desktop.mobileUrl);
    expect(mobile.paragraphs).toEqual(desktop.paragraphs);
  });

  it('find the desktop URL from the page when the mobile URL has no channel', () => {
    const a = extractArticle(
      fixtureDoc('seed-000-mobile'),
      'https://finance.sina.cn/2021-06-04/detail-ikqcfnaz9077291.d.html?from=wap&vt=4',
    )!;
    expect(a.url).toBe('https://finance.sina.com.cn/china/gncj/2021-06-04/doc-ikqcfnaz9077291.shtml');
  });
});

describe('extractArticle edge cases', () => {
  it('keys the page from the URL it was loaded at, whatever the scheme, port or query', () => {
    const a = extractArticle(
      fixtureDoc('seed-002-desktop'),
      'http://finance.sina.com.cn:8080/china/gncj/2021-06-17/doc-ikqciyzk0276134.shtml?from=rss#x',
    )!;
    expect(a.key).toBe('sina:kqciyzk0276134');
    expect(a.url).toBe('https://finance.sina.com.cn/china/gncj/2021-06-17/doc-ikqciyzk0276134.shtml');
  });

  it('falls back to the canonical link when the load URL is not a Sina article (a saved copy)', () => {
    expect(extractArticle(fixtureDoc('seed-003-desktop'), 'file:///tmp/page.html')?.key).toBe('sina:mcwiwst6153890');
  });

  it('gives null when nothing names a Sina article', () => {
    const doc = new DOMParser().parseFromString('<html><head><title>x</title></head><body><h1>x</h1></body></html>', 'text/html');
    expect(extractArticle(doc, 'https://example.com/a.html')).toBeNull();
  });

  it('never changes the page it reads, Readability path included', () => {
    const doc = fixtureDoc('seed-004-desktop');
    doc.getElementById('artibody')!.remove(); // force the Readability fallback
    const before = doc.documentElement.outerHTML;
    extractArticle(doc, fixture('seed-004-desktop').url, readWithReadability);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('finds the body with Readability in an unknown template, on a clone', () => {
    const html = fixtureHtml('seed-003-desktop').replace(
      '<div class="article" id="artibody" data-sudaclick="blk_content">',
      '<div class="new-article-body">',
    );
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(extractArticle(doc, fixture('seed-003-desktop').url)!.paragraphs).toEqual([]); // no fallback given: no body
    const a = extractArticle(doc, fixture('seed-003-desktop').url, readWithReadability)!;
    expect(a.bodyFrom).toBe('readability');
    expect(a.layout).toBe('unknown');
    expect(a.title).toBe(SEED_003.title);
    expect(a.paragraphs[0]).toBe(SEED_003.first);
    expect(a.paragraphs).toContain(SEED_003.last);
    expect(a.originalTitle).toBe(SEED_003.originalTitle);
  });

  it('drops a source link that is not http(s)', () => {
    const doc = fixtureDoc('seed-000-desktop');
    doc.querySelector('.date-source a.source')!.setAttribute('href', 'javascript:alert(1)');
    expect(extractArticle(doc, fixture('seed-000-desktop').url)?.sourceUrl).toBeNull();
  });

  it('falls back to og:title and the visible date when heading and meta times are missing', () => {
    const doc = fixtureDoc('seed-000-desktop');
    doc.querySelector('h1.main-title')!.remove();
    doc.querySelector('meta[property="article:published_time"]')!.remove();
    doc.querySelector('meta[name="weibo: article:create_at"]')!.remove();
    const a = extractArticle(doc, fixture('seed-000-desktop').url)!;
    expect(a.title).toBe(SEED_000.title);
    expect(a.publishedAt).toBe('2021-06-04T20:30:00+08:00');
  });
});

/*
 * The template pages carry our own articles (scripts/fixtures/own-articles.ts): what a reader sees on
 * each is written there, and extraction must give exactly that — from the meta tags where the page has
 * them, and from the visible markup alone when they are taken out.
 */
const OWN: Record<string, own.OwnArticle> = Object.fromEntries(
  Object.values(own)
    .filter((v): v is own.OwnArticle => typeof v === 'object' && v !== null && 'paragraphs' in v)
    .map((a) => [a.name, a]),
);
const templatePages = fixturePages.filter((p) => p.kind === 'article' && !p.seed);

describe('every Sina template', () => {
  it('has a page for each of our own articles', () => {
    expect(templatePages.map((p) => p.name).sort()).toEqual(Object.keys(OWN).sort());
  });

  it.each(templatePages.map((p) => [p.name, p.template] as const))('%s (%s): title, time, source, editor and paragraphs', (name) => {
    const page = fixture(name);
    const a = OWN[name]!;
    const fallback = page.layout === 'unknown' ? readWithReadability : undefined;
    const x = extractArticle(fixtureDoc(name), page.url, fallback)!;
    expect({ title: x.title, publishedAt: x.publishedAt, source: x.source, editor: x.editor, paragraphs: x.paragraphs }).toEqual({
      title: a.title,
      publishedAt: page.facts!.publishedAt,
      source: a.source,
      editor: a.editor.name,
      paragraphs: [...(a.imageCaption ? [a.imageCaption] : []), ...a.paragraphs],
    });
    expect(x.editorCode).toBe(a.editor.code ?? null);
    expect(x.originalTitle).toBe(a.originalTitle ?? null);
    expect(x.bodyFrom).toBe(page.layout === 'unknown' ? 'readability' : 'sina');
    expect(x.layout).toBe(page.layout);
  });

  it.each(templatePages.filter((p) => p.layout !== 'unknown').map((p) => p.name))('%s: the same from the visible markup alone', (name) => {
    const doc = fixtureDoc(name);
    for (const m of doc.querySelectorAll(
      'meta[property="article:published_time"], meta[name="weibo: article:create_at"], meta[name="mediaid"]',
    ))
      m.remove();
    const x = extractArticle(doc, fixture(name).url)!;
    const a = OWN[name]!;
    // The visible time has minutes only.
    expect([x.publishedAt, x.source]).toEqual([fixture(name).facts!.publishedAt.replace(/:\d{2}\+08:00$/, ':00+08:00'), a.source]);
  });

  it('keeps the image of an image post and the video slot of a video post out of the text', () => {
    const image = extractArticle(fixtureDoc('image-post'), fixture('image-post').url)!;
    expect(image.images).toEqual([
      { src: 'https://n.sinaimg.cn/finance/transform/20210409/yitu-kmmcdnb7241865.png', alt: own.IMAGE_POST.title },
    ]);
    expect(image.paragraphs).toEqual(['图片来源：国家医保局']);
    const video = extractArticle(fixtureDoc('video-post'), fixture('video-post').url)!;
    expect(video.paragraphs).toEqual([own.VIDEO_POST.paragraphs[0]]);
  });

  it('files a 看点 page and its 头条 twin under one key', () => {
    const k = extractArticle(fixtureDoc('k-2022'), fixture('k-2022').url)!;
    expect(k.key).toBe('sina-cj:1501bf0a2001017abc');
    expect(extractArticle(fixtureDoc('k-2022'), 'https://cj.sina.com.cn/articles/view/5638975650/1501bf0a2001017abc')!.key).toBe(k.key);
  });
});
