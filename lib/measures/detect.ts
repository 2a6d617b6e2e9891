/**
 * Find every mention of a catalogued measure in an article's text.
 *
 * Pipeline: fold the text (foldForMatching: width, case, quotes, spacing dropped; offsets mapped back)
 * → one Aho–Corasick pass over all surface forms and lures → drop candidates whose context rules
 * fail → keep the longest candidates first so that a nested or overlapping form is counted once
 * (药品和耗材集中带量采购 swallows 集中带量采购, 带量采购 and 集采 inside it) → then the wording rules
 * (wording.ts) over what the surface forms left free → group by measure.
 */
import { AhoCorasick } from './aho-corasick';
import { surfaceForms, type Catalogue, type Measure, type MeasureCategory } from './catalogue';
import { foldForm, foldForMatching, isLatinWordAt, isLatinWordChar, originalSpan } from './normalize';
import { paragraphRanges, sentenceAt, splitSentences } from './sentences';
import { compileWording, findWordingCandidates, type CompiledWording } from './wording';

/** How a mention was found: by a surface form (a name or alias), or by a wording rule only. */
export type FoundBy = 'name' | 'wording';

export interface MeasureMention {
  /** UTF-16 offsets into the text given to detectMeasures; text.slice(start, end) === quote. */
  start: number;
  end: number;
  quote: string;
  /** The trimmed sentence the mention stands in, and where it starts in the text. */
  sentence: string;
  sentenceStart: number;
  by: FoundBy;
}

export interface MeasureHit {
  measureId: string;
  name: string;
  gloss: string;
  category: MeasureCategory;
  /** 'wording' when no surface form of the measure is in the text, only a paraphrase. */
  by: FoundBy;
  /** In text order. */
  mentions: MeasureMention[];
}

/**
 * Mentions kept inside a longer one because its measure `contains` theirs: in 打击欺诈骗保专项整治行动
 * the crackdown (打击欺诈骗保) is named as well as the campaign. Among the candidates of one contained
 * measure inside one mention, the longest win, as in selectLongestFirst.
 */
function nestedMentions(chosen: readonly Candidate[], candidates: readonly Candidate[], compiled: CompiledCatalogue): Candidate[] {
  const outers = chosen.filter((c) => compiled.contains[c.measure]!.length > 0);
  if (outers.length === 0) return [];
  // Candidates by start, so that each outer mention looks only at those that start inside it.
  const byStart = candidates.filter((c) => c.measure >= 0).sort((a, b) => a.start - b.start);
  const nested: Candidate[] = [];
  for (const outer of outers) {
    const contained = compiled.contains[outer.measure]!;
    let lo = 0;
    let hi = byStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byStart[mid]!.start < outer.start) lo = mid + 1;
      else hi = mid;
    }
    const inside: Candidate[] = [];
    for (let i = lo; i < byStart.length && byStart[i]!.start < outer.end; i++) {
      const c = byStart[i]!;
      if (c.end <= outer.end && contained.includes(c.measure)) inside.push(c);
    }
    inside.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    const kept: Candidate[] = [];
    for (const c of inside) if (!kept.some((k) => k.start < c.end && c.start < k.end)) kept.push(c);
    nested.push(...kept);
  }
  return nested;
}

interface CompiledForm {
  /** Index into catalogue.measures, or -1 for a lure (a span that blocks and reports nothing). */
  measure: number;
  requires?: string[];
  /** Latin forms (DRG, DIP) must not match inside a longer Latin word. */
  latinEdges: { start: boolean; end: boolean };
}

export interface CompiledCatalogue {
  readonly catalogue: Catalogue;
  /** Surface forms and lures (patterns 0 … forms.length - 1), then the wording terms. */
  readonly automaton: AhoCorasick;
  readonly forms: readonly CompiledForm[];
  /** Folded excludeContexts per measure index. */
  readonly excludes: readonly string[][];
  /** Per measure index, the indexes of the measures it contains. */
  readonly contains: readonly number[][];
  readonly wording: CompiledWording;
}

const compiledCache = new WeakMap<Catalogue, CompiledCatalogue>();

/** Build the matcher once per catalogue; detectMeasures caches it, so calling this is optional. */
export function compileCatalogue(catalogue: Catalogue): CompiledCatalogue {
  const cached = compiledCache.get(catalogue);
  if (cached) return cached;
  const patterns: string[] = [];
  const forms: CompiledForm[] = [];
  const add = (form: string, measure: number, requires?: string[]): void => {
    const folded = foldForm(form);
    patterns.push(folded);
    forms.push({
      measure,
      requires: requires?.map(foldForm),
      latinEdges: { start: isLatinWordChar(folded[0]), end: isLatinWordChar(folded[folded.length - 1]) },
    });
  };
  catalogue.measures.forEach((m: Measure, index) => {
    for (const alias of surfaceForms(m)) add(alias.form, index, alias.requires);
    for (const lure of m.lures) add(lure, -1);
  });
  const wording = compileWording(catalogue);
  const compiled: CompiledCatalogue = {
    catalogue,
    // One pass over the text finds both kinds: the wording terms follow the surface forms.
    automaton: new AhoCorasick([...patterns, ...wording.terms]),
    forms,
    excludes: catalogue.measures.map((m) => m.excludeContexts.map(foldForm)),
    contains: catalogue.measures.map((m) => m.contains.map((id) => catalogue.measures.findIndex((other) => other.id === id))),
    wording,
  };
  compiledCache.set(catalogue, compiled);
  return compiled;
}

/** A span of the folded text given to a measure (or, with measure -1, to a lure). */
export interface Candidate {
  measure: number;
  start: number;
  end: number;
  by: FoundBy;
}

