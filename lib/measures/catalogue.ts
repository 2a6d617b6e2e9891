/**
 * The measure catalogue: its schema and validation. Pure (no fs, no YAML) so that the build, the
 * background and the tests all validate the same way; see catalogue-yaml.ts and load-catalogue.ts
 * for getting the data in.
 */
import { z } from 'zod';
import { foldForm } from './normalize';
import { parseWordingGroups, wordingGroupProblems, wordingKey, type WordingRule } from './wording-rule';

export const MEASURE_CATEGORIES = [
  'drug-procurement',
  'drug-supply-and-regulation',
  'fund-supervision',
  'payment-reform',
  'insurance-coverage',
  'insurance-services',
  'medical-services-and-prices',
  'public-hospitals',
  'care-delivery',
  'health-workforce',
  'public-health',
  'reform-governance',
] as const;

export type MeasureCategory = (typeof MEASURE_CATEGORIES)[number];

/** Labels for the panel; kept beside the enum so a new category cannot ship without them. */
export const CATEGORY_LABELS: Record<MeasureCategory, { zh: string; en: string }> = {
  'drug-procurement': { zh: '药品耗材采购', en: 'Drug procurement' },
  'drug-supply-and-regulation': { zh: '药品供应与监管', en: 'Drug supply and regulation' },
  'fund-supervision': { zh: '医保基金监管', en: 'Fund supervision' },
  'payment-reform': { zh: '支付方式改革', en: 'Payment reform' },
  'insurance-coverage': { zh: '医保待遇与覆盖', en: 'Insurance coverage' },
  'insurance-services': { zh: '医保经办服务', en: 'Insurance services' },
  'medical-services-and-prices': { zh: '医疗服务与价格', en: 'Medical services and prices' },
  'public-hospitals': { zh: '公立医院', en: 'Public hospitals' },
  'care-delivery': { zh: '医疗服务体系', en: 'Care delivery' },
  'health-workforce': { zh: '卫生人才', en: 'Health workforce' },
  'public-health': { zh: '公共卫生', en: 'Public health' },
  'reform-governance': { zh: '医改统筹', en: 'Reform governance' },
};

const nonBlank = z
  .string()
  .min(1, 'must not be empty')
  .refine((s) => s.trim() === s && s.trim().length > 0, 'must not be blank or have surrounding spaces');

const oneLine = nonBlank.refine((s) => !/[\r\n]/.test(s), 'must be a single line');

/**
 * A context word (requires, unless, excludeContexts, the catalogue's context lists) is looked for as
 * a substring, so one character is far too broad: 药 is in 农药 and 弹药, 医 in 兽医 and 医美.
 */
const contextWord = nonBlank.refine(
  (s) => [...s].length >= 2,
  'must be at least two characters (one character occurs inside too many unrelated words)',
);

/**
 * An alias is a plain string, or an ambiguous form that only counts when its paragraph also
 * contains one of `requires` (集采 is drug procurement in a hospital story, not in a 5G one) and
 * its clause none of `unless` (解除了…医保服务协议 is a sanction, not agreement management).
 */
const aliasInput = z.union([
  nonBlank,
  z
    .strictObject({
      form: nonBlank,
      requires: z.array(contextWord).min(1, 'must list at least one context word').optional(),
      unless: z.array(contextWord).min(1, 'must list at least one word').optional(),
      /** Where requires and unless look: paragraph and clause by default, or both in the sentence. */
      // A refinement rather than a literal, so that a bad value is reported here and not as "Invalid input" of the union.
      scope: z
        .string()
        .refine((v) => v === 'sentence', 'must be "sentence" (leave it out for paragraph and clause)')
        .transform(() => 'sentence' as const)
        .optional(),
    })
    .refine((a) => a.requires || a.unless, 'an alias object needs requires or unless (otherwise write the form as a plain string)'),
]);

/**
 * A wording rule: `a|b + c` (see wording-rule.ts), or the same with context words that must be in the
 * paragraph (`requires`) or must not be in the clause (`unless`).
 */
const wordingInput = z.union(
  [
    nonBlank,
    z.strictObject({
      all: nonBlank,
      requires: z.array(contextWord).min(1, 'must list at least one context word').optional(),
      unless: z.array(contextWord).min(1, 'must list at least one word').optional(),
      /** For paraphrases that run over a comma (对举报…的，给予奖励): the groups may meet in one sentence. */
      within: z.enum(['clause', 'sentence'], { error: 'must be "clause" (the default) or "sentence"' }).optional(),
    }),
  ],
  { error: 'must be a rule such as "医保 + 支付|付费 + 机制", or { all: <rule>, requires?, unless?, within? }' },
);

