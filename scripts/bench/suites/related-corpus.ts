/**
 * A deterministic synthetic corpus of Chinese medical-insurance news for the related-articles bench.
 *
 * Each article has a main topic (Zipf-distributed over TOPICS), often a second one, and is written
 * from topic keywords slotted into news-style sentence templates, the political boilerplate that
 * wraps real policy news, and sentences taken verbatim from the seed articles; place and person names
 * add the long tail of rare terms real articles have. Knowing each article's topics lets the bench
 * report a quality measure that favours neither ranker: how many of the top 10 share the main topic.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { rng } from '../../../tests/support/anchoring';

export type SyntheticArticle = { id: string; title: string; text: string; topic: string; topics: string[] };

/** mulberry32, the same seeded PRNG the anchoring tests use: identical output on every run and platform. */
export const prng = rng;

type Topic = { id: string; keywords: string[] };

const TOPICS: Topic[] = [
  { id: 'procurement', keywords: ['集中带量采购', '国家组织药品集中采购', '中选药品', '中选企业', '仿制药一致性评价', '约定采购量', '冠脉支架', '人工关节', '骨科脊柱类耗材', '胰岛素专项集采', '药品耗材集采', '中选价格', '采购周期', '医用耗材'] },
  { id: 'fund-supervision', keywords: ['欺诈骗保', '飞行检查', '追回医保基金', '定点医药机构', '专项整治', '违法违规使用医保基金', '智能监控', '举报奖励', '挂床住院', '串换药品', '行刑衔接', '信用管理', '基金监管', '假病人'] },
  { id: 'payment-reform', keywords: ['按疾病诊断相关分组付费', '按病种分值付费', 'DRG', 'DIP', '总额预算管理', '医保结算清单', '支付方式改革', '三年行动计划', '病组权重', '结余留用', '多元复合式医保支付方式', '特例单议'] },
  { id: 'drug-list', keywords: ['国家医保药品目录', '谈判药品', '双通道', '落地使用', '续约谈判', '罕见病用药', '抗肿瘤药', '医保支付标准', '目录调整', '专家评审', '新增药品', '定点零售药店'] },
  { id: 'cross-region', keywords: ['跨省直接结算', '异地就医备案', '门诊费用', '住院费用', '国家医保服务平台', '备案人员', '结算人次', '异地就医', '门诊慢特病', '联网定点医疗机构'] },
  { id: 'covid', keywords: ['新冠肺炎', '核酸检测', '新冠疫苗接种', '临时性纳入医保支付范围', '疫情防控', '方舱医院', '救治费用', '抗原检测', '疫苗及接种费用', '患者救治'] },
  { id: 'long-term-care', keywords: ['长期护理保险', '失能人员', '护理服务', '长护险试点城市', '筹资机制', '待遇保障', '居家护理', '机构护理', '失能等级评估', '护理服务机构'] },
  { id: 'outpatient', keywords: ['门诊共济保障机制', '职工医保个人账户', '普通门诊统筹', '家庭共济', '报销比例', '起付标准', '个人账户改革', '门诊费用报销', '退休人员'] },
  { id: 'pricing', keywords: ['医疗服务价格改革', '价格动态调整', '医疗服务价格项目', '技术劳务价值', '调价评估', '价格改革试点', '新增医疗服务价格项目', '检查检验价格'] },
  { id: 'resident-insurance', keywords: ['城乡居民基本医疗保险', '个人缴费标准', '财政补助', '参保缴费', '大病保险', '医疗救助', '三重制度综合保障', '防止因病返贫', '参保率', '集中缴费期'] },
  { id: 'digital', keywords: ['医保电子凭证', '医保信息平台', '医保编码标准', '移动支付', '医保码', '数据共享', '互联网+医疗健康', '医保移动支付', '电子处方流转'] },
  { id: 'hospital-reform', keywords: ['公立医院高质量发展', '薪酬制度改革', '三明医改经验', '分级诊疗', '紧密型医联体', '县域医共体', '绩效考核', '区域医疗中心', '家庭医生签约服务'] },
];

const REGIONS = '北京市 天津市 河北省 山西省 内蒙古自治区 辽宁省 吉林省 黑龙江省 上海市 江苏省 浙江省 安徽省 福建省 江西省 山东省 河南省 湖北省 湖南省 广东省 广西壮族自治区 海南省 重庆市 四川省 贵州省 云南省 西藏自治区 陕西省 甘肃省 青海省 宁夏回族自治区 新疆维吾尔自治区 三明市 深圳市 杭州市 成都市 武汉市 南京市 苏州市 青岛市 厦门市 长沙市 郑州市 西安市 合肥市 济南市 昆明市'.split(' ');
const ORGS = '国家医保局 国务院办公厅 国家卫生健康委 财政部 省医保局 市医疗保障局 医保经办机构 国家医保局医药价格和招标采购司 国家医保局基金监管司 人力资源社会保障部'.split(' ');
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾'.split('');
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉春'.split('');

