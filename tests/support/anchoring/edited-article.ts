/**
 * A long 医保 article, 200 highlights on it and an edited version with exact ground truth: what the
 * anchoring bench (scripts/bench/suites/anchoring.ts) measures Policy Lens and dom-anchor-text-quote
 * on, and what `lib/anchoring/edited-article.test.ts` holds the matcher to (no highlight in a wrong place).
 * Test and bench only: nothing in the extension imports it.
 *
 * The article (~100 KiB of UTF-8) is deterministic: the seeds' real paragraphs once each, between
 * template paragraphs of the kind Sina's statistical round-ups are made of (fund spending, 集采
 * results, cross-province settlement, fraud inspections), every one with its own figures. 200
 * highlights are described on it with 32 characters of context, as the extension stores them.
 *
 * The edited article: indents dropped, punctuation swapped, words inserted, deleted and reworded
 * (some inside highlights, some in their context), paragraphs added and removed, highlighted
 * passages deleted, and look-alike paragraphs that differ only in their figures — added far from a
 * highlight that stays, or standing in far away for one that was deleted. Every edit is an explicit
 * (start, end, insert) on the original, never straddling a highlight's boundary, so where each
 * highlighted passage went (or that it is gone) is known exactly.
 */
import { describe, type AnchorSelectors } from '../../../lib/anchoring/selectors';
import { rng } from '.';

export const TARGET_BYTES = 100 * 1024;
export const HIGHLIGHTS = 200;
const SEED = 20240501;

const PROVINCES = [
  '北京市',
  '天津市',
  '河北省',
  '山西省',
  '辽宁省',
  '吉林省',
  '上海市',
  '江苏省',
  '浙江省',
  '安徽省',
  '福建省',
  '江西省',
  '山东省',
  '河南省',
  '湖北省',
  '湖南省',
  '广东省',
  '广西壮族自治区',
  '海南省',
  '重庆市',
  '四川省',
  '贵州省',
  '云南省',
  '陕西省',
  '甘肃省',
];
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
  '谈判药品落地',
  '医保电子凭证',
];
const SPEAKERS = ['国家医保局有关负责人', '业内专家', '该省医保局局长', '一位基层医保干部', '中国社科院研究员'];
const CLAUSES = [
  '医保改革已经进入深水区',
  '要坚持以人民健康为中心',
  '既要保障基金安全又要提高使用效率',
  '集中带量采购常态化制度化的格局正在形成',
  '支付方式改革倒逼医院加强成本管理',
  '群众就医负担进一步减轻',
  '信息化建设为精细化管理打下了基础',
  '基层医疗机构的服务能力仍需提升',
  '打击欺诈骗保必须保持高压态势',
  '各地要结合实际抓好政策落地',
  '长期护理保险试点积累了宝贵经验',
  '要防止过度诊疗和不合理检查',
  '异地就医结算让流动人口看病更方便',
  '医药价格治理需要多部门协同',
];

/** Template paragraphs, each with figures no other paragraph has (`n` is unique per paragraph). */
function templateParagraph(kind: number, n: number, rand: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const province = pick(PROVINCES);
  const topic = pick(TOPICS);
  const year = 2016 + (n % 8);
  const amount = (100 + n * 7.3 + rand() * 5).toFixed(1);
  switch (kind) {
    case 0:
      return `　　${year}年${province}医保基金支出${amount}亿元，比上年增长${(n % 19) + 0.1 * (n % 7)}%。${province}医疗保障局有关负责人介绍，${topic}工作第${n}次专题会议已经召开，将进一步完善${topic}相关配套政策，确保参保群众看病就医更加便捷，全年共惠及参保人员${n * 13 + 7}万人次。`;
    case 1:
      return `　　在第${n}轮药品集中带量采购中，${province}共有${n * 3 + 11}家医疗机构参与报量，涉及${(n % 40) + 20}个品种，中选药品平均降价${40 + (n % 50)}.${n % 10}%，预计每年可节约药品费用${amount}亿元。${province}医保局表示，将督促医疗机构优先使用中选产品，按时完成约定采购量。`;
    case 2:
      return `　　截至${year}年${(n % 12) + 1}月底，${province}跨省异地就医直接结算定点医疗机构达到${n * 17 + 100}家，累计直接结算${amount}万人次，减少群众垫付资金${(n * 1.7 + 3).toFixed(1)}亿元。下一步将扩大门诊慢特病跨省直接结算范围，让参保群众少跑腿、好办事。`;
    case 3:
      return `　　${year}年，${province}医保部门共检查定点医药机构${n * 29 + 300}家，处理违法违规机构${n * 5 + 40}家，追回医保基金${amount}百万元，对${n + 3}起欺诈骗保案件移交司法机关，形成有力震慑。`;
    default: {
      const a = pick(CLAUSES);
      let b = pick(CLAUSES);
      while (b === a) b = pick(CLAUSES);
      return `　　${pick(SPEAKERS)}在第${n}场座谈会上表示，${a}，${b}。${topic}方面，${pick(CLAUSES)}。`;
    }
  }
}

