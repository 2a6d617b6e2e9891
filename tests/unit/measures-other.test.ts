import { describe, expect, it } from 'vitest';
import { detectMeasures, findMeasureLikeSentences } from '../../lib/measures';
import { loadCatalogueFile } from '../../lib/measures/load-catalogue';
import { readSeedText, seedFiles } from '../measures/seed-text';

const catalogue = loadCatalogueFile();

function other(text: string, limit?: number) {
  return findMeasureLikeSentences(text, detectMeasures(text, catalogue), { limit });
}

describe('findMeasureLikeSentences', () => {
  it('offers an uncatalogued measure with its verb, object and deadline', () => {
    const text = '会议提出，国家医保局将于2022年6月底前出台罕见病用药保障管理办法。今天股市上涨。';
    expect(other(text)).toEqual([
      {
        sentence: '会议提出，国家医保局将于2022年6月底前出台罕见病用药保障管理办法。',
        start: 0,
        end: text.indexOf('今天'),
        verb: '出台',
        object: '罕见病用药保障管理办法',
        deadline: '2022年6月底前',
        cue: 'verb-object+deadline',
        score: 7,
      },
    ]);
  });

  it('recognises the deadline forms of policy documents, and not a reporting range', () => {
    const deadlineOf = (sentence: string) => other(sentence)[0]?.deadline;
    expect(deadlineOf('2021年9月底前印发罕见病用药保障文件。')).toBe('2021年9月底前');
    expect(deadlineOf('年底前建立罕见病用药保障机制。')).toBe('年底前');
    expect(deadlineOf('到2025年基本建立罕见病用药保障机制。')).toBe('到2025年');
    expect(deadlineOf('自2022年1月1日起实施新的罕见病用药保障办法。')).toBe('自2022年1月1日起');
    expect(deadlineOf('２０２１年９月底前印发罕见病用药保障文件。')).toBe('２０２１年９月底前');
    expect(deadlineOf('2018年至2021年10月共检查并规范罕见病用药保障工作。')).toBeUndefined();
  });

  it('does not read a state as of a date (截至, 截止到) as a deadline', () => {
    expect(other('截至2023年底，试点城市参保人数超过1.8亿人，有效减轻了失能人员家庭负担。')).toEqual([]);
    expect(other('截止到2024年6月，全市累计建立罕见病用药保障台账1.2万份。')).toEqual([]);
  });

  it('reports verb, object and deadline as written on the page (full-width and all)', () => {
    const [found] = other('２０２２年底前推行ＡＩ辅助审核制度。');
    expect(found).toMatchObject({ verb: '推行', object: 'ＡＩ辅助审核制度', deadline: '２０２２年底前' });
  });

  it('offers a deadline-only sentence when nothing in it is catalogued', () => {
    const [found] = other('相关工作要在2023年6月底前全部完成。');
    expect(found).toMatchObject({ cue: 'deadline', deadline: '2023年6月底前', score: 3 });
    expect(found).not.toHaveProperty('verb');
  });

  it('skips clauses that already name a catalogued measure, and anaphoric follow-ups of them', () => {
    expect(other('加大力度推进国家医保谈判药品落地使用，2021年8月底前进一步完善相关政策措施。')).toEqual([]);
    expect(other('推进深化医疗服务价格改革试点，2021年9月底前印发政策文件。')).toEqual([]);
  });

  it('never offers market commentary or a forecast, whatever verbs it uses', () => {
    expect(other('机构预计，年内10年期国债收益率将在2.6%至2.8%之间波动，央行或将进一步降低政策利率。')).toEqual([]);
    expect(other('业内人士表示，建筑企业需要加强对供应商的资质审核和过程管理。')).toEqual([]);
    expect(other('分析师认为，明年将推出更多稳增长政策。')).toEqual([]);
    // The same action stated by an authority is offered.
    expect(other('住房城乡建设部要求，建筑企业要加强对供应商的资质审核和过程管理。')).toHaveLength(1);
  });

  it('never offers what deputies suggest, courts decide or companies plan', () => {
    expect(other('全国人大代表建议，建立罕见病用药保障机制。')).toEqual([]);
    expect(other('法院一审判处被告人有期徒刑五年，并处罚金。')).toEqual([]);
    expect(other('该公司公告称，将建立覆盖全国的药品配送体系。')).toEqual([]);
    expect(other('公司年内推出多款带病体可投保的医疗险产品，并将部分目录外特药费用纳入保障责任。')).toEqual([]);
    expect(other('多家药企将建立罕见病患者援助项目。')).toEqual([]);
  });

  it('never offers the sentence a scholar or commentator is quoted for', () => {
    expect(other('统筹之前，先要统一政策。该学者说，最难的一步是把各地政策“拉齐”。')).toEqual([]);
    // Said by an authority, it is offered.
    expect(other('统筹之前，先要统一罕见病用药保障政策。省医保局负责人说，年底前完成。')).not.toEqual([]);
  });

  it('does not offer a heading for the clause it heads, only the clause', () => {
    const text = '统一病种目录。《细则》将全省罕见病病种统一为60种，各地不得自行增设。\n提高待遇水平。';
    expect(other(text).map((f) => f.sentence)).toEqual(['提高待遇水平。']);
  });

  it('does not read a noun subject or a reported effect as an action', () => {
    expect(other('试点也推动了护理服务业的发展。')).toEqual([]);
    expect(other('推进了罕见病用药保障工作。')).toEqual([]);
  });

  it('offers a deadline-only sentence only when it directs something', () => {
    expect(other('负责人表示，“十四五”时期工作的着力点是从“有没有”转向“好不好”。')).toEqual([]);
    expect(other('相关工作要在2023年6月底前全部完成。')).toHaveLength(1);
    // 应 of 应用, 要 of 重要, 需 of 需求 direct nothing.
    expect(other('平台应用场景不断丰富，重要数据需求年内增长一倍。')).toEqual([]);
    expect(other('相关工作应在2023年6月底前全部完成。')).toHaveLength(1);
  });

  it('never offers a stock-market report', () => {
    expect(other('资本市场上，AI应用、算力租赁等概念股近期表现活跃，多只个股年内涨幅超过一倍。')).toEqual([]);
  });

  it('skips political boilerplate that shares the verbs', () => {
    expect(other('要深入学习、深刻领会、坚决贯彻、全面落实习近平总书记重要讲话精神。')).toEqual([]);
    expect(other('聚焦广大群众期盼持续推进医改。')).toEqual([]);
  });

  it('deduplicates repeated sentences, ranks by score and honours the limit', () => {
    const lead = '建立罕见病用药保障机制。';
    const text = `${lead}\n加强医学人才培养和使用。\n${lead}\n2022年底前出台罕见病用药保障办法。`;
    const found = other(text);
    expect(found.map((f) => f.sentence)).toEqual(['2022年底前出台罕见病用药保障办法。', lead, '加强医学人才培养和使用。']);
    expect(found.map((f) => f.score)).toEqual([7, 4, 3]);
    expect(other(text, 1)).toHaveLength(1);
  });

  it('offers only a few, plausible sentences on the seeds', () => {
    const offered = Object.fromEntries(seedFiles().map((seed) => [seed, other(readSeedText(seed)).map((f) => f.sentence)]));
    expect(offered['002_46347148a7041363.txt']).toEqual(['《工作任务》还明确，加强医学人才培养和使用。', '同时，增强药品供应保障能力。']);
    expect(offered['000_92f23ab5315a9f72.txt']).toContain(
      '要强化企业履约情况监督，督促各地规范采购报量工作，解决好药品和耗材配送问题，多措并举加强中选产品供应保障。',
    );
    // The party-meeting seed is all boilerplate and catalogued measures.
    expect(offered['003_1aa75d1e9cbd6e08.txt']).toEqual([]);
    for (const list of Object.values(offered)) expect(list.length).toBeLessThanOrEqual(8);
  });
});
