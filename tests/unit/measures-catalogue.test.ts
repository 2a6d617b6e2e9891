import { describe, expect, it } from 'vitest';
import { CatalogueError, MEASURE_CATEGORIES, parseCatalogue, parseCatalogueYaml } from '../../lib/measures';
import { issuesOf } from '../support/measures';
import { loadCatalogueFile } from '../../lib/measures/load-catalogue';

function entry(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'volume-based-procurement',
    name: '药品和耗材集中带量采购',
    gloss: 'Volume-based procurement',
    category: 'drug-procurement',
    description: 'State-organised tenders.',
    aliases: ['集采', '带量采购'],
    ...overrides,
  };
}

describe('parseCatalogue', () => {
  it('accepts a valid entry and normalises aliases to {form, requires}', () => {
    const catalogue = parseCatalogue({
      version: 1,
      measures: [entry({ aliases: ['带量采购', { form: '集采', requires: ['药品'] }], lures: ['带量采购平台'] })],
    });
    expect(catalogue.measures[0]).toEqual({
      id: 'volume-based-procurement',
      name: '药品和耗材集中带量采购',
      gloss: 'Volume-based procurement',
      category: 'drug-procurement',
      description: 'State-organised tenders.',
      aliases: [{ form: '带量采购' }, { form: '集采', requires: ['药品'] }],
      lures: ['带量采购平台'],
      excludeContexts: [],
      contains: [],
      wording: [],
      trade: false,
    });
  });

  it('rejects duplicate ids, naming the id and both positions', () => {
    const issues = issuesOf({ version: 1, measures: [entry(), entry({ name: '其他', aliases: ['别名'] })] });
    expect(issues).toEqual([
      { path: 'measures[1].id', measureId: 'volume-based-procurement', message: 'duplicate id; first used by measures[0]' },
    ]);
  });

  it('rejects an alias claimed by two measures, also after full-width folding', () => {
    const issues = issuesOf({
      version: 1,
      measures: [
        entry({ id: 'drg-payment', name: '按疾病诊断相关分组付费', aliases: ['DRG'], category: 'payment-reform' }),
        entry({ id: 'dip-payment', name: '按病种分值付费', aliases: ['DIP', 'ＤＲＧ'], category: 'payment-reform' }),
      ],
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: 'measures[1].aliases[1]', measureId: 'dip-payment' });
    expect(issues[0]!.message).toContain('already a surface form of "drg-payment"');
  });

  it('rejects an empty alias list', () => {
    const issues = issuesOf({ version: 1, measures: [entry({ aliases: [] })] });
    expect(issues).toEqual([
      {
        path: 'measures[0].aliases',
        measureId: 'volume-based-procurement',
        message: 'must list at least one surface form besides the name',
      },
    ]);
  });

  it('rejects an unknown category and lists the known ones', () => {
    const [issue] = issuesOf({ version: 1, measures: [entry({ category: 'drug-buying' })] });
    expect(issue).toMatchObject({ path: 'measures[0].category', measureId: 'volume-based-procurement' });
    expect(issue!.message).toContain('unknown category "drug-buying"');
    expect(issue!.message).toContain(MEASURE_CATEGORIES.join(', '));
  });

  it('rejects ids that are not kebab-case, blank names, multi-line descriptions and unknown fields', () => {
    const issues = issuesOf({
      version: 1,
      measures: [entry({ id: 'Volume_Based', name: ' ', description: 'two\nlines', alias: ['typo'] })],
    });
    const paths = issues.map((i) => i.path).sort();
    expect(paths).toEqual(['measures[0]', 'measures[0].description', 'measures[0].id', 'measures[0].name']);
    expect(issues.every((i) => i.measureId === 'Volume_Based')).toBe(true);
  });

  it('rejects an alias that repeats the name or another alias of the same measure', () => {
    const issues = issuesOf({ version: 1, measures: [entry({ aliases: ['药品和耗材集中带量采购', '集采', '集采'] })] });
    expect(issues.map((i) => [i.path, i.message])).toEqual([
      ['measures[0].aliases[0]', '"药品和耗材集中带量采购" repeats the name (the name is always matched)'],
      ['measures[0].aliases[2]', '"集采" repeats measures[0].aliases[1]'],
    ]);
  });

  it('rejects a contextual alias without context words', () => {
    const issues = issuesOf({ version: 1, measures: [entry({ aliases: [{ form: '集采', requires: [] }] })] });
    expect(issues[0]).toMatchObject({ path: 'measures[0].aliases[0].requires', message: 'must list at least one context word' });
  });

  it('rejects lures that could never block anything, or that delete another measure', () => {
    const issues = issuesOf({
      version: 1,
      measures: [
        entry({ lures: ['基金监管司', '集采'] }),
        entry({ id: 'fund-supervision', name: '医保基金监管', aliases: ['基金监管'], category: 'fund-supervision' }),
      ],
    });
    expect(issues.map((i) => i.path)).toEqual(['measures[0].lures[0]', 'measures[0].lures[1]', 'measures[0].lures[1]']);
    expect(issues[0]!.message).toContain('must be longer than, and contain');
    expect(issues[2]!.message).toContain('is a surface form of "volume-based-procurement"');
  });

  it('puts every problem in one error message', () => {
    expect(() => parseCatalogue({ version: 1, measures: [entry({ aliases: [] }), entry({ category: 'x' })] })).toThrow(
      /measures\[0\]\.aliases \(id "volume-based-procurement"\)[\s\S]*measures\[1\]\.category/,
    );
  });
});

describe('parseCatalogueYaml', () => {
  it('reports YAML syntax errors with file, line and column', () => {
    expect(() => parseCatalogueYaml('version: 1\nmeasures:\n  - id: x\n    gloss: "a" b\n', 'bad.yaml')).toThrow(/bad\.yaml:4:\d+/);
  });

  it('rejects a key given twice in one entry instead of silently keeping the last', () => {
    const yaml = ['version: 1', 'measures:', '  - id: x', '    id: y'].join('\n');
    expect(() => parseCatalogueYaml(yaml)).toThrow(CatalogueError);
  });
});

describe('seeds/measures.yaml', () => {
  const catalogue = loadCatalogueFile();

  it('validates and has a useful size', () => {
    expect(catalogue.measures.length).toBeGreaterThanOrEqual(40);
    expect(catalogue.measures.length).toBeLessThanOrEqual(200);
  });

  it('uses every category at least once', () => {
    expect(new Set(catalogue.measures.map((m) => m.category))).toEqual(new Set(MEASURE_CATEGORIES));
  });

  it('covers the well-known measures the issue names', () => {
    const ids = new Set(catalogue.measures.map((m) => m.id));
    for (const id of [
      'drg-payment',
      'dip-payment',
      'outpatient-mutual-aid',
      'long-term-care-insurance',
      'critical-illness-insurance',
      'medical-assistance',
      'cross-region-settlement',
      'nrdl-adjustment',
      'insurance-e-voucher',
    ]) {
      expect(ids, id).toContain(id);
    }
  });
});
