import { afterEach, describe, expect, it } from 'vitest';
import { anchorAll, describeRange, type AnchorOutcome, type HighlightToAnchor } from './anchor';
import { normalize } from './normalize';
import { describe as describeText, type AnchorSelectors } from './selectors';
import { buildTextMap } from './text-map';
import { PARAGRAPHS, rng, templateArticle } from '../../tests/support/anchoring';

const skipPromo = (el: Element) => el.classList.contains('appendQr_wrap');

/**
 * Render paragraphs as a Sina-like article body. Editors bold amounts now and then, so the first
 * amount in every third paragraph (from the second) goes into <strong>.
 */
function render(paragraphs: readonly string[], withPromo = false): Element {
  const html = paragraphs
    .map(
      (p, i) =>
        `<p cms-style="font-L" data-i="${i}">${i % 3 === 1 ? p.replace(/(\d+(?:\.\d+)?(?:万亿|亿)元)/, '<strong>$1</strong>') : p}</p>`,
    )
    .join('\n');
  const promo = withPromo ? '<style>.appendQr_wrap{}</style><div class="appendQr_wrap">下载新浪财经APP，查看更多医保资讯</div>' : '';
  document.body.innerHTML = `<div class="article" id="artibody">${html}${promo}</div>`;
  return document.getElementById('artibody') as Element;
}