const measureInput = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9, single hyphens)'),
  name: nonBlank,
  gloss: oneLine,
  category: z.enum(MEASURE_CATEGORIES, {
    error: (issue) => `unknown category ${JSON.stringify(issue.input)}; expected one of ${MEASURE_CATEGORIES.join(', ')}`,
  }),
  description: oneLine,
  aliases: z.array(aliasInput).min(1, 'must list at least one surface form besides the name'),
  /** Longer phrases containing a surface form that mean something else (基金监管司 is an office). */
  lures: z.array(nonBlank).optional(),
  /**
   * Words that, anywhere in the paragraph, veto this measure (个人所得税 for 大病保险); from another
   * sentence than the mention's only when that sentence does not name insurance (detect.ts).
   */
  excludeContexts: z.array(contextWord).optional(),
  /**
   * Measures whose names this measure's names contain and still mean: 打击欺诈骗保专项整治行动 is the
   * campaign and names the crackdown too, 冠脉支架集采 is consumables procurement and 集采.
   */
  contains: z.array(z.string()).optional(),
  /** Paraphrases: key terms that, together in one clause, name this measure (see wording-rule.ts). */
  wording: z.array(wordingInput).optional(),
  /**
   * Its names are also what companies run or sell (互联网医院, 家庭医生会员, 代销商业健康险): in a
   * sentence about a company's own business they count only beside a policy word, as generic forms
   * do, although they hold medical words (context.ts).
   */
  trade: z.boolean().optional(),
});

/**
 * What makes text medical-security text, for the whole catalogue (context.ts says how it is used).
 * Absent, every form counts wherever its own rules let it.
 */
const contextInput = z.strictObject({
  /**
   * Words that only medical-security text uses (医保, 药品, 患者, DRG …). A mention counts only in a
   * paragraph with one of them, or in an article where at least half the paragraphs have one: a
   * form that contains one of them carries its own context, a generic one (集中采购, 飞行检查,
   * 跨省通办) needs it around.
   */
  medical: z.array(contextWord).min(1, 'must list at least one word'),
  /** Words of fields that borrow the medical words (宠物医院, 兽药集采): a paragraph with one is not medical. */
  notMedical: z.array(contextWord).optional(),
  /**
   * Words of a company describing its own business (旗下, 运营模式): a generic mention (or one of a
   * `trade` measure) in such a sentence counts only when the sentence also has a `policy` word
   * (国家, 政策, 中选 …).
   */
  business: z.array(contextWord).optional(),
  policy: z.array(contextWord).optional(),
  /**
   * Words that stand for insurance itself (医保, 医疗保障). A `requires` list with one of them asks
   * for insurance context, and the article's topic gives it too: a paragraph without the words still
   * counts when the article names a measure of the same category outright (一是开展飞行检查。 under a
   * notice on 医保基金监管). Lists without them tell senses apart (打包付费 of a 医共体, not of a DRG
   * group) and stay with the paragraph.
   */
  insurance: z.array(contextWord).optional(),
  /**
   * Words a mention may not cut at its start or end: 加强基层 holds 加强, not 强基层; 村医保专干
   * holds 医保, not 村医. Not every medical word is one (中成药品种 is 中成药 + 品种, not 药品).
   */
  wholeWords: z.array(contextWord).optional(),
});

const catalogueInput = z.strictObject({
  version: z.number().int().positive(),
  context: contextInput.optional(),
  measures: z.array(measureInput).min(1, 'must contain at least one measure'),
});

export interface AliasSpec {
  form: string;
  /** Any one of these must occur in the same paragraph; absent for unambiguous forms. */
  requires?: string[];
  /** None of these may occur in the same clause. */
  unless?: string[];
  /** 'sentence': requires and unless both look at the mention's sentence. */
  scope?: 'sentence';
}

export type { WordingRule } from './wording-rule';

export interface Measure {
  id: string;
  name: string;
  gloss: string;
  category: MeasureCategory;
  description: string;
  aliases: AliasSpec[];
  lures: string[];
  excludeContexts: string[];
  /** Ids of measures named inside this one's surface forms that a mention of it also reports. */
  contains: string[];
  wording: WordingRule[];
  /** Its names are also a company's products or operations (see measureInput). */
  trade: boolean;
}

/** See contextInput: empty lists when the catalogue declares no context. */
export interface CatalogueContext {
  medical: string[];
  notMedical: string[];
  business: string[];
  policy: string[];
  insurance: string[];
  wholeWords: string[];
}

