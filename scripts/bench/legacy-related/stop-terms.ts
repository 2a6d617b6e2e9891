// Copied unchanged from lib/related at c03d002 (the v3 layout), except imports; see db.ts.
/**
 * Terms that say nothing about an article's topic and are dropped before indexing.
 *
 * Why a list at all when IDF down-weights common terms: the reader's corpus starts with five seed
 * articles, where IDF cannot tell 工作 (in all five seeds, 32 times) from 集采 (in three). And a shared
 * term is shown to the reader as the reason two articles are related, where "工作" or "习近平总书记"
 * would be noise. The list is kept small on purpose: domain words such as 医保 and 医疗 (also in all
 * five seeds) stay, because they begin the phrases readers recognise (医保基金, 医疗服务价格) and a
 * larger corpus gives them a low IDF anyway.
 *
 * Chosen from the seeds' bigram counts (bigrams in ≥ 4 of 5 seeds, and the most frequent overall):
 * - particles: any bigram containing 的 or 了 (目的, 了解 are lost too; neither is a topic);
 * - fragments of function phrases: 进一步 (in all five seeds), 我们, 一个, 以及, 同时 …;
 * - reporting and directive verbs of government prose: 表示, 指出, 强调, 要求, 推进, 加强, 落实 …;
 * - the political preamble of meeting reports: 习近平总书记重要讲话精神, 学习贯彻, 党中央.
 */
const PARTICLES = ['的', '了'];

const STOP_BIGRAMS = new Set(
  [
    // function phrases
    '进一 一步 我们 他们 一个 以及 同时 其中 此外 目前 近日 今年 去年 有关 相关 方面 通过 按照 进行 已经 可以 不断',
    // reporting and directive verbs
    '表示 指出 强调 介绍 据悉 提到 要求 工作 推进 推动 加强 落实 深入 持续 坚持 开展 积极 全面 坚决 切实',
    // political preamble (习近平总书记重要讲话精神, 学习贯彻, 党中央, 决策部署)
    '习近 近平 平总 总书 书记 重要 要讲 讲话 精神 学习 贯彻 党中 中央 决策 策部 部署',
  ]
    .join(' ')
    .split(' '),
);

/** True for a term the index ignores; terms are already folded (see normalize.ts). */
export function isStopTerm(term: string): boolean {
  return isStopWord(term) || PARTICLES.some((p) => term.includes(p));
}

/**
 * True for a stop term that is a word of its own (工作, 加强), not a bigram made stop by a particle
 * (管的). A phrase ends where a stop word begins, but the 管 of 监管的 still belongs to 监管.
 */
export function isStopWord(term: string): boolean {
  return STOP_BIGRAMS.has(term);
}
