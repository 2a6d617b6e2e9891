import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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
  loadSplitFile,
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
    const notConcepts = loadCatalogueFile()
      .measures.map((m) => m.id)
      .filter((id) => !ids.has(id));
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
    const dev = loadSplitFile('dev');
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

describe('dev in four parts: dev.json, dev-b.json, dev-c.json and dev-d.json, by four writers', () => {
  const devFile = loadSplitFile('dev');
  const part = loadSplitFile('dev-b');
  const partC = loadSplitFile('dev-c');
  const partD = loadSplitFile('dev-d');
  const parts = [part, partC, partD];
  const seedsFile = loadSplitFile('seeds');
  const dev = loadSplit('dev');
  const seeds = loadSeeds();
  const inDevFile = new Set(devFile.articles.map((a) => a.id));
  const isSeed = new Set(seedsFile.articles.map((a) => a.id));

  it('loads dev.json’s articles followed by dev-b.json’s, dev-c.json’s and dev-d.json’s, whose ids say where they come from', () => {
    expect(dev.split).toBe('dev');
    expect(dev.articles.map((a) => a.id)).toEqual(
      [...devFile.articles, ...part.articles, ...partC.articles, ...partD.articles].map((a) => a.id),
    );
    for (const a of part.articles) expect(a.id, 'dev-b ids').toMatch(/^devb-[plo]\d{2}$/);
    for (const a of partC.articles) expect(a.id, 'dev-c ids').toMatch(/^devc-[plo]\d{2}$/);
    for (const a of partD.articles) expect(a.id, 'dev-d ids').toMatch(/^devd-[plo]\d{2}$/);
  });

  it('writes the parts’ grades back onto dev.json’s articles and the seeds, and nothing else', () => {
    const partArticles = parts.flatMap((p) => p.articles);
    const expectedOn = (target: EvalArticle) => {
      const mirrored = Object.fromEntries(partArticles.filter((a) => a.related[target.id]).map((a) => [a.id, a.related[target.id]]));
      return { ...target.related, ...mirrored };
    };
    let mirroredCount = 0;
    for (const raw of devFile.articles) {
      const loaded = dev.articles.find((a) => a.id === raw.id)!;
      expect(loaded.related, raw.id).toEqual(expectedOn(raw));
      mirroredCount += Object.keys(loaded.related).length - Object.keys(raw.related).length;
    }
    for (const raw of seedsFile.articles) {
      const loaded = seeds.articles.find((a) => a.id === raw.id)!;
      // The test split's grades towards the seeds are mirrored on as well (tested with test.json above).
      const related = Object.fromEntries(Object.entries(loaded.related).filter(([id]) => !id.startsWith('test-')));
      expect(related, raw.id).toEqual(expectedOn(raw));
      mirroredCount += Object.keys(related).length - Object.keys(raw.related).length;
    }
    const gradesOut = partArticles.flatMap((a) => Object.keys(a.related)).filter((id) => inDevFile.has(id) || isSeed.has(id));
    expect(mirroredCount).toBe(gradesOut.length);
    expect(gradesOut.filter((id) => isSeed.has(id)).length, 'the parts’ grades towards the seeds').toBeGreaterThan(0);
    // The files themselves stay as their writers left them.
    for (const a of [...devFile.articles, ...seedsFile.articles]) {
      expect(
        Object.keys(a.related).filter((id) => id.startsWith('devb-') || id.startsWith('devc-') || id.startsWith('devd-')),
        a.id,
      ).toEqual([]);
    }
  });

  it('has the kinds, lengths and ties to dev.json that dev-b was written for', () => {
    const count = (kind: EvalArticle['kind']) => part.articles.filter((a) => a.kind === kind).length;
    expect([count('policy'), count('lure'), count('off-topic')]).toEqual([20, 18, 8]);
    const lengths = part.articles.map((a) => articleText(a).length);
    for (const [i, n] of lengths.entries()) {
      expect(n, `${part.articles[i]!.id} length`).toBeGreaterThanOrEqual(300);
      expect(n, `${part.articles[i]!.id} length`).toBeLessThanOrEqual(2500);
    }
    const policyLengths = part.articles.filter((a) => a.kind === 'policy').map((a) => articleText(a).length);
    expect(policyLengths.filter((n) => n <= 400).length, 'flashes').toBeGreaterThanOrEqual(2);
    expect(policyLengths.filter((n) => n >= 1500).length, 'long pieces').toBeGreaterThanOrEqual(4);
    expect(part.articles.filter((a) => a.kind === 'lure').every((a) => a.lures.length > 0)).toBe(true);
    for (const a of part.articles.filter((x) => x.kind === 'policy')) {
      expect(
        Object.keys(a.related).some((id) => inDevFile.has(id) || isSeed.has(id)),
        `${a.id} is graded towards dev.json or a seed`,
      ).toBe(true);
    }
  });

  it('grades dev-c’s and dev-d’s articles within their own file and towards the seeds only (each was written as a test split)', () => {
    for (const [p, prefix] of [
      [partC, 'devc-'],
      [partD, 'devd-'],
    ] as const) {
      for (const a of p.articles) {
        for (const id of Object.keys(a.related)) expect(id.startsWith(prefix) || isSeed.has(id), `${a.id} → ${id}`).toBe(true);
      }
    }
    const count = (kind: EvalArticle['kind']) => partD.articles.filter((a) => a.kind === kind).length;
    expect([count('policy'), count('lure'), count('off-topic')]).toEqual([34, 10, 12]);
  });
});

