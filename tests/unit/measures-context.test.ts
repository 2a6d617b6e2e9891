/**
 * Medical-security context (lib/measures/context.ts) and the alias rules that go with it: a generic
 * form counts only in medical text, not in a company's account of its own business, and never
 * across a whole word; `unless` and `scope: sentence` on aliases; the catalogue's validation of it all.
 */
import { describe, expect, it } from 'vitest';
import { detectMeasures, parseCatalogue, type MeasureHit } from '../../lib/measures';
import { issuesOf } from '../support/measures';
import { loadCatalogueFile } from '../../lib/measures/load-catalogue';

const ids = (hits: MeasureHit[]): string[] => hits.map((h) => h.measureId);
const quotes = (hits: MeasureHit[]): string[] => hits.flatMap((h) => h.mentions.map((m) => m.quote));

function measure(id: string, name: string, aliases: unknown[], more: Record<string, unknown> = {}) {
  return { id, name, gloss: id, category: 'drug-procurement', description: `${id}.`, aliases, ...more };
}

/** A generic form (集中采购), a form with its own medical word (药品集采) and a wording rule. */
const context = {
  medical: ['医保', '药品', '医院', '患者'],
  notMedical: ['宠物', '兽药'],
  business: ['旗下', '运营模式'],
  policy: ['国家', '政策'],
  wholeWords: ['加强', '医保'],
};
const small = parseCatalogue({
  version: 1,
  context,
  measures: [
    measure('procurement', '药品集采', ['集中采购']),
    measure('care-integration', '医养结合', ['医养康养结合']),
    measure('primary-care', '基层能力建设', ['强基层']),
    measure('village-doctors', '乡村医生队伍', ['村医']),
    measure('inspections', '飞行检查', ['飞检'], { wording: ['突击 + 检查'] }),
  ],
});
const withoutContext = parseCatalogue({ version: 1, measures: [measure('procurement', '药品集采', ['集中采购'])] });

describe('medical-security context', () => {
  it('does not read a generic form in an article without medical words', () => {
    expect(detectMeasures('能源集团开展储能电芯集中采购，报价下探。', small)).toEqual([]);
    expect(detectMeasures('民航局对航空公司开展飞行检查。\n整改通知已下发。', small)).toEqual([]);
    // Without a context block the catalogue reads forms wherever they are, as before.
    expect(ids(detectMeasures('能源集团开展储能电芯集中采购，报价下探。', withoutContext))).toEqual(['procurement']);
  });

  it('reads a generic form in a paragraph with a medical word', () => {
    expect(ids(detectMeasures('省里组织药品集中采购，患者用药负担下降。', small))).toEqual(['procurement']);
  });

  it('reads a generic form in a paragraph without medical words when most of the article is medical text', () => {
    const plan = ['国家医保局印发规划。', '巩固提高统筹层次，开展飞行检查。', '患者负担继续下降。'].join('\n');
    expect(ids(detectMeasures(plan, small))).toEqual(['inspections']);
    // One medical paragraph of four does not make an energy story medical text.
    const energy = ['储能电芯集中采购报价下探。', '风机招标量价齐升。', '某医院采购了一批设备。', '光伏组件价格企稳。'].join('\n');
    expect(detectMeasures(energy, small)).toEqual([]);
  });

  it('lets a form that holds a medical word carry its own context', () => {
    expect(ids(detectMeasures('第十批药品集采开标。', small))).toEqual(['procurement']);
  });

  it('does not count a paragraph of another field as medical, whatever medical words it borrows', () => {
    expect(detectMeasures('多地推进兽药集中采购，宠物医院药品价格下降。', small)).toEqual([]);
  });

  it('holds paraphrases to the same context as names', () => {
    expect(detectMeasures('市场监管部门突击检查了多家餐馆。', small)).toEqual([]);
    const hits = detectMeasures('医保部门突击检查了多家医院。', small);
    expect(hits.map((h) => [h.measureId, h.by])).toEqual([['inspections', 'wording']]);
  });

  it('does not read a generic form in a company’s account of its own business, unless a policy act is named', () => {
    const insurer = '公司旗下养老社区采用医养结合的运营模式，配建康复医院。';
    expect(detectMeasures(insurer, small)).toEqual([]);
    expect(ids(detectMeasures('公司旗下医院积极落实国家医养结合政策。', small))).toEqual(['care-integration']);
    // A form with a medical word of its own is the policy even in a company's sentence.
    expect(ids(detectMeasures('公司旗下产品在药品集采中未中选，营收下滑。', small))).toEqual(['procurement']);
  });

  it('holds a trade measure’s names, medical words and all, to the business rule', () => {
    const trade = parseCatalogue({
      version: 1,
      context,
      measures: [
        measure('internet-care', '互联网医疗健康', ['互联网医院'], { trade: true }),
        measure('procurement', '药品集采', ['集中采购']),
      ],
    });
    expect(detectMeasures('公司旗下互联网医院日均问诊量突破40万人次。', trade)).toEqual([]);
    expect(ids(detectMeasures('公司旗下互联网医院按国家政策接入医保结算。', trade))).toEqual(['internet-care']);
    // Outside a company's account of itself it is the policy, as before.
    expect(ids(detectMeasures('各地加快发展互联网医院，方便患者复诊。', trade))).toEqual(['internet-care']);
    // A measure without trade keeps the exemption its medical words give it.
    expect(ids(detectMeasures('公司旗下产品在药品集采中未中选，营收下滑。', trade))).toEqual(['procurement']);
    expect(issuesOf({ version: 1, measures: [measure('x', '互联网医院', ['互联网诊疗'], { trade: 'yes' })] })[0]).toMatchObject({
      path: 'measures[0].trade',
      measureId: 'x',
    });
  });
});

