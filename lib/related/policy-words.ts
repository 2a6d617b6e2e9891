/**
 * The words of medical-security policy a reader recognises: what related articles are shown to share
 * (a reason is a whole word from this list or a whole measure, never a bigram chain cut mid-word such
 * as 医保基), and what says that an article touches the policy family at all (policyTopicScore).
 *
 * Written from the vocabulary of China's medical-security plans, State Council opinions and the
 * National Healthcare Security Administration's notices, grouped as those documents group the system.
 * Deliberately left out: words every article of the family uses (医保, 医疗, 改革, 保障 on their own),
 * which explain nothing, and words of general news (发展, 工作, 经济).
 */
import { foldText, isHan } from './normalize';

const GROUPS: Record<string, string> = {
  insurance:
    '医保基金 医疗保险 基本医疗保险 职工医保 居民医保 城乡居民医保 职工基本医疗保险 城乡居民基本医疗保险 参保 参保人 参保人员 参保率 参保缴费 缴费 缴费标准 个人缴费 财政补助 ' +
    '筹资 筹资机制 统筹 统筹基金 统筹基金 省级统筹 市级统筹 门诊统筹 门诊共济 个人账户 家庭共济 待遇 待遇保障 待遇清单 报销 报销比例 起付线 起付标准 封顶线 最高支付限额 ' +
    '大病保险 医疗救助 城乡医疗救助 重特大疾病 因病致贫 因病返贫 三重制度 三重保障 兜底保障 长期护理保险 长护险 失能人员 护理保险 生育保险 生育津贴 生育医疗费用 ' +
    '商业健康保险 商业保险 惠民保 补充医疗保险 补充保险 多层次医疗保障 医疗保障体系 医疗保障制度 基本医保 全民医保 灵活就业人员 异地就医 跨省直接结算 跨省异地就医 ' +
    '直接结算 备案 门诊慢特病 慢特病 门诊费用 住院费用 医疗费用 医药费用 自付 个人负担 减轻负担 看病贵',
  payment:
    '支付方式 支付方式改革 医保支付 医保支付方式 按病种付费 按病种分值付费 疾病诊断相关分组 按床日付费 按人头付费 总额预算 总额控制 总额预付 drg dip 支付标准 医保支付标准 ' +
    '结余留用 合理超支分担 病组 分值 结算清单 医保结算 结算',
  procurement:
    '集中带量采购 带量采购 集中采购 集采 国家组织 中选 中选药品 中选产品 中选企业 中标 挂网 招标采购 药品招采 医用耗材 高值医用耗材 耗材 冠脉支架 人工关节 ' +
    '仿制药 一致性评价 原研药 采购量 约定采购量 价格降幅 降价 药价 药品价格 虚高',
  drugs:
    '药品目录 医保目录 医保药品目录 国家医保药品目录 药品目录调整 谈判药品 医保谈判 国家谈判 准入谈判 双通道 定点零售药店 定点药店 药店 创新药 罕见病 罕见病用药 抗癌药 ' +
    '抗肿瘤药 短缺药品 基本药物 国家基本药物 药品供应 药品保障 处方 电子处方 处方流转 中药 中医药 中成药 中药饮片 医疗器械 生物制品 疫苗 检测试剂',
  supervision:
    '基金监管 医保基金监管 欺诈骗保 骗保 套保 违规使用 违法违规 飞行检查 专项检查 专项整治 打击欺诈骗保 举报奖励 信用管理 信用评价 智能监控 智能审核 大数据监管 ' +
    '定点医药机构 定点医疗机构 协议管理 追回 追回资金 行政处罚 基金安全 监管条例 医疗保障基金使用监督管理条例 假病人 假病情 假票据 挂床 虚假住院 串换药品',
  prices:
    '医疗服务价格 医疗服务价格改革 价格调整 动态调整 调价 价格项目 收费 收费标准 检查检验 检验检查 互认 技术劳务价值 医疗服务项目 价格监测 核酸检测 抗原检测 检测费用 零差率',
  hospitals:
    '公立医院 公立医院改革 公立医院高质量发展 现代医院管理制度 薪酬制度 薪酬制度改革 绩效考核 医务人员 医护人员 医生 护士 医师 分级诊疗 医联体 医共体 紧密型县域医共体 ' +
    '县域医共体 家庭医生 签约服务 基层医疗 基层医疗卫生机构 社区卫生服务 乡村医生 村医 卫生院 三级医院 二级医院 区域医疗中心 国家医学中心 优质医疗资源 看病难 ' +
    '互联网医院 互联网+医疗健康 远程医疗 远程医疗服务 三医联动 医疗医保医药联动 医药卫生体制改革 深化医改 医改 三明医改 三明经验',
  health:
    '公共卫生 疾病预防控制 疾控 传染病 疫情防控 新冠肺炎 新冠病毒 新冠疫苗 疫苗接种 救治费用 患者救治 医疗救治 方舱医院 健康中国 全民健康 慢性病 重大疾病 大病 ' +
    '卫生健康 健康扶贫 老龄 养老 医养结合 护理服务 失能',
  services:
    '医保经办 经办服务 经办机构 医保服务 医保电子凭证 医保码 医保信息平台 信息平台 编码标准 医保编码 移动支付 一站式结算 一单制结算 医保卡 社保卡 便民服务 ' +
    '医疗保障局 国家医保局 医保局 医保部门 卫生健康委 国家卫生健康委 卫健委 药监局 国家药监局',
};

