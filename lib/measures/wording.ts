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
 * excludeContexts and the rule's `requires` look at the paragraph, `unless` at the clause, and a word
 * of the text serves one rule only, the most specific.
 */
import { AhoCorasick } from './aho-corasick';
import type { Catalogue } from './catalogue';
import type { Candidate } from './detect';
import { foldForm, isLatinWordChar } from './normalize';

interface CompiledRule {
  measure: number;
  groupCount: number;
  requires?: string[];
  unless?: string[];
}

interface TermRef {
  rule: number;
  group: number;
}

export interface CompiledWording {
  readonly automaton: AhoCorasick | undefined;
  readonly refs: readonly TermRef[][];
  readonly latinEdges: readonly { start: boolean; end: boolean }[];
  readonly rules: readonly CompiledRule[];
}

export function compileWording(catalogue: Catalogue): CompiledWording {
  const termIndex = new Map<string, number>();
  const refs: TermRef[][] = [];
  const rules: CompiledRule[] = [];
  catalogue.measures.forEach((measure, m) =>
    measure.wording.forEach((rule) => {
      const r = rules.length;
      rules.push({ measure: m, groupCount: rule.groups.length, requires: rule.requires?.map(foldForm), unless: rule.unless?.map(foldForm) });
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
    automaton: terms.length ? new AhoCorasick(terms) : undefined,
    refs,
    latinEdges: terms.map((t) => ({ start: isLatinWordChar(t[0]), end: isLatinWordChar(t[t.length - 1]) })),
    rules,
  };
}

/** A sentence ends at these (folded text: full-width ！ is already !); a clause also at ，and ：. */
const SENTENCE_BREAKS = new Set(['。', '；', ';', '！', '!', '？', '?', '\n']);
const CLAUSE_BREAKS = new Set([...SENTENCE_BREAKS, '，', ',', '：', ':']);

interface Occurrence {
  start: number;
  end: number;
  group: number;
}

interface WordingCandidate extends Candidate {
  clause: number;
  groupCount: number;
  occurrences: Occurrence[];
}

export interface WordingContext {
  /** Per character of the folded text: 0 free, -1 under a lure, n > 0 under named[n - 1]. */
  owner: Int32Array;
  /** The surface-form mentions already chosen. */
  named: readonly Candidate[];
  paragraphText(offset: number): string;
  excluded(measure: number, paragraph: string): boolean;
}

export function findWordingCandidates(folded: string, wording: CompiledWording, ctx: WordingContext): Candidate[] {
  if (!wording.automaton) return [];
  const clauseStarts = startsOf(folded, CLAUSE_BREAKS);
  const clauseAt = (offset: number): number => indexAt(clauseStarts, offset);

  // Occurrences of terms on free characters, per clause and rule.
  const perClause = new Map<number, Map<number, Occurrence[]>>();
  for (const match of wording.automaton.search(folded)) {
    const edges = wording.latinEdges[match.pattern]!;
    if (edges.start && isLatinWordChar(folded[match.start - 1])) continue;
    if (edges.end && isLatinWordChar(folded[match.end])) continue;
    if (!freeWord(match.start, match.end, ctx)) continue;
    const clause = clauseAt(match.start);
    let rules = perClause.get(clause);
    if (!rules) perClause.set(clause, (rules = new Map()));
    for (const ref of wording.refs[match.pattern]!) {
      let list = rules.get(ref.rule);
      if (!list) rules.set(ref.rule, (list = []));
      list.push({ start: match.start, end: match.end, group: ref.group });
    }
  }
  if (perClause.size === 0) return [];

  // A paraphrase next to the measure's name in the same sentence adds nothing but a second mention.
  const sentenceStarts = startsOf(folded, SENTENCE_BREAKS);
  const namedInSentence = new Set(ctx.named.map((c) => `${c.measure}@${indexAt(sentenceStarts, c.start)}`));
  const candidates: WordingCandidate[] = [];
  for (const [clause, rules] of perClause) {
    for (const [r, occurrences] of rules) {
      const rule = wording.rules[r]!;
      const window = smallestWindow(occurrences, rule.groupCount);
      if (!window) continue;
      // Surface mentions are contiguous, so equal owners at both ends mean one mention holds the window.
      if (ctx.owner[window.start]! > 0 && ctx.owner[window.start] === ctx.owner[window.end - 1]) continue;
      if (namedInSentence.has(`${rule.measure}@${indexAt(sentenceStarts, window.start)}`)) continue;
      const paragraph = ctx.paragraphText(window.start);
      if (rule.requires && !rule.requires.some((word) => paragraph.includes(word))) continue;
      if (ctx.excluded(rule.measure, paragraph)) continue;
      if (rule.unless) {
        const clauseText = folded.slice(clauseStarts[clause]!, clauseStarts[clause + 1] ?? folded.length);
        if (rule.unless.some((word) => clauseText.includes(word))) continue;
      }
      candidates.push({ measure: rule.measure, start: window.start, end: window.end, by: 'wording', clause, groupCount: rule.groupCount, occurrences: window.used });
    }
  }
  return selectMostSpecific(candidates, folded.length);
}

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

function startsOf(folded: string, breaks: Set<string>): number[] {
  const starts = [0];
  for (let i = 0; i < folded.length; i++) if (breaks.has(folded[i]!)) starts.push(i + 1);
  return starts;
}

/** Index of the span (of those starting at `starts`) that holds `offset`. */
function indexAt(starts: readonly number[], offset: number): number {
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
function smallestWindow(occurrences: Occurrence[], groupCount: number): { start: number; end: number; used: Occurrence[] } | undefined {
  const sorted = [...occurrences].sort((a, b) => a.start - b.start || a.end - b.end);
  const counts = new Array<number>(groupCount).fill(0);
  let covered = 0;
  let best: { start: number; end: number; from: number; to: number } | undefined;
  let from = 0;
  for (let to = 0; to < sorted.length; to++) {
    if (counts[sorted[to]!.group]!++ === 0) covered++;
    while (covered === groupCount) {
      let end = 0;
      for (let k = from; k <= to; k++) end = Math.max(end, sorted[k]!.end);
      const start = sorted[from]!.start;
      if (!best || end - start < best.end - best.start) best = { start, end, from, to };
      if (--counts[sorted[from]!.group]! === 0) covered--;
      from++;
    }
  }
  if (!best) return undefined;
  // One occurrence per group: the first of each in the window.
  const used: Occurrence[] = [];
  const have = new Set<number>();
  for (let k = best.from; k <= best.to; k++) {
    const o = sorted[k]!;
    if (!have.has(o.group)) {
      have.add(o.group);
      used.push(o);
    }
  }
  return { start: best.start, end: best.end, used };
}

/**
 * Rules with more groups are more specific and go first, then the tighter window, then the earlier.
 * A word of the text serves one rule (two measures never share a term occurrence), and a measure is
 * found once per clause.
 */
function selectMostSpecific(candidates: WordingCandidate[], length: number): Candidate[] {
  const order = [...candidates].sort(
    (a, b) => b.groupCount - a.groupCount || a.end - a.start - (b.end - b.start) || a.start - b.start || a.measure - b.measure,
  );
  const used = new Uint8Array(length);
  const seen = new Set<string>();
  const chosen: Candidate[] = [];
  for (const c of order) {
    const key = `${c.measure}@${c.clause}`;
    if (seen.has(key)) continue;
    if (c.occurrences.some((o) => used.subarray(o.start, o.end).some((x) => x !== 0))) continue;
    for (const o of c.occurrences) used.fill(1, o.start, o.end);
    seen.add(key);
    chosen.push({ measure: c.measure, start: c.start, end: c.end, by: c.by });
  }
  return chosen;
}