describe('whole words', () => {
  it('does not read a form that cuts a whole word at its start or end', () => {
    expect(detectMeasures('加强基层医保经办队伍建设，医院配合。', small)).toEqual([]);
    expect(detectMeasures('村医保专干帮患者办理医保业务。', small)).toEqual([]);
  });

  it('reads the same forms when their edges are word edges', () => {
    expect(quotes(detectMeasures('保基本、强基层、建机制，医院改革继续推进。', small))).toEqual(['强基层']);
    expect(quotes(detectMeasures('提高村医待遇，医院对口帮扶。', small))).toEqual(['村医']);
  });
});

describe('alias unless and scope: sentence', () => {
  const agreements = parseCatalogue({
    version: 1,
    measures: [
      measure('agreements', '定点协议管理', [{ form: '医保服务协议', unless: ['解除', '暂停'] }]),
      measure('payment-standard', '医保支付标准', [
        { form: '支付标准', requires: ['药品', '通用名'], unless: ['病组'], scope: 'sentence' },
      ]),
    ],
  });

  it('vetoes a form by a word in its clause only', () => {
    expect(detectMeasures('医保经办机构解除了与其签订的医保服务协议。', agreements)).toEqual([]);
    expect(ids(detectMeasures('定点医院须签订医保服务协议，违规的解除协议。', agreements))).toEqual(['agreements']);
  });

  it('looks for requires and unless in the sentence when scope is sentence', () => {
    expect(ids(detectMeasures('对同通用名药品，按支付标准支付。', agreements))).toEqual(['payment-standard']);
    // The paragraph speaks of drugs, the sentence of a DRG group's rate or of nothing in particular.
    expect(detectMeasures('药品费用下降。病组支付标准按年测算。不能把支付标准分解给医生。', agreements)).toEqual([]);
  });
});

