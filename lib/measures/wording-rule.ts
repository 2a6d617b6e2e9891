/**
 * Wording rules: how a measure is recognised when an article paraphrases it instead of naming it
 * ("完善医保支付机制" for payment-method reform). A rule is written as one line,
 *
 *     医保|医疗保障 + 支付 + 机制|方式|改革
 *
 * groups joined by " + " (spaces around the plus, so that a term may be 互联网+), each a list of terms
 * joined by "|": the rule holds in a clause that contains one term of every group. This file only reads and checks the notation; detect.ts does the matching.
 */

export interface WordingRule {
  /** The rule as written in the catalogue, for messages. */
  source: string;
  /** Every group must be present in the clause, each by one of its terms. */
  groups: string[][];
  /** Any one of these must occur in the same paragraph (as `requires` on an alias). */
  requires?: string[];
  /** Any one of these in the same clause (or sentence) vetoes the rule. */
  unless?: string[];
  /** 'sentence': the groups may meet anywhere in one sentence, not only in one clause (the default). */
  within?: 'clause' | 'sentence';
}

const TERM = /^[^\s|]+$/;

/** The matcher keeps the groups a clause has as bits of a small integer. */
export const MAX_GROUPS = 8;

/** Reads `a|b + c` into groups; returns the problem as a message instead when it cannot. */
export function parseWordingGroups(source: string): string[][] | string {
  // Groups are joined by a + with spaces around it, so a term may hold a plus of its own (互联网+).
  const groups = source.split(/\s+\+\s+/).map((g) => g.trim());
  if (groups.length < 2) return `"${source}" needs at least two groups joined by " + " (one group is just an alias)`;
  if (groups.length > MAX_GROUPS) return `"${source}" has ${groups.length} groups; at most ${MAX_GROUPS}`;
  const parsed: string[][] = [];
  for (const group of groups) {
    const terms = group.split('|').map((t) => t.trim());
    for (const term of terms) {
      if (!TERM.test(term)) return `"${source}" has an empty or spaced term in group "${group}"`;
    }
    parsed.push(terms);
  }
  return parsed;
}

/**
 * Problems that make a rule ambiguous: a term given twice, or a term of one group inside a term of
 * another (then one word of the text could stand for two groups).
 */
export function wordingGroupProblems(groups: string[][], fold: (s: string) => string): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  groups.forEach((group, g) =>
    group.forEach((term) => {
      const key = fold(term);
      if (seen.has(key)) problems.push(`term "${term}" is given twice`);
      seen.add(key);
      groups.forEach((other, h) => {
        if (h <= g) return;
        for (const t of other) {
          const k = fold(t);
          if (k !== key && (k.includes(key) || key.includes(k)))
            problems.push(`terms "${term}" and "${t}" of different groups contain one another`);
        }
      });
    }),
  );
  return problems;
}

/** Order-free key of a rule, to find the same rule written twice (in one measure or in two). */
export function wordingKey(groups: string[][], fold: (s: string) => string): string {
  return groups
    .map((g) => g.map(fold).sort().join('|'))
    .sort()
    .join(' + ');
}
