import { describe as suite, expect, it } from 'vitest';
import { matchQuote, type MatchResult } from './match-quote';
import { normalize } from './normalize';
import { describe, type AnchorSelectors } from './selectors';
import { CHUNK } from './approx-rounds';
import { ARTICLE, PARAGRAPHS, find, join, templateArticle } from '../../tests/support/anchoring';

/** Selectors for the first occurrence of `needle` in the original article. */
function select(needle: string, text = ARTICLE, from = 0): AnchorSelectors {
  const { start, end } = find(text, needle, from);
  return describe(text, start, end);
}

function anchoredText(text: string, result: MatchResult): string | null {
  return result.status === 'anchored' ? text.slice(result.start, result.end) : null;
}

const [P0, P1, P2, P3, P4, P5, P6] = PARAGRAPHS;

suite('matchQuote on unchanged and edited pages', () => {
  it('finds the quote where it was on an unchanged page', () => {
    const sel = select('守护好每一分“救命钱”');
    expect(matchQuote(ARTICLE, sel)).toMatchObject({
      status: 'anchored',
      method: 'exact',
      start: sel.position?.start,
      end: sel.position?.end,
      score: 1,
    });
  });

  it('follows the quote when a paragraph is inserted before it', () => {
    const sel = select('平均降价超过50%');
    const inserted = '　　【编者按】本文根据国家医保局新闻发布会内容整理。';
    const edited = join([inserted, ...PARAGRAPHS]);
    const result = matchQuote(edited, sel);
    expect(result).toMatchObject({ status: 'anchored', method: 'exact', start: (sel.position?.start ?? 0) + inserted.length + 1 });
    expect(anchoredText(edited, result)).toBe('平均降价超过50%');
  });

  it('is unaffected by insertions after the quote', () => {
    const sel = select('将继续深化医保支付方式改革');
    const edited = join([...PARAGRAPHS, '　　（记者 王敏）', '　　责任编辑：李桐']);
    expect(matchQuote(edited, sel)).toMatchObject({ status: 'anchored', start: sel.position?.start, end: sel.position?.end });
  });

  it.each<[what: string, needle: string, paragraphs: readonly string[]]>([
    ['follows the quote when paragraphs before it are deleted', '普通门诊费用纳入统筹基金支付范围', [P0, P3, P4, P5, P6]],
    ['follows a paragraph that was moved elsewhere', '国家组织药品集采共开展7批', [P4, P0, P1, P2, P3, P6, P5]],
    [
      'anchors a quote at the start of a moved paragraph, whose prefix changed completely',
      '此外，职工医保门诊共济保障机制改革稳步推进',
      [P0, P6, P1, P2, P3, P4, P5],
    ],
  ])('%s', (_what, needle, paragraphs) => {
    const edited = join(paragraphs);
    const result = matchQuote(edited, select(needle));
    expect(result.status).toBe('anchored');
    expect(anchoredText(edited, result)).toBe(needle);
  });

  it('ignores whitespace changes: dropped indents, added spaces and line breaks', () => {
    const sel = select('将持续加大打击欺诈骗保力度，守护好每一分“救命钱”');
    const edited = ARTICLE.replace(/　　/g, '').replace('打击欺诈骗保', '打击 欺诈骗保').replace('守护好', '\n守护好');
    const result = matchQuote(edited, sel);
    expect(result).toMatchObject({ status: 'anchored', method: 'exact' });
    expect(normalize(anchoredText(edited, result) ?? '')).toBe(normalize('将持续加大打击欺诈骗保力度，守护好每一分“救命钱”'));
  });

  it('ignores full-width ↔ half-width punctuation and digits, and quote styles', () => {
    const sel = select('医保基金是人民群众的“看病钱”“救命钱”。国家医保局相关负责人表示，');
    const edited = ARTICLE.replace('“看病钱”“救命钱”。', '"看病钱""救命钱".').replace('负责人表示，', '负责人表示, ');
    const result = matchQuote(edited, sel);
    expect(result).toMatchObject({ status: 'anchored', method: 'exact' });
    expect(anchoredText(edited, result)).toBe('医保基金是人民群众的"看病钱""救命钱".国家医保局相关负责人表示,');

    const figures = select('参保人数136297万人');
    const wide = ARTICLE.replace('136297', '１３６２９７');
    expect(anchoredText(wide, matchQuote(wide, figures))).toBe('参保人数１３６２９７万人');
  });

  it('anchors a slightly edited quote by fuzzy matching, in the right place', () => {
    const sel = select('将继续深化医保支付方式改革，推进DRG/DIP支付方式改革三年行动计划');
    const edited = ARTICLE.replace('将继续深化医保支付方式改革', '将持续深化医保支付方式改革');
    const result = matchQuote(edited, sel);
    expect(result).toMatchObject({ status: 'anchored', method: 'fuzzy' });
    expect(anchoredText(edited, result)).toBe('将持续深化医保支付方式改革，推进DRG/DIP支付方式改革三年行动计划');
  });

  it('anchors a fuzzy quote even without a position hint', () => {
    const { quote } = select('门诊待遇水平进一步提高');
    const edited = ARTICLE.replace('门诊待遇水平进一步提高', '门诊保障待遇水平进一步提高');
    const result = matchQuote(edited, { quote });
    expect(anchoredText(edited, result)).toBe('门诊保障待遇水平进一步提高');
  });

  it('finds an edited quote whole where it straddles two search chunks of a long text', () => {
    // Whitespace-free filler, so normalised and original offsets coincide and the quote can be put
    // exactly where the first chunk (CHUNK + 2 × quote length) cuts off its last two characters.
    const quoteText = '将继续深化医保支付方式改革，推进DRG/DIP支付方式改革三年行动计划';
    const filler = templateArticle(CHUNK + 2_000, 5)
      .join('')
      .replace(/\s/g, '')
      .slice(0, CHUNK + quoteText.length + 2);
    const original = `${filler}${quoteText}，到2025年底全面覆盖。`;
    const { quote } = describe(original, filler.length, filler.length + quoteText.length);
    const edited = original.replace('将继续深化', '将持续深化');
    const result = matchQuote(edited, { quote });
    expect(result).toMatchObject({ status: 'anchored', method: 'fuzzy', start: filler.length });
    expect(anchoredText(edited, result)).toBe(quoteText.replace('继续', '持续'));
  });

  it('orphans a quote whose sentence was deleted', () => {
    const sel = select('推进DRG/DIP支付方式改革三年行动计划');
    const edited = ARTICLE.replace('推进DRG/DIP支付方式改革三年行动计划，', '');
    const result = matchQuote(edited, sel);
    expect(result.status).toBe('orphan');
  });

  it('orphans a quote whose paragraph was deleted (not-found)', () => {
    const sel = select('普通门诊费用纳入统筹基金支付范围');
    expect(matchQuote(join([P0, P1, P2, P3, P4, P5] as string[]), sel)).toEqual({ status: 'orphan', reason: 'not-found' });
  });

  it('orphans a quote rewritten beyond recognition (low-score or not-found)', () => {
    const sel = select('守护好每一分“救命钱”');
    const edited = ARTICLE.replace('守护好每一分“救命钱”', '切实维护基金安全');
    expect(matchQuote(edited, sel).status).toBe('orphan');
  });
});

