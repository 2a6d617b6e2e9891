import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSeedDocument } from '../../lib/corpus/parse-seed';
import { MEASURE_CATEGORIES } from '../../lib/measures/catalogue';
import { loadCatalogueFile } from '../../lib/measures/load-catalogue';
import {
  EVAL_DIR,
  EvalDataError,
  articleText,
  loadConcepts,
  loadIdentity,
  loadSeeds,
  loadSplit,
  mirrorSeedGrades,
  parseEvalJson,
  sentencesOf,
  splitSchema,
  validateIdentity,
  validateSplits,
  type EvalArticle,
  type EvalSplit,
} from './dataset';

const SEEDS_DIR = join(EVAL_DIR, '..', '..', 'seeds');
/** Every split file present: the seeds, dev, and test once its writer has added it. */
const SPLIT_NAMES = ['seeds', 'dev', 'test'].filter((name) => existsSync(join(EVAL_DIR, `${name}.json`)));

describe('concepts.json', () => {
  const concepts = loadConcepts();

  it('has unique ids, catalogue categories, and covers the family at the size asked for', () => {
    const ids = concepts.concepts.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of concepts.concepts) expect(MEASURE_CATEGORIES, `${c.id}'s category`).toContain(c.category);
    expect(ids.length).toBeGreaterThanOrEqual(110);
    expect(ids.length).toBeLessThanOrEqual(150);
    expect(concepts.concepts.some((c) => c.core) && concepts.concepts.some((c) => !c.core)).toBe(true);
  });

  it('keeps the id of every catalogue measure, so the detector’s predictions can be scored', () => {
    const ids = new Set(concepts.concepts.map((c) => c.id));
    const notConcepts = loadCatalogueFile().measures.map((m) => m.id).filter((id) => !ids.has(id));
    expect(notConcepts, 'catalogue ids missing from tests/eval/concepts.json').toEqual([]);
  });
});

describe('the labelled splits', () => {
  const concepts = loadConcepts();
  const splits = SPLIT_NAMES.map((name) => loadSplit(name));

  it('include the seeds and the dev split', () => {
    expect(SPLIT_NAMES).toEqual(expect.arrayContaining(['seeds', 'dev']));
  });

  it('are sound together: ids, concepts, evidence, lures, policy actions, symmetric grades', () => {
    expect(validateSplits(splits, concepts)).toEqual([]);
  });

  it('have the kinds of article the evaluation needs', () => {
    const dev = splits.find((s) => s.split === 'dev')!;
    const count = (kind: EvalArticle['kind']) => dev.articles.filter((a) => a.kind === kind).length;
    expect(count('policy')).toBeGreaterThanOrEqual(30);
    expect(count('lure')).toBeGreaterThanOrEqual(8);
    expect(count('off-topic')).toBeGreaterThanOrEqual(10);
    for (const a of dev.articles) {
      const n = articleText(a).length;
      expect(n, `${a.id} length`).toBeGreaterThanOrEqual(300);
      expect(n, `${a.id} length`).toBeLessThanOrEqual(2000);
    }
  });
});

describe('test.json', () => {
  const hasTest = existsSync(join(EVAL_DIR, 'test.json'));

  it.runIf(hasTest)('has the kinds and lengths of article the evaluation needs, long ones and flashes among them', () => {
    const test = loadSplit('test');
    const count = (kind: EvalArticle['kind']) => test.articles.filter((a) => a.kind === kind).length;
    expect([count('policy'), count('lure'), count('off-topic')]).toEqual([34, 10, 12]);
    const lengths = test.articles.map((a) => articleText(a).length);
    for (const [i, n] of lengths.entries()) {
      expect(n, `${test.articles[i]!.id} length`).toBeGreaterThanOrEqual(300);
      expect(n, `${test.articles[i]!.id} length`).toBeLessThanOrEqual(3000);
    }
    expect(lengths.filter((n) => n >= 1500).length).toBeGreaterThanOrEqual(4);
    expect(lengths.filter((n) => n <= 500).length).toBeGreaterThanOrEqual(5);
  });

  it.runIf(hasTest)('grades only test articles and seeds, since test is scored on the seeds plus test', () => {
    for (const a of loadSplit('test').articles) {
      for (const id of Object.keys(a.related)) expect(id, `${a.id} → ${id}`).toMatch(/^(test-|seed-)/);
    }
  });
});