const CONTEXT_LISTS = ['medical', 'notMedical', 'business', 'policy', 'insurance', 'wholeWords'] as const;

export interface Catalogue {
  version: number;
  context: CatalogueContext;
  measures: Measure[];
}

export interface CatalogueIssue {
  /** Where in the input, e.g. `measures[3].aliases[2]`. */
  path: string;
  /** The id of the measure concerned, when it could be read. */
  measureId?: string;
  message: string;
}

export class CatalogueError extends Error {
  constructor(readonly issues: CatalogueIssue[]) {
    super(`Invalid measure catalogue:\n${issues.map(formatIssue).join('\n')}`);
    this.name = 'CatalogueError';
  }
}

function formatIssue(issue: CatalogueIssue): string {
  const who = issue.measureId ? ` (id "${issue.measureId}")` : '';
  return `  - ${issue.path}${who}: ${issue.message}`;
}

/** Validate raw data (parsed YAML or JSON) into a Catalogue, or throw a CatalogueError listing every problem. */
export function parseCatalogue(raw: unknown): Catalogue {
  const parsed = catalogueInput.safeParse(raw);
  if (!parsed.success) {
    throw new CatalogueError(
      parsed.error.issues.map((issue) => ({
        path: formatPath(issue.path),
        measureId: idAt(raw, issue.path),
        message: issue.message,
      })),
    );
  }
  const issues: CatalogueIssue[] = [];
  /** Where each kept wording rule is in the input (a rule that does not parse is reported and left out). */
  const wordingPaths: string[][] = [];
  const catalogue: Catalogue = {
    version: parsed.data.version,
    context: {
      medical: parsed.data.context?.medical ?? [],
      notMedical: parsed.data.context?.notMedical ?? [],
      business: parsed.data.context?.business ?? [],
      policy: parsed.data.context?.policy ?? [],
      insurance: parsed.data.context?.insurance ?? [],
      wholeWords: parsed.data.context?.wholeWords ?? [],
    },
    measures: parsed.data.measures.map((m, i) => ({
      id: m.id,
      name: m.name,
      gloss: m.gloss,
      category: m.category,
      description: m.description,
      aliases: m.aliases.map((a) =>
        typeof a === 'string'
          ? { form: a }
          : {
              form: a.form,
              ...(a.requires ? { requires: a.requires } : {}),
              ...(a.unless ? { unless: a.unless } : {}),
              ...(a.scope ? { scope: a.scope } : {}),
            },
      ),
      lures: m.lures ?? [],
      excludeContexts: m.excludeContexts ?? [],
      contains: m.contains ?? [],
      trade: m.trade ?? false,
      wording: (m.wording ?? []).flatMap((w, j): WordingRule[] => {
        const rule = typeof w === 'string' ? { all: w } : w;
        const path = `measures[${i}].wording[${j}]`;
        const groups = parseWordingGroups(rule.all);
        if (typeof groups === 'string') {
          issues.push({ path, measureId: m.id, message: groups });
          return [];
        }
        (wordingPaths[i] ??= []).push(path);
        return [
          {
            source: rule.all,
            groups,
            ...(rule.requires ? { requires: rule.requires } : {}),
            ...(rule.unless ? { unless: rule.unless } : {}),
            ...(rule.within ? { within: rule.within } : {}),
          },
        ];
      }),
    })),
  };
  issues.push(...contextProblems(catalogue.context), ...crossCheck(catalogue, wordingPaths));
  if (issues.length > 0) throw new CatalogueError(issues);
  return catalogue;
}

/**
 * A word given twice, or a word of a list inside another of the same list (the longer one could
 * never decide anything: wherever 医疗保障 is, 医疗 is), is a slip; so is a word in two lists of
 * opposite meaning (medical and notMedical, business and policy), which would depend on their order.
 */
function contextProblems(context: CatalogueContext): CatalogueIssue[] {
  const issues: CatalogueIssue[] = [];
  for (const field of CONTEXT_LISTS) {
    const list = context[field];
    const folded = list.map(foldForm);
    folded.forEach((word, i) => {
      const path = `context.${field}[${i}]`;
      const first = folded.indexOf(word);
      if (first !== i) issues.push({ path, message: `"${list[i]}" repeats context.${field}[${first}]` });
      else if (field !== 'wholeWords' && field !== 'insurance') {
        const inner = folded.findIndex((other, j) => j !== i && other !== word && word.includes(other));
        if (inner >= 0)
          issues.push({ path, message: `"${list[i]}" contains context.${field}[${inner}] "${list[inner]}", so it adds nothing` });
      }
    });
  }
  for (const [a, b] of [
    ['medical', 'notMedical'],
    ['business', 'policy'],
  ] as const) {
    const other = new Map(context[b].map((w, j) => [foldForm(w), j]));
    context[a].forEach((word, i) => {
      const j = other.get(foldForm(word));
      if (j !== undefined) issues.push({ path: `context.${a}[${i}]`, message: `"${word}" is also context.${b}[${j}]` });
    });
  }
  return issues;
}

