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
 * `includes` per highlight, which keeps 10,000 highlights well inside one frame. When the library
 * changes, `update` folds only the highlights that changed and re-sorts only their groups.
 */
import type { HighlightRecord, StoredArticle } from '../db/schema';
import { foldKey } from '../text/fold';
import { displayTitle } from '../text/display-title';

/** What the library needs of a corpus article (StoredArticle has it all; no body needed). */
export type LibraryArticle = Pick<StoredArticle, 'id' | 'title' | 'date' | 'source'> &
  Partial<Pick<StoredArticle, 'key' | 'url' | 'measureIds'>>;

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
  /**
   * This index brought up to the library as it now is, folding only what changed: a highlight counts
   * as unchanged when it is the same record object with the same article object (the library feed,
   * lib/library/feed.ts, keeps both for what it did not re-read). The same index when nothing
   * changed; null when more than `maxChanges` highlights changed, for the caller to build anew in
   * slices (buildLibraryIndex, which still keeps the folds of unchanged records).
   */
  update(highlights: readonly HighlightRecord[], articles: readonly LibraryArticle[], maxChanges?: number): LibraryIndex | null;
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

/**
 * The comparison form of any text (lib/text/fold.ts's foldKey): NFKC (full-width ＤＲＧ２０２１ →
 * DRG2021, `（` → `(`), lower case, whitespace runs (U+3000 and NBSP included) to one space, trimmed,
 * and the quote family (“ ” 「 」 ‘ ’ …, which NFKC leaves alone) to the " and ' a reader types.
 */
