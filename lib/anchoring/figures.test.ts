import { describe, expect, it } from 'vitest';
import { alignedFiguresAgree, figureValues, figuresAgree } from './figures';

describe('figureValues', () => {
  it('reads Arabic figures with separators, decimals, multipliers and per cent as whole tokens', () => {
    expect(figureValues('2021年全国医保基金支出2.4万亿元，比上年增长14.3%')).toEqual(['2021', '2.4万亿', '14.3%']);
    expect(figureValues('累计节约费用1,234.5亿元')).toEqual(['1234.5亿']);
    expect(figureValues('参保人数136297万人')).toEqual(['136297万']);
  });

  it('folds full-width digits and leading zeros so a re-typeset date still compares equal', () => {
    expect(figureValues('２０２１年０６月０４日')).toEqual(figureValues('2021年6月4日'));
    expect(figureValues('增长１４．３％')).toEqual(['14.3%']);
  });

  it('counts Chinese numerals that are quantities, not those inside ordinary words', () => {
    expect(figureValues('国家组织药品集采共开展第七批，“十四五”期间')).toEqual(['七', '十四五']);
    expect(figureValues('三年行动计划，百分之二十')).toEqual(['三', '二十']);
    expect(figureValues('进一步统一规范，一些地方')).toEqual([]);
  });
});

describe('figuresAgree', () => {
  const stored = { prefix: '以上。\n　　2021年', exact: '全国医保基金支出', suffix: '2.4万亿元，比上年增长14.3%，基金运行' };

  it('accepts the same figures', () => {
    expect(figuresAgree(stored, stored)).toBe(true);
  });

  it('rejects a place whose own sentence has other figures next to the quote', () => {
    expect(
      figuresAgree(stored, { prefix: '以上。\n　　2022年', exact: '全国医保基金支出', suffix: '2.5万亿元，比上年增长2.3%，基金运行' }),
    ).toBe(false);
  });

  it('ignores figures in other sentences of the context window', () => {
    const other = { prefix: '参保率稳定在96%以上。\n　　2021年', exact: '全国医保基金支出', suffix: '2.4万亿元，比上年增长14.3%。2023年' };
    expect(figuresAgree({ ...stored, prefix: '参保率稳定在95%以上。\n　　2021年' }, other)).toBe(true);
  });

  it('compares a figure cut by the quote boundary as a whole', () => {
    const a = { prefix: '医保基金支出', exact: '2.', suffix: '4万亿元' };
    expect(figuresAgree(a, { prefix: '医保基金支出', exact: '2.', suffix: '5万亿元' })).toBe(false);
    expect(figuresAgree(a, a)).toBe(true);
  });

  it('ignores a figure cut in half at the far edge of a context window', () => {
    const a = { prefix: '36297万人，参保率', exact: '稳定', suffix: '' };
    const b = { prefix: '136297万人，参保率', exact: '稳定', suffix: '' };
    expect(figuresAgree(a, b)).toBe(true);
  });
});

describe('alignedFiguresAgree', () => {
  it('rejects a context side that reads word for word the same with other figures (a look-alike)', () => {
    expect(
      alignedFiguresAgree(
        '平均降价64.4%，预计每年可节约药品费用2102.1亿元。广',
        '平均降价65.5%，预计每年可节约药品费用2103.2亿元。广',
        'prefix',
      ),
    ).toBe(false);
    expect(alignedFiguresAgree('。下一步，2023年将覆盖全部统筹地区', '。下一步，2024年将覆盖全部统筹地区', 'suffix')).toBe(false);
  });

  it('accepts the same figures, whatever the whitespace and punctuation widths', () => {
    expect(alignedFiguresAgree('费用2102.1亿元。\n　　广', '费用２１０２．１亿元．广', 'prefix')).toBe(true);
  });

  it('ignores figures once the words around them differ (a neighbouring sentence rewritten or replaced)', () => {
    // The paragraph after the quote is another one now; both happen to start with a year.
    expect(alignedFiguresAgree('量。\n　　2019年，辽宁省医保部门共检查', '量。\n　　2023年重庆市医保基金支出', 'suffix')).toBe(true);
    expect(alignedFiguresAgree('参保人数136297万人，参保率', '全年新增参保人员3万人，参保率', 'prefix')).toBe(true);
  });

  it('ignores a figure cut at the far edge of the context window', () => {
    expect(alignedFiguresAgree('36297万人，参保率', '46297万人，参保率', 'prefix')).toBe(true);
  });
});