const TEMPLATES = [
  '{r}医保局近日印发通知，明确{k}的具体要求，{k2}工作将于{y}年{m}月底前全面落地。',
  '据{o}介绍，截至{y}年{m}月底，{r}{k}已覆盖{n}家定点医药机构，惠及参保群众{n}万人次。',
  '{o}有关负责人表示，下一步将继续深化{k}，推动{k2}提质扩面，切实减轻群众就医负担。',
  '数据显示，{y}年{r}通过{k}累计节约医保基金{n}亿元，{k2}平均降幅达{p}%。',
  '会议要求，各地要把{k}作为{y}年医疗保障工作的重点任务，加强{k2}的统筹协调。',
  '专家指出，{k}有利于规范医疗服务行为，也为{k2}创造了有利条件。',
  '{r}在全省范围内推进{k}，并同步开展{k2}试点，首批{n}家医疗机构参与。',
  '针对{k}中暴露出的问题，{o}将组织开展专项检查，督促各地{k2}整改到位。',
  '{r}参保人{name}告诉记者，{k}实施以后，自己每月看病的费用从{n}元降到了{n}元。',
  '根据方案，{k}分三个阶段实施，{y}年底前实现{k2}全覆盖。',
  '{name}是{r}一家医院的负责人，他说{k}让医院更加注重成本管理，{k2}也更加规范。',
  '在{y}年{m}月召开的新闻发布会上，{o}通报了{k}的最新进展，并回答了记者关于{k2}的提问。',
  '业内人士认为，{k}与{k2}相互配合，将进一步释放改革红利。',
  '《关于做好{k}工作的通知》提出，要完善{k2}配套政策，确保政策平稳落地。',
];

const BOILERPLATE = [
  '要坚持以人民为中心的发展思想，不断增强人民群众的获得感、幸福感、安全感。',
  '会议强调，要深入学习贯彻习近平总书记重要讲话精神，认真落实党中央、国务院决策部署。',
  '各级医保部门要提高政治站位，压实工作责任，确保各项任务落地见效。',
  '要坚持问题导向，聚焦群众急难愁盼问题，推动医疗保障事业高质量发展。',
  '要加强组织领导，强化宣传引导，及时回应社会关切，营造良好舆论氛围。',
  '要统筹发展和安全，守住医保基金安全底线，确保基金平稳运行。',
];

/** Paragraph texts of the seed articles, without a DOM: <p> contents with tags and entities removed. */
export function seedSentences(root: string): string[] {
  const dir = path.join(root, 'seeds');
  const sentences: string[] = [];
  for (const file of readdirSync(dir).filter((f) => /^\d{3}_[0-9a-f]+\.txt$/.test(f)).sort()) {
    const raw = readFileSync(path.join(dir, file), 'utf8');
    for (const m of raw.matchAll(/<p(?![^>]*article-editor)[^>]*>([\s\S]*?)<\/p>/g)) {
      const text = m[1]!
        .replace(/<[^>]+>/g, '')
        .replace(/&#123;/g, '{')
        .replace(/&#125;/g, '}')
        .replace(/&nbsp;/g, ' ')
        .replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
      for (const s of text.split(/(?<=[。！？；])/)) if (s.length >= 12) sentences.push(s);
    }
  }
  return sentences;
}

export function generateCorpus(count: number, root: string, seed = 20210604): SyntheticArticle[] {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const seedLines = seedSentences(root);
  // Zipf weights: the first topics (集采, 基金监管) are the most written about, as in real news.
  const zipf = TOPICS.map((_, i) => 1 / (i + 1));
  const total = zipf.reduce((a, b) => a + b, 0);
  const pickTopic = (): Topic => {
    let r = rand() * total;
    for (let i = 0; i < TOPICS.length; i++) if ((r -= zipf[i]!) <= 0) return TOPICS[i]!;
    return TOPICS[TOPICS.length - 1]!;
  };
  const name = () => pick(SURNAMES) + pick(GIVEN) + (rand() < 0.5 ? pick(GIVEN) : '');
  const fill = (template: string, topic: Topic) =>
    template
      .replace(/\{k\}/g, () => pick(topic.keywords))
      .replace(/\{k2\}/g, () => pick(topic.keywords))
      .replace(/\{r\}/g, () => pick(REGIONS))
      .replace(/\{o\}/g, () => pick(ORGS))
      .replace(/\{n\}/g, () => String(int(2, 9999)))
      .replace(/\{p\}/g, () => String(int(10, 95)))
      .replace(/\{y\}/g, () => String(int(2018, 2024)))
      .replace(/\{m\}/g, () => String(int(1, 12)))
      .replace(/\{name\}/g, name);

  const articles: SyntheticArticle[] = [];
  for (let i = 0; i < count; i++) {
    const main = pickTopic();
    let second: Topic | undefined = rand() < 0.6 ? pickTopic() : undefined;
    if (second === main) second = undefined;
    const target = int(1000, 3000);
    const paragraphs: string[] = [`新华社${pick(REGIONS)}${int(1, 12)}月${int(1, 28)}日电 ${fill(pick(TEMPLATES), main)}`];
    let length = paragraphs[0]!.length;
    while (length < target) {
      const sentences: string[] = [];
      for (let s = int(2, 5); s > 0; s--) {
        const r = rand();
        if (r < 0.55) sentences.push(fill(pick(TEMPLATES), main));
        else if (r < 0.7) sentences.push(fill(pick(TEMPLATES), second ?? main));
        else if (r < 0.85) sentences.push(pick(BOILERPLATE));
        else sentences.push(pick(seedLines));
      }
      const paragraph = sentences.join('');
      paragraphs.push(paragraph);
      length += paragraph.length + 1;
    }
    articles.push({
      id: `syn_${i.toString().padStart(5, '0')}`,
      title: `${pick(REGIONS)}${pick(['：', '发布', '推进', '部署'])}${pick(main.keywords)}${pick(['取得新进展', '工作方案出台', '再提速', '惠及更多参保人', '细则公布'])}`,
      text: paragraphs.join('\n'),
      topic: main.id,
      topics: second ? [main.id, second.id] : [main.id],
    });
  }
  return articles;
}
