import { describe, expect, it } from 'vitest';
import { detectMeasures, parseCatalogue, type MeasureHit } from '../../lib/measures';
import { issuesOf } from '../support/measures';
import { foldForMatching } from '../../lib/measures/normalize';

function measure(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, name: `${id}-名`, gloss: id, category: 'payment-reform', description: id, aliases: [`${id}-别名`], ...overrides };
}

const small = parseCatalogue({
  version: 1,
  measures: [
    measure('payment', {
      name: '医保支付方式改革',
      aliases: ['支付方式改革'],
      wording: ['医保|医疗保障 + 支付 + 机制|方式|改革'],
    }),
    measure('regulation', { name: '医疗保障基金使用监督管理条例', aliases: ['医保基金监管条例'], category: 'fund-supervision' }),
    measure('supervision', {
      name: '医保基金监管',
      aliases: ['基金监管司监管'],
      lures: ['基金监管司监管工作会'],
      category: 'fund-supervision',
      wording: [{ all: '基金 + 监管|监督', requires: ['医保', '医疗保障'], unless: ['证券'] }],
      excludeContexts: ['私募'],
    }),
    measure('assistance', {
      name: '医疗救助',
      aliases: ['城乡医疗救助'],
      category: 'insurance-coverage',
      wording: ['重特大疾病 + 保险 + 救助', '救助 + 制度'],
    }),
  ],
});

function ids(hits: MeasureHit[]): string[] {
  return hits.map((h) => h.measureId);
}