/** Every policy word, folded as the tokenizer folds text (lower-case Latin, NFKC). */
export const POLICY_WORDS: readonly string[] = [...new Set(Object.values(GROUPS).flatMap((g) => g.split(' ').map(foldText)))];

/**
 * The policy words the text uses, longest first, each once; a word inside a longer one found at the
 * same place is left out (医保基金监管 gives 医保基金监管, not also 医保基金 and 基金监管), but
 * found elsewhere on its own it stays.
 */
export function policyWordsIn(text: string): string[] {
  const folded = foldText(text);
  const found: string[] = [];
  const covered = new Uint8Array(folded.length);
  for (const word of LONGEST_FIRST) {
    let from = 0;
    let kept = false;
    for (let at = folded.indexOf(word, from); at >= 0; at = folded.indexOf(word, from)) {
      from = at + 1;
      if (covered[at] && covered[at + word.length - 1]) continue;
      if (!wordEdges(folded, at, word)) continue;
      covered.fill(1, at, at + word.length);
      kept = true;
    }
    if (kept) found.push(word);
  }
  return found;
}

/** Latin words (drg, dip) must stand alone: not the drg of a longer token. */
function wordEdges(text: string, at: number, word: string): boolean {
  if (!/^[a-z0-9]/.test(word)) return true;
  const before = text[at - 1] ?? ' ';
  const after = text[at + word.length] ?? ' ';
  return !/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after);
}

const LONGEST_FIRST = [...POLICY_WORDS].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));

/**
 * How much of the text is the policy family's own language: the share of its Han characters inside
 * policy words (title and body together). News of other fields that borrow a word or two (a 5G base
 * station 集采, a fund regulator's 基金监管) stay low; policy news is dense with them. Calibrated on
 * the dev split with scripts/eval/related-calibrate.ts: off-topic articles there score at most 0.02,
 * policy articles at least 0.11.
 */
export function policyTopicScore(text: string): number {
  const folded = foldText(text);
  const covered = new Uint8Array(folded.length);
  for (const word of LONGEST_FIRST) {
    for (let at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + 1)) {
      if (wordEdges(folded, at, word)) covered.fill(1, at, at + word.length);
    }
  }
  let han = 0;
  let inWords = 0;
  for (let i = 0; i < folded.length; i++) {
    if (!isHan(folded.charCodeAt(i))) continue;
    han++;
    inWords += covered[i]!;
  }
  return han ? inWords / han : 0;
}

/**
 * The score from which an article counts as touching the policy family: it joins the corpus when the
 * reader opens it (with or without a measure found), and it takes part in related articles.
 */
export const POLICY_TOPIC_THRESHOLD = 0.1;
