/**
 * Search-as-you-type over the reader's highlights, for the library page: quotes, notes, tags and
 * article titles, with filters (colour, policy measure, date range), grouped by article.
 *
 * Chinese has no spaces between words, so matching is plain substring search on normalised text
 * (see foldForSearch); space-separated terms must all match (AND). Everything is code-unit
 * arithmetic (no Intl.Segmenter, no localeCompare, no toLocaleLowerCase), so Chrome and Firefox
 * return the same results in the same order.
 *
 * createLibraryIndex folds every highlight's searchable text once; a query is then a few
 * `includes` per highlight, which keeps 10,000 highlights well inside one frame.
 */
import type { HighlightRecord, StoredArticle } from '../db/schema';
import { foldText } from '../related/normalize';
import { displayTitle } from '../text/display-title';

/** What the library needs of a corpus article (StoredArticle has it all; no body needed). */
export type LibraryArticle = Pick<StoredArticle, 'id' | 'title' | 'date' | 'source'> & Partial<Pick<StoredArticle, 'key' | 'url' | 'measureIds'>>;

export interface LibraryQuery {
  /** Space-separated terms, all of which must occur (in the quote, note, tags or title). */
  text?: string;
  /** Palette ids; empty or absent means every colour. */
  colors?: Iterable<string>;
  /** A measure catalogue id; see `matchesMeasure` below for what counts. */
  measureId?: string;
  /** Local calendar dates `YYYY-MM-DD`, both inclusive, compared with the highlight's createdAt. */
  from?: string;
  to?: string;
}

export interface LibraryGroup {
  /**
   * The group's identity: `corpus:<id>` for an article in the corpus (so its highlights from the live
   * Sina page and from the reader page are one group), else the highlights' articleKey.
   */
  key: string;
  /** The corpus article's id, when the article is in the corpus. */
  articleId?: string;
  /** The corpus title for display (seed `_` quotes restored), else the newest highlight's title. */
  title: string;
  /** An http(s) link to the article (the Sina page), when one is known. */
  url?: string;
  /** Publication date (ISO 8601) from the corpus; absent when the article is not in it. */
  date?: string;
  /** The 来源 line from the corpus; '' when unknown. */
  source: string;
  count: number;
  /** createdAt of the newest matching highlight: groups are ordered by it, newest first. */
  newestAt: string;
  /** Matching highlights in reading order. */
  highlights: HighlightRecord[];
}

export interface LibraryResult {
  groups: LibraryGroup[];
  /** Matching highlights over all groups. */
  total: number;
}

export interface LibraryIndex {
  query(query?: LibraryQuery): LibraryResult;
  /** Highlights indexed. */
  readonly size: number;
  /** Every measure some highlight is about (see measuresOf): what the measure filter can find. */
  measureIds(): ReadonlySet<string>;
}

export interface LibraryIndexOptions {
  /**
   * Measure ids mentioned in a text, e.g. `(t) => detectMeasures(t, catalogue).map((h) => h.measureId)`.
   * Used only for highlights whose article's measures are unknown (see matchesMeasure); without it
   * those highlights never match a measure filter. Kept as a callback so this module does not pull
   * in the catalogue.
   */
  detectMeasureIds?: (text: string) => readonly string[];
}

// Editors write “ ” 「 」 and ‘ ’ where a reader types " and ': fold them together. NFKC leaves them alone.
const DOUBLE_QUOTES = /[“”„‟「」『』〝〞]/g;
const SINGLE_QUOTES = /[‘’‚‛]/g;

/**
 * The comparison form of any text: NFKC (full-width ＤＲＧ２０２１ → DRG2021, `（` → `(`), lower
 * case, whitespace runs (U+3000 and NBSP included) to one space, trimmed, curly quotes to straight.
 * String.prototype.toLowerCase is locale-independent, unlike toLocaleLowerCase.
 */
export function foldForSearch(text: string): string {
  return foldText(text).replace(DOUBLE_QUOTES, '"').replace(SINGLE_QUOTES, "'");
}

/**
 * The query's terms, folded, in order, without repeats. A leading `#` is dropped so that a tag
 * copied from the Markdown export (`#基金监管`) finds the tag.
 */
