/**
 * Find every mention of a catalogued measure in an article's text.
 *
 * Pipeline: fold the text (foldForMatching: width, case, quotes, spacing dropped; offsets mapped back)
 * → one Aho–Corasick pass over all surface forms, lures, wording terms and context words → drop
 * candidates whose context rules fail (requires, unless, excludeContexts; medical-security context
 * and whole words, context.ts) → keep the longest candidates first so that a nested or overlapping
 * form is counted once (药品和耗材集中带量采购 swallows 集中带量采购, 带量采购 and 集采 inside it) →
 * then the wording rules (wording.ts) over what the surface forms left free → group by measure.
 */
import { AhoCorasick } from './aho-corasick';
import { MEASURE_CATEGORIES, surfaceForms, type AliasSpec, type Catalogue, type Measure, type MeasureCategory } from './catalogue';
import { ContextCollector, type ContextWordKind } from './context';
import { originalRange } from '../text/fold';
import { foldForm, foldForMatching, isLatinWordAt, isLatinWordChar } from './normalize';
import { paragraphRanges, sentenceAt, splitSentences } from './sentences';
import { breaksOf, compileWording, findWordingCandidates, indexAt, type CompiledWording } from './wording';

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
  /** Its requires ask for insurance context (a context.insurance word), which the article's topic may give. */
  topical: boolean;
  /** Folded words that veto the form in its clause (or sentence). */
  unless?: string[];
  /** requires and unless look at the sentence instead of the paragraph and the clause. */
  inSentence: boolean;
  /** Latin forms (DRG, DIP) must not match inside a longer Latin word. */
  latinEdges: { start: boolean; end: boolean };
}

export interface CompiledCatalogue {
  readonly catalogue: Catalogue;
  /**
   * Surface forms and lures (patterns 0 … forms.length - 1), then the wording terms, then the
   * context words (from firstContext), whose kinds are in contextKinds.
   */
  readonly automaton: AhoCorasick;
  readonly forms: readonly CompiledForm[];
  readonly firstContext: number;
  readonly contextKinds: readonly ContextWordKind[];
  /** False when the catalogue declares no medical words: then no mention needs context. */
  readonly contextEnabled: boolean;
  /** Folded excludeContexts per measure index. */
  readonly excludes: readonly string[][];
  /** Per measure index, the indexes of the measures it contains. */
  readonly contains: readonly number[][];
  /** Per measure index, the index of its category in MEASURE_CATEGORIES. */
  readonly categoryOf: readonly number[];
  readonly wording: CompiledWording;
  /** Per measure index: its names are also companies' business (Measure.trade). */
  readonly trade: readonly boolean[];
  /** Folded context.insurance words. */
  readonly insurance: readonly string[];
}

const compiledCache = new WeakMap<Catalogue, CompiledCatalogue>();