export function detectMeasures(text: string, catalogue: Catalogue | CompiledCatalogue): MeasureHit[] {
  const compiled = 'automaton' in catalogue ? catalogue : compileCatalogue(catalogue);
  const foldedText = foldForMatching(text);
  const folded = foldedText.folded;
  const paragraphAt = paragraphLookup(folded);
  const context = contextChecks(compiled);

  const candidates: Candidate[] = [];
  /** Wording-term occurrences as flat triples (term, start, end), for wording.ts. */
  const termMatches: number[] = [];
  const firstTerm = compiled.forms.length;
  compiled.automaton.forEachMatch(folded, (pattern, start, end) => {
    if (pattern >= firstTerm) {
      termMatches.push(pattern - firstTerm, start, end);
      return;
    }
    const form = compiled.forms[pattern]!;
    if (form.latinEdges.start && isLatinWordAt(folded, start - 1)) return;
    if (form.latinEdges.end && isLatinWordAt(folded, end)) return;
    if (form.measure >= 0) {
      const paragraph = paragraphAt(start);
      if (form.requires && !context.required(pattern, form.requires, paragraph)) return;
      if (context.excluded(form.measure, paragraph)) return;
    }
    candidates.push({ measure: form.measure, start, end, by: 'name' });
  });

  const owner = new Int32Array(folded.length);
  const chosen = selectLongestFirst(candidates, owner);
  const nested = nestedMentions(chosen, candidates, compiled);
  const byWording = findWordingCandidates(folded, compiled.wording, termMatches, { owner, named: chosen, paragraphAt, excluded: context.excluded });
  const all = [...chosen, ...nested, ...byWording].sort((a, b) => a.start - b.start || a.measure - b.measure);
  return groupIntoHits(text, foldedText, all, compiled.catalogue);
}

type Paragraph = { index: number; text: string };

/**
 * Context rules look at the paragraph: a sentence is often too short (深化人事薪酬制度改革。 stands
 * alone, its 公立医院 context is in the next sentence), the whole article too long (one mention of
 * 个税 should not veto every 大病保险 in a long insurance story).
 */
function paragraphLookup(folded: string): (offset: number) => Paragraph {
  const ranges = paragraphRanges(folded);
  const cache = new Map<number, Paragraph>();
  return (offset) => {
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ranges[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    let paragraph = cache.get(lo);
    if (paragraph === undefined) {
      const range = ranges[lo]!;
      paragraph = { index: lo, text: folded.slice(range.start, range.end) };
      cache.set(lo, paragraph);
    }
    return paragraph;
  };
}

/**
 * `requires` and excludeContexts, each answered once per paragraph: a frequent form (集采) and its
 * measure's vetoes would otherwise search the same paragraph for the same words at every mention.
 */
function contextChecks(compiled: CompiledCatalogue) {
  const requiredMemo = new Map<number, boolean>();
  const excludedMemo = new Map<number, boolean>();
  const key = (n: number, paragraph: Paragraph): number => n * 1_000_000 + paragraph.index;
  return {
    required(pattern: number, words: readonly string[], paragraph: Paragraph): boolean {
      const k = key(pattern, paragraph);
      let answer = requiredMemo.get(k);
      if (answer === undefined) requiredMemo.set(k, (answer = words.some((word) => paragraph.text.includes(word))));
      return answer;
    },
    excluded(measure: number, paragraph: Paragraph): boolean {
      const words = compiled.excludes[measure]!;
      if (words.length === 0) return false;
      const k = key(measure, paragraph);
      let answer = excludedMemo.get(k);
      if (answer === undefined) excludedMemo.set(k, (answer = words.some((word) => paragraph.text.includes(word))));
      return answer;
    },
  };
}

/**
 * Longest span wins, then the earlier one; a lure wins a tie with a measure. A candidate that
 * overlaps anything already taken is dropped, which is what makes nested and overlapping surface
 * forms count once. Marks what it keeps in `owner`: -1 under a lure, n + 1 under the n-th kept
 * mention (a different number for each, so that the wording matcher can tell spans apart).
 */
function selectLongestFirst(candidates: Candidate[], owner: Int32Array): Candidate[] {
  const order = [...candidates].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || a.measure - b.measure,
  );
  const chosen: Candidate[] = [];
  for (const c of order) {
    let free = true;
    for (let i = c.start; i < c.end && free; i++) free = owner[i] === 0;
    if (!free) continue;
    if (c.measure >= 0) {
      chosen.push(c);
      owner.fill(chosen.length, c.start, c.end);
    } else {
      owner.fill(-1, c.start, c.end);
    }
  }
  return chosen;
}

function groupIntoHits(text: string, foldedText: ReturnType<typeof foldForMatching>, chosen: Candidate[], catalogue: Catalogue): MeasureHit[] {
  const sentences = splitSentences(text);
  const byMeasure = new Map<number, MeasureHit>();
  for (const c of chosen) {
    const measure = catalogue.measures[c.measure]!;
    let hit = byMeasure.get(c.measure);
    if (!hit) {
      hit = { measureId: measure.id, name: measure.name, gloss: measure.gloss, category: measure.category, by: c.by, mentions: [] };
      byMeasure.set(c.measure, hit);
    }
    if (c.by === 'name') hit.by = 'name';
    const { start, end } = originalSpan(foldedText, c.start, c.end);
    const sentence = sentenceAt(sentences, start);
    hit.mentions.push({
      start,
      end,
      quote: text.slice(start, end),
      sentence: sentence?.text ?? text.slice(start, end),
      sentenceStart: sentence?.start ?? start,
      by: c.by,
    });
  }
  // Map preserves insertion order, and `chosen` is in text order: hits come by first mention.
  return [...byMeasure.values()];
}