suite('matchQuote never moves a highlight to a look-alike with other figures', () => {
  const withoutP1 = join([P0, P2, P3, P4, P5, P6] as string[]);

  it('keeps the quote on its own year when both template sentences are present', () => {
    for (const needle of ['2021年全国医保基金支出2.4万亿元', '全国医保基金支出', '基金运行总体平稳，收支结构持续优化']) {
      const sel = select(needle);
      const result = matchQuote(ARTICLE, sel);
      expect(result, needle).toMatchObject({ status: 'anchored', start: sel.position?.start });
    }
  });

  it('orphans the quote when its sentence is deleted and only the other year remains', () => {
    for (const needle of [
      '2021年全国医保基金支出2.4万亿元',
      '全国医保基金支出',
      '医保基金支出',
      '万亿元，比上年增长',
      '比上年增长14.3%',
      '基金运行总体平稳，收支结构持续优化',
      '基金运行总体平稳',
    ]) {
      const result = matchQuote(withoutP1, select(needle));
      expect(result, needle).toEqual({ status: 'orphan', reason: 'figures-differ' });
    }
  });

  it('also orphans without a position hint or context', () => {
    const { quote } = select('2021年全国医保基金支出2.4万亿元');
    expect(matchQuote(withoutP1, { quote: { ...quote, prefix: '', suffix: '' } })).toEqual({ status: 'orphan', reason: 'figures-differ' });
  });

  it('orphans when the figure itself was corrected in place, rather than guessing', () => {
    const sel = select('2021年全国医保基金支出2.4万亿元');
    const corrected = ARTICLE.replace('2.4万亿元', '2.45万亿元');
    expect(matchQuote(corrected, sel)).toEqual({ status: 'orphan', reason: 'figures-differ' });
  });

  it('treats a changed multiplier as a different figure (2.4万亿 vs 2.4亿)', () => {
    const sel = select('医保基金支出2.4万亿元');
    const edited = join([P0, P2.replace('2.5万亿元', '2.4亿元'), P3] as string[]);
    expect(matchQuote(edited, sel).status).toBe('orphan');
  });

  it('does not move a short figure quote to the same figure in another sentence', () => {
    const sel = select('2.4万亿元');
    const summary = '　　数据显示，去年医保基金支出达2.4万亿元，基金运行安全平稳。';
    const withSummary = join([P0, P1, P2, P3, summary] as string[]);
    // Both present: the context picks the original.
    expect(matchQuote(withSummary, sel)).toMatchObject({ status: 'anchored', start: sel.position?.start });
    // Original gone: the only exact occurrence has the wrong context, so no guess.
    const result = matchQuote(join([P0, P2, P3, summary] as string[]), sel);
    expect(result).toEqual({ status: 'orphan', reason: 'low-score' });
  });

  it('orphans a deleted passage whose look-alike differs only in the figures of the neighbouring sentence', () => {
    // Template round-ups: the quote's own sentence has no figures, the sentence before it does. The
    // highlighted paragraph is deleted and last year's, word for word the same but for its figures,
    // stands far away: its context agrees in words only, and must not carry the highlight.
    const para = (amount: string, saved: string) =>
      `　　第27轮集采中，平均降价${amount}%，预计每年可节约药品费用${saved}亿元。广西壮族自治区医保局表示，将督促医疗机构优先使用中选产品，按时完成约定采购量。`;
    const filler = Array.from({ length: 40 }, (_, i) => `　　${P5}（之${i + 1}）`);
    const original = join([para('64.4', '2102.1'), ...filler]);
    const sel = select('医保局表示，将督促医疗机构优先使用中选产品', original);
    const edited = join([...filler, para('65.5', '2103.2')]);
    expect(matchQuote(edited, sel).status).toBe('orphan');
    // With its own figures, the same paragraph moved to the same place is still found.
    const moved = join([...filler, para('64.4', '2102.1')]);
    expect(anchoredText(moved, matchQuote(moved, sel))).toBe('医保局表示，将督促医疗机构优先使用中选产品');
  });

  it('finds the edited original, not the exact look-alike of the other year', () => {
    // The 2021 sentence was reworded; the 2022 sentence still has the quote's exact words.
    const sel = select('全国医保基金支出');
    const edited = ARTICLE.replace('2021年全国医保基金支出', '2021年全国医保基金总支出');
    const result = matchQuote(edited, sel);
    expect(result).toMatchObject({ status: 'anchored', method: 'fuzzy', start: sel.position?.start });
    expect(anchoredText(edited, result)).toBe('全国医保基金总支出');
  });

  it('handles a round-up of yearly template sentences: every deleted year orphans', () => {
    const years = [
      ['2018', '1.8', '12.3'],
      ['2019', '2.1', '10.1'],
      ['2020', '2.1', '0.9'],
      ['2021', '2.4', '14.3'],
      ['2022', '2.5', '2.3'],
    ];
    const sentence = ([y, x, g]: string[]) => `　　${y}年全国医保基金支出${x}万亿元，比上年增长${g}%，基金运行总体平稳。`;
    const full = join(years.map(sentence));
    years.forEach((row, i) => {
      const own = sentence(row);
      const at = full.indexOf(own);
      const rest = join(years.filter((_, j) => j !== i).map(sentence));
      for (const [from, to] of [
        [2, own.length],
        [7, 15],
        [own.indexOf('，') + 1, own.length - 1],
      ] as const) {
        const sel = describe(full, at + from, at + to);
        expect(matchQuote(full, sel), `${row[0]} unchanged`).toMatchObject({ status: 'anchored', start: at + from });
        const result = matchQuote(rest, sel);
        expect(result.status, `${row[0]} deleted: ${sel.quote.exact}`).toBe('orphan');
      }
    });
  });
});