/** Build the matcher once per catalogue; detectMeasures caches it, so calling this is optional. */
export function compileCatalogue(catalogue: Catalogue): CompiledCatalogue {
  const cached = compiledCache.get(catalogue);
  if (cached) return cached;
  const patterns: string[] = [];
  const forms: CompiledForm[] = [];
  const insurance = new Set(catalogue.context.insurance.map(foldForm));
  const add = (form: string, measure: number, alias?: AliasSpec): void => {
    const folded = foldForm(form);
    patterns.push(folded);
    forms.push({
      measure,
      topical: alias?.scope !== 'sentence' && (alias?.requires?.some((word) => insurance.has(foldForm(word))) ?? false),
      requires: alias?.requires?.map(foldForm),
      unless: alias?.unless?.map(foldForm),
      inSentence: alias?.scope === 'sentence',
      latinEdges: { start: isLatinWordChar(folded[0]), end: isLatinWordChar(folded[folded.length - 1]) },
    });
  };
  catalogue.measures.forEach((m: Measure, index) => {
    for (const alias of surfaceForms(m)) add(alias.form, index, alias);
    for (const lure of m.lures) add(lure, -1);
  });
  const wording = compileWording(catalogue);
  const { medical, notMedical, business, policy, wholeWords } = catalogue.context;
  const contextWords: [ContextWordKind, string[]][] = [
    ['medical', medical],
    ['notMedical', notMedical],
    ['business', business],
    ['policy', policy],
    ['whole', wholeWords],
  ];
  const compiled: CompiledCatalogue = {
    catalogue,
    // One pass over the text finds every kind: forms and lures, wording terms, context words.
    automaton: new AhoCorasick([...patterns, ...wording.terms, ...contextWords.flatMap(([, words]) => words.map(foldForm))]),
    forms,
    firstContext: patterns.length + wording.terms.length,
    contextKinds: contextWords.flatMap(([kind, words]) => words.map(() => kind)),
    contextEnabled: medical.length > 0,
    excludes: catalogue.measures.map((m) => m.excludeContexts.map(foldForm)),
    contains: catalogue.measures.map((m) => m.contains.map((id) => catalogue.measures.findIndex((other) => other.id === id))),
    categoryOf: catalogue.measures.map((m) => MEASURE_CATEGORIES.indexOf(m.category)),
    wording,
    insurance: [...insurance],
    trade: catalogue.measures.map((m) => m.trade),
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
  const paragraphs = paragraphRanges(folded);
  const paragraphAt = paragraphLookup(folded, paragraphs);
  const context = contextChecks(compiled);
  const breaks = breaksOf(folded);
  const collector = new ContextCollector(folded.length);

  const found: Candidate[] = [];
  /** Forms whose paragraph lacks their `requires`: they may still count on the article's topic (below). */
  const pending: Candidate[] = [];
  /** Wording-term occurrences as flat triples (term, start, end), for wording.ts. */
  const termMatches: number[] = [];
  const firstTerm = compiled.forms.length;
  compiled.automaton.forEachMatch(folded, (pattern, start, end) => {
    if (pattern >= compiled.firstContext) return collector.word(compiled.contextKinds[pattern - compiled.firstContext]!, start, end);
    if (pattern >= firstTerm) {
      termMatches.push(pattern - firstTerm, start, end);
      return;
    }
    const form = compiled.forms[pattern]!;
    if (form.latinEdges.start && isLatinWordAt(folded, start - 1)) return;
    if (form.latinEdges.end && isLatinWordAt(folded, end)) return;
    if (form.measure >= 0) {
      const paragraph = paragraphAt(start);
      if (form.inSentence) {
        const sentence = spanText(folded, breaks.sentences, start);
        if (form.requires && !form.requires.some((word) => sentence.includes(word))) return;
        if (form.unless?.some((word) => sentence.includes(word))) return;
      } else if (form.unless?.some((word) => spanText(folded, breaks.clauses, start).includes(word))) return;
      if (context.excluded(form.measure, paragraph, spanText(folded, breaks.sentences, start))) return;
      if (!form.inSentence && form.requires && !context.required(pattern, form.requires, paragraph)) {
        if (form.topical) pending.push({ measure: form.measure, start, end, by: 'name' });
        return;
      }
    }
    found.push({ measure: form.measure, start, end, by: 'name' });
  });
  // Context and whole words are known only once the whole text has been read.
  const where = collector.finish({
    enabled: compiled.contextEnabled,
    paragraphAt: (offset) => paragraphAt(offset).index,
    paragraphCount: paragraphs.length,
    paragraphHasText: (index) => paragraphs[index]!.end > paragraphs[index]!.start,
    sentenceAt: (offset) => indexAt(breaks.sentences, offset),
  });
  const placed = (c: Candidate): boolean => where.allows(c.start, c.end, compiled.trade[c.measure]) && !where.cuts(c.start, c.end);
  const candidates = found.filter((c) => c.measure < 0 || placed(c));

  let owner = new Int32Array(folded.length);
  let chosen = selectLongestFirst(candidates, owner);
  // The article's topics: the categories of what it names outright. A form that asks for insurance
  // context its paragraph lacks counts when the article is about that measure's field (一是开展飞行
  // 检查。 under a notice on 医保基金监管): structured documents state the topic once, in the lead.
  // An article that is about insurance as a whole gives that context to every paragraph.
  const topics = new Set(chosen.map((c) => compiled.categoryOf[c.measure]!));
  const insuranceArticle = isInsuranceArticle(
    paragraphs.map((r) => folded.slice(r.start, r.end)),
    compiled.insurance,
  );
  const onTopic = (measure: number): boolean => insuranceArticle || topics.has(compiled.categoryOf[measure]!);
  const supported = pending.filter((c) => onTopic(c.measure) && placed(c));
  if (supported.length) {
    candidates.push(...supported);
    owner = new Int32Array(folded.length);
    chosen = selectLongestFirst(candidates, owner);
  }
  const nested = nestedMentions(chosen, candidates, compiled);
  const byWording = findWordingCandidates(folded, compiled.wording, termMatches, {
    owner,
    named: chosen,
    paragraphAt,
    excluded: (measure, paragraph, at) => context.excluded(measure, paragraph, spanText(folded, breaks.sentences, at)),
    breaks,
    where,
    onTopic,
    trade: compiled.trade,
  });
  const all = [...chosen, ...nested, ...byWording].sort((a, b) => a.start - b.start || a.measure - b.measure);
  return groupIntoHits(text, foldedText, all, compiled.catalogue);
}

/**
 * An article about insurance as a whole: most of its paragraphs (with text) name it
 * (context.insurance: 医保, 医疗保障, 医疗保险). Its paragraphs that do not are still about insurance
 * (对符合条件的新药新技术…支持创新药和新技术在医疗机构合理使用 in an NHSA briefing on DRG).
 */
function isInsuranceArticle(paragraphs: readonly string[], words: readonly string[]): boolean {
  if (words.length === 0) return false;
  let withText = 0;
  let insured = 0;
  for (const p of paragraphs) {
    if (p.trim().length === 0) continue;
    withText++;
    if (words.some((w) => p.includes(w))) insured++;
  }
  return insured * 2 > withText;
}

type Paragraph = { index: number; text: string };

/**
 * Context rules look at the paragraph: a sentence is often too short (深化人事薪酬制度改革。 stands
 * alone, its 公立医院 context is in the next sentence), the whole article too long (one mention of
 * 个税 should not veto every 大病保险 in a long insurance story).
 */
function paragraphLookup(folded: string, ranges: readonly { start: number; end: number }[]): (offset: number) => Paragraph {
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

/** The clause or sentence (by `starts`, from breaksOf) that holds `offset`. */
function spanText(folded: string, starts: readonly number[], offset: number): string {
  const at = indexAt(starts, offset);
  return folded.slice(starts[at]!, starts[at + 1] ?? folded.length);
}

/**
 * `requires` and excludeContexts, each answered once per paragraph: a frequent form (集采) and its
 * measure's vetoes would otherwise search the same paragraph for the same words at every mention.
 *
 * An excludeContexts word vetoes a mention in its own sentence, and elsewhere in the paragraph
 * only when the mention's sentence does not name insurance itself (context.insurance): in
 * 国家医保局继续开展飞行检查。…会同国家药监局印发指导意见 the inspections are the insurer's, though
 * the paragraph names the drug regulator, whose GMP 飞行检查 the veto is for.
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
    excluded(measure: number, paragraph: Paragraph, sentence: string): boolean {
      const words = compiled.excludes[measure]!;
      if (words.length === 0) return false;
      const k = key(measure, paragraph);
      let inParagraph = excludedMemo.get(k);
      if (inParagraph === undefined) excludedMemo.set(k, (inParagraph = words.some((word) => paragraph.text.includes(word))));
      if (!inParagraph) return false;
      return words.some((word) => sentence.includes(word)) || !compiled.insurance.some((word) => sentence.includes(word));
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
  const order = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || a.measure - b.measure);
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

function groupIntoHits(
  text: string,
  foldedText: ReturnType<typeof foldForMatching>,
  chosen: Candidate[],
  catalogue: Catalogue,
): MeasureHit[] {
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
    const { start, end } = originalRange(foldedText, c.start, c.end);
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
