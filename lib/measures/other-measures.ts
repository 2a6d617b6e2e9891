/**
 * "Other measures in this article": sentences that read like a policy measure but name nothing in
 * the catalogue, so that a new policy is not invisible just because nobody has catalogued it yet.
 *
 * Policy prose states measures in a fixed shape: a clause that opens with a policy verb (推进,
 * 建立, 印发 …) followed by its object, often with a deadline (2021年9月底前). We look for that
 * shape clause by clause, skip clauses that already contain a catalogued mention, and rank what is
 * left. Only actions qualify: a sentence of market commentary or forecast (业内人士表示…, 预计收益率…),
 * a deputy's suggestion, a court's sentence or a company's own plan is never offered, nor a clause whose "verb" is a noun subject or a report of an effect (试点也推动了…),
 * nor a deadline that directs nothing. It is a heuristic for a "have a look" list, not a detector
 * with guarantees; `lens eval` measures its precision against labelled policy actions.
 */
import type { MeasureHit } from './detect';
import { foldForMatch } from './normalize';
import { splitSentences, type SentenceSpan } from './sentences';

export interface MeasureLikeSentence {
  /** The trimmed sentence and its offsets in the text. */
  sentence: string;
  start: number;
  end: number;
  /** The policy verb that opens the best clause, and what follows it; absent for deadline-only sentences. */
  verb?: string;
  object?: string;
  /** The deadline phrase found in the sentence, e.g. 2021年9月底前 or 到2025年底. */
  deadline?: string;
  cue: 'verb-object' | 'deadline' | 'verb-object+deadline';
  /** Higher is more measure-like; the list is sorted by it. */
  score: number;
}

export interface MeasureLikeOptions {
  /** At most this many sentences (default 8). */
  limit?: number;
}

/** Verbs that enact something get 2, verbs that push an existing thing along get 1. */
const VERB_WEIGHTS = new Map<string, number>([
  ...['出台', '印发', '制定', '实施', '实行', '启动', '推行', '建立', '设立', '取消', '纳入', '全面推开', '允许', '放开', '试点'].map(
    (v) => [v, 2] as const,
  ),
  ...[
    '推进',
    '推动',
    '推广',
    '开展',
    '健全',
    '完善',
    '扩大',
    '落实',
    '降低',
    '提高',
    '调整',
    '优化',
    '深化',
    '规范',
    '探索',
    '鼓励',
    '支持',
    '强化',
    '加强',
    '整合',
    '增强',
    '统一',
    '明确',
  ].map((v) => [v, 1] as const),
]);
const VERBS_LONGEST_FIRST = [...VERB_WEIGHTS.keys()].sort((a, b) => b.length - a.length);

/** Nouns that make an object a policy object rather than, say, 信心 or 力度. */
const POLICY_NOUNS =
  /机制|制度|政策|改革|试点|目录|标准|办法|指南|规定|条例|方案|意见|文件|范围|项目|体系|支付|价格|费用|收费|报销|待遇|保障|结算|监管|监督|管理|服务|考核|补助|补贴|基金|医保|覆盖|清单|平台|编码|备案|准入|采购|评价|薪酬|职称|培训|人才/;

/** Political boilerplate that shares the verbs (全面落实…讲话精神) but is not a measure. */
const BOILERPLATE = /精神|讲话|指示|批示|决策部署|要求|意识|自信|确立|维护|信心|思想|理念|初心|使命|党中央|总书记|主义|作风|斗争/;

/**
 * Sentences that report what the market or commentators think or expect (a bond-yield forecast, an
 * analyst on what firms should do) rather than what an authority decides: never a measure, whatever
 * verbs they use.
 */
const COMMENTARY =
  /业内人士|业内专家|分析人士|分析师|市场人士|券商|研报|投资者|(?:机构|专家|人士)(?:认为|预计|预测|表示|指出|称)|预计|预测|有望|或将|料将|收益率|利率中枢|走势|个股|概念股|股价|涨幅|跌幅|涨停|跌停/;

/**
 * Nor what others propose or what courts and companies do: deputies' suggestions, sentences,
 * a company's announcement of its own plans.
 */
const NOT_GOVERNMENT = /(?:代表|委员)(?:建议|提出|表示|认为)|建议案|提案|法院|判处|判决|一审|二审|(?:公司|集团)(?:公告|宣布|表示|称|计划)/;

/** A company as the sentence's subject (公司年内推出多款产品…): its own decision, not a policy. */
const COMPANY_SUBJECT = /^(?:该|本|某|多家|部分|一些)?(?:公司|集团|企业|药企|险企|保险公司|券商)/;

/**
 * A sentence right before an attribution to a scholar or commentator (……。该学者说，……) is that
 * person's opinion, whatever verbs it uses.
 */
