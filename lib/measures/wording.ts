/**
 * The second matcher: a measure named by its wording rather than by a fixed phrase. Policy prose
 * names a reform by its goal and its verb ("完善医保支付机制", "推进医保支付方式改革" with words in
 * between, "健全重特大疾病医疗保险和救助制度"), so a rule lists groups of key terms and holds in a
 * clause that has one term of each group (rule notation in wording-rule.ts).
 *
 * The same discipline as surface forms: no term is read inside a lure or as a fragment of a longer
 * surface mention (医保基金使用监督管理条例 is the regulation, not fund supervision by wording). A
 * term may be a whole mention of another measure, though, because a narrower measure is often named
 * with a broader one's words (人工关节 + 集采 is consumables procurement as well as 集采). The measure's
 * excludeContexts and the rule's `requires` look at the paragraph (an insurance-context `requires`
 * is also met by the article's topic, as for names), `unless` at the clause, and a measure is found
 * once per clause; the medical-security context and whole words (context.ts) hold as for names.
 */
import type { Catalogue } from './catalogue';
import type { ContextIndex } from './context';
import type { Candidate } from './detect';
import { foldForm, isLatinWordAt, isLatinWordChar } from './normalize';

interface CompiledRule {
  measure: number;
  groupCount: number;
  /** Where the groups must meet: one clause (the default) or one sentence. */
  within: 'clause' | 'sentence';
  requires?: string[];
  unless?: string[];
  /** Its requires ask for insurance context, which the article's topic may give (see detect.ts). */
  topical: boolean;
}

interface TermRef {
  rule: number;
  group: number;
}

export interface CompiledWording {
  /** Folded terms; detect.ts searches them in the same pass as the surface forms. */
  readonly terms: readonly string[];
  /** For each term, the rules and groups it belongs to. */
  readonly refs: readonly TermRef[][];
  readonly latinEdges: readonly { start: boolean; end: boolean }[];
  readonly rules: readonly CompiledRule[];
}

export function compileWording(catalogue: Catalogue): CompiledWording {
  const insurance = new Set(catalogue.context.insurance.map(foldForm));
  const termIndex = new Map<string, number>();
  const refs: TermRef[][] = [];
  const rules: CompiledRule[] = [];
  catalogue.measures.forEach((measure, m) =>
    measure.wording.forEach((rule) => {
      const r = rules.length;
      rules.push({
        measure: m,
        groupCount: rule.groups.length,
        within: rule.within ?? 'clause',
        requires: rule.requires?.map(foldForm),
        topical: rule.requires?.some((word) => insurance.has(foldForm(word))) ?? false,
        unless: rule.unless?.map(foldForm),
      });
      rule.groups.forEach((group, g) =>
        group.forEach((term) => {
          const key = foldForm(term);
          let t = termIndex.get(key);
          if (t === undefined) {
            t = refs.length;
            termIndex.set(key, t);
            refs.push([]);
          }
          refs[t]!.push({ rule: r, group: g });
        }),
      );
    }),
  );
  const terms = [...termIndex.keys()];
  return {
    terms,
    refs,
    latinEdges: terms.map((t) => ({ start: isLatinWordChar(t[0]), end: isLatinWordChar(t[t.length - 1]) })),
    rules,
  };
}

/** A sentence ends at these (folded text: full-width ！ is already !); a clause also at ，and ：. */
const SENTENCE_BREAKS = '。；;！!？?\n';
const CLAUSE_BREAKS = `${SENTENCE_BREAKS}，,：:`;

interface Occurrence {
  start: number;
  end: number;
  group: number;
}

interface WordingCandidate extends Candidate {
  clause: number;
}

export interface WordingContext {
  /** Per character of the folded text: 0 free, -1 under a lure, n > 0 under named[n - 1]. */
  owner: Int32Array;
  /** The surface-form mentions already chosen. */
  named: readonly Candidate[];
  /** The paragraph holding `offset`, by index and text. */
  paragraphAt(offset: number): { index: number; text: string };
  /** The measure's excludeContexts veto a mention at folded offset `at` of this paragraph. */
  excluded(measure: number, paragraph: { index: number; text: string }, at: number): boolean;
  /** Clause and sentence starts of the folded text (breaksOf). */
  breaks: { clauses: number[]; sentences: number[] };
  /** Medical-security context and whole words (context.ts): the same discipline as surface forms. */
  where: ContextIndex;
  /** True when the article names a measure of this measure's category outright, or is about insurance as a whole. */
  onTopic(measure: number): boolean;
  /** Per measure index: its names are also companies' business (Measure.trade). */
  trade: readonly boolean[];
}

