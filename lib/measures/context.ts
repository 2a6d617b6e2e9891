/**
 * Medical-security context: where in an article a measure may be found at all.
 *
 * A finance site uses the catalogue's words on every beat: 集中采购 of servers and battery cells,
 * 飞行检查 of airlines and factories, 跨省通办 of pensions, 基金监管 of private funds, 专项整治 of
 * food safety. Such a form names a medical-security measure only in medical-security text. The
 * catalogue's `context` block lists the words only that text uses (medical: 医保, 药品, 患者 …), and
 * a mention, by name or by wording, counts only where
 *
 *   - its paragraph is medical: it has a medical word and no word of another field (notMedical:
 *     宠物, 兽药 … whose 医院, 疫苗 and 集中采购 are an animal's), or
 *   - the article is medical as a whole: at least half of its paragraphs are.
 *
 * The second clause keeps the paragraphs of a plan or a report that name a measure without a
 * medical word of their own (在筹资运行方面，健全……机制; 巩固提高统筹层次); the first keeps a health
 * paragraph in an article about something else. An article with no medical paragraph reports nothing.
 *
 * A generic mention (one whose own words hold no medical word: 医养结合, 绩效考核, 年薪制) in a
 * sentence about a company's own business (business: 旗下, 该公司, 运营模式 …) is that company's way
 * of working, not a policy, unless the sentence also names a policy act or actor (policy: 国家, 政策,
 * 中选, 落地 …): 公司旗下养老社区采用医养结合的运营模式 is not 医养结合 the policy, 公司产品在国家
 * 组织集采中未中选 is 集采. The same holds for the names of a `trade` measure, medical words and all:
 * what companies run or sell under the measure's own names (公司旗下互联网医院, 家庭医生会员,
 * 银行代销商业健康险) is their business; what they can only take part in (承办大病保险, 受DRG付费
 * 改革影响) keeps the exemption.
 *
 * Alias and rule `requires` lists look at the paragraph; a list with an insurance word (医保, 医疗保障)
 * asks only for insurance context, which the article's topic gives as well: detect.ts lets such a form
 * count in a paragraph without its words when the article names a measure of the same category
 * outright (一是开展飞行检查。 under a notice on 医保基金监管), or when most of the article's
 * paragraphs have an insurance word (an insurance article as a whole).
 *
 * The same pass finds where a mention would cut a word in two: the catalogue's wholeWords may not
 * straddle a mention's edge (村医|保专干 holds 医保, not 村医; 加|强基层 holds 加强, not 强基层).
 */

export interface ContextIndex {
  /**
   * True when a mention of the folded span [start, end) stands where a measure may be found. With
   * `trade`, the mention is of a measure whose names companies use for their own business, and its
   * medical words do not spare it the business-sentence rule.
   */
  allows(start: number, end: number, trade?: boolean): boolean;
  /** True when a span from `start` to `end` cuts a whole word at either edge. */
  cuts(start: number, end: number): boolean;
}

/** What the collector is told about, during the detector's single automaton pass. */
export type ContextWordKind = 'medical' | 'notMedical' | 'business' | 'policy' | 'whole';

export interface ContextLayout {
  /** False for a catalogue without a context block: then everything is allowed. */
  enabled: boolean;
  /** Paragraph and sentence index of a folded offset. */
  paragraphAt(offset: number): number;
  paragraphCount: number;
  /** Paragraphs that hold any text (a blank line is not a paragraph without medical words). */
  paragraphHasText(index: number): boolean;
  sentenceAt(offset: number): number;
}

export class ContextCollector {
  private readonly medical: { start: number; end: number }[] = [];
  private readonly notMedical: number[] = [];
  private readonly business: number[] = [];
  private readonly policy: number[] = [];
  /** cut[i] = 1 when some whole-word occurrence has boundary i strictly inside it. */
  private readonly cut: Uint8Array;

  constructor(private readonly textLength: number) {
    this.cut = new Uint8Array(textLength + 1);
  }

  word(kind: ContextWordKind, start: number, end: number): void {
    switch (kind) {
      case 'medical':
        this.medical.push({ start, end });
        return;
      case 'notMedical':
        this.notMedical.push(start);
        return;
      case 'business':
        this.business.push(start);
        return;
      case 'policy':
        this.policy.push(start);
        return;
      case 'whole':
        for (let i = start + 1; i < end; i++) this.cut[i] = 1;
    }
  }

  finish(layout: ContextLayout): ContextIndex {
    const cut = this.cut;
    const cuts = (start: number, end: number): boolean => cut[start] === 1 || cut[end] === 1;
    if (!layout.enabled) return { allows: () => true, cuts };

    const medical = new Uint8Array(layout.paragraphCount);
    for (const { start } of this.medical) medical[layout.paragraphAt(start)] = 1;
    for (const start of this.notMedical) medical[layout.paragraphAt(start)] = 0;
    let withText = 0;
    let medicalCount = 0;
    for (let i = 0; i < layout.paragraphCount; i++) {
      if (!layout.paragraphHasText(i)) continue;
      withText++;
      medicalCount += medical[i]!;
    }
    const wholeArticle = withText > 0 && medicalCount * 2 >= withText;

    // earliestEnd[p]: the smallest end of a medical word starting at p or later, so that a span
    // [s, e) holds a medical word exactly when earliestEnd[s] <= e.
    const earliestEnd = new Int32Array(this.textLength + 2).fill(this.textLength + 1);
    for (const { start, end } of this.medical) earliestEnd[start] = Math.min(earliestEnd[start]!, end);
    for (let p = this.textLength - 1; p >= 0; p--) earliestEnd[p] = Math.min(earliestEnd[p]!, earliestEnd[p + 1]!);
    const businessSentences = new Set(this.business.map((s) => layout.sentenceAt(s)));
    const policySentences = new Set(this.policy.map((s) => layout.sentenceAt(s)));

    return {
      cuts,
      allows(start, end, trade = false) {
        if (!wholeArticle && medical[layout.paragraphAt(start)] !== 1) return false;
        if (!trade && earliestEnd[start]! <= end) return true;
        const sentence = layout.sentenceAt(start);
        return !businessSentences.has(sentence) || policySentences.has(sentence);
      },
    };
  }
}