describe('detectMeasures: wording rules', () => {
  it('finds a paraphrase, with exact offsets, its sentence and by: wording', () => {
    const text = '会议要求，完善医疗保障支付机制。同时要做好宣传。';
    const [hit, ...rest] = detectMeasures(text, small);
    expect(rest).toEqual([]);
    expect(hit).toMatchObject({ measureId: 'payment', by: 'wording' });
    const m = hit!.mentions[0]!;
    expect(m).toMatchObject({ quote: '医疗保障支付机制', sentence: '会议要求，完善医疗保障支付机制。', by: 'wording' });
    expect(text.slice(m.start, m.end)).toBe(m.quote);
  });

  it('lets words stand between the terms, but not a clause break', () => {
    expect(detectMeasures('推进医保基金的支付方式和结算改革。', small)[0]?.mentions[0]?.quote).toBe('医保基金的支付方式');
    expect(detectMeasures('医保部门表示，支付宝将改革界面。', small)).toEqual([]);
    expect(detectMeasures('医保部门\n支付机制', small)).toEqual([]);
  });

  it('quotes the shortest stretch that holds every group', () => {
    const text = '医保部门推进医保支付机制建设';
    expect(detectMeasures(text, small)[0]!.mentions[0]!.quote).toBe('医保支付机制');
  });

  it('reports a measure found by name as by: name, and does not add a wording mention in the same sentence', () => {
    const hits = detectMeasures('深化医保支付方式改革，完善医保支付机制。', small);
    expect(hits).toHaveLength(1);
    expect(hits[0]!.by).toBe('name');
    expect(hits[0]!.mentions.map((m) => [m.quote, m.by])).toEqual([['医保支付方式改革', 'name']]);
    const two = detectMeasures('深化医保支付方式改革。完善医保支付机制。', small);
    expect(two[0]!.mentions.map((m) => [m.quote, m.by])).toEqual([
      ['医保支付方式改革', 'name'],
      ['医保支付机制', 'wording'],
    ]);
    expect(two[0]!.by).toBe('name');
  });

  it('does not read terms inside another measure’s surface form or a lure', () => {
    expect(ids(detectMeasures('医保部门落实医疗保障基金使用监督管理条例。', small))).toEqual(['regulation']);
    expect(detectMeasures('医保局召开基金监管司监管工作会。', small)).toEqual([]);
  });

  it('reads a rule across another measure’s mention, so a narrower measure is found beside the broader one', () => {
    const nested = parseCatalogue({
      version: 1,
      measures: [
        measure('vbp', { name: '集中带量采购', aliases: ['集采'], category: 'drug-procurement' }),
        measure('consumables', {
          name: '耗材集中带量采购',
          aliases: ['高值耗材集采'],
          category: 'drug-procurement',
          wording: ['人工关节|支架 + 集采|带量采购'],
        }),
      ],
    });
    const hits = detectMeasures('开展人工关节集采。', nested);
    expect(hits.map((h) => [h.measureId, h.by, h.mentions[0]!.quote])).toEqual([
      ['consumables', 'wording', '人工关节集采'],
      ['vbp', 'name', '集采'],
    ]);
  });

  it('applies requires and excludeContexts to the paragraph and unless to the clause', () => {
    expect(detectMeasures('加强基金监管。', small)).toEqual([]);
    expect(ids(detectMeasures('加强医保基金监管工作。', small))).toEqual(['supervision']);
    expect(ids(detectMeasures('加强基金使用监督，守好医保钱袋子。', small))).toEqual(['supervision']);
    expect(detectMeasures('加强证券基金监管，医保另议。', small)).toEqual([]);
    expect(detectMeasures('加强基金监督，医保和私募另议。', small)).toEqual([]);
  });

  it('finds a measure once per clause, by its tightest paraphrase', () => {
    const hits = detectMeasures('健全重特大疾病医疗保险和救助制度。', small);
    expect(ids(hits)).toEqual(['assistance']);
    expect(hits[0]!.mentions.map((m) => m.quote)).toEqual(['救助制度']);
  });

  it('lets a rule marked within: sentence run over a comma, and keeps other rules to one clause', () => {
    const reward = parseCatalogue({
      version: 1,
      measures: [
        measure('reward', {
          name: '举报奖励',
          aliases: ['举报奖金'],
          category: 'fund-supervision',
          wording: [{ all: '举报 + 奖励', within: 'sentence' }],
        }),
        measure('clause-only', { name: '投诉处理', aliases: ['投诉办理'], category: 'fund-supervision', wording: ['投诉 + 处理'] }),
      ],
    });
    expect(ids(detectMeasures('对举报骗保查证属实的，最高奖励20万元。', reward))).toEqual(['reward']);
    expect(detectMeasures('对举报骗保查证属实的。最高奖励20万元。', reward)).toEqual([]);
    expect(detectMeasures('对投诉骗保查证属实的，及时处理。', reward)).toEqual([]);
    const [issue] = issuesOf({ version: 1, measures: [measure('a', { wording: [{ all: '举报 + 奖励', within: 'paragraph' }] })] });
    expect(issue).toMatchObject({ path: 'measures[0].wording[0]', measureId: 'a' });
    expect(issue!.message).toContain('within?');
  });

  it('does not join terms from items of an enumeration that have another item between them', () => {
    // A law's chapters: 基金管理 and 监督管理 are two items, not supervision of the fund.
    expect(detectMeasures('草案包括总则、基金管理、医药服务、公共管理服务、监督管理和附则，医保部门负责实施。', small)).toEqual([]);
    // Terms in neighbouring items, or a head after 等 that the items share, still make a phrase.
    expect(ids(detectMeasures('加强医保基金预算、监督。', small))).toEqual(['supervision']);
    expect(ids(detectMeasures('健全医保支付、定价、招采等机制。', small))).toEqual(['payment']);
    expect(ids(detectMeasures('健全医保待遇、筹资、支付、定价等机制。', small))).toEqual(['payment']);
    // The price: a word before the list that modifies every item is not told from a first item.
    expect(detectMeasures('推进医保待遇、筹资、招采和支付机制。', small)).toEqual([]);
  });

  it('lets different measures share a word of the text', () => {
    const shared = parseCatalogue({
      version: 1,
      measures: [
        measure('tcm', { name: '中成药集中采购', aliases: ['中成药带量采购'], wording: ['中成药 + 集采'] }),
        measure('bio', { name: '生物药集中采购', aliases: ['生物药带量采购'], wording: ['生物药 + 集采'] }),
      ],
    });
    expect(ids(detectMeasures('中成药、生物药等品类集采有序推进。', shared)).sort()).toEqual(['bio', 'tcm']);
  });

  it('reports a measure named inside a longer name when the longer one contains it', () => {
    const nested = parseCatalogue({
      version: 1,
      measures: [
        measure('crackdown', { name: '打击欺诈骗保', aliases: ['欺诈骗保'], category: 'fund-supervision' }),
        measure('campaign', {
          name: '打击欺诈骗保专项整治',
          aliases: ['骗保专项整治'],
          category: 'fund-supervision',
          contains: ['crackdown'],
        }),
        measure('office', { name: '打击欺诈骗保办公室', aliases: ['反欺诈办公室'], category: 'fund-supervision' }),
      ],
    });
    const hits = detectMeasures('开展打击欺诈骗保专项整治。', nested);
    expect(hits.map((h) => [h.measureId, h.mentions.map((m) => m.quote)])).toEqual([
      ['crackdown', ['打击欺诈骗保']],
      ['campaign', ['打击欺诈骗保专项整治']],
    ]);
    // Without `contains`, the longer name is read alone.
    expect(ids(detectMeasures('设立打击欺诈骗保办公室。', nested))).toEqual(['office']);
    expect(issuesOf({ version: 1, measures: [measure('a', { contains: ['a', 'nope'] })] }).map((i) => i.message)).toEqual([
      'a measure cannot contain itself',
      'unknown measure id "nope"',
    ]);
  });
});

