/**
 * Data and page code for the load bench (suites/load.ts): a library of 10,000 articles and 10,000
 * highlights, made in Node and written into the extension's IndexedDB from inside an extension page.
 *
 *  - Articles: the related bench's synthetic Chinese policy news (suites/related-corpus.ts), each
 *    made a full corpus record with `buildArticle` (validated by the product's ArticleSchema) as an
 *    article the reader read on Sina: origin 'read', a `sina:<id>` key and its desktop URL.
 *  - Highlights on those articles: a substring of the article's text described with the product's
 *    `describe()` (quote with 32 characters of context, and position), a colour, a note on some, tags
 *    on some; validated by the product's HighlightRecordSchema.
 *  - Highlights on the article page the bench opens: described in that page, on its live text map
 *    (`describerBundle`), so they anchor exactly as a reader's would.
 */
import { buildArticle } from '../../lib/corpus/article';
import { pageBundle } from './page-bundle';
import type { HighlightRecord } from '../../lib/db/schema';
import { describe } from '../../lib/anchoring/selectors';
import { HIGHLIGHT_COLORS } from '../../lib/highlights/colors';
import { HighlightRecordSchema } from '../../lib/highlights/store';
import type { ArticleWire } from './load-filler';
import { generateCorpus, prng, seedSentences } from './suites/related-corpus';

export type { ArticleWire };

/** What the filler bundle puts on `window.__lensLoad` in the extension page. */
export type LoadFillerGlobal = typeof import('./load-filler');

/** What the describer bundle puts on `window.__lensDescribe` in an article page. */
export type LensDescribeGlobal = {
  /** `count` short, non-overlapping highlights spread evenly over the article body's text. */
  spread(count: number): { exact: string; prefix: string; suffix: string; start: number; end: number }[];
  textLength(): number;
  /** The article as the content script sends it to the background (readArticlePage, toPageArticle). */
  pageArticle(): Promise<unknown>;
};

const SOURCES = ['新华社', '人民日报', '经济日报', '中国证券报', '央视网', '第一财经', '21世纪经济报道', '健康报'];
const TAGS = ['集采', '基金监管', 'DRG', '医保目录', '异地就医', '长护险', '待跟进', '数据', '政策原文'];

/** The synthetic article `i`'s Sina id: 7 letters and 7 digits, like `kqcfnaz9077291`. */
export const syntheticId = (i: number, letters = 'kzbench') => `${letters}${String(i).padStart(7, '0')}`;

export type SyntheticOptions = {
  /** Another seed gives other articles (the related bench's generator). */
  seed?: number;
  /** 7 letters starting each Sina id: other letters, other ids. */
  letters?: string;
  /** The first article's date (then every ~5 hours). */
  from?: Date;
};

/** `count` synthetic articles as corpus records read on Sina, ready to send to the filler. */
export function syntheticArticles(root: string, count: number, options: SyntheticOptions = {}): ArticleWire[] {
  const generated = generateCorpus(count, root, ...(options.seed !== undefined ? [options.seed] : []));
  const t0 = options.from?.getTime() ?? Date.UTC(2018, 0, 1, 0, 30);
  return generated.map((g, i) => {
    // Distinct dates (every ~5 hours over six years) keep ids distinct even when titles repeat.
    const at = new Date(t0 + i * 5 * 3600_000 + (i % 7) * 60_000);
    const day = at.toISOString().slice(0, 10);
    const id = syntheticId(i, options.letters);
    const article = buildArticle({
      key: `sina:${id}`,
      url: `https://finance.sina.com.cn/china/${day}/doc-i${id}.shtml`,
      title: g.title,
      date: at.toISOString(),
      categories: [],
      source: SOURCES[i % SOURCES.length]!,
      paragraphs: g.text.split('\n'),
      images: [],
      origin: 'read',
    });
    const { text: _text, lead: _lead, length: _length, ...wire } = article;
    return { ...wire, addedAt: new Date(at.getTime() + 3600_000).toISOString() };
  });
}