suite('matchQuote with identical sentences', () => {
  // The same Q&A block rendered twice (it happens when a page embeds a "related" excerpt).
  const block =
    '　　问：医保基金监管有哪些新举措？\n　　答：医保基金是人民群众的“看病钱”“救命钱”，必须管好用好，坚决守住基金安全底线。下一步，将持续开展医保基金使用常态化监管，推进智能监控全覆盖。';
  const page = join([P0, block, P4, block, P6] as string[]);
  const firstAt = page.indexOf('必须管好用好');
  const secondAt = page.indexOf('必须管好用好', firstAt + 1);

  it('orphans as ambiguous when there is no position to tell them apart', () => {
    const { quote } = describe(page, firstAt, firstAt + 6);
    expect(matchQuote(page, { quote })).toEqual({ status: 'orphan', reason: 'ambiguous' });
  });

  it('lets the position decide when it points clearly at one of them', () => {
    const sel = describe(page, secondAt, secondAt + 6);
    expect(matchQuote(page, sel)).toMatchObject({ status: 'anchored', method: 'position', start: secondAt });
    const shifted = '　　（本报讯）' + page;
    expect(matchQuote(shifted, sel)).toMatchObject({ status: 'anchored', method: 'position', start: secondAt + 7 });
  });

  it('orphans as ambiguous when the position hint no longer points clearly at either', () => {
    const sel = describe(page, firstAt, firstAt + 6);
    const shifted = join([P1, P2, P3, page] as string[]);
    expect(matchQuote(shifted, sel)).toEqual({ status: 'orphan', reason: 'ambiguous' });
  });

  it('tells them apart by context when the context differs', () => {
    const distinct = join([P0, block, P4, block.replace('问：', '记者问：'), P6] as string[]);
    const at = distinct.indexOf('医保基金监管有哪些新举措', distinct.indexOf('记者问'));
    const { quote } = describe(distinct, at, at + 12);
    expect(matchQuote(distinct, { quote })).toMatchObject({ status: 'anchored', method: 'exact', start: at });
  });
});