describe('requires met by the article’s topic', () => {
  const topical = parseCatalogue({
    version: 1,
    context: { medical: ['医保', '医院'], insurance: ['医保', '医疗保障'] },
    measures: [
      { ...measure('fund-supervision', '医保基金监管', ['基金监管长效机制']), category: 'fund-supervision' },
      {
        ...measure('flight-inspections', '医保飞行检查', [{ form: '飞行检查', requires: ['医保', '定点医'] }]),
        category: 'fund-supervision',
      },
      {
        ...measure('whistleblower', '举报奖励制度', [{ form: '举报奖励', requires: ['医保', '骗保'] }], {
          wording: [{ all: '举报 + 奖励', requires: ['医保', '骗保'] }],
        }),
        category: 'fund-supervision',
      },
      { ...measure('bundled', '医共体总额付费', [{ form: '打包付费', requires: ['医共体'] }]), category: 'payment-reform' },
      { ...measure('drg', 'DRG付费', ['按病组付费']), category: 'payment-reform' },
    ],
  });
  const notice = [
    '省医保局印发医保基金监管工作要点。',
    '一是开展飞行检查。每年组织两轮，重点查医院。',
    '二是畅通举报渠道。查实的给予举报人奖励。',
  ];

  it('reads an insurance-context form in a paragraph without its words when the article names its field outright', () => {
    expect(ids(detectMeasures(notice.join('\n'), topical))).toEqual(['fund-supervision', 'flight-inspections', 'whistleblower']);
    expect(detectMeasures(notice.join('\n'), topical).find((h) => h.measureId === 'whistleblower')!.by).toBe('wording');
  });

  it('keeps the paragraph rule when the article does not name the field', () => {
    const text = ['省医保局召开会议。', '一是开展飞行检查。每年组织两轮，重点查医院。'].join('\n');
    expect(detectMeasures(text, topical)).toEqual([]);
  });

  it('reads an insurance-context form in any paragraph of an article most of whose paragraphs name insurance', () => {
    // An insurance briefing: its aside on 飞行检查 does not repeat 医保.
    const briefing = ['国家医保局召开发布会，介绍支付改革进展。', '医保部门将加强结算清单质量管理。', '对违规的医院，开展飞行检查。'];
    expect(ids(detectMeasures(briefing.join('\n'), topical))).toEqual(['flight-inspections']);
    // One insurance paragraph of three is not an insurance article.
    const hospital = ['省医保局召开会议。', '某医院扩建门诊楼。', '对违规的医院，开展飞行检查。'];
    expect(detectMeasures(hospital.join('\n'), topical)).toEqual([]);
    // A requires list without an insurance word still looks at the paragraph only.
    expect(ids(detectMeasures([...briefing, '医保基金按月预付。', '病组内实行打包付费。'].join('\n'), topical))).toEqual([
      'flight-inspections',
    ]);
  });

  it('keeps the paragraph rule for requires that tell senses apart (no insurance word)', () => {
    const text = ['全市推行按病组付费，医院结余留用。', '病组内实行打包付费。'].join('\n');
    expect(ids(detectMeasures(text, topical))).toEqual(['drg']);
  });
});

describe('excludeContexts', () => {
  const vetoed = parseCatalogue({
    version: 1,
    context: { medical: ['医保', '医院'], insurance: ['医保', '医疗保障'] },
    measures: [
      {
        ...measure('flight-inspections', '医保飞行检查', [{ form: '飞行检查', requires: ['医保', '定点医'] }]),
        excludeContexts: ['药监局', 'GMP'],
      },
    ],
  });

  it('vetoes a mention by a word in its own sentence, or elsewhere in a paragraph when its sentence does not name insurance', () => {
    expect(detectMeasures('省药监局对药企开展飞行检查，医保部门配合。', vetoed)).toEqual([]);
    expect(detectMeasures('省药监局通报GMP问题。医院也开展了飞行检查。医保部门配合。', vetoed)).toEqual([]);
  });

  it('lets a sentence that names insurance keep its mention when the vetoing word stands in another sentence', () => {
    const text = '国家医保局继续开展飞行检查，覆盖全部省份。9月，国家医保局会同国家药监局印发指导意见。';
    expect(ids(detectMeasures(text, vetoed))).toEqual(['flight-inspections']);
  });
});

