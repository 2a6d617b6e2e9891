import { describe, expect, it } from 'vitest';
import { compileCatalogue, detectMeasures, parseCatalogue, splitSentences, type MeasureHit } from '../../lib/measures';
import { AhoCorasick } from '../../lib/measures/aho-corasick';
import { loadCatalogueFile } from '../../lib/measures/load-catalogue';

const catalogue = loadCatalogueFile();

function ids(hits: MeasureHit[]): string[] {
  return hits.map((h) => h.measureId);
}

function hit(hits: MeasureHit[], id: string): MeasureHit {
  const found = hits.find((h) => h.measureId === id);
  if (!found) throw new Error(`no hit for ${id}; got ${ids(hits).join(', ')}`);
  return found;
}

describe('detectMeasures: folding surface forms', () => {
  it('folds 集采 / 带量采购 / 集中带量采购 into one measure with one mention each', () => {
    const text = '第五批集采平均降价56%。带量采购让药价回归合理。下一步扩大集中带量采购覆盖面。';
    const hits = detectMeasures(text, catalogue);
    expect(ids(hits)).toEqual(['volume-based-procurement']);
    expect(hits[0]!.mentions.map((m) => m.quote)).toEqual(['集采', '带量采购', '集中带量采购']);
  });

  it('counts a nested form once, as the longest surface form', () => {
    const text = '纵深推进药品和耗材集中带量采购改革。';
    const [procurement, ...rest] = detectMeasures(text, catalogue);
    expect(rest).toEqual([]);
    expect(procurement!.mentions).toHaveLength(1);
    expect(procurement!.mentions[0]!.quote).toBe('药品和耗材集中带量采购');
  });

  it('counts overlapping forms once, as the longest, and what that measure contains (国家医保谈判 | 谈判药品落地使用)', () => {
    const hits = detectMeasures('加大力度推进国家医保谈判药品落地使用。', catalogue);
    // Getting negotiated drugs used names the negotiation too (negotiated-drug-access contains nrdl-negotiation).
    expect(hits.map((h) => [h.measureId, h.mentions.map((m) => m.quote)])).toEqual([
      ['nrdl-negotiation', ['国家医保谈判']],
      ['negotiated-drug-access', ['国家医保谈判药品落地使用']],
    ]);
    // Measures that contain nothing are read once, as the longest form.
    expect(ids(detectMeasures('落实医疗保障基金使用监督管理条例。', catalogue))).toEqual(['fund-supervision-regulation']);
  });

  it('breaks a tie between equally long overlapping forms in favour of the earlier one', () => {
    const small = parseCatalogue({
      version: 1,
      measures: [
        { id: 'a', name: '甲乙丙丁', gloss: 'a', category: 'drug-procurement', description: 'a', aliases: ['乙丙'] },
        { id: 'b', name: '戊己庚辛', gloss: 'b', category: 'drug-procurement', description: 'b', aliases: ['丙丁'] },
      ],
    });
    const hits = detectMeasures('乙丙丁', small);
    expect(ids(hits)).toEqual(['a']);
  });
});

describe('detectMeasures: lures and context', () => {
  it('does not read 大病医疗 in an income-tax article as 大病保险', () => {
    const text = [
      '个人所得税专项附加扣除包括子女教育、继续教育、大病医疗、住房贷款利息等。',
      '纳税人发生的与基本医保相关的医药费用支出，扣除医保报销后个人负担（指医保目录范围内的自付部分）累计超过15000元的部分，可在汇算清缴时扣除，这与大病医疗保险的报销不同。',
    ].join('\n');
    expect(detectMeasures(text, catalogue)).toEqual([]);
  });

  it('still finds 大病保险 in an insurance paragraph', () => {
    const hits = detectMeasures('城乡居民大病保险起付线降至上年度人均可支配收入的50%。', catalogue);
    expect(ids(hits)).toEqual(['critical-illness-insurance']);
  });

  it('does not read the 基金监管司 office as fund supervision, but reads 医保基金监管 in the same text', () => {
    const text = '国家医保局基金监管司司长介绍，初步形成医保基金监管的高压态势。';
    const hits = detectMeasures(text, catalogue);
    expect(ids(hits)).toEqual(['fund-supervision']);
    expect(hit(hits, 'fund-supervision').mentions.map((m) => m.quote)).toEqual(['医保基金监管']);
  });

  it('needs health context for ambiguous short forms (集采 in a 5G tender is not drug procurement)', () => {
    expect(detectMeasures('中国移动公布5G基站集采结果，本次集中采购规模约为19万站。', catalogue)).toEqual([]);
    // Joint procurement is consumables procurement, named with procurement's own word (集采): both.
    expect(ids(detectMeasures('人工关节集采结果公布。', catalogue))).toEqual(['consumables-procurement', 'volume-based-procurement']);
  });

  it('looks for context in the whole paragraph, not only the sentence', () => {
    expect(detectMeasures('深化人事薪酬制度改革。', catalogue)).toEqual([]);
    expect(ids(detectMeasures('深化人事薪酬制度改革。合理确定公立医院薪酬水平。', catalogue))).toEqual(['pay-system-reform']);
    expect(detectMeasures('多家国有银行推进薪酬制度改革，对高管实行年薪制。', catalogue)).toEqual([]);
    // Context in another paragraph does not count.
    expect(detectMeasures('深化薪酬制度改革。\n公立医院要加强管理。', catalogue).map((h) => h.mentions[0]!.quote)).toEqual([]);
  });
});

