/**
 * The labelled evaluation data (tests/eval/*.json): its schema, a loader that names the file and
 * field of anything malformed, and the cross-checks a schema alone cannot make (evidence occurs in
 * the text, concept ids exist, relatedness is symmetric). Independent of lib/ on purpose: the data
 * must not change shape when the product does. See README.md for how the labels were made.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const EVAL_DIR = import.meta.dirname;

const nonBlank = z
  .string()
  .min(1, 'must not be empty')
  .refine((s) => s.trim() === s, 'must not have surrounding spaces');

/** Paragraphs are joined with '\n' into the article's text, so one may not contain a line break. */
const paragraph = nonBlank.refine((s) => !/[\r\n]/.test(s), 'must be a single line (paragraphs are joined with \\n)');

const kebabId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9, single hyphens)');

/** A calendar date, or a date with a time and an offset (identity pairs need times minutes apart). */
const date = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))?$/,
    'must be YYYY-MM-DD or an ISO 8601 date-time with offset',
  )
  .refine((s) => !Number.isNaN(Date.parse(s)), 'must be a real date');

export const conceptSchema = z.strictObject({
  id: kebabId,
  name: nonBlank,
  /** The medical-security system itself (true) or the surrounding reform (false). */
  core: z.boolean(),
  /** One of MEASURE_CATEGORIES (lib/measures/catalogue.ts); the validator test checks it. */
  category: kebabId,
  note: paragraph,
});

export const conceptListSchema = z.strictObject({
  about: nonBlank,
  concepts: z.array(conceptSchema).min(1),
});

export const ARTICLE_KINDS = ['policy', 'lure', 'off-topic'] as const;

const measureLabel = z.strictObject({
  concept: kebabId,
  /** Exact substrings of the article's text where the concept is named or paraphrased. */
  evidence: z.array(nonBlank).min(1, 'must quote at least one place'),
});

const lureLabel = z.strictObject({
  concept: kebabId,
  /** Exact substring of the text that looks like the concept but does not mean it. */
  quote: nonBlank,
  why: nonBlank,
});

/** The fields every article has, labelled or not (identity pairs use only these). */
const articleFields = {
  id: nonBlank.regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and hyphens'),
  title: nonBlank,
  date,
  source: nonBlank,
  paragraphs: z.array(paragraph).min(1, 'must have at least one paragraph'),
};

export const evalArticleSchema = z.strictObject({
  ...articleFields,
  kind: z.enum(ARTICLE_KINDS),
  /** For seeds: the file under seeds/ the article is parsed from. */
  file: nonBlank.optional(),
  measures: z.array(measureLabel),
  lures: z.array(lureLabel),
  /** Whole sentences of the text that state a policy action (actor, policy verb, object). */
  policyActions: z.array(nonBlank),
  /** Graded relatedness to other articles: 2 same policy thread, 1 same policy area. */
  related: z.record(z.string(), z.union([z.literal(1), z.literal(2)])),
});

export const splitSchema = z.strictObject({
  split: nonBlank,
  about: nonBlank,
  articles: z.array(evalArticleSchema).min(1),
});

export const identityArticleSchema = z.strictObject({
  ...articleFields,
  /** The editor line (责任编辑：…), which re-publications sometimes change. */
  editor: nonBlank.optional(),
});

export const identityPairSchema = z.strictObject({
  id: nonBlank,
  same: z.boolean(),
  why: nonBlank,
  a: identityArticleSchema,
  b: identityArticleSchema,
});

export const identitySetSchema = z.strictObject({
  about: nonBlank,
  pairs: z.array(identityPairSchema).min(1),
});

export type Concept = z.infer<typeof conceptSchema>;
export type ConceptList = z.infer<typeof conceptListSchema>;
export type EvalArticle = z.infer<typeof evalArticleSchema>;
export type EvalSplit = z.infer<typeof splitSchema>;
export type IdentityArticle = z.infer<typeof identityArticleSchema>;
export type IdentityPair = z.infer<typeof identityPairSchema>;
export type IdentitySet = z.infer<typeof identitySetSchema>;