describe('parseCatalogue: context', () => {
  it('reads the context block, and gives empty lists when there is none', () => {
    expect(small.context).toEqual({ ...context, insurance: [] });
    expect(withoutContext.context).toEqual({ medical: [], notMedical: [], business: [], policy: [], insurance: [], wholeWords: [] });
  });

  it('rejects a repeated word, a medical word inside another, and a word in two opposite lists', () => {
    const issues = issuesOf({
      version: 1,
      context: { medical: ['医保', '医保基金', '药品', '药品'], notMedical: ['宠物', '药品'], business: ['旗下'], policy: ['旗下'] },
      measures: [measure('procurement', '药品集采', ['集中采购'])],
    });
    expect(issues).toEqual([
      { path: 'context.medical[1]', message: '"医保基金" contains context.medical[0] "医保", so it adds nothing' },
      { path: 'context.medical[3]', message: '"药品" repeats context.medical[2]' },
      { path: 'context.medical[2]', message: '"药品" is also context.notMedical[1]' },
      { path: 'context.medical[3]', message: '"药品" is also context.notMedical[1]' },
      { path: 'context.business[0]', message: '"旗下" is also context.policy[0]' },
    ]);
  });

  it('rejects one-character context words anywhere, naming the measure and the field', () => {
    const issues = issuesOf({
      version: 1,
      context: { medical: ['药'] },
      measures: [
        measure('procurement', '药品集采', [{ form: '集采', requires: ['药', '耗材'] }], {
          excludeContexts: ['矿'],
          wording: [{ all: '集中 + 采购', unless: ['煤'] }],
        }),
      ],
    });
    const one = 'must be at least two characters (one character occurs inside too many unrelated words)';
    expect(issues).toEqual([
      { path: 'context.medical[0]', message: one },
      { path: 'measures[0].aliases[0].requires[0]', measureId: 'procurement', message: one },
      { path: 'measures[0].excludeContexts[0]', measureId: 'procurement', message: one },
      { path: 'measures[0].wording[0].unless[0]', measureId: 'procurement', message: one },
    ]);
  });

  it('rejects an alias object with neither requires nor unless, and an unknown scope', () => {
    const issues = issuesOf({
      version: 1,
      measures: [measure('procurement', '药品集采', [{ form: '集采' }, { form: '国采', requires: ['药品'], scope: 'paragraph' }])],
    });
    expect(issues.map((i) => [i.path, i.measureId, i.message])).toEqual([
      ['measures[0].aliases[0]', 'procurement', 'an alias object needs requires or unless (otherwise write the form as a plain string)'],
      ['measures[0].aliases[1].scope', 'procurement', 'must be "sentence" (leave it out for paragraph and clause)'],
    ]);
  });
});

describe('the catalogue’s context on a finance site', () => {
  const catalogue = loadCatalogueFile();

  it('declares the medical words, the other fields, the business and policy words and the whole words', () => {
    const c = catalogue.context;
    expect(c.medical).toEqual(expect.arrayContaining(['医保', '药品', '患者', 'DRG']));
    expect(c.notMedical.length).toBeGreaterThan(0);
    expect(c.business.length).toBeGreaterThan(0);
    expect(c.policy.length).toBeGreaterThan(0);
    expect(c.wholeWords).toEqual(expect.arrayContaining(['加强', '医保']));
    expect(c.insurance).toEqual(expect.arrayContaining(['医保', '医疗保障']));
  });

  it('reads the generic forms of other beats as nothing, and the same forms in a medical story as measures', () => {
    for (const text of [
      '中央国家机关政府采购中心发布信创台式计算机批量集中采购公告，以量换价。',
      '证监局要求辖区私募机构对照问题清单开展自查自纠。',
      '出入境管理窗口提供办证、照相、缴费“一站式”服务。',
      '生态环境部对重点排污单位开展飞行检查，并将结果纳入环境信用评价。',
    ]) {
      expect(detectMeasures(text, catalogue), text).toEqual([]);
    }
    // Inspecting designated hospitals is fund supervision by wording as well.
    expect(ids(detectMeasures('省医保局对定点医疗机构开展飞行检查。\n要求各定点医疗机构对照问题清单开展自查自纠。', catalogue))).toEqual([
      'fund-supervision',
      'flight-inspections',
      'self-inspection',
    ]);
  });
});