describe('detectMeasures: width, offsets and sentences', () => {
  it('matches full-width letters and reports offsets into the original text', () => {
    const text = '推进ＤＲＧ付费和ｄｉｐ付费改革。';
    const hits = detectMeasures(text, catalogue);
    // ｄｉｐ付费改革 is also payment-method reform, by wording (DIP付费 + 改革).
    expect(ids(hits)).toEqual(['drg-payment', 'payment-method-reform', 'dip-payment']);
    for (const h of hits) for (const m of h.mentions) expect(text.slice(m.start, m.end)).toBe(m.quote);
    expect(hit(hits, 'drg-payment').mentions[0]).toMatchObject({ start: 2, end: 7, quote: 'ＤＲＧ付费' });
  });

  it('does not match Latin forms inside longer Latin words, but accepts DRGs', () => {
    expect(detectMeasures('医院的ADRGX系统', catalogue)).toEqual([]);
    const hits = detectMeasures('各地推进DRGs付费，DRG/DIP全覆盖。', catalogue);
    expect(hit(hits, 'drg-payment').mentions.map((m) => m.quote)).toEqual(['DRGs付费', 'DRG']);
    expect(hit(hits, 'dip-payment').mentions.map((m) => m.quote)).toEqual(['DIP']);
  });

  it('gives exact offsets, the trimmed sentence and its start, across paragraphs', () => {
    const text = '原标题：医保工作会议召开\n会议指出，要持续加大监管力度。要严厉打击欺诈骗保行为；完善异地就医结算管理和服务！';
    const hits = detectMeasures(text, catalogue);
    expect(ids(hits)).toEqual(['anti-fraud-crackdown', 'cross-region-settlement']);
    const fraud = hit(hits, 'anti-fraud-crackdown').mentions[0]!;
    const fraudSentence = '要严厉打击欺诈骗保行为；';
    expect(fraud).toEqual({
      start: text.indexOf('打击欺诈骗保'),
      end: text.indexOf('打击欺诈骗保') + 6,
      quote: '打击欺诈骗保',
      sentence: fraudSentence,
      sentenceStart: text.indexOf(fraudSentence),
      by: 'name',
    });
    const settlement = hit(hits, 'cross-region-settlement').mentions[0]!;
    expect(settlement.sentence).toBe('完善异地就医结算管理和服务！');
    expect(text.slice(settlement.sentenceStart, settlement.sentenceStart + settlement.sentence.length)).toBe(settlement.sentence);
  });

  it('orders hits by their first mention and mentions by position', () => {
    const text = '推进医联体建设。扩大集采范围，集采药品质量监管。医联体和县域医共体。';
    const hits = detectMeasures(text, catalogue);
    expect(ids(hits)).toEqual(['medical-alliance', 'volume-based-procurement', 'county-medical-community']);
    expect(hit(hits, 'medical-alliance').mentions.map((m) => m.start)).toEqual([2, text.lastIndexOf('医联体')]);
  });

  it('returns nothing for text without measures, and for empty text', () => {
    expect(detectMeasures('今天天气晴朗，股市小幅上涨。', catalogue)).toEqual([]);
    expect(detectMeasures('', catalogue)).toEqual([]);
  });
});

describe('detectMeasures on a long article', () => {
  // Its speed is measured by `npm run bench -- measures`, not here.
  it('finds every mention in a 100 KB article, compiling the matcher once', () => {
    const paragraph =
      '国家医保局表示，将深化医保支付方式改革，推进DRG/DIP付费，扩大集采品种范围，完善异地就医结算。今天股市上涨，基金净值波动。\n';
    const text = paragraph.repeat(Math.ceil(100_000 / paragraph.length));
    expect(compileCatalogue(catalogue)).toBe(compileCatalogue(catalogue));
    const hits = detectMeasures(text, catalogue);
    expect(hit(hits, 'volume-based-procurement').mentions.length).toBe(Math.ceil(100_000 / paragraph.length));
  });
});

describe('AhoCorasick', () => {
  it('finds every occurrence of every pattern, nested and overlapping ones included', () => {
    const patterns = ['集采', '带量采购', '集中带量采购', '采购', 'aa'];
    const text = '集中带量采购与集采，aaa';
    const expected: string[] = [];
    patterns.forEach((p, i) => {
      for (let at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + 1)) expected.push(`${i}@${at}`);
    });
    const found = new AhoCorasick(patterns).search(text).map((m) => `${m.pattern}@${m.start}`);
    expect(found.sort()).toEqual(expected.sort());
  });

  it('agrees with a naive search on random text', () => {
    const alphabet = '医保药集采量带';
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const word = (len: number): string => Array.from({ length: len }, () => alphabet[random(alphabet.length)]).join('');
    const patterns = Array.from({ length: 40 }, () => word(1 + random(4)));
    const text = word(2000);
    const naive: string[] = [];
    patterns.forEach((p, i) => {
      for (let at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + 1)) naive.push(`${i}@${at}`);
    });
    const found = new AhoCorasick(patterns).search(text).map((m) => `${m.pattern}@${m.start}`);
    expect(found.sort()).toEqual(naive.sort());
  });
});

describe('splitSentences', () => {
  it('splits on 。！？； and newlines, keeps closing quotes with their sentence and trims indents', () => {
    const text = '　　韩正指出：医保基金是“救命钱。”要加大力度！真的吗？是的；\n　　第二段';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      '韩正指出：医保基金是“救命钱。”',
      '要加大力度！',
      '真的吗？',
      '是的；',
      '第二段',
    ]);
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});