export function searchTerms(text: string | undefined): string[] {
  if (!text) return [];
  const terms = foldForSearch(text)
    .split(' ')
    .map((term) => term.replace(/^#+/, ''))
    .filter((term) => term !== '');
  return [...new Set(terms)];
}

const DAY_MS = 86_400_000;
const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Local midnight starting the calendar day `ymd`, in ms; `end` gives the next day's midnight
 * (the range is half-open, so a highlight at 23:59:59.999 on `to` is still in). `new Date(y, m, d)`
 * follows the reader's time zone and its daylight-saving rules, which is what "this day" means to them.
 */
function localDayStart(ymd: string, field: 'from' | 'to'): number {
  const m = YMD.exec(ymd);
  const date = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : undefined;
  if (!m || !date || date.getFullYear() !== Number(m[1]) || date.getMonth() !== Number(m[2]) - 1 || date.getDate() !== Number(m[3])) {
    throw new RangeError(`Search highlights: ${field}: expected a date as YYYY-MM-DD (got "${ymd}")`);
  }
  return date.getTime();
}

function nextLocalDay(start: number): number {
  const d = new Date(start);
  // Not start + 24 h: a daylight-saving day is 23 or 25 hours long.
  const next = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
  return Number.isFinite(next) ? next : start + DAY_MS;
}

/** Code-unit order: deterministic everywhere, unlike localeCompare. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isWebUrl(url: string | undefined): url is string {
  return url !== undefined && /^https?:\/\//i.test(url);
}

interface GroupInfo {
  key: string;
  article: LibraryArticle | undefined;
  title: string;
  url: string | undefined;
}

interface Entry {
  h: HighlightRecord;
  /** Folded quote, note, tags and titles, separated by '\n' (which no folded term contains). */
  hay: string;
  createdMs: number;
  group: GroupInfo;
  /** Measures of this highlight per matchesMeasure; computed on the first measure query. */
  measures?: ReadonlySet<string>;
}

/**
 * Reading order: position in the article text, then creation, then id. Like compareReadingOrder
 * in lib/highlights/store.ts, but without its localeCompare tie-breaks.
 */
function compareEntries(a: Entry, b: Entry): number {
  return (
    cmp(a.group.key, b.group.key) ||
    a.h.position.start - b.h.position.start ||
    a.h.position.end - b.h.position.end ||
    a.createdMs - b.createdMs ||
    cmp(a.h.id, b.h.id)
  );
}

export function createLibraryIndex(
  highlights: readonly HighlightRecord[],
  articles: readonly LibraryArticle[],
  options: LibraryIndexOptions = {},
): LibraryIndex {
  const steps = libraryIndexSteps(highlights, articles, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Highlights folded between pauses in `libraryIndexSteps`. */
const FOLDS_PER_STEP = 500;

/**
 * `createLibraryIndex` in slices, yielding to the event loop between them: folding 10,000 highlights
 * in one go held the library page's main thread for 100 ms and more (scripts/bench/suites/load.ts).
 */
export async function buildLibraryIndex(
  highlights: readonly HighlightRecord[],
  articles: readonly LibraryArticle[],
  options: LibraryIndexOptions = {},
  pause: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 0)),
): Promise<LibraryIndex> {
  const steps = libraryIndexSteps(highlights, articles, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

function* libraryIndexSteps(highlights: readonly HighlightRecord[], articles: readonly LibraryArticle[], options: LibraryIndexOptions): Generator<void, LibraryIndex, void> {
  // Highlights name their article by `sina:<id>` (a Sina page) or `corpus:<id>` (the reader page).
  const byKey = new Map<string, LibraryArticle>();
  for (const article of articles) {
    byKey.set(`corpus:${article.id}`, article);
    if (article.key) byKey.set(article.key, article);
  }

  // Newest highlight per article first, so a group's fallback title and link come from it.
  const createdMs = new Map(highlights.map((h) => [h, Date.parse(h.createdAt)]));
  const newestFirst = [...highlights].sort((a, b) => createdMs.get(b)! - createdMs.get(a)! || cmp(a.id, b.id));
  const groupOf = new Map<HighlightRecord, GroupInfo>();
  const groups = new Map<string, GroupInfo>();
  for (const h of newestFirst) {
    const article = byKey.get(h.articleKey);
    const key = article ? `corpus:${article.id}` : h.articleKey;
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        article,
        title: article ? displayTitle(article.title) : h.title,
        url: isWebUrl(article?.url) ? article.url : isWebUrl(h.url) ? h.url : undefined,
      };
      groups.set(key, group);
    } else if (group.url === undefined && isWebUrl(h.url)) {
      group.url = h.url;
    }
    groupOf.set(h, group);
  }

  // Many highlights share a title: fold each distinct one once.
  const foldedTitles = new Map<string, string>();
  const foldTitle = (title: string) => {
    let folded = foldedTitles.get(title);
    if (folded === undefined) foldedTitles.set(title, (folded = foldForSearch(title)));
    return folded;
  };
  yield;
  const entries: Entry[] = [];
  for (const h of highlights) {
    if (entries.length > 0 && entries.length % FOLDS_PER_STEP === 0) yield;
    const group = groupOf.get(h)!;
    const titles = group.article ? [h.title, group.article.title, group.title] : [h.title];
    const fields = [h.quote.exact, h.note, ...h.tags].map(foldForSearch);
    for (const title of new Set(titles)) fields.push(foldTitle(title));
    entries.push({ h, hay: fields.join('\n'), createdMs: createdMs.get(h)!, group });
  }
  yield;
  // Sorted once: a query walks entries in this order, so each group's highlights come out in reading order.
  entries.sort(compareEntries);

  /**
   * A highlight is about a measure when its article mentions the measure (StoredArticle.measureIds,
   * found on the whole text with paragraph context). The library is browsed by article, and a
   * highlight's relevance inside its article is what the text search narrows. A quote is part of its
   * article, so "the article mentions it OR the quote does" is the article's list; the quote is
   * read (detectMeasureIds) only when the article's list is unknown: not in the corpus, or not indexed.
   */
  function measuresOf(entry: Entry): ReadonlySet<string> {
    if (entry.measures) return entry.measures;
    const known = entry.group.article?.measureIds;
    entry.measures = new Set(known ?? options.detectMeasureIds?.(entry.h.quote.exact) ?? []);
    return entry.measures;
  }

  function query(q: LibraryQuery = {}): LibraryResult {
    const terms = searchTerms(q.text);
    const colors = q.colors ? new Set(q.colors) : undefined;
    const colorFilter = colors && colors.size > 0 ? colors : undefined;
    const measureId = q.measureId || undefined;
    const fromMs = q.from ? localDayStart(q.from, 'from') : -Infinity;
    const toMs = q.to ? nextLocalDay(localDayStart(q.to, 'to')) : Infinity;

    const out = new Map<string, LibraryGroup>();
    const newestMs = new Map<LibraryGroup, number>();
    let total = 0;
    for (const entry of entries) {
      if (colorFilter && !colorFilter.has(entry.h.color)) continue;
      if (!(entry.createdMs >= fromMs && entry.createdMs < toMs)) continue;
      if (measureId && !measuresOf(entry).has(measureId)) continue;
      if (!terms.every((term) => entry.hay.includes(term))) continue;
      total++;
      let group = out.get(entry.group.key);
      if (!group) {
        const info = entry.group;
        group = {
          key: info.key,
          ...(info.article && { articleId: info.article.id }),
          title: info.title,
          ...(info.url !== undefined && { url: info.url }),
          ...(info.article && { date: info.article.date }),
          source: info.article?.source ?? '',
          count: 0,
          newestAt: entry.h.createdAt,
          highlights: [],
        };
        out.set(info.key, group);
        newestMs.set(group, entry.createdMs);
      }
      group.count++;
      group.highlights.push(entry.h);
      if (entry.createdMs > newestMs.get(group)!) {
        group.newestAt = entry.h.createdAt;
        newestMs.set(group, entry.createdMs);
      }
    }
    const groups = [...out.values()].sort((a, b) => newestMs.get(b)! - newestMs.get(a)! || cmp(a.key, b.key));
    return { groups, total };
  }

  let offered: ReadonlySet<string> | undefined;
  const measureIds = () => (offered ??= new Set(entries.flatMap((entry) => [...measuresOf(entry)])));

  return { query, size: entries.length, measureIds };
}

/** Every highlight grouped by article (newest group first): what the exports take for "everything". */
export function groupAll(highlights: readonly HighlightRecord[], articles: readonly LibraryArticle[]): LibraryGroup[] {
  return createLibraryIndex(highlights, articles).query().groups;
}