describe('folding for matching', () => {
  it('drops spacing but keeps one space between Latin words, and maps offsets back', () => {
    const text = 'A DRG　付费 与 DIP\u200b付费';
    const { folded, toOrig } = foldForMatching(text);
    expect(folded).toBe('A DRG付费与DIP付费');
    // A zero-width character is no word break: D\u200bIP is DIP, D IP two words.
    expect(foldForMatching('D\u200bIP D IP').folded).toBe('DIP D IP');
    for (let i = 0; i < folded.length; i++) {
      if (folded[i] !== ' ') expect(folded[i]).toBe(text[toOrig[i]!]!.toUpperCase());
    }
  });

  it('matches "DRG 付费" as "DRG付费" and quotes the text as written', () => {
    const catalogue = parseCatalogue({ version: 1, measures: [measure('drg', { name: 'DRG付费', aliases: ['按疾病诊断相关分组付费'] })] });
    const text = '推进DRG 付费，ＤＲＧ　付费全覆盖。';
    const hits = detectMeasures(text, catalogue);
    expect(hits[0]!.mentions.map((m) => m.quote)).toEqual(['DRG 付费', 'ＤＲＧ　付费']);
    for (const m of hits[0]!.mentions) expect(text.slice(m.start, m.end)).toBe(m.quote);
  });
});

describe('offsets on text with spacing and full-width letters sprinkled in', () => {
  it('quotes exactly what the text holds at the reported offsets, inside the reported sentence', async () => {
    const { loadCatalogueFile } = await import('../../lib/measures/load-catalogue');
    const catalogue = loadCatalogueFile();
    const base =
      '国家医保局表示，将深化医保支付方式改革，推进DRG/DIP付费全覆盖。完善医疗保障支付机制，扩大集采品种范围；\n加强医保基金监管，严厉打击欺诈骗保专项整治行动中发现的问题，推进谈判药品进院。';
    let seed = 11;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const noise = [' ', '　', '\u00a0', '\u200b', '  '];
    for (let round = 0; round < 50; round++) {
      let text = '';
      for (let i = 0; i < base.length; i++) {
        const ch = base[i]!;
        const wide = /[A-Z]/.test(ch) && random(3) === 0 ? String.fromCharCode(ch.charCodeAt(0) + 0xfee0) : ch;
        // Editors space words apart, never the letters of one Latin word: there only zero-width noise.
        const inWord = /[A-Z]/.test(ch) && /[A-Z]/.test(base[i + 1] ?? '');
        text += wide + (ch !== '\n' && random(6) === 0 ? (inWord ? '\u200b' : noise[random(noise.length)]) : '');
      }
      const hits = detectMeasures(text, catalogue);
      expect(hits.map((h) => h.measureId)).toEqual(detectMeasures(base, catalogue).map((h) => h.measureId));
      for (const h of hits) {
        for (const m of h.mentions) {
          expect(text.slice(m.start, m.end)).toBe(m.quote);
          expect(text.slice(m.sentenceStart, m.sentenceStart + m.sentence.length)).toBe(m.sentence);
          expect(m.start).toBeGreaterThanOrEqual(m.sentenceStart);
          expect(m.end).toBeLessThanOrEqual(m.sentenceStart + m.sentence.length);
        }
      }
    }
  });
});