describe('loading a split with parts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'eval-parts-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const concepts = loadConcepts();

  const article = (id: string, related: Record<string, 1 | 2>, kind: EvalArticle['kind'] = 'policy'): EvalArticle => ({
    id,
    kind,
    title: id,
    date: '2024-01-01',
    source: '新华社',
    paragraphs: ['国家医保局推进DRG付费改革。'],
    measures: kind === 'off-topic' ? [] : [{ concept: 'drg-payment', evidence: ['DRG付费'] }],
    lures: kind === 'lure' ? [{ concept: 'dip-payment', quote: '改革', why: 'x' }] : [],
    policyActions: [],
    related,
  });
  const write = (name: string, split: string, articles: EvalArticle[]) =>
    writeFileSync(join(dir, `${name}.json`), JSON.stringify({ split, about: 'a', articles }));
  const writeAll = (part: EvalArticle[], dev: EvalArticle[] = [article('d-p1', { 's-1': 2 }), article('d-o1', {}, 'off-topic')]) => {
    write('seeds', 'seeds', [article('s-1', { 'd-p1': 2 })]);
    write('dev', 'dev', dev);
    write('dev-b', 'dev-b', part);
  };

  it('appends the part and mirrors its grades onto the main file’s articles and the seeds', () => {
    writeAll([article('b-p1', { 'd-p1': 2, 's-1': 1, 'b-p2': 1 }), article('b-p2', { 'b-p1': 1 }), article('b-l1', {}, 'lure')]);
    const dev = loadSplit('dev', dir);
    expect(dev.articles.map((a) => a.id)).toEqual(['d-p1', 'd-o1', 'b-p1', 'b-p2', 'b-l1']);
    expect(dev.articles[0]!.related).toEqual({ 's-1': 2, 'b-p1': 2 });
    expect(dev.about).toContain('Part dev-b');
    const seeds = loadSplit('seeds', dir);
    expect(seeds.articles[0]!.related).toEqual({ 'd-p1': 2, 'b-p1': 1 });
    expect(validateSplits([seeds, dev], concepts)).toEqual([]);
    // The file alone is what its writer wrote.
    expect(loadSplitFile('dev', dir).articles[0]!.related).toEqual({ 's-1': 2 });
  });

  it('keeps the old behaviour when there is no part, and for splits that have none', () => {
    writeAll([]);
    unlinkSync(join(dir, 'dev-b.json'));
    expect(loadSplit('dev', dir)).toEqual(loadSplitFile('dev', dir));
    expect(loadSplit('seeds', dir)).toEqual(loadSplitFile('seeds', dir));
    writeAll([article('b-p1', { 't-p1': 2 })]);
    write('test', 'test', [article('t-p1', {})]);
    expect(loadSplit('test', dir)).toEqual(loadSplitFile('test', dir));
  });

  it('leaves a grade towards an unknown article to the validator, which names it', () => {
    writeAll([article('b-p1', { 'd-p1': 1, 'x-p9': 2 })]);
    const problems = validateSplits([loadSplit('seeds', dir), loadSplit('dev', dir)], concepts).join('\n');
    expect(problems).toContain('dev/b-p1: related x-p9: no article has this id');
    expect(problems).not.toContain('symmetric');
  });

  it('refuses a part that reuses an id or contradicts a grade of the main file, naming the part’s file', () => {
    writeAll([article('d-p1', {})]);
    expect(() => loadSplit('dev', dir)).toThrow(EvalDataError);
    expect(() => loadSplit('dev', dir)).toThrow(/dev-b\.json: article d-p1: id also used in .*dev\.json/);
    writeAll([article('b-p1', { 'd-p1': 2 })], [article('d-p1', { 'b-p1': 1 })]);
    expect(() => loadSplit('dev', dir)).toThrow(/dev-b\.json: article b-p1: related d-p1 has grade 2 but .*dev\.json grades d-p1 → b-p1 1/);
    writeAll([article('b-p1', { 'd-p1': 2 })], [article('d-p1', { 'b-p1': 2 })]);
    expect(loadSplit('dev', dir).articles[0]!.related).toEqual({ 'b-p1': 2 });
  });

  it('names dev-b.json when the part itself is malformed, also when loading the seeds', () => {
    writeAll([]);
    writeFileSync(
      join(dir, 'dev-b.json'),
      JSON.stringify({ split: 'dev-b', about: 'a', articles: [{ ...article('b-p1', {}), kind: 'news' }] }),
    );
    expect(() => loadSplit('dev', dir)).toThrow(/dev-b\.json: articles\.0\.kind: /);
    expect(() => loadSplit('seeds', dir)).toThrow(/dev-b\.json: articles\.0\.kind: /);
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
      for (const id of Object.keys(seed.related))
        expect(id.startsWith('seed-') || devIds.has(id), `${seed.id} → ${id} in seeds.json`).toBe(true);
    }
    const loaded = loadSeeds();
    const test = existsSync(join(EVAL_DIR, 'test.json')) ? loadSplit('test') : undefined;
    for (const [i, seed] of loaded.articles.entries()) {
      // dev-b's grades are mirrored on too (its own test below); here, what seeds.json holds.
      const devSide = Object.fromEntries(
        Object.entries(seed.related).filter(
          ([id]) => !id.startsWith('test-') && !id.startsWith('devb-') && !id.startsWith('devc-') && !id.startsWith('devd-'),
        ),
      );
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
  it.runIf(existsSync(join(EVAL_DIR, 'identity-test.json')))(
    'is sound, apart from identity.json, and its re-publications are minutes apart at most',
    () => {
      const identity = loadIdentity(EVAL_DIR, 'identity-test.json');
      expect(validateIdentity(identity)).toEqual([]);
      expect(identity.pairs.filter((p) => p.same).length).toBeGreaterThanOrEqual(4);
      expect(identity.pairs.filter((p) => !p.same).length).toBeGreaterThanOrEqual(4);
      const devPairs = loadIdentity();
      const devIds = new Set(devPairs.pairs.flatMap((p) => [p.id, p.a.id, p.b.id]));
      const ids = identity.pairs.flatMap((p) => [p.id, p.a.id, p.b.id]);
      expect(new Set(ids).size, 'ids unique within identity-test.json').toBe(ids.length);
      expect(
        ids.filter((id) => devIds.has(id)),
        'ids shared with identity.json',
      ).toEqual([]);
      for (const pair of identity.pairs) {
        expect(pair.a.date, `${pair.id}: a carries a time`).toContain('T');
        expect(pair.b.date, `${pair.id}: b carries a time`).toContain('T');
        const apart = Math.abs(Date.parse(pair.b.date) - Date.parse(pair.a.date));
        if (pair.same) expect(apart, `${pair.id}: a re-publication within ten minutes`).toBeLessThanOrEqual(10 * 60 * 1000);
        if (pair.same) expect(pair.a.title, `${pair.id}: re-published under a new headline`).not.toBe(pair.b.title);
      }
    },
  );
});

describe('mirroring a split’s grades onto the seeds', () => {
  const seedsOf = (related: Record<string, 1 | 2>): EvalSplit => ({
    split: 'seeds',
    about: 'a',
    articles: [
      {
        id: 'seed-000',
        kind: 'policy',
        title: 't',
        date: '2021-06-04',
        source: '新浪财经',
        paragraphs: ['集采。'],
        measures: [],
        lures: [],
        policyActions: [],
        related,
      },
    ],
  });
  const later: EvalSplit = {
    split: 'test',
    about: 'a',
    articles: [
      {
        id: 'test-p01',
        kind: 'policy',
        title: 't',
        date: '2024-01-01',
        source: '新华社',
        paragraphs: ['集采。'],
        measures: [],
        lures: [],
        policyActions: [],
        related: { 'seed-000': 2 },
      },
      {
        id: 'test-p02',
        kind: 'policy',
        title: 't',
        date: '2024-01-01',
        source: '新华社',
        paragraphs: ['集采。'],
        measures: [],
        lures: [],
        policyActions: [],
        related: { 'test-p01': 1 },
      },
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