const ATTRIBUTION = /^(?:该|这位|一位|有|多位)?(?:学者|专家|教授|研究员|分析师|业内人士|分析人士)[^，。]{0,6}?(?:说|表示|认为|指出)/;

/**
 * A heading: a short paragraph-initial sentence followed by the text it heads (统一病种目录。《细则》将
 * 全省病种统一为60种…). The action is stated in what follows, not in the heading.
 */
const HEADING_MAX = 10;

/**
 * What follows a policy verb when the "verb" is really a noun subject (试点也推动了…) or a report of
 * an effect (推动了…): a clause whose object starts so is not stating an action.
 */
const NOT_AN_OBJECT = /^(?:了|过|着|也|是|的|都|已|还|则|就|中|后|以来|工作也)/;

/**
 * A deadline-only sentence must still direct something: a modal or a policy verb somewhere in it.
 * The modals are single characters, so not inside the words they also make: 应用 and 供应, 重要
 * and 主要, 需求 (AI应用…概念股…年内涨幅 directs nothing).
 */
const DIRECTIVE = /(?<![重主纲概摘])要(?![求素点闻])|须|需(?!求)|(?<![供反相响适对])应(?![用对])|将|力争|确保|务必/;

/** Objects that only point back at the measure in the same sentence (…，年底前完善相关政策措施). */
const ANAPHORIC_OBJECT = /^(?:进一步)?(?:相关|配套|有关)?(?:的)?(?:政策|措施|政策措施|政策文件|文件|实施方案|工作方案|实施细则|配套政策)$/;

const YEAR = '\\d{4}年';
const MONTH_PART = '(?:\\d{1,2}月)?(?:底|末|中旬|上旬|下旬)?';
/** Deadlines and effective dates; the lookbehind keeps the range "2018年至2021年10月" out. */
const DEADLINE_SOURCES = [
  `${YEAR}${MONTH_PART}(?:以前|前)`,
  `(?<!\\d)\\d{1,2}月(?:底|末|中旬|上旬|下旬)?(?:以前|前)`,
  // Not the 年底 of a date (截至2023年底).
  `(?:今年|明年|(?<!\\d)年)(?:底前|底|内)`,
  // 截至2023年底 and 截止到2023年 report a state as of a date; they set no deadline.
  `(?<!截|截止|${YEAR})(?:到|至)${YEAR}${MONTH_PART}`,
  `(?:自|从)?${YEAR}\\d{1,2}月(?:\\d{1,2}日)?起`,
  `"十[一二三四五六七八九]五"(?:期间|末|时期)`,
];
const DEADLINE = new RegExp(DEADLINE_SOURCES.join('|'));

/**
 * What may stand before the verb in a clause: an optional short subject with a modal (国家医保局将),
 * an optional deadline (于2022年6月底前), then adverbs. Anything else means the verb is not the
 * clause's main verb (…的改革先行试点, 聚焦…持续推进).
 */
const MODIFIERS =
  '(?:要|将|并|还|也|应|须|需|同时|此外|另外|进一步|加快|加大力度|积极|大力|稳步|有序|深入|全面|持续|继续|着力|切实|逐步|同步|坚决|依法|不断|尽快|力争|抓紧|研究|动态|有条不紊地|稳妥|扎实|统筹|改革|重点|率先|严格|及时|探索)*';
const CLAUSE_PREFIX = new RegExp(`^(?:.{0,12}?(?:将|要|应|须|需|拟))?(?:(?:于|在)?(?:${DEADLINE_SOURCES.join('|')}))?${MODIFIERS}$`);

const CLAUSE_BREAK = /[，,；;：:]/;
const SENTENCE_END = /[。！？!?]+$/;

interface ClauseCandidate {
  verb: string;
  /** Offsets of the object in the text. */
  objectStart: number;
  objectEnd: number;
  score: number;
}

