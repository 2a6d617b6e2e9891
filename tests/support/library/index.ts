/**
 * A small library for the tests of this folder: three corpus articles (a page read, an imported
 * file, a seed seen in the reader page), one article outside the corpus, and highlights on them that
 * exercise what search and the exports must handle (full-width letters, multi-line quotes and notes,
 * curly quotes, Markdown-active characters, tags with spaces).
 */
import type { HighlightRecord, StoredArticle } from '../../../lib/db/schema';

function article(fields: {
  id: string;
  title: string;
  date: string;
  source: string;
  paragraphs: string[];
  origin: StoredArticle['origin'];
  key?: string;
  url?: string;
  measureIds?: string[];
  addedAt?: string;
}): StoredArticle {
  const text = fields.paragraphs.join('\n');
  const { id, key, url, title, date, source, paragraphs, origin, measureIds } = fields;
  return {
    id,
    ...(key !== undefined && { key }),
    ...(url !== undefined && { url }),
    title,
    titleNorm: title,
    date,
    categories: ['新浪财经'],
    source,
    lead: paragraphs[0]!,
    paragraphs,
    images: [],
    text,
    length: text.length,
    origin,
    addedAt: fields.addedAt ?? '2024-04-01T00:00:00.000Z',
    ...(measureIds !== undefined && { measureIds }),
  };
}

export const URL_A = 'https://finance.sina.com.cn/china/2022-06-08/doc-ikfwxyuz1234567.shtml';
export const URL_C = 'https://finance.sina.com.cn/roll/2021-11-26/doc-ikyamrmz7654321.shtml';
export const URL_D = 'https://finance.sina.com.cn/china/gncj/2023-03-02/doc-imyiabcd1112223.shtml';

/** A page the reader read: known by its Sina key. */
export const ARTICLE_A = article({
  id: 'a_00000000000000a1',
  key: 'sina:kfwxyuz1234567',
  url: URL_A,
  title: '国家医保局发布2021年全国医疗保障事业发展统计公报',
  date: '2022-06-08T02:00:00.000Z',
  source: '国家医保局',
  paragraphs: [
    '　　国家医保局6月8日发布公报。2021年全国基本医保基金（含生育保险）总支出2.4万亿元，比上年增长14.3%。',
    '　　医保基金是人民群众的“救命钱”。全年共检查定点医药机构70.8万家。',
  ],
  origin: 'read',
  measureIds: ['fund-supervision'],
});

/** A file the reader imported: a title full of Markdown-active characters, known by its Sina key. */
export const ARTICLE_C = article({
  id: 'a_00000000000000c3',
  key: 'sina:kyamrmz7654321',
  url: URL_C,
  title: '国家医保局印发DRG/DIP支付方式改革*三年*行动计划 [解读] #医保 <通知>',
  date: '2021-11-26T09:15:00.000Z',
  source: '新浪财经',
  paragraphs: [
    '　　国家医疗保障局近日印发《DRG/DIP支付方式改革三年行动计划》。',
    '　　到2025年底，DRG/DIP支付方式覆盖所有符合条件的开展住院服务的医疗机构。',
  ],
  origin: 'imported',
  measureIds: ['drg-payment', 'dip-payment', 'payment-method-reform'],
});

/** A seed, opened in the reader page (highlights say `corpus:<id>`); its title has the seed's `_` quotes. */
export const ARTICLE_B = article({
  id: 'a_00000000000000b2',
  title: '韩正：医保基金是群众的_救命钱_ 要持续加大监管力度',
  date: '2021-06-04T12:30:57.000Z',
  source: '新华社',
  paragraphs: ['　　韩正强调，医保基金是群众的“救命钱”，要持续加大监管力度。'],
  origin: 'seed',
  measureIds: ['fund-supervision', 'anti-fraud-crackdown'],
});

export const ARTICLES: StoredArticle[] = [ARTICLE_A, ARTICLE_B, ARTICLE_C];