/**
 * The sentences of a paragraph: runs ending in 。！？ (with any closing quotes or brackets after
 * them), or the paragraph's end. A policy action is one of these, whole.
 */
export function sentencesOf(paragraph: string): string[] {
  return paragraph.match(/[^。！？]+(?:[。！？]+[”’」』）]*|$)/g) ?? [];
}

/** The text labels refer to: the paragraphs joined with '\n', as lib/corpus/article.ts builds Article.text. */
export function articleText(article: Pick<EvalArticle, 'paragraphs'>): string {
  return article.paragraphs.join('\n');
}

export class EvalDataError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'EvalDataError';
  }
}

/** Parses `json` with `schema`, naming the file and the path of the first problems on failure. */
export function parseEvalJson<T>(schema: z.ZodType<T>, json: string, file: string): T {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new EvalDataError(file, `not valid JSON (${(e as Error).message})`);
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`);
    throw new EvalDataError(file, problems.join('; '));
  }
  return result.data;
}

function readEval<T>(schema: z.ZodType<T>, name: string, dir: string): T {
  const file = join(dir, name);
  let json: string;
  try {
    json = readFileSync(file, 'utf8');
  } catch (e) {
    throw new EvalDataError(file, `cannot be read (${(e as Error).message})`);
  }
  return parseEvalJson(schema, json, file);
}

export function loadConcepts(dir = EVAL_DIR): ConceptList {
  return readEval(conceptListSchema, 'concepts.json', dir);
}

/**
 * Splits whose grades towards the seeds are written on their own articles only. seeds.json keeps
 * the seed↔seed and seed↔dev grades; a later split's writer does not edit it, and loading the
 * seeds mirrors that split's grades onto them, so grades stay symmetric and dev is untouched.
 */
export const SEED_GRADES_MIRRORED_FROM = ['test'] as const;

/**
 * The seeds with every grade an article of `from` gives a seed copied onto that seed (a new
 * object; the inputs are not changed). `seedsFile` is named when seeds.json already grades an
 * article of `from`: those grades belong on the split's side only.
 */
export function mirrorSeedGrades(seeds: EvalSplit, from: EvalSplit, seedsFile: string): EvalSplit {
  const fromIds = new Set(from.articles.map((a) => a.id));
  for (const seed of seeds.articles) {
    const written = Object.keys(seed.related).filter((id) => fromIds.has(id));
    if (written.length) {
      throw new EvalDataError(
        seedsFile,
        `articles.${seed.id}.related grades ${written.join(', ')} of split ${from.split}; grades between the seeds and ${from.split} are written in ${from.split}.json only`,
      );
    }
  }
  const articles = seeds.articles.map((seed) => {
    const related = { ...seed.related };
    for (const article of from.articles) {
      const grade = article.related[seed.id];
      if (grade !== undefined) related[article.id] = grade;
    }
    return { ...seed, related };
  });
  return { ...seeds, articles };
}

/**
 * Parts of a split written by another hand, kept in their own files and merged into the split on
 * loading (README: dev has two writers, so tuning does not fit one writer's habits). A part grades
 * its articles towards the split's articles and the seeds; those files are not edited, so the
 * loader writes the grades back onto them.
 */
export const SPLIT_PARTS: Readonly<Record<string, readonly string[]>> = { dev: ['dev-b', 'dev-c', 'dev-d'] };

/**
 * Which of a split's files were graded against each other: relatedness is scored within each group
 * (plus the seeds), because a pair across groups was never judged and would count as unrelated.
 * dev-b's writer graded its articles against dev.json's; dev-c and dev-d were written as test splits
 * of their own (each graded within itself and towards the seeds only). A split not listed is one group.
 */
export const RELATED_GROUPS: Readonly<Record<string, readonly (readonly string[])[]>> = { dev: [['dev', 'dev-b'], ['dev-c'], ['dev-d']] };

/** Exactly one file (`<name>.json`), as written: no parts merged, no grades mirrored. */
export function loadSplitFile(name: string, dir = EVAL_DIR): EvalSplit {
  return readEval(splitSchema, `${name}.json`, dir);
}

/**
 * A split by name: `dev`, `test`, or `seeds` (the five seed articles, labelled the same way).
 * `dev` is dev.json followed by its parts (dev-b.json) when present, and `seeds` carries the
 * parts' grades towards the seeds and those of the SEED_GRADES_MIRRORED_FROM splits (test) present in
 * `dir`; every other split is its file alone.
 */
export function loadSplit(name: string, dir = EVAL_DIR): EvalSplit {
  const main = { file: join(dir, `${name}.json`), split: loadSplitFile(name, dir) };
  const ownParts = presentParts(SPLIT_PARTS[name] ?? [], dir);
  if (ownParts.length) return mergeSplitParts(main, ownParts);
  if (name !== 'seeds') return main.split;
  const withParts = mirrorPartGrades(main, presentParts(Object.values(SPLIT_PARTS).flat(), dir));
  return SEED_GRADES_MIRRORED_FROM.filter((other) => existsSync(join(dir, `${other}.json`))).reduce(
    (seeds, other) => mirrorSeedGrades(seeds, loadSplit(other, dir), main.file),
    withParts,
  );
}

/** A split as read from its file, with the file's path for messages. */
export type SplitFile = { file: string; split: EvalSplit };

function presentParts(names: readonly string[], dir: string): SplitFile[] {
  return names
    .filter((part) => existsSync(join(dir, `${part}.json`)))
    .map((part) => ({ file: join(dir, `${part}.json`), split: loadSplitFile(part, dir) }));
}

/**
 * `main`'s articles followed by every part's, with the parts' grades towards `main`'s articles
 * written onto them. An id used twice, or a grade the main file already gives differently, is an
 * error naming the part's file: the loaded split must stay what both writers labelled.
 */
export function mergeSplitParts(main: SplitFile, parts: readonly SplitFile[]): EvalSplit {
  const merged = mirrorPartGrades(main, parts);
  const origin = new Map(merged.articles.map((a) => [a.id, main.file]));
  for (const part of parts) {
    for (const article of part.split.articles) {
      const prior = origin.get(article.id);
      if (prior) throw new EvalDataError(part.file, `article ${article.id}: id also used in ${prior}`);
      origin.set(article.id, part.file);
      merged.articles.push({ ...article, related: { ...article.related } });
    }
  }
  const about = [merged.about, ...parts.map((p) => `Part ${p.split.split} (${p.split.about})`)].join(' ');
  return { ...merged, about };
}

/**
 * `target` with the parts' grades towards its articles written on both sides, so grades stay
 * symmetric without editing the target's file. Grades towards other articles are left alone.
 */
export function mirrorPartGrades(target: SplitFile, parts: readonly SplitFile[]): EvalSplit {
  const articles = target.split.articles.map((a) => ({ ...a, related: { ...a.related } }));
  const byId = new Map(articles.map((a) => [a.id, a]));
  for (const part of parts) {
    for (const article of part.split.articles) {
      for (const [other, grade] of Object.entries(article.related)) {
        const onto = byId.get(other);
        if (!onto) continue;
        const existing = onto.related[article.id];
        if (existing !== undefined && existing !== grade) {
          throw new EvalDataError(
            part.file,
            `article ${article.id}: related ${other} has grade ${grade} but ${target.file} grades ${other} → ${article.id} ${existing}`,
          );
        }
        onto.related[article.id] = grade;
      }
    }
  }
  return { ...target.split, articles };
}

export function loadSeeds(dir = EVAL_DIR): EvalSplit {
  return loadSplit('seeds', dir);
}

/** Identity pairs: `identity.json` (written with dev) or `identity-test.json` (written with test). */
export function loadIdentity(dir = EVAL_DIR, file = 'identity.json'): IdentitySet {
  return readEval(identitySetSchema, file, dir);
}

/**
 * Everything the schema cannot check, over all splits together (the seeds carry grades towards
 * dev articles, and test's mirrored on by loadSplit, so relatedness is checked across files): one message per problem,
 * naming the split, the article and the label. An empty list means the data is sound.
 */
export function validateSplits(splits: readonly EvalSplit[], concepts: ConceptList): string[] {
  const problems: string[] = [];
  const conceptIds = new Set(concepts.concepts.map((c) => c.id));
  const byId = new Map<string, { split: string; article: EvalArticle }>();

  const seenConcepts = new Set<string>();
  for (const c of concepts.concepts) {
    if (seenConcepts.has(c.id)) problems.push(`concepts: id ${c.id} appears twice`);
    seenConcepts.add(c.id);
  }

  for (const split of splits) {
    for (const article of split.articles) {
      const where = `${split.split}/${article.id}`;
      const prior = byId.get(article.id);
      if (prior) problems.push(`${where}: id also used in ${prior.split}`);
      else byId.set(article.id, { split: split.split, article });
      problems.push(...validateArticle(article, where, conceptIds));
    }
  }

  for (const [id, { split, article }] of byId) {
    for (const [other, grade] of Object.entries(article.related)) {
      const where = `${split}/${id}: related ${other}`;
      if (other === id) {
        problems.push(`${where}: an article is not graded against itself`);
        continue;
      }
      const target = byId.get(other);
      if (!target) {
        problems.push(`${where}: no article has this id`);
        continue;
      }
      if (target.article.kind !== 'policy')
        problems.push(`${where}: points at an article of kind ${target.article.kind}, which relates to nothing`);
      const back = target.article.related[id];
      if (back !== grade)
        problems.push(`${where} has grade ${grade} but ${other} → ${id} has ${back ?? 'none'} (grades must be symmetric)`);
    }
  }
  return problems;
}

function validateArticle(article: EvalArticle, where: string, conceptIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const text = articleText(article);

  const labelled = new Set<string>();
  for (const m of article.measures) {
    if (!conceptIds.has(m.concept)) problems.push(`${where}: measure ${m.concept} is not in concepts.json`);
    if (labelled.has(m.concept)) problems.push(`${where}: measure ${m.concept} is labelled twice`);
    labelled.add(m.concept);
    for (const e of m.evidence) {
      if (!text.includes(e)) problems.push(`${where}: evidence for ${m.concept} not found in the text: ${JSON.stringify(e)}`);
    }
  }

  for (const l of article.lures) {
    if (!conceptIds.has(l.concept)) problems.push(`${where}: lure ${l.concept} is not in concepts.json`);
    if (labelled.has(l.concept))
      problems.push(`${where}: lure ${l.concept} is also a measure of the article (a lure is a concept NOT meant)`);
    if (!text.includes(l.quote)) problems.push(`${where}: lure quote for ${l.concept} not found in the text: ${JSON.stringify(l.quote)}`);
  }

  const actions = new Set<string>();
  const sentences = new Set(article.paragraphs.flatMap(sentencesOf));
  for (const s of article.policyActions) {
    if (actions.has(s)) problems.push(`${where}: policy action listed twice: ${JSON.stringify(s)}`);
    actions.add(s);
    if (!sentences.has(s)) problems.push(`${where}: policy action is not a whole sentence of the text: ${JSON.stringify(s)}`);
  }

  if (article.kind === 'off-topic') {
    if (article.measures.length) problems.push(`${where}: an off-topic article has no measures`);
    if (Object.keys(article.related).length) problems.push(`${where}: an off-topic article is related to nothing`);
  }
  if (article.kind === 'lure') {
    if (!article.lures.length) problems.push(`${where}: a lure article lists its lures`);
    if (Object.keys(article.related).length) problems.push(`${where}: a lure article is related to nothing`);
  }
  if (article.kind === 'policy') {
    if (!article.measures.length) problems.push(`${where}: a policy article names at least one concept`);
    if (!Object.keys(article.related).length) problems.push(`${where}: a policy article is related to at least one other`);
  }
  return problems;
}

/** Problems of the identity pairs: unique pair ids, two different article ids per pair. */
export function validateIdentity(set: IdentitySet): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const pair of set.pairs) {
    if (seen.has(pair.id)) problems.push(`identity/${pair.id}: pair id appears twice`);
    seen.add(pair.id);
    if (pair.a.id === pair.b.id) problems.push(`identity/${pair.id}: the two articles need different ids`);
  }
  return problems;
}