/**
 * `matches` holds the term occurrences of the surface pass as flat triples (term, start, end), in
 * order of their end; since no term holds a clause break, they come clause by clause.
 */
export function findWordingCandidates(
  folded: string,
  wording: CompiledWording,
  matches: readonly number[],
  ctx: WordingContext,
): Candidate[] {
  if (matches.length === 0) return [];
  const { clauses: clauseStarts, sentences: sentenceStarts } = ctx.breaks;
  // A paraphrase next to the measure's name in the same sentence adds nothing but a second mention.
  const namedInSentence = new Set(ctx.named.map((c) => c.measure * SPAN_KEY + indexAt(sentenceStarts, c.start)));
  const candidates: WordingCandidate[] = [];
  const groupsSeen = new Int32Array(wording.rules.length);
  const touched: number[] = [];

  // Term occurrences that may serve a rule, in text order of their end.
  const usable: number[] = [];
  for (let t = 0; t < matches.length; t += 3) {
    const start = matches[t + 1]!;
    const end = matches[t + 2]!;
    const edges = wording.latinEdges[matches[t]!]!;
    if (edges.start && isLatinWordAt(folded, start - 1)) continue;
    if (edges.end && isLatinWordAt(folded, end)) continue;
    if (ctx.where.cuts(start, end)) continue;
    if (freeWord(start, end, ctx)) usable.push(t);
  }

  /** Every span (clause or sentence) in turn: the rules of that scope whose groups all occur in it. */
  const scan = (starts: readonly number[], within: CompiledRule['within']): void => {
    let span = -1;
    let inSpan: number[] = [];
    const closeSpan = (): void => {
      for (const t of inSpan) {
        for (const ref of wording.refs[matches[t]!]!) {
          if (wording.rules[ref.rule]!.within !== within) continue;
          if (groupsSeen[ref.rule] === 0) touched.push(ref.rule);
          groupsSeen[ref.rule]! |= 1 << ref.group;
        }
      }
      for (const r of touched) {
        const complete = groupsSeen[r] === (1 << wording.rules[r]!.groupCount) - 1;
        groupsSeen[r] = 0;
        if (!complete) continue;
        const occurrences: Occurrence[] = [];
        for (const t of inSpan) {
          for (const ref of wording.refs[matches[t]!]!) {
            if (ref.rule === r) occurrences.push({ start: matches[t + 1]!, end: matches[t + 2]!, group: ref.group });
          }
        }
        const text = folded.slice(starts[span]!, starts[span + 1] ?? folded.length);
        const candidate = ruleCandidate(r, within === 'clause' ? span : -1 - span, text, occurrences);
        if (candidate) candidates.push(candidate);
      }
      touched.length = 0;
      inSpan = [];
    };
    for (const t of usable) {
      const at = indexAt(starts, matches[t + 1]!);
      if (at !== span) {
        if (inSpan.length) closeSpan();
        span = at;
      }
      inSpan.push(t);
    }
    if (inSpan.length) closeSpan();
  };
  scan(clauseStarts, 'clause');
  if (wording.rules.some((r) => r.within === 'sentence')) scan(sentenceStarts, 'sentence');
  return selectOnePerClause(candidates);

  /** `span` keys the clause (n ≥ 0) or sentence (-1 - n) for one-per-span; `spanText` is its folded text. */
  function ruleCandidate(r: number, span: number, spanText: string, occurrences: Occurrence[]): WordingCandidate | undefined {
    const rule = wording.rules[r]!;
    const window = smallestWindow(occurrences, rule.groupCount);
    if (!window) return undefined;
    if (splitByEnumeration(folded, window, occurrences)) return undefined;
    // Surface mentions are contiguous, so equal owners at both ends mean one mention holds the window.
    if (ctx.owner[window.start]! > 0 && ctx.owner[window.start] === ctx.owner[window.end - 1]) return undefined;
    if (namedInSentence.has(rule.measure * SPAN_KEY + indexAt(sentenceStarts, window.start))) return undefined;
    if (!ctx.where.allows(window.start, window.end, ctx.trade[rule.measure])) return undefined;
    const paragraph = ctx.paragraphAt(window.start);
    if (rule.requires && !rule.requires.some((word) => paragraph.text.includes(word)) && !(rule.topical && ctx.onTopic(rule.measure)))
      return undefined;
    if (ctx.excluded(rule.measure, paragraph, window.start)) return undefined;
    if (rule.unless?.some((word) => spanText.includes(word))) return undefined;
    return { measure: rule.measure, start: window.start, end: window.end, by: 'wording', clause: span };
  }
}