function uuid(rand: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

type Base = Pick<HighlightRecord, 'articleKey' | 'url' | 'title'>;

function record(rand: () => number, base: Base, sel: ReturnType<typeof describe>, createdAt: Date, notes: string[]): HighlightRecord {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const at = createdAt.toISOString();
  return HighlightRecordSchema.parse({
    id: uuid(rand),
    ...base,
    quote: sel.quote,
    position: sel.position,
    color: pick(HIGHLIGHT_COLORS),
    note: rand() < 0.3 ? pick(notes) : '',
    tags: rand() < 0.2 ? [pick(TAGS), ...(rand() < 0.3 ? [pick(TAGS)] : [])] : [],
    createdAt: at,
    updatedAt: at,
  }) as HighlightRecord;
}

/**
 * `count` highlights on the synthetic articles, `perArticle` on each of the first count/perArticle
 * articles: a quote of 6–40 characters somewhere in its text.
 */
export function syntheticHighlights(root: string, articles: ArticleWire[], count: number, perArticle: number): HighlightRecord[] {
  const rand = prng(90210);
  const notes = seedSentences(root).filter((s) => s.length <= 120);
  const out: HighlightRecord[] = [];
  for (let i = 0; out.length < count; i++) {
    const a = articles[Math.floor(i / perArticle) % articles.length]!;
    const text = a.paragraphs.join('\n');
    const length = 6 + Math.floor(rand() * 35);
    const start = Math.floor(rand() * Math.max(1, text.length - length));
    let sel: ReturnType<typeof describe>;
    try {
      sel = describe(text, start, start + length);
    } catch {
      continue; // only whitespace there
    }
    const createdAt = new Date(Date.parse(a.addedAt) + Math.floor(rand() * 86_400_000));
    out.push(record(rand, { articleKey: a.key!, url: a.url!, title: a.title }, sel, createdAt, notes));
  }
  return out;
}

/** Highlight records for the article page from selectors described in that page. */
export function pageHighlights(root: string, base: Base, selectors: ReturnType<LensDescribeGlobal['spread']>): HighlightRecord[] {
  const rand = prng(4701953);
  const notes = seedSentences(root).filter((s) => s.length <= 120);
  const t0 = Date.UTC(2024, 5, 1);
  return selectors.map((s, i) =>
    record(
      rand,
      base,
      { quote: { type: 'TextQuoteSelector', exact: s.exact, prefix: s.prefix, suffix: s.suffix }, position: { type: 'TextPositionSelector', start: s.start, end: s.end } },
      new Date(t0 + i * 60_000),
      notes,
    ),
  );
}

/** The filler, for an extension page: sets `window.__lensLoad` (load-filler.ts). */
export function fillerBundle(root: string): Promise<string> {
  return pageBundle(root, `import * as filler from './scripts/bench/load-filler'; window.__lensLoad = filler;`);
}

/**
 * The describer, for an article page: the body's text exactly as the content script maps it
 * (findBody, buildTextMap with the shared promo skip), and selectors made with the product's describe().
 */
export function describerBundle(root: string): Promise<string> {
  return pageBundle(
    root,
    `
    import { buildTextMap, describe } from './lib/anchoring';
    import { isNotArticleText } from './lib/highlights/skip';
    import { findBody } from './lib/sina/markup';
    import { readArticlePage } from './lib/sina/read-article-page';
    import { toPageArticle } from './lib/contexts/sina-page/page-article';
    const map = () => {
      const body = findBody(document);
      if (!body) throw new Error('no article body on this page');
      return buildTextMap(body.el, { skip: isNotArticleText });
    };
    window.__lensDescribe = {
      textLength: () => map().text.length,
      async pageArticle() {
        const read = await readArticlePage(document, location.href, { timeoutMs: 5000 });
        if (!read.ok) throw new Error('not an article: ' + read.reason);
        return toPageArticle(read.article);
      },
      spread(count) {
        // Slots over the non-space characters, so every slot has text: quotes of up to 6 of them, never overlapping.
        const text = map().text;
        const solid = [];
        for (let i = 0; i < text.length; i++) if (!/[\\s\\u200b\\ufeff]/.test(text[i])) solid.push(i); // describe()'s edge spaces
        const out = [];
        for (let k = 0; k < count; k++) {
          const a = Math.floor((k * solid.length) / count);
          const b = Math.min(a + 5, Math.floor(((k + 1) * solid.length) / count) - 1);
          if (b < a) continue;
          const d = describe(text, solid[a], solid[b] + 1);
          out.push({ exact: d.quote.exact, prefix: d.quote.prefix, suffix: d.quote.suffix, start: d.position.start, end: d.position.end });
        }
        return out;
      },
    };`,
  );
}