/**
 * Checks that need the whole catalogue. Surface forms are compared after folding, because that is
 * how the detector sees them: "ＤＲＧ" and "DRG" are one form, and a form claimed by two measures
 * would make detection depend on catalogue order.
 */
function crossCheck(catalogue: Catalogue, wordingPaths: string[][]): CatalogueIssue[] {
  const issues: CatalogueIssue[] = [];
  const seenIds = new Map<string, number>();
  const owners = new Map<string, { id: string; path: string }>();
  const wordingOwners = new Map<string, { id: string; path: string }>();

  catalogue.measures.forEach((m, i) => {
    const at = `measures[${i}]`;
    const firstIndex = seenIds.get(m.id);
    if (firstIndex !== undefined) {
      issues.push({ path: `${at}.id`, measureId: m.id, message: `duplicate id; first used by measures[${firstIndex}]` });
    } else {
      seenIds.set(m.id, i);
    }

    const claim = (form: string, path: string): void => {
      const key = foldForm(form);
      const owner = owners.get(key);
      if (!owner) {
        owners.set(key, { id: m.id, path });
      } else if (owner.id === m.id) {
        const what = owner.path.endsWith('.name') ? 'repeats the name (the name is always matched)' : `repeats ${owner.path}`;
        issues.push({ path, measureId: m.id, message: `"${form}" ${what}` });
      } else {
        issues.push({ path, measureId: m.id, message: `"${form}" is already a surface form of "${owner.id}" (${owner.path})` });
      }
    };
    claim(m.name, `${at}.name`);
    m.aliases.forEach((a, j) => claim(a.form, `${at}.aliases[${j}]`));

    const ownForms = [m.name, ...m.aliases.map((a) => a.form)].map(foldForm);
    m.lures.forEach((lure, j) => {
      const folded = foldForm(lure);
      if (!ownForms.some((form) => folded.includes(form) && folded !== form)) {
        issues.push({
          path: `${at}.lures[${j}]`,
          measureId: m.id,
          message: `lure "${lure}" must be longer than, and contain, one of this measure's surface forms, or it can never block a match`,
        });
      }
    });

    // A rule given twice, here or in another measure, would make detection depend on catalogue order.
    m.wording.forEach((rule, k) => {
      const path = wordingPaths[i]![k]!;
      for (const problem of wordingGroupProblems(rule.groups, foldForm))
        issues.push({ path, measureId: m.id, message: `"${rule.source}": ${problem}` });
      const key = wordingKey(rule.groups, foldForm);
      const owner = wordingOwners.get(key);
      if (!owner) wordingOwners.set(key, { id: m.id, path });
      else issues.push({ path, measureId: m.id, message: `"${rule.source}" is the same rule as ${owner.path} (id "${owner.id}")` });
    });
  });

  catalogue.measures.forEach((m, i) =>
    m.contains.forEach((id, j) => {
      const path = `measures[${i}].contains[${j}]`;
      if (id === m.id) issues.push({ path, measureId: m.id, message: 'a measure cannot contain itself' });
      else if (!seenIds.has(id)) issues.push({ path, measureId: m.id, message: `unknown measure id "${id}"` });
    }),
  );

  // A lure that is itself some measure's surface form would silently delete that measure.
  catalogue.measures.forEach((m, i) =>
    m.lures.forEach((lure, j) => {
      const owner = owners.get(foldForm(lure));
      if (owner) {
        issues.push({ path: `measures[${i}].lures[${j}]`, measureId: m.id, message: `lure "${lure}" is a surface form of "${owner.id}"` });
      }
    }),
  );
  return issues;
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  return out || '(root)';
}

function idAt(raw: unknown, path: readonly PropertyKey[]): string | undefined {
  if (path[0] !== 'measures' || typeof path[1] !== 'number') return undefined;
  const measures = (raw as { measures?: unknown })?.measures;
  if (!Array.isArray(measures)) return undefined;
  const id = (measures[path[1]] as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
}

/** Every surface form of a measure: the name first, then the aliases. */
export function surfaceForms(measure: Measure): AliasSpec[] {
  return [{ form: measure.name }, ...measure.aliases];
}