describe('parseCatalogue: wording rules', () => {
  it('reads the notation into groups, with requires and unless', () => {
    expect(small.measures[2]!.wording).toEqual([
      { source: '基金 + 监管|监督', groups: [['基金'], ['监管', '监督']], requires: ['医保', '医疗保障'], unless: ['证券'] },
    ]);
  });

  it('rejects a rule of one group, a plus without spaces, an empty or spaced term, naming the measure and the field', () => {
    const issues = issuesOf({
      version: 1,
      measures: [measure('a', { wording: ['支付|机制', '支付+机制', '支付 + 机制||方式', '支付 + 机制 方式'] })],
    });
    expect(issues.map((i) => [i.path, i.measureId])).toEqual([
      ['measures[0].wording[0]', 'a'],
      ['measures[0].wording[1]', 'a'],
      ['measures[0].wording[2]', 'a'],
      ['measures[0].wording[3]', 'a'],
    ]);
    expect(issues[0]!.message).toContain('at least two groups joined by " + "');
    expect(issues[1]!.message).toContain('at least two groups joined by " + "');
    expect(issues[2]!.message).toContain('empty or spaced term');
    expect(issues[3]!.message).toContain('empty or spaced term');
  });

  it('lets a term hold a plus of its own', () => {
    const catalogue = parseCatalogue({ version: 1, measures: [measure('a', { wording: ['互联网+|线上 + 医保 + 支付'] })] });
    expect(catalogue.measures[0]!.wording[0]!.groups).toEqual([['互联网+', '线上'], ['医保'], ['支付']]);
    expect(detectMeasures('推动互联网+复诊纳入医保支付。', catalogue)[0]?.mentions[0]?.quote).toBe('互联网+复诊纳入医保支付');
  });

  it('rejects a term given twice and terms of different groups that contain one another', () => {
    const issues = issuesOf({ version: 1, measures: [measure('a', { wording: ['支付 + 机制|支付', '医保 + 医保基金'] })] });
    expect(issues.map((i) => i.path)).toEqual(['measures[0].wording[0]', 'measures[0].wording[1]']);
    expect(issues[0]!.message).toContain('"支付" is given twice');
    expect(issues[1]!.message).toContain('contain one another');
  });

  it('rejects the same rule in two measures, in any order of groups and terms', () => {
    const issues = issuesOf({
      version: 1,
      measures: [measure('a', { wording: ['医保 + 支付|付费'] }), measure('b', { wording: ['付费|支付 + 医保'] })],
    });
    expect(issues).toEqual([
      { path: 'measures[1].wording[0]', measureId: 'b', message: '"付费|支付 + 医保" is the same rule as measures[0].wording[0] (id "a")' },
    ]);
  });

  it('rejects unknown keys and empty context lists in the object form', () => {
    const issues = issuesOf({
      version: 1,
      measures: [
        measure('a', {
          wording: [
            { all: '医保 + 支付', requires: [] },
            { all: '医保 + 机制', when: ['x'] },
          ],
        }),
      ],
    });
    expect(issues.map((i) => i.path)).toEqual(['measures[0].wording[0].requires', 'measures[0].wording[1]']);
  });
});
