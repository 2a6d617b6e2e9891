/**
 * The naive peer that `lens eval` scores beside Policy Lens, as issue 14 names it: a 9-term
 * dictionary for measures, and character-bigram cosine for related articles. It is deliberately
 * what anyone would write in an afternoon, so that the product has to earn its complexity; it is not
 * product code and nothing in lib/ uses it.
 */

/** The nine terms, each standing for one measure concept. */
export const BASELINE_DICTIONARY: readonly (readonly [term: string, concept: string])[] = [
  ['集采', 'volume-based-procurement'],
  ['带量采购', 'volume-based-procurement'],
  ['DRG', 'drg-payment'],
  ['DIP', 'dip-payment'],
  ['医保目录', 'nrdl-adjustment'],
  ['谈判药品', 'nrdl-negotiation'],
  ['异地就医', 'cross-region-settlement'],
  ['骗保', 'anti-fraud-crackdown'],
  ['基金监管', 'fund-supervision'],
];

export function baselineMeasures(text: string): string[] {
  const upper = text.toUpperCase();
  return [...new Set(BASELINE_DICTIONARY.filter(([term]) => upper.includes(term)).map(([, concept]) => concept))];
}

/** Counts of adjacent Han-character pairs (and the dictionary's Latin terms as whole words). */
function bigramVector(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (key: string): void => {
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  const han = /[\u4e00-\u9fff]/;
  for (let i = 0; i + 1 < text.length; i++) {
    if (han.test(text[i]!) && han.test(text[i + 1]!)) add(text.slice(i, i + 2));
  }
  for (const [term] of BASELINE_DICTIONARY) if (/^[A-Z]+$/.test(term) && text.toUpperCase().includes(term)) add(term);
  return counts;
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, v] of a) {
    na += v * v;
    const w = b.get(k);
    if (w !== undefined) dot += v * w;
  }
  for (const v of b.values()) nb += v * v;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

export type BaselineDocument = { id: string; title: string; text: string };

/**
 * Ranks by cosine of bigram counts over title and text, plus 0.1 for every dictionary concept the
 * two share; every article with a positive score is "related", best first, at most `limit`.
 */
export function baselineRanker(corpus: readonly BaselineDocument[], limit = 8) {
  const vectors = new Map(corpus.map((d) => [d.id, bigramVector(`${d.title}\n${d.text}`)]));
  const concepts = new Map(corpus.map((d) => [d.id, new Set(baselineMeasures(`${d.title}\n${d.text}`))]));
  return (queryId: string, candidates: readonly string[]): string[] => {
    const q = vectors.get(queryId)!;
    const qc = concepts.get(queryId)!;
    return candidates
      .map((id) => {
        const shared = [...concepts.get(id)!].filter((c) => qc.has(c)).length;
        return { id, score: cosine(q, vectors.get(id)!) + 0.1 * shared };
      })
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
      .slice(0, limit)
      .map((s) => s.id);
  };
}

/** "Other measures" the naive way: every sentence that contains a policy verb. */
const BASELINE_VERBS = ['推进', '建立', '完善', '印发', '出台', '实施', '开展', '加强'];

export function baselineOtherMeasures(text: string): string[] {
  return (text.match(/[^。！？；\n]+[。！？；]?/g) ?? [])
    .map((s) => s.trim())
    .filter((s) => s && BASELINE_VERBS.some((v) => s.includes(v)));
}
