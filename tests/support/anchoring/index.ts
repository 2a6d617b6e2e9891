/**
 * Realistic 医保 news text for the anchoring tests (test-only; nothing in the extension imports it).
 * The paragraphs imitate a Sina Finance article body: `　　` indents, full-width punctuation, and —
 * the point of the figures rule — template sentences that differ only in their numbers.
 */

export const PARAGRAPHS = [
  '　　国家医保局6月8日发布《2021年全国医疗保障事业发展统计公报》。公报显示，2021年全国基本医疗保险参保人数136297万人，参保率稳定在95%以上。',
  '　　2021年全国医保基金支出2.4万亿元，比上年增长14.3%，基金运行总体平稳，收支结构持续优化。',
  '　　2022年全国医保基金支出2.5万亿元，比上年增长2.3%，基金运行总体平稳，收支结构持续优化。',
  '　　医保基金是人民群众的“看病钱”“救命钱”。国家医保局相关负责人表示，将持续加大打击欺诈骗保力度，守护好每一分“救命钱”。',
  '　　在药品集中带量采购方面，截至2022年底，国家组织药品集采共开展7批，涉及294种药品，平均降价超过50%，累计节约费用约3000亿元。',
  '　　下一步，国家医保局将继续深化医保支付方式改革，推进DRG/DIP支付方式改革三年行动计划，到2025年底，DRG/DIP支付方式覆盖所有符合条件的开展住院服务的医疗机构。',
  '　　此外，职工医保门诊共济保障机制改革稳步推进，普通门诊费用纳入统筹基金支付范围，参保人员的门诊待遇水平进一步提高。',
] as const;

/** Paragraphs joined the way textContent joins `<p>` elements separated by line breaks. */
export function join(paragraphs: readonly string[]): string {
  return paragraphs.join('\n');
}

export const ARTICLE = join(PARAGRAPHS);

/** Offsets of `needle` in `text` (the first occurrence at or after `from`); throws if absent. */
export function find(text: string, needle: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`test text lacks ${needle}`);
  return { start, end: start + needle.length };
}

/** Deterministic pseudo-random numbers (mulberry32), so the large-article tests are repeatable. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROVINCES = ['北京市', '上海市', '广东省', '浙江省', '江苏省', '山东省', '河南省', '四川省', '湖北省', '湖南省', '福建省', '安徽省'];
const TOPICS = [
  '门诊共济',
  '药品集采',
  '耗材集采',
  '异地就医直接结算',
  'DRG付费',
  '长期护理保险',
  '医保信息平台',
  '基金监管',
  '大病保险',
  '医疗救助',
];

/**
 * A long article made of template paragraphs that differ mostly in figures and province names —
 * the hardest case for a fuzzy matcher, and what statistical round-ups on Sina look like.
 */
export function templateArticle(targetLength: number, seed = 1): string[] {
  const next = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const paragraphs: string[] = [];
  let length = 0;
  for (let i = 0; length < targetLength; i += 1) {
    const year = 2015 + Math.floor(next() * 9);
    const province = pick(PROVINCES);
    const topic = pick(TOPICS);
    const amount = (next() * 3000).toFixed(1);
    const growth = (next() * 20).toFixed(1);
    // Unique per paragraph: real round-ups differ in their figures, and a repeated figure would make
    // two paragraphs' sentences genuinely indistinguishable within the stored context.
    const count = 11 + i * 7;
    const p =
      `　　${year}年${province}医保基金支出${amount}亿元，比上年增长${growth}%。` +
      `${province}医疗保障局有关负责人介绍，${topic}工作第${count}次专题会议已经召开，将进一步完善${topic}相关配套政策，` +
      `确保参保群众看病就医更加便捷，全年共惠及参保人员${count * 13}万人次。`;
    paragraphs.push(p);
    length += p.length + 1;
  }
  return paragraphs;
}