describe('seeds.json', () => {
  const seeds = loadSeeds();

  it('labels each seed over its text exactly as lib/corpus/parse-seed.ts parses it', () => {
    expect(seeds.articles.map((a) => a.id)).toEqual(['seed-000', 'seed-001', 'seed-002', 'seed-003', 'seed-004']);
    for (const seed of seeds.articles) {
      expect(seed.file, `${seed.id} names its file`).toBeDefined();
      const parsed = parseSeedDocument(readFileSync(join(SEEDS_DIR, seed.file!)), { file: seed.file! });
      expect(seed.paragraphs, seed.id).toEqual(parsed.paragraphs);
      expect(articleText(seed)).toBe(parsed.text);
      expect(seed.title).toBe(parsed.title);
    }
  });

  it('keeps only seed↔seed and seed↔dev grades; the seeds are loaded with test’s grades mirrored on', () => {
    const raw = parseEvalJson(splitSchema, readFileSync(join(EVAL_DIR, 'seeds.json'), 'utf8'), 'seeds.json');
    const devIds = new Set(loadSplit('dev').articles.map((a) => a.id));
    for (const seed of raw.articles) {
      for (const id of Object.keys(seed.related)) expect(id.startsWith('seed-') || devIds.has(id), `${seed.id} → ${id} in seeds.json`).toBe(true);
    }
    const loaded = loadSeeds();
    const test = existsSync(join(EVAL_DIR, 'test.json')) ? loadSplit('test') : undefined;
    for (const [i, seed] of loaded.articles.entries()) {
      const devSide = Object.fromEntries(Object.entries(seed.related).filter(([id]) => !id.startsWith('test-')));
      expect(devSide, `${seed.id}: grades towards seeds and dev as written`).toEqual(raw.articles[i]!.related);
      for (const a of test?.articles ?? []) expect(seed.related[a.id], `${seed.id} → ${a.id}`).toBe(a.related[seed.id]);
    }
  });

  it('grades every pair of seeds 2', () => {
    for (const a of seeds.articles) {
      for (const b of seeds.articles) if (a !== b) expect(a.related[b.id], `${a.id} → ${b.id}`).toBe(2);
    }
  });
});

describe('identity.json', () => {
  it('is sound and has both re-publications and same-topic different articles', () => {
    const identity = loadIdentity();
    expect(validateIdentity(identity)).toEqual([]);
    expect(identity.pairs.filter((p) => p.same).length).toBeGreaterThanOrEqual(5);
    expect(identity.pairs.filter((p) => !p.same).length).toBeGreaterThanOrEqual(5);
  });
});

describe('identity-test.json', () => {
  it.runIf(existsSync(join(EVAL_DIR, 'identity-test.json')))('is sound, apart from identity.json, and its re-publications are minutes apart at most', () => {
    const identity = loadIdentity(EVAL_DIR, 'identity-test.json');
    expect(validateIdentity(identity)).toEqual([]);
    expect(identity.pairs.filter((p) => p.same).length).toBeGreaterThanOrEqual(4);
    expect(identity.pairs.filter((p) => !p.same).length).toBeGreaterThanOrEqual(4);
    const devPairs = loadIdentity();
    const devIds = new Set(devPairs.pairs.flatMap((p) => [p.id, p.a.id, p.b.id]));
    const ids = identity.pairs.flatMap((p) => [p.id, p.a.id, p.b.id]);
    expect(new Set(ids).size, 'ids unique within identity-test.json').toBe(ids.length);
    expect(ids.filter((id) => devIds.has(id)), 'ids shared with identity.json').toEqual([]);
    for (const pair of identity.pairs) {
      expect(pair.a.date, `${pair.id}: a carries a time`).toContain('T');
      expect(pair.b.date, `${pair.id}: b carries a time`).toContain('T');
      const apart = Math.abs(Date.parse(pair.b.date) - Date.parse(pair.a.date));
      if (pair.same) expect(apart, `${pair.id}: a re-publication within ten minutes`).toBeLessThanOrEqual(10 * 60 * 1000);
      if (pair.same) expect(pair.a.title, `${pair.id}: re-published under a new headline`).not.toBe(pair.b.title);
    }
  });
});