function highlight(
  fields: Partial<HighlightRecord> &
    Pick<HighlightRecord, 'id' | 'articleKey' | 'url' | 'title' | 'createdAt'> & {
      exact: string;
      start: number;
      prefix?: string;
      suffix?: string;
    },
): HighlightRecord {
  const { exact, start, prefix = '', suffix = '', ...rest } = fields;
  return {
    quote: { type: 'TextQuoteSelector', exact, prefix, suffix },
    position: { type: 'TextPositionSelector', start, end: start + exact.length },
    color: 'yellow',
    note: '',
    tags: [],
    updatedAt: fields.createdAt,
    ...rest,
  };
}

const A = { articleKey: 'sina:kfwxyuz1234567', url: URL_A, title: '国家医保局发布2021年全国医疗保障事业发展统计公报' };
const B = {
  articleKey: 'corpus:a_00000000000000b2',
  url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/reader.html?id=a_00000000000000b2',
  title: '韩正：医保基金是群众的“救命钱” 要持续加大监管力度',
};
const C = { articleKey: 'sina:kyamrmz7654321', url: URL_C, title: '国家医保局印发DRG/DIP支付方式改革*三年*行动计划 [解读] #医保 <通知>' };
/** Not in the corpus (the reader turned "add pages I read" off). */
const D = { articleKey: 'sina:myiabcd1112223', url: URL_D, title: '多地医保局推进ＤＲＧ付费 “Pay by Group” 试点扩围' };

export const HIGHLIGHTS: HighlightRecord[] = [
  highlight({
    ...A,
    id: '3f9c2a4e-8b1d-4c6a-9e2f-0a1b2c3d4e5f',
    exact: '总支出2.4万亿元',
    prefix: '2021年全国基本医保基金（含生育保险）',
    suffix: '，比上年增长14.3%。',
    start: 35,
    color: 'green',
    note: 'Verify the FIGURE against the 2020 bulletin.\n\n与2020年公报核对：\n- 2020年为2.1万亿元',
    tags: ['数据', '基金 支出'],
    createdAt: '2024-05-01T08:00:00.000Z',
    updatedAt: '2024-05-02T09:30:00.000Z',
  }),
  highlight({
    ...A,
    id: 'h-a-2',
    exact: '医保基金是人民群众的“救命钱”。\n　　全年共检查定点医药机构70.8万家',
    prefix: '比上年增长14.3%。\n　　',
    suffix: '。',
    start: 68,
    color: 'yellow',
    tags: ['基金监管'],
    createdAt: '2024-05-03T10:00:00.000Z',
  }),
  highlight({
    ...A,
    id: 'h-a-0',
    exact: '国家医保局6月8日发布公报',
    suffix: '。2021年全国基本医保基金',
    start: 2,
    color: 'blue',
    note: '# 不是标题 ==也不是高亮== %%注释%% $x$ 1. 不是列表',
    createdAt: '2024-04-20T23:30:00.000Z',
  }),
  highlight({
    ...B,
    id: 'h-b-1',
    exact: '医保基金是群众的“救命钱”',
    prefix: '韩正强调，',
    suffix: '，要持续加大监管力度。',
    start: 7,
    color: 'pink',
    note: '---\n监管口径',
    tags: ['2021', '基金监管'],
    createdAt: '2024-04-28T06:15:00.000Z',
  }),
  highlight({
    ...C,
    id: 'h-c-1',
    exact: '到2025年底，DRG/DIP支付方式覆盖所有符合条件的开展住院服务的医疗机构',
    prefix: '行动计划》。\n　　',
    start: 36,
    color: 'blue',
    note: '覆盖面_时间表_ [待查] <原文>',
    tags: ['支付方式改革', 'DRG/DIP (三年)'],
    createdAt: '2024-04-25T12:00:00.000Z',
  }),
  highlight({
    ...D,
    id: 'h-d-1',
    exact: '多地推进ＤＲＧ付费改革',
    start: 10,
    color: 'yellow',
    note: '',
    createdAt: '2024-04-30T12:00:00.000Z',
  }),
];

export const byId = (id: string): HighlightRecord => HIGHLIGHTS.find((h) => h.id === id)!;