export function findMeasureLikeSentences(
  text: string,
  hits: readonly MeasureHit[],
  options: MeasureLikeOptions = {},
): MeasureLikeSentence[] {
  const mentions = hits.flatMap((h) => h.mentions.map((m) => [m.start, m.end] as const));
  const covered = (start: number, end: number): boolean => mentions.some(([s, e]) => s < end && start < e);
  // Match on folded text (full-width digits in ２０２１年９月底前), report slices of the original.
  const folded = foldForMatch(text);

  const found: MeasureLikeSentence[] = [];
  const sentences = splitSentences(text);
  sentences.forEach((sentence, i) => {
    const sentenceText = folded.slice(sentence.start, sentence.end);
    if (COMMENTARY.test(sentenceText) || NOT_GOVERNMENT.test(sentenceText) || COMPANY_SUBJECT.test(sentenceText)) return;
    const next = sentences[i + 1];
    const nextInParagraph = next && !text.slice(sentence.end, next.start).includes('\n') ? next : undefined;
    if (nextInParagraph && ATTRIBUTION.test(folded.slice(nextInParagraph.start, nextInParagraph.end))) return;
    if (nextInParagraph && isHeading(text, sentence)) return;
    const hasCatalogued = covered(sentence.start, sentence.end);
    const deadlineMatch = DEADLINE.exec(folded.slice(sentence.start, sentence.end));
    const deadline = deadlineMatch
      ? text.slice(sentence.start + deadlineMatch.index, sentence.start + deadlineMatch.index + deadlineMatch[0].length)
      : undefined;
    const where = { sentence: sentence.text, start: sentence.start, end: sentence.end };
    const best = bestClause(folded, sentence, covered, hasCatalogued);

    if (best) {
      // A sentence that already shows up under a catalogued measure needs a stronger cue.
      const score = best.score + (deadline ? 3 : 0) - (hasCatalogued ? 1 : 0);
      if (score < 3) return;
      found.push({
        ...where,
        verb: best.verb,
        object: text.slice(best.objectStart, best.objectEnd),
        ...(deadline ? { deadline } : {}),
        cue: deadline ? 'verb-object+deadline' : 'verb-object',
        score,
      });
    } else if (deadline && !hasCatalogued && directs(folded.slice(sentence.start, sentence.end))) {
      found.push({ ...where, deadline, cue: 'deadline', score: 3 });
    }
  });
  return rankAndDedupe(found, options.limit ?? 8);
}

/** Short, unbroken by commas, and the first sentence of its paragraph (the caller knows text follows). */
function isHeading(text: string, sentence: SentenceSpan): boolean {
  const body = sentence.text.replace(/[。！？!?；;”’」』）)】》"']+$/u, '');
  if ([...body].length > HEADING_MAX || /[，,、：:]/.test(body)) return false;
  const lineStart = text.lastIndexOf('\n', sentence.start - 1) + 1;
  return text.slice(lineStart, sentence.start).trim() === '';
}

function bestClause(
  folded: string,
  sentence: SentenceSpan,
  covered: (start: number, end: number) => boolean,
  sentenceHasCatalogued: boolean,
): ClauseCandidate | undefined {
  let best: ClauseCandidate | undefined;
  let clauseStart = sentence.start;
  for (let i = sentence.start; i <= sentence.end; i++) {
    if (i < sentence.end && !CLAUSE_BREAK.test(folded[i]!)) continue;
    const candidate = clauseCandidate(folded, clauseStart, i, covered, sentenceHasCatalogued);
    if (candidate && (!best || candidate.score > best.score)) best = candidate;
    clauseStart = i + 1;
  }
  return best;
}

function clauseCandidate(
  folded: string,
  start: number,
  end: number,
  covered: (start: number, end: number) => boolean,
  sentenceHasCatalogued: boolean,
): ClauseCandidate | undefined {
  const clause = folded.slice(start, end).replace(SENTENCE_END, '');
  const at = firstVerb(clause);
  if (!at || !CLAUSE_PREFIX.test(clause.slice(0, at.index))) return undefined;
  const rawObject = clause.slice(at.index + at.verb.length);
  const object = rawObject.trim();
  if (object.length < 2 || !/[\u4e00-\u9fff]/.test(object)) return undefined;
  if (NOT_AN_OBJECT.test(object)) return undefined;
  if (covered(start + at.index, end)) return undefined;
  if (BOILERPLATE.test(object)) return undefined;
  if (ANAPHORIC_OBJECT.test(object) && sentenceHasCatalogued) return undefined;
  const objectStart = start + at.index + at.verb.length + (rawObject.length - rawObject.trimStart().length);
  return {
    verb: at.verb,
    objectStart,
    objectEnd: objectStart + object.length,
    score: VERB_WEIGHTS.get(at.verb)! + (POLICY_NOUNS.test(object) ? 2 : 0),
  };
}

function directs(sentence: string): boolean {
  return DIRECTIVE.test(sentence) || VERBS_LONGEST_FIRST.some((verb) => sentence.includes(verb));
}

function firstVerb(clause: string): { verb: string; index: number } | undefined {
  for (let index = 0; index < clause.length; index++) {
    for (const verb of VERBS_LONGEST_FIRST) {
      if (clause.startsWith(verb, index)) return { verb, index };
    }
  }
  return undefined;
}

/**
 * Sina repeats sentences (a bold lead restated in the body, a blockquote summary of a paragraph):
 * keep the first of identical sentences, then rank by score and position.
 */
function rankAndDedupe(found: MeasureLikeSentence[], limit: number): MeasureLikeSentence[] {
  const seen = new Set<string>();
  const unique = found.filter((item) => {
    const key = foldForMatch(item.sentence).replace(/\s+/g, '');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) => b.score - a.score || a.start - b.start).slice(0, limit);
}