describe('mirroring a split’s grades onto the seeds', () => {
  const seedsOf = (related: Record<string, 1 | 2>): EvalSplit => ({
    split: 'seeds',
    about: 'a',
    articles: [
      { id: 'seed-000', kind: 'policy', title: 't', date: '2021-06-04', source: '新浪财经', paragraphs: ['集采。'], measures: [], lures: [], policyActions: [], related },
    ],
  });
  const later: EvalSplit = {
    split: 'test',
    about: 'a',
    articles: [
      { id: 'test-p01', kind: 'policy', title: 't', date: '2024-01-01', source: '新华社', paragraphs: ['集采。'], measures: [], lures: [], policyActions: [], related: { 'seed-000': 2 } },
      { id: 'test-p02', kind: 'policy', title: 't', date: '2024-01-01', source: '新华社', paragraphs: ['集采。'], measures: [], lures: [], policyActions: [], related: { 'test-p01': 1 } },
    ],
  };

  it('copies each grade towards a seed onto that seed and leaves the inputs and other grades alone', () => {
    const seeds = seedsOf({ 'dev-p01': 1 });
    const mirrored = mirrorSeedGrades(seeds, later, 'seeds.json');
    expect(mirrored.articles[0]!.related).toEqual({ 'dev-p01': 1, 'test-p01': 2 });
    expect(seeds.articles[0]!.related).toEqual({ 'dev-p01': 1 });
  });

  it('refuses a grade towards the later split already written in seeds.json, naming the file and the seed', () => {
    expect(() => mirrorSeedGrades(seedsOf({ 'test-p02': 1 }), later, 'seeds.json')).toThrow(EvalDataError);
    expect(() => mirrorSeedGrades(seedsOf({ 'test-p02': 1 }), later, 'seeds.json')).toThrow(
      /^seeds\.json: articles\.seed-000\.related grades test-p02 of split test; .* written in test\.json only$/,
    );
  });

  it('is what loadSplit does for the seeds when test.json is present, and only then', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-mirror-'));
    try {
      writeFileSync(join(dir, 'seeds.json'), JSON.stringify(seedsOf({ 'dev-p01': 1 })));
      expect(loadSeeds(dir).articles[0]!.related).toEqual({ 'dev-p01': 1 });
      writeFileSync(join(dir, 'test.json'), JSON.stringify(later));
      expect(loadSeeds(dir).articles[0]!.related).toEqual({ 'dev-p01': 1, 'test-p01': 2 });
      expect(loadSplit('test', dir)).toEqual(later);
      writeFileSync(join(dir, 'test.json'), '{');
      expect(() => loadSeeds(dir)).toThrow(/test\.json: not valid JSON/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves dev as it was: the real seeds grade dev exactly as seeds.json writes them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-mirror-'));
    try {
      copyFileSync(join(EVAL_DIR, 'seeds.json'), join(dir, 'seeds.json'));
      copyFileSync(join(EVAL_DIR, 'dev.json'), join(dir, 'dev.json'));
      expect(loadSeeds(dir)).toEqual(parseEvalJson(splitSchema, readFileSync(join(EVAL_DIR, 'seeds.json'), 'utf8'), 'seeds.json'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the validator', () => {
  const concepts = loadConcepts();
  const good = (): EvalSplit => ({
    split: 'x',
    about: 'a',
    articles: [
      {
        id: 'x-p1',
        kind: 'policy',
        title: 't',
        date: '2023-01-01',
        source: '新华社',
        paragraphs: ['国家医保局推进DRG付费改革。市场人士认为基金监管趋严。'],
        measures: [{ concept: 'drg-payment', evidence: ['DRG付费'] }],
        lures: [{ concept: 'fund-supervision', quote: '基金监管', why: 'x' }],
        policyActions: ['国家医保局推进DRG付费改革。'],
        related: { 'x-p2': 1 },
      },
      {
        id: 'x-p2',
        kind: 'policy',
        title: 't',
        date: '2023-01-02',
        source: '新华社',
        paragraphs: ['按病种分值付费全面推开。'],
        measures: [{ concept: 'dip-payment', evidence: ['按病种分值付费'] }],
        lures: [],
        policyActions: [],
        related: { 'x-p1': 1 },
      },
    ],
  });

  it('accepts sound data', () => {
    expect(validateSplits([good()], concepts)).toEqual([]);
  });

  it('names each kind of problem', () => {
    const bad = good();
    const [a, b] = bad.articles as [EvalArticle, EvalArticle];
    a.measures.push({ concept: 'no-such-concept', evidence: ['国家'] }, { concept: 'dip-payment', evidence: ['DIP'] });
    a.lures.push({ concept: 'drg-payment', quote: 'DRG', why: 'x' });
    a.policyActions.push('推进DRG付费改革。');
    a.related['x-p1'] = 2;
    b.related['x-p1'] = 2;
    const problems = validateSplits([bad], concepts).join('\n');
    expect(problems).toContain('x/x-p1: measure no-such-concept is not in concepts.json');
    expect(problems).toContain('evidence for dip-payment not found in the text: "DIP"');
    expect(problems).toContain('lure drg-payment is also a measure of the article');
    expect(problems).toContain('policy action is not a whole sentence of the text: "推进DRG付费改革。"');
    expect(problems).toContain('an article is not graded against itself');
    expect(problems).toContain('x/x-p1: related x-p2 has grade 1 but x-p2 → x-p1 has 2 (grades must be symmetric)');
  });

  it('refuses an off-topic article with measures or neighbours, and a grade towards an unknown id', () => {
    const bad = good();
    const b = bad.articles[1]!;
    b.kind = 'off-topic';
    bad.articles[0]!.related['x-p9'] = 1;
    const problems = validateSplits([bad], concepts).join('\n');
    expect(problems).toContain('x/x-p2: an off-topic article has no measures');
    expect(problems).toContain('x/x-p1: related x-p2: points at an article of kind off-topic');
    expect(problems).toContain('x/x-p2: an off-topic article is related to nothing');
    expect(problems).toContain('x/x-p1: related x-p9: no article has this id');
  });

  it('splits sentences after 。！？ and any closing quote', () => {
    expect(sentencesOf('他说：“要加快。”随后离开。没有句号')).toEqual(['他说：“要加快。”', '随后离开。', '没有句号']);
  });

  it('names the file and the field of malformed data', () => {
    const json = JSON.stringify({ ...good(), articles: [{ ...good().articles[0], kind: 'news' }] });
    expect(() => parseEvalJson(splitSchema, json, 'dev.json')).toThrow(EvalDataError);
    expect(() => parseEvalJson(splitSchema, json, 'dev.json')).toThrow(/^dev\.json: articles\.0\.kind: /);
    expect(() => parseEvalJson(splitSchema, '{', 'dev.json')).toThrow(/^dev\.json: not valid JSON/);
  });
});