/**
 * True when the window's terms stand in items of an enumeration (、) that are apart, with an item
 * between them that holds none: the items are different things listed, not one phrase. 基金管理、医药
 * 服务、公共管理服务、监督管理 (a law's chapters) is no fund supervision, 参保同步登记、基金合并运行、
 * 征缴管理一致、监督管理统一 neither. Terms in neighbouring items still make one phrase (基本医保、大病
 * 保险、医疗救助; 临床价值高、价格合理的新药), and a term after 等 is the head the items share
 * (筹资运行、医保支付、基金监管等重要机制).
 */
function splitByEnumeration(folded: string, window: { start: number; end: number }, occurrences: readonly Occurrence[]): boolean {
  const commas: number[] = [];
  for (let i = window.start; i < window.end; i++) if (folded.charCodeAt(i) === ENUMERATION_COMMA) commas.push(i);
  if (commas.length < 2) return false;
  const items = new Set<number>();
  for (const o of occurrences) {
    if (o.start < window.start || o.end > window.end) continue;
    let item = 0;
    while (item < commas.length && commas[item]! < o.start) item++;
    if (item === commas.length && folded.slice(commas[item - 1]!, o.start).includes('等')) return false;
    items.add(item);
  }
  const sorted = [...items].sort((a, b) => a - b);
  return sorted[sorted.length - 1]! - sorted[0]! + 1 > sorted.length;
}

const ENUMERATION_COMMA = '、'.charCodeAt(0);

/** Numeric keys for (measure, span index) pairs: no text has a million sentences. */
const SPAN_KEY = 1_000_000;

/**
 * A term is a word of the text when no lure covers it and it is not a fragment of a longer surface
 * mention: 集采 that is itself a mention of procurement may serve a rule, the 普通门诊 inside
 * 普通门诊费用跨省直接结算 (a settlement mention) may not.
 */
function freeWord(start: number, end: number, ctx: WordingContext): boolean {
  for (let i = start; i < end; i++) {
    const owner = ctx.owner[i]!;
    if (owner === -1) return false;
    if (owner > 0) {
      const mention = ctx.named[owner - 1]!;
      if (mention.start < start || mention.end > end) return false;
    }
  }
  return true;
}

const SENTENCE_BREAK_CODES = new Set([...SENTENCE_BREAKS].map((c) => c.charCodeAt(0)));
const CLAUSE_BREAK_CODES = new Set([...CLAUSE_BREAKS].map((c) => c.charCodeAt(0)));

/** Where clauses and sentences start, in one pass over the text. */
export function breaksOf(folded: string): { clauses: number[]; sentences: number[] } {
  const clauses = [0];
  const sentences = [0];
  for (let i = 0; i < folded.length; i++) {
    const code = folded.charCodeAt(i);
    // Han characters are most of the text and never a break.
    if (code >= 0x4e00 && code <= 0x9fff) continue;
    if (CLAUSE_BREAK_CODES.has(code)) clauses.push(i + 1);
    if (SENTENCE_BREAK_CODES.has(code)) sentences.push(i + 1);
  }
  return { clauses, sentences };
}

/** Index of the span (of those starting at `starts`) that holds `offset`. */
export function indexAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The shortest stretch of the clause holding one occurrence of every group (two pointers over the
 * occurrences in text order), or undefined when a group is missing.
 */
function smallestWindow(occurrences: Occurrence[], groupCount: number): { start: number; end: number } | undefined {
  const sorted = [...occurrences].sort((a, b) => a.start - b.start || a.end - b.end);
  const counts = new Array<number>(groupCount).fill(0);
  let covered = 0;
  let best: { start: number; end: number } | undefined;
  let from = 0;
  for (let to = 0; to < sorted.length; to++) {
    if (counts[sorted[to]!.group]!++ === 0) covered++;
    while (covered === groupCount) {
      let end = 0;
      for (let k = from; k <= to; k++) end = Math.max(end, sorted[k]!.end);
      const start = sorted[from]!.start;
      if (!best || end - start < best.end - best.start) best = { start, end };
      if (--counts[sorted[from]!.group]! === 0) covered--;
      from++;
    }
  }
  return best;
}

/**
 * A measure is found once per clause: by its tightest window, then the earliest. Different measures
 * may share a word (中成药、生物药等品类集采 is procurement of both).
 */
function selectOnePerClause(candidates: WordingCandidate[]): Candidate[] {
  const order = [...candidates].sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start || a.measure - b.measure);
  const seen = new Set<number>();
  const chosen: Candidate[] = [];
  for (const c of order) {
    const key = c.measure * SPAN_KEY + c.clause;
    if (seen.has(key)) continue;
    seen.add(key);
    chosen.push({ measure: c.measure, start: c.start, end: c.end, by: c.by });
  }
  return chosen;
}