export function foldForSearch(text: string): string {
  return foldKey(text, { case: 'lower', quotes: true });
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
 * in lib/highlights/store.ts, but without its localeCompare tie-breaks. The group key comes first,
 * so a group's entries are one run of the sorted array.
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

/** Highlights name their article by `sina:<id>` (a Sina page) or `corpus:<id>` (the reader page). */
function articlesByKey(articles: readonly LibraryArticle[]): Map<string, LibraryArticle> {
  const byKey = new Map<string, LibraryArticle>();
  for (const article of articles) {
    byKey.set(`corpus:${article.id}`, article);
    if (article.key) byKey.set(article.key, article);
  }
  return byKey;
}

const groupKeyOf = (h: HighlightRecord, article: LibraryArticle | undefined) => (article ? `corpus:${article.id}` : h.articleKey);

/** Newer first; the same instant by id, so every build agrees. */
const newer = (a: { h: HighlightRecord; createdMs: number }, b: { h: HighlightRecord; createdMs: number }) =>
  b.createdMs - a.createdMs || cmp(a.h.id, b.h.id);

/**
 * What a group shows: the corpus title (seed `_` quotes restored), else its newest highlight's title;
 * the corpus article's web link, else the newest highlight's that has one.
 */
function groupInfo(
  key: string,
  article: LibraryArticle | undefined,
  members: readonly { h: HighlightRecord; createdMs: number }[],
): GroupInfo {
  let newest: (typeof members)[number] | undefined;
  let linked: (typeof members)[number] | undefined;
  for (const m of members) {
    if (!newest || newer(m, newest) < 0) newest = m;
    if (isWebUrl(m.h.url) && (!linked || newer(m, linked) < 0)) linked = m;
  }
  return {
    key,
    article,
    title: article ? displayTitle(article.title) : (newest?.h.title ?? ''),
    url: isWebUrl(article?.url) ? article.url : linked?.h.url,
  };
}

/** The folded haystack of one highlight in its group; many highlights share a title, so titles are folded once each. */
function fold(h: HighlightRecord, group: GroupInfo, foldTitle: (title: string) => string): string {
  const titles = group.article ? [h.title, group.article.title, group.title] : [h.title];
  const fields = [h.quote.exact, h.note, ...h.tags].map(foldForSearch);
  for (const title of new Set(titles)) fields.push(foldTitle(title));
  return fields.join('\n');
}

function titleFolder(): (title: string) => string {
  const folded = new Map<string, string>();
  return (title) => {
    let f = folded.get(title);
    if (f === undefined) folded.set(title, (f = foldForSearch(title)));
    return f;
  };
}

/**
 * The entry of `h` in `group`: the previous one when nothing it was folded from changed (same record
 * object, same article, same group title), re-pointed at the new group details if they moved; else
 * folded anew (`folds` counts those).
 */
function entryFor(
  h: HighlightRecord,
  createdMs: number,
  group: GroupInfo,
  previous: Entry | undefined,
  foldTitle: (t: string) => string,
  folds: { n: number },
): Entry {
  if (previous && previous.h === h && previous.group.article === group.article && previous.group.title === group.title) {
    if (previous.group === group) return previous;
    return { h, hay: previous.hay, createdMs, group, ...(previous.measures && { measures: previous.measures }) };
  }
  folds.n++;
  return { h, hay: fold(h, group, foldTitle), createdMs, group };
}

/** What one index holds; an update shares it with the next index wherever nothing changed. */
interface IndexState {
  /** Sorted by compareEntries. */
  entries: Entry[];
  byId: Map<string, Entry>;
  options: LibraryIndexOptions;
}

/** Sorted `a` and sorted `b`, merged into one sorted array. */
function merge(a: Entry[], b: Entry[]): Entry[] {
  if (b.length === 0) return a;
  const out: Entry[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = compareEntries(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/** The first index of `entries` (sorted) whose group key is not below `key`. */
function firstOfGroup(entries: Entry[], key: string): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (entries[mid]!.group.key < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function createLibraryIndex(
  highlights: readonly HighlightRecord[],
  articles: readonly LibraryArticle[],
  options: LibraryIndexOptions = {},
): LibraryIndex {
  return runSteps(buildSteps(highlights, articles, options, undefined));
}

function runSteps<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Highlights folded between pauses in `buildLibraryIndex`. */
const FOLDS_PER_STEP = 500;

/**
 * `createLibraryIndex` in slices, yielding to the event loop between them: folding 10,000 highlights
 * in one go held the library page's main thread for 100 ms and more (scripts/bench/suites/load.ts).
 * With `previous`, what it folded for records that did not change is kept rather than folded again.
 */
export async function buildLibraryIndex(
  highlights: readonly HighlightRecord[],
  articles: readonly LibraryArticle[],
  options: LibraryIndexOptions = {},
  pause: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 0)),
  previous?: LibraryIndex | null,
): Promise<LibraryIndex> {
  const steps = buildSteps(highlights, articles, options, previous ? STATES.get(previous) : undefined);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

/** Every index's state, kept off its public face. */
const STATES = new WeakMap<LibraryIndex, IndexState>();

function* buildSteps(
  highlights: readonly HighlightRecord[],
  articles: readonly LibraryArticle[],
  options: LibraryIndexOptions,
  previous: IndexState | undefined,
): Generator<void, LibraryIndex, void> {
  const byKey = articlesByKey(articles);
  const members = new Map<string, { h: HighlightRecord; createdMs: number; article: LibraryArticle | undefined }[]>();
  for (const h of highlights) {
    const before = previous?.byId.get(h.id);
    const createdMs = before && before.h === h ? before.createdMs : Date.parse(h.createdAt);
    const article = byKey.get(h.articleKey);
    const key = groupKeyOf(h, article);
    let list = members.get(key);
    if (!list) members.set(key, (list = []));
    list.push({ h, createdMs, article });
  }
  yield;
  const foldTitle = titleFolder();
  const folds = { n: 0 };
  const entries: Entry[] = [];
  for (const [key, list] of members) {
    const group = groupInfo(key, list[0]!.article, list);
    for (const m of list) {
      const before = folds.n;
      entries.push(entryFor(m.h, m.createdMs, group, previous?.byId.get(m.h.id), foldTitle, folds));
      if (folds.n !== before && folds.n % FOLDS_PER_STEP === 0) yield;
    }
  }
  yield;
  // Sorted once: a query walks entries in this order, so each group's highlights come out in reading order.
  entries.sort(compareEntries);
  return makeIndex({ entries, byId: new Map(entries.map((e) => [e.h.id, e])), options });
}

/**
 * `previous` brought up to `highlights` and `articles` with work only for what changed: the groups
 * holding a new, changed (another record object) or removed highlight, or whose article changed, are
 * rebuilt; every other entry is shared. Null when more than `maxChanges` highlights changed.
 */
function updateState(
  previous: IndexState,
  highlights: readonly HighlightRecord[],
  articles: readonly LibraryArticle[],
  maxChanges: number,
): IndexState | null {
  const byKey = articlesByKey(articles);
  const changed: { h: HighlightRecord; article: LibraryArticle | undefined; key: string }[] = [];
  const affected = new Set<string>();
  let kept = 0;
  for (const h of highlights) {
    const before = previous.byId.get(h.id);
    const article = byKey.get(h.articleKey);
    if (before && before.h === h && before.group.article === article) {
      kept++;
      continue;
    }
    const key = groupKeyOf(h, article);
    changed.push({ h, article, key });
    affected.add(key);
    if (before) affected.add(before.group.key);
    if (changed.length > maxChanges) return null;
  }
  const replaced = changed.reduce((n, c) => n + (previous.byId.has(c.h.id) ? 1 : 0), 0);
  // Records gone from the library (deleted), found only when the counts say some are.
  let removed = 0;
  if (kept + replaced < previous.entries.length) {
    const present = new Set(highlights.map((h) => h.id));
    for (const e of previous.entries) {
      if (present.has(e.h.id)) continue;
      removed++;
      affected.add(e.group.key);
    }
    if (changed.length + removed > maxChanges) return null;
  }
  if (affected.size === 0) return previous;

  const changedIds = new Set(changed.map((c) => c.h.id));
  const foldTitle = titleFolder();
  const folds = { n: 0 };
  const rebuilt: Entry[] = [];
  const present = removed > 0 ? new Set(highlights.map((h) => h.id)) : undefined;
  for (const key of affected) {
    // The group's unchanged members (one run of the sorted entries), then its new or changed ones.
    const list: { h: HighlightRecord; createdMs: number; before: Entry | undefined }[] = [];
    let article: LibraryArticle | undefined;
    for (let i = firstOfGroup(previous.entries, key); i < previous.entries.length && previous.entries[i]!.group.key === key; i++) {
      const e = previous.entries[i]!;
      if (changedIds.has(e.h.id) || (present && !present.has(e.h.id))) continue;
      list.push({ h: e.h, createdMs: e.createdMs, before: e });
      article = e.group.article;
    }
    for (const c of changed) {
      if (c.key !== key) continue;
      const before = previous.byId.get(c.h.id);
      list.push({ h: c.h, createdMs: before && before.h === c.h ? before.createdMs : Date.parse(c.h.createdAt), before });
      article = c.article;
    }
    if (list.length === 0) continue;
    const group = groupInfo(key, article, list);
    for (const m of list) rebuilt.push(entryFor(m.h, m.createdMs, group, m.before, foldTitle, folds));
  }
  rebuilt.sort(compareEntries);
  const untouched = previous.entries.filter((e) => !affected.has(e.group.key));
  const entries = merge(untouched, rebuilt);
  const byId = new Map(previous.byId);
  for (const key of affected) {
    for (let i = firstOfGroup(previous.entries, key); i < previous.entries.length && previous.entries[i]!.group.key === key; i++)
      byId.delete(previous.entries[i]!.h.id);
  }
  for (const e of rebuilt) byId.set(e.h.id, e);
  return { entries, byId, options: previous.options };
}

function makeIndex(state: IndexState): LibraryIndex {
  const { entries, options } = state;

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
  const index: LibraryIndex = {
    query,
    size: entries.length,
    update(highlights, articles, maxChanges = Infinity) {
      const next = updateState(state, highlights, articles, maxChanges);
      if (next === null) return null;
      return next === state ? index : makeIndex(next);
    },
    measureIds: () => (offered ??= new Set(entries.flatMap((entry) => [...measuresOf(entry)]))),
  };
  STATES.set(index, state);
  return index;
}

/** Every highlight grouped by article (newest group first): what the exports take for "everything". */
export function groupAll(highlights: readonly HighlightRecord[], articles: readonly LibraryArticle[]): LibraryGroup[] {
  return createLibraryIndex(highlights, articles).query().groups;
}
