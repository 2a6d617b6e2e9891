// Copied unchanged from lib/related at c03d002 (the v3 layout), except imports; see db.ts.
/**
 * Shared bigrams are not readable reasons (带量, 量采 …). Where shared bigrams follow one another in
 * the query's own text they are merged back into the phrase the reader saw there: 集中 中带 带量 量采
 * 采购 → 集中带量采购. Each phrase is scored by the summed contribution of its distinct bigrams.
 *
 * A chain's edge character is dropped when it belongs to the next word rather than the phrase:
 * when it is shared with an adjacent stop word (加强医保 gives 医保, not 强医保; 医疗保障工作 gives
 * 医疗保障) or is a function character (医保基金是 gives 医保基金).
 */
import { isStopWord } from './stop-terms';
import { forEachRawTerm } from './tokenize';

const MAX_PHRASES = 5;
/** Longer chains are usually two phrases that touch; they are cut at their weakest bigram. */
const MAX_PHRASE_CHARS = 8;
/**
 * Characters that begin or end a clause far more often than a policy term. Kept conservative: 用 is
 * trimmed only at the start (the tail of 费用 in 费用跨省直接结算); 为 (行为) and 以 (予以) end too many
 * real terms to be trimmed at all.
 */
const LEADING_FUNCTION_CHARS = new Set('是等和与及在对将把被也都而并其这于让使从向用'.split(''));
const TRAILING_FUNCTION_CHARS = new Set('是和与及在对将把被也都而并这'.split(''));

/**
 * @param text the query text the phrases are taken from
 * @param contributions shared term → its contribution to the similarity
 * @returns up to `limit` phrases, strongest first; a phrase inside a stronger one is left out
 */
export function sharedPhrases(text: string, contributions: ReadonlyMap<string, number>, limit = MAX_PHRASES): string[] {
  const scored = new Map<string, number>();
  const weight = (t: string) => contributions.get(t) ?? 0;
  /** Record a chain of overlapping bigrams, cutting it at its weakest bigram while it is too long. */
  const addChain = (bigrams: string[], trimStart: boolean, trimEnd: boolean) => {
    if (bigrams.length + 1 > MAX_PHRASE_CHARS) {
      let weakest = 1;
      for (let i = 2; i < bigrams.length - 1; i++) if (weight(bigrams[i]!) < weight(bigrams[weakest]!)) weakest = i;
      addChain(bigrams.slice(0, weakest), trimStart, false);
      addChain(bigrams.slice(weakest + 1), false, trimEnd);
      return;
    }
    let chars = [...bigrams[0]!, ...bigrams.slice(1).map((t) => [...t].pop()!)];
    if (trimStart || LEADING_FUNCTION_CHARS.has(chars[0]!)) chars = chars.slice(1);
    if (trimEnd || TRAILING_FUNCTION_CHARS.has(chars[chars.length - 1]!)) chars = chars.slice(0, -1);
    if (chars.length < 2) return;
    const phrase = chars.join('');
    const score = [...new Set(bigrams)].reduce((sum, t) => sum + weight(t), 0);
    scored.set(phrase, Math.max(scored.get(phrase) ?? 0, score));
  };
  let chain: string[] = [];
  let trimStart = false;
  const endChain = (trimEnd: boolean) => {
    if (chain.length) addChain(chain, trimStart, trimEnd);
    chain = [];
  };
  // Raw terms, stop terms included: a term that is not shared (stop terms never are) breaks a chain,
  // as 众的 ends 群众 in 基金是群众的. Words and numbers never chain.
  let previousWasStopWord = false;
  forEachRawTerm(text, (term, overlapsPrevious) => {
    const shared = contributions.has(term);
    const stopWord = isStopWord(term);
    if (!(shared && overlapsPrevious)) endChain(stopWord && overlapsPrevious);
    if (shared) {
      if (!chain.length) trimStart = overlapsPrevious && previousWasStopWord;
      chain.push(term);
    }
    previousWasStopWord = stopWord;
  });
  endChain(false);

  const ranked = [...scored].sort((a, b) => b[1] - a[1]).map(([p]) => p);
  const chosen: string[] = [];
  for (const phrase of ranked) {
    if (chosen.some((c) => c.includes(phrase))) continue;
    chosen.push(phrase);
    if (chosen.length === limit) break;
  }
  return chosen;
}