function paragraphOf(outcome: AnchorOutcome | undefined): string | null {
  if (outcome?.status !== 'anchored') return null;
  return outcome.range.startContainer.parentElement?.closest('p')?.getAttribute('data-i') ?? null;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('describeRange + anchorAll in the DOM', () => {
  it('describes a selection across paragraphs and re-anchors it after the page was edited', async () => {
    let root = render(PARAGRAPHS, true);
    let map = buildTextMap(root, { skip: skipPromo });
    const ps = root.querySelectorAll('p');
    const range = document.createRange();
    range.setStart(ps[3]?.firstChild as Text, 2 + '医保基金是人民群众的'.length);
    range.setEnd(ps[4]?.firstChild as Text, 2 + '在药品集中带量采购方面'.length);
    const sel = describeRange(map, range);
    expect(sel?.quote.exact).toBe(
      '“看病钱”“救命钱”。国家医保局相关负责人表示，将持续加大打击欺诈骗保力度，守护好每一分“救命钱”。\n　　在药品集中带量采购方面',
    );
    if (!sel) return;

    // Next visit: an editor's note on top, indents gone, the last paragraph removed.
    const edited = ['　　【编者按】以下为国家医保局新闻发布会要点。', ...PARAGRAPHS.slice(0, 6).map((p) => p.replace(/^　　/, ''))];
    root = render(edited, true);
    map = buildTextMap(root, { skip: skipPromo });
    const [outcome] = await anchorAll(root, [{ id: 'h1', ...sel }], { skip: skipPromo, map });
    expect(outcome).toMatchObject({ id: 'h1', status: 'anchored', method: 'exact' });
    if (outcome?.status !== 'anchored') return;
    expect(normalize(outcome.range.toString())).toBe(normalize(sel.quote.exact));
    expect(paragraphOf(outcome)).toBe('4'); // P3 moved down by the editor's note
  });

  it('describes a selection that starts inside an inline element and re-anchors it there', async () => {
    const root = render(PARAGRAPHS);
    const map = buildTextMap(root);
    const strong = root.querySelector('p[data-i="1"] strong')?.firstChild as Text;
    expect(strong.data).toBe('2.4万亿元');
    const range = document.createRange();
    range.setStart(strong, 3); // "万亿元…"
    range.setEnd(root.querySelector('p[data-i="2"]')?.firstChild as Text, 7); // "…2022年"
    const sel = describeRange(map, range);
    expect(sel?.quote.exact).toBe('万亿元，比上年增长14.3%，基金运行总体平稳，收支结构持续优化。\n　　2022年');
    if (!sel) return;
    const [outcome] = await anchorAll(root, [{ id: 'h', ...sel }]);
    expect(outcome?.status).toBe('anchored');
    if (outcome?.status !== 'anchored') return;
    expect(outcome.range.startContainer).toBe(strong);
    expect(outcome.range.startOffset).toBe(3);
  });

  it('leaves text in skipped promo blocks out of both the quote and the anchor', async () => {
    const root = render(PARAGRAPHS, true);
    const map = buildTextMap(root, { skip: skipPromo });
    const range = document.createRange();
    range.setStart(root.querySelector('p[data-i="6"]')?.firstChild as Text, 2);
    range.setEnd(root.querySelector('.appendQr_wrap')?.firstChild as Text, 4);
    const sel = describeRange(map, range);
    expect(sel?.quote.exact.startsWith('此外，职工医保门诊共济')).toBe(true);
    expect(sel?.quote.exact).not.toContain('下载');
  });

  it('returns an orphan with its reason, never drops a highlight', async () => {
    const root = render(PARAGRAPHS);
    const text = buildTextMap(root).text;
    const at = text.indexOf('2021年全国医保基金支出2.4万亿元');
    const highlights: HighlightToAnchor[] = [
      { id: 'gone', quote: { type: 'TextQuoteSelector', exact: '切实维护基金安全，严厉打击欺诈骗保', prefix: '', suffix: '' } },
      {
        id: 'year',
        quote: { type: 'TextQuoteSelector', exact: '2020年全国医保基金支出2.1万亿元', prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: at, end: at + 20 },
      },
    ];
    expect(await anchorAll(root, highlights)).toEqual([
      { id: 'gone', status: 'orphan', reason: 'not-found' },
      { id: 'year', status: 'orphan', reason: 'figures-differ' },
    ]);
  });

  it('stops between slices when aborted', async () => {
    const root = render(templateArticle(20_000));
    const text = buildTextMap(root).text;
    const highlights = Array.from({ length: 50 }, (_, i) => ({ id: String(i), ...describeText(text, i * 300 + 5, i * 300 + 25) }));
    const controller = new AbortController();
    const seen: number[] = [];
    const run = anchorAll(root, highlights, {
      budgetMs: 0,
      signal: controller.signal,
      onOutcome: (_, i) => {
        seen.push(i);
        if (i === 2) controller.abort(new Error('page left'));
      },
    });
    await expect(run).rejects.toThrow('page left');
    expect(seen.length).toBeLessThan(highlights.length);
  });
});

/** Highlights of 6–60 characters in random paragraphs, described from the original text. */
function pickHighlights(paragraphs: readonly string[], text: string, count: number, seed: number) {
  const next = rng(seed);
  const starts: number[] = [];
  let offset = 0;
  for (const p of paragraphs) {
    starts.push(offset);
    offset += p.length + 1;
  }
  return Array.from({ length: count }, (_, id) => {
    const para = Math.floor(next() * paragraphs.length);
    const p = paragraphs[para] as string;
    const length = 6 + Math.floor(next() * 55);
    const from = (starts[para] ?? 0) + 2 + Math.floor(next() * (p.length - length - 2));
    const sel: AnchorSelectors = describeText(text, from, from + length);
    return { id: String(id), para, ...sel };
  });
}

describe('anchorAll on a long article', () => {
  it('anchors 200 highlights in a 100 KB article in slices, never in a look-alike', async () => {
    const original = templateArticle(100_000, 7);
    let root = render(original);
    const text = buildTextMap(root).text;
    expect(text.length).toBeGreaterThan(100_000);

    const picks = pickHighlights(original, text, 200, 42);

    // The next visit: a note inserted on top, five paragraphs deleted, two swapped, punctuation
    // re-typeset half-width in every tenth paragraph, and a phrase reworded in every seventh.
    const deleted = new Set(picks.slice(0, 5).map((h) => h.para));
    const reworded = (i: number) => i % 7 === 3;
    const edit = (p: string, i: number) => {
      const q = i % 10 === 0 ? p.replace(/，/g, ',').replace(/。/g, '.') : p;
      return reworded(i) ? q.replace('确保参保群众', '切实确保参保群众') : q;
    };
    const kept = original.map((p, i) => ({ p: edit(p, i), i })).filter(({ i }) => !deleted.has(i));
    const a = kept.findIndex(({ i }) => i === 3);
    const b = kept.length - 3;
    [kept[a], kept[b]] = [kept[b] as (typeof kept)[number], kept[a] as (typeof kept)[number]];
    const editedParas = ['　　【编者按】以下数据来自各省医疗保障局公开信息，本报记者整理。', ...kept.map(({ p }) => p)];
    const originalIndex = ['note', ...kept.map(({ i }) => String(i))];
    root = render(editedParas);

    // How long the slices take is the bench's to measure (`npm run bench -- anchoring`, longest
    // block); here: the work really is split into slices that give the page its turn.
    let slices = 0;
    const outcomes = await anchorAll(root, picks, { budgetMs: 8, onSlice: () => (slices += 1) });

    expect(outcomes).toHaveLength(200);
    expect(slices).toBeGreaterThan(20);

    const methods = new Map<string, number>();
    outcomes.forEach((outcome, k) => {
      const pick = picks[k] as (typeof picks)[number];
      const label = `${pick.quote.exact} (paragraph ${pick.para})`;
      if (deleted.has(pick.para)) {
        // Its paragraph is gone and the look-alikes differ only in figures: it must be an orphan.
        expect(outcome.status, label).toBe('orphan');
        return;
      }
      const stillVerbatim = normalize(edit(original[pick.para] as string, pick.para)).includes(normalize(pick.quote.exact));
      if (stillVerbatim) expect(outcome.status, label).toBe('anchored');
      if (outcome.status !== 'anchored') return;
      methods.set(outcome.method, (methods.get(outcome.method) ?? 0) + 1);
      // Wherever it anchored, it is in its own paragraph — never in a look-alike.
      expect(originalIndex[Number(paragraphOf(outcome))], label).toBe(String(pick.para));
      if (stillVerbatim) expect(normalize(outcome.range.toString()), label).toBe(normalize(pick.quote.exact));
    });
    expect(methods.get('exact')).toBeGreaterThan(150);
    expect(methods.get('fuzzy')).toBeGreaterThan(0); // the reworded phrases
  }, 60_000);
});