/** Paragraphs of about `targetBytes` of UTF-8: seed prose spread among template paragraphs. */
export function buildArticle(seedParagraphs: readonly string[], targetBytes = TARGET_BYTES, seed = SEED): string[] {
  const rand = rng(seed);
  const encoder = new TextEncoder();
  const prose = seedParagraphs.map((p) => `　　${p}`);
  const out: string[] = [];
  let bytes = 0;
  for (let n = 1; bytes < targetBytes; n += 1) {
    const p = prose.length > 0 && rand() < 0.12 ? (prose.shift() as string) : templateParagraph(Math.floor(rand() * 5), n, rand);
    out.push(p);
    bytes += encoder.encode(p).length + 1;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Highlights

export interface BenchHighlight extends Required<AnchorSelectors> {
  id: string;
  /** Trimmed offsets in the original text. */
  start: number;
  end: number;
  cross: boolean;
}

const WS = /[\s\u3000]/;

function paragraphStarts(paragraphs: readonly string[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const p of paragraphs) {
    starts.push(at);
    at += p.length + 1;
  }
  return starts;
}

/**
 * Highlights of realistic lengths (a figure, a phrase, a sentence, a passage; a few across two
 * paragraphs). A highlight whose quote and context occur twice verbatim has no single true place, so
 * it is not used; neither is one starting where another starts.
 */
export function pickHighlights(text: string, paragraphs: readonly string[], count = HIGHLIGHTS, seed = SEED + 1): BenchHighlight[] {
  const rand = rng(seed);
  const starts = paragraphStarts(paragraphs);
  const out: BenchHighlight[] = [];
  const used = new Set<number>();
  while (out.length < count) {
    const r = rand();
    const length =
      r < 0.2
        ? 4 + Math.floor(rand() * 6)
        : r < 0.7
          ? 10 + Math.floor(rand() * 30)
          : r < 0.95
            ? 40 + Math.floor(rand() * 80)
            : 60 + Math.floor(rand() * 100);
    const cross = r >= 0.95;
    const pi = Math.floor(rand() * paragraphs.length);
    const p = paragraphs[pi] as string;
    const pStart = starts[pi] as number;
    let start = pStart + 2 + Math.floor(rand() * Math.max(1, p.length - 2 - (cross ? 10 : length)));
    let end = cross
      ? pStart + p.length + 1 + Math.min(length, paragraphs[pi + 1]?.length ?? 0)
      : Math.min(pStart + p.length, start + length);
    if (cross && pi + 1 >= paragraphs.length) continue;
    while (start < end && WS.test(text.charAt(start))) start += 1;
    while (end > start && WS.test(text.charAt(end - 1))) end -= 1;
    if (end - start < 2 || used.has(start)) continue;
    const sel = describe(text, start, end);
    const whole = sel.quote.prefix + sel.quote.exact + sel.quote.suffix;
    const first = text.indexOf(whole);
    if (text.indexOf(whole, first + 1) >= 0) continue;
    used.add(start);
    out.push({ id: `h${out.length}`, ...sel, start: sel.position.start, end: sel.position.end, cross });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Edits with ground truth

export type EditKind =
  | 'indent'
  | 'punct'
  | 'insert-word'
  | 'delete-chars'
  | 'reword'
  | 'new-paragraph'
  | 'drop-paragraph'
  | 'drop-highlighted'
  | 'decoy'
  | 'decoy-standin';

interface Edit {
  start: number;
  end: number;
  insert: string;
  kind: EditKind;
}

/** What happened to a highlight's passage in the edited text, for the breakdown table. */
export type Fate = 'untouched' | 'context edited' | 'quote edited' | 'look-alike added' | 'deleted' | 'deleted, look-alike elsewhere';

const PUNCT_SWAPS: Record<string, string[]> = {
  '，': [',', '、'],
  '。': ['．', '；'],
  '：': [':'],
  '“': ['「', '"'],
  '”': ['」', '"'],
  '、': ['，'],
  '（': ['('],
  '）': [')'],
};
const WORDS = ['进一步', '全面', '切实', '有关', '各级', '持续', '积极'];
const SYNONYMS: [string, string][] = [
  ['表示', '指出'],
  ['推进', '推动'],
  ['进一步', '更加'],
  ['相关', '有关'],
  ['医疗机构', '医疗单位'],
  ['参保群众', '参保人员'],
  ['确保', '保证'],
  ['已经', '已'],
  ['形成', '构成'],
  ['扩大', '拓展'],
];
const DIGIT = /[0-9０-９]/;
const CJK = /[\u4e00-\u9fff]/;

/** Changes every figure a little (the last digit of each run): last year's numbers in the same words. */
function otherFigures(s: string): string {
  return s.replace(/\d+/g, (run) => run.slice(0, -1) + String((Number(run.slice(-1)) + 1) % 10));
}

export class EditPlan {
  readonly edits: Edit[] = [];
  constructor(
    readonly text: string,
    readonly highlights: readonly BenchHighlight[],
  ) {}

  /**
   * Adds an edit if it keeps the ground truth exact: no overlap with another edit, no boundary of
   * a highlight strictly inside it (a paragraph deletion may cover whole highlights), and — except
   * for look-alikes — no figure changed, added, removed or glued to another one.
   */
  add(edit: Edit, options: { mayCover?: boolean; mayTouchFigures?: boolean } = {}): boolean {
    const { start, end, insert } = edit;
    for (const e of this.edits) {
      const point = e.start === e.end || start === end;
      if (point ? e.start <= end && start <= e.end : e.start < end && start < e.end) return false;
    }
    for (const h of this.highlights) {
      if (start <= h.start && h.end <= end && start < end) {
        if (!options.mayCover) return false;
        continue; // the whole passage goes: its truth is "gone"
      }
      for (const b of [h.start, h.end]) {
        if (start < b && b < end) return false;
        if (start === end && start === b) return false; // an insertion at a boundary is in or out by convention only
      }
    }
    if (!options.mayTouchFigures) {
      if (DIGIT.test(this.text.slice(start, end)) || DIGIT.test(insert)) return false;
      if (DIGIT.test(this.text.charAt(start - 1)) || DIGIT.test(this.text.charAt(end))) return false;
    }
    this.edits.push(edit);
    return true;
  }

  apply(): string {
    const sorted = [...this.edits].sort((a, b) => a.start - b.start || a.end - b.end);
    let out = '';
    let at = 0;
    for (const e of sorted) {
      out += this.text.slice(at, e.start) + e.insert;
      at = e.end;
    }
    return out + this.text.slice(at);
  }

  /** Where `[start, end)` of the original is in the edited text, or null when an edit removed it. */
  truth(start: number, end: number): { start: number; end: number } | null {
    let ds = 0;
    let de = 0;
    for (const e of this.edits) {
      if (e.start <= start && end <= e.end && e.start < e.end) return null;
      const delta = e.insert.length - (e.end - e.start);
      if (e.end <= start) ds += delta;
      if (e.end < end || (e.end === end && e.start < e.end)) de += delta;
    }
    return { start: start + ds, end: end + de };
  }
}

export interface EditedArticle {
  text: string;
  plan: EditPlan;
  fates: Map<string, Fate>;
  truth: Map<string, { start: number; end: number } | null>;
  counts: Record<EditKind, number>;
}

/** The edited article and, for every highlight, where its passage went. */
export function editArticle(
  original: string,
  paragraphs: readonly string[],
  highlights: readonly BenchHighlight[],
  seed = SEED + 2,
): EditedArticle {
  const rand = rng(seed);
  const plan = new EditPlan(original, highlights);
  const starts = paragraphStarts(paragraphs);
  const paraOf = (offset: number) => {
    let i = 0;
    while (i + 1 < starts.length && (starts[i + 1] as number) <= offset) i += 1;
    return i;
  };
  const randInt = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo));
  const shuffled = [...highlights].sort(() => rand() - 0.5);
  const special = new Map<string, Fate>();
  const hasFigures = (h: BenchHighlight) => DIGIT.test(h.quote.prefix + h.quote.exact + h.quote.suffix);
  /** Removes paragraph `pi` with the line break before it. */
  const dropParagraph = (pi: number): Edit => {
    const s = starts[pi] as number;
    const p = paragraphs[pi] as string;
    return pi === 0
      ? { start: 0, end: p.length + 1, insert: '', kind: 'drop-highlighted' }
      : { start: s - 1, end: s + p.length, insert: '', kind: 'drop-highlighted' };
  };
  /** An insertion point at the end of a paragraph at least `minDistance` from `from`. */
  const farBoundary = (from: number, minDistance: number): number => {
    for (let tries = 0; tries < 200; tries += 1) {
      const q = randInt(0, paragraphs.length);
      const at = (starts[q] as number) + (paragraphs[q] as string).length;
      if (Math.abs(at - from) >= minDistance) return at;
    }
    return original.length;
  };

  // 1. Highlighted passages deleted (12), deleted with a look-alike standing in far away (12), and
  //    kept with a look-alike added far away (12).
  let deleted = 0;
  let standIns = 0;
  let decoys = 0;
  for (const h of shuffled) {
    if (h.cross) continue;
    const pi = paraOf(h.start);
    const para = paragraphs[pi] as string;
    if (deleted < 12 && !special.has(h.id)) {
      if (plan.add(dropParagraph(pi), { mayCover: true, mayTouchFigures: true })) {
        deleted += 1;
        for (const other of highlights) if (plan.truth(other.start, other.end) === null) special.set(other.id, 'deleted');
      }
      continue;
    }
    if (standIns < 12 && hasFigures(h) && !special.has(h.id)) {
      const look = otherFigures(para);
      if (look === para) continue;
      const drop = dropParagraph(pi);
      if (!plan.add({ ...drop, kind: 'decoy-standin' }, { mayCover: true, mayTouchFigures: true })) continue;
      const at = farBoundary(h.start, 3000);
      if (!plan.add({ start: at, end: at, insert: `\n${look}`, kind: 'decoy-standin' }, { mayTouchFigures: true })) {
        plan.edits.pop();
        continue;
      }
      standIns += 1;
      for (const other of highlights)
        if (plan.truth(other.start, other.end) === null && !special.has(other.id)) special.set(other.id, 'deleted, look-alike elsewhere');
      continue;
    }
    if (decoys < 12 && hasFigures(h) && !special.has(h.id)) {
      const look = otherFigures(para);
      if (look === para) continue;
      const at = farBoundary(h.start, 3000);
      if (plan.add({ start: at, end: at, insert: `\n${look}`, kind: 'decoy' }, { mayTouchFigures: true })) {
        decoys += 1;
        special.set(h.id, 'look-alike added');
      }
    }
  }

  // 2. Edits inside 70 highlights (12+ characters: a changed short phrase is a different phrase)
  //    and in the context of 40 more.
  const smallEdit = (lo: number, hi: number): Edit | null => {
    if (hi - lo < 1) return null;
    const at = randInt(lo, hi);
    const ch = original.charAt(at);
    const kind = rand();
    if (kind < 0.3 && PUNCT_SWAPS[ch]) {
      const options = PUNCT_SWAPS[ch] as string[];
      return { start: at, end: at + 1, insert: options[randInt(0, options.length)] as string, kind: 'punct' };
    }
    if (kind < 0.55 && CJK.test(original.charAt(at - 1)) && CJK.test(ch))
      return { start: at, end: at, insert: WORDS[randInt(0, WORDS.length)] as string, kind: 'insert-word' };
    if (kind < 0.8 && CJK.test(ch)) {
      const n = randInt(1, 3);
      const cut = original.slice(at, at + n);
      return [...cut].every((c) => CJK.test(c)) ? { start: at, end: at + n, insert: '', kind: 'delete-chars' } : null;
    }
    // Reword the next synonym-table phrase at or after the chosen point (within the range).
    for (const [from, to] of SYNONYMS) {
      let found = original.indexOf(from, at);
      if (found < 0 || found + from.length > hi) found = original.indexOf(from, lo);
      if (found >= 0 && found + from.length <= hi) return { start: found, end: found + from.length, insert: to, kind: 'reword' };
    }
    return null;
  };
  let inside = 0;
  let context = 0;
  for (const h of shuffled) {
    if (special.has(h.id)) continue;
    if (inside < 70 && h.end - h.start >= 12) {
      for (let tries = 0; tries < 20; tries += 1) {
        const e = smallEdit(h.start + 1, h.end - 1);
        if (e && plan.add(e)) {
          inside += 1;
          break;
        }
      }
    } else if (context < 40) {
      for (let tries = 0; tries < 20; tries += 1) {
        const before = rand() < 0.5;
        const e = before ? smallEdit(Math.max(0, h.start - 30), h.start - 1) : smallEdit(h.end + 1, Math.min(original.length, h.end + 30));
        if (e && plan.add(e)) {
          context += 1;
          break;
        }
      }
    }
  }

  // 3. Edits all over the page: re-typesetting (indents dropped from 30% of paragraphs), swapped
  //    punctuation, words in and out, rewording, new paragraphs (an editor's note on top) and
  //    paragraphs removed.
  plan.add({
    start: 0,
    end: 0,
    insert: '　　【编者按】本文根据国家医保局新闻发布会及各地医保部门公开信息整理，部分内容有更新。\n',
    kind: 'new-paragraph',
  });
  for (const [pi, s] of starts.entries())
    if (rand() < 0.3 && paragraphs[pi]?.startsWith('　　')) plan.add({ start: s, end: s + 2, insert: '', kind: 'indent' });
  // About one small edit per 150 characters, a quarter of them punctuation.
  const puncts = [...original.matchAll(/[，。：“”、（）]/g)].map((m) => m.index);
  for (let i = 0; i < 60; i += 1) {
    const at = puncts[randInt(0, puncts.length)] as number;
    const options = PUNCT_SWAPS[original.charAt(at)] as string[];
    plan.add({ start: at, end: at + 1, insert: options[randInt(0, options.length)] as string, kind: 'punct' });
  }
  for (let i = 0; i < 200; i += 1) {
    const e = smallEdit(0, original.length - 1);
    if (e) plan.add(e);
  }
  for (let i = 0; i < 10; i += 1) {
    const at = farBoundary(0, 0);
    plan.add({
      start: at,
      end: at,
      insert: `\n　　记者了解到，${CLAUSES[i % CLAUSES.length]}，${CLAUSES[(i * 5 + 3) % CLAUSES.length]}（补充报道之${'一二三四五六七八九十'[i]}）。`,
      kind: 'new-paragraph',
    });
  }
  for (let i = 0, dropped = 0; i < 200 && dropped < 10; i += 1) {
    const e = dropParagraph(randInt(1, paragraphs.length));
    if (plan.add({ ...e, kind: 'drop-paragraph' }, { mayTouchFigures: true })) dropped += 1;
  }

  // Fates and truth.
  const text = plan.apply();
  const fates = new Map<string, Fate>();
  const truth = new Map<string, { start: number; end: number } | null>();
  for (const h of highlights) {
    const t = plan.truth(h.start, h.end);
    truth.set(h.id, t);
    // Edits never straddle a boundary and insertions never sit on one, so "inside" is simply this.
    const edited = plan.edits.some(
      (e) => e.start >= h.start && e.end <= h.end && (e.start < e.end || (e.start > h.start && e.start < h.end)),
    );
    const near = plan.edits.some((e) => e.end >= h.start - 32 && e.start <= h.end + 32);
    const fate = special.get(h.id) ?? (t === null ? 'deleted' : edited ? 'quote edited' : near ? 'context edited' : 'untouched');
    fates.set(h.id, fate);
    // Self-check of the bookkeeping: an unedited passage is verbatim where the truth says it is.
    if (t && !edited && text.slice(t.start, t.end) !== h.quote.exact) throw new Error(`anchoring bench: ground truth broken for ${h.id}`);
  }
  const counts = {} as Record<EditKind, number>;
  for (const e of plan.edits) counts[e.kind] = (counts[e.kind] ?? 0) + 1;
  return { text, plan, fates, truth, counts };
}

// ---------------------------------------------------------------------------------------------
// Judging

/**
 * A result is at the WRONG place when it anchors a highlight whose passage is gone, or covers less
 * than half of the passage's true place (or is more than half something else). An orphan is never
 * at a wrong place: the reader sees it listed and can re-attach it.
 */
export type Verdict = 'right' | 'wrong' | 'orphan';

export function judge(result: { start: number; end: number } | null, truth: { start: number; end: number } | null): Verdict {
  if (!result) return 'orphan';
  if (!truth) return 'wrong';
  const overlap = Math.min(result.end, truth.end) - Math.max(result.start, truth.start);
  const ok = overlap * 2 >= truth.end - truth.start && overlap * 2 >= result.end - result.start;
  return ok ? 'right' : 'wrong';
}
