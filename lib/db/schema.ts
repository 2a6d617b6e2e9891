/**
 * The one IndexedDB database of Policy Lens, in the extension's origin (background, panel, popup, options
 * and reader pages share it; content scripts reach it through messages). Every schema change is a new
 * `version(n)` below, never an edit of an old one, so a reader's data upgrades in place.
 */
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { Article } from '../corpus/article';
import { emptyRelatedIndex } from '../related/index-reset';
import { articleHeadsMiddleware, fillArticleHeads, type ArticleHead } from './article-heads';

export const DB_NAME = 'policy-lens';

/** An article as stored: the parsed record plus what the extension derives and tracks for it. */
export type StoredArticle = Article & {
  /** When it entered this reader's corpus (ISO 8601). */
  addedAt: string;
  /** Body fingerprint for identity across URLs and markup changes (v2). */
  fingerprint?: string;
  /** Catalogue ids of the policy measures it mentions (v2). */
  measureIds?: string[];
  /** For each measure it mentions, the first sentence that does: the measure's timeline shows it. */
  measureSentences?: Record<string, string>;
  /** For each measure, how often it is mentioned, title mentions counting thrice (v4, related articles). */
  measureCounts?: Record<string, number>;
};

export type HighlightRecord = {
  id: string;
  /** Canonical article key: `sina:<id>` for Sina pages, `corpus:<articleId>` in the reader page. */
  articleKey: string;
  url: string;
  title: string;
  quote: { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string };
  position: { type: 'TextPositionSelector'; start: number; end: number };
  color: string;
  note: string;
  tags: string[];
  createdAt: string;
  updatedAt: string;
};

export type SettingRecord = { key: string; value: unknown };
export type MetaRecord = { key: string; value: unknown };

/**
 * Related-articles index, laid out as in schema v4 (lib/related/index-store.ts describes it).
 *
 * `terms`: per key (a term, or a topic: `measure:<id>`, `category:<id>`), how many indexed articles
 * are posted under it (df, for IDF) and the number of its last postings block (`tail`). Small rows:
 * indexing an article rewrites only the rows of its own key terms (up to v3 these rows also held every
 * posting of the term, so each new article rewrote lists that grow with the corpus).
 */
export type TermStats = { term: string; df: number; tail?: number };
/**
 * `postings`: a key's postings in blocks of at most POSTING_BLOCK, keyed [term, block]: the articles
 * posted under it with the key's weight in each, packed (lib/related/postings.ts): `ids` joined by
 * U+001F, `weights` in the same order. A new article appends to the last block of each of its keys.
 */
export type PostingBlock = { term: string; block: number; ids: string; weights: Float32Array };
/**
 * `docs`: per indexed article, what a query by id, removal and re-weighing need without reading the
 * article: its features (key terms, policy words, measures, threads) with their counts, the block each
 * is posted in (`blocks`, in the same order; none for an article outside the policy family, which is
 * not posted), whether it is a policy article, and its measure ids.
 */
export type DocVector = {
  id: string;
  features: [key: string, count: number][];
  blocks: number[];
  policy: boolean;
  measureIds: string[];
};

export type LensDB = Dexie & {
  articles: EntityTable<StoredArticle, 'id'>;
  highlights: EntityTable<HighlightRecord, 'id'>;
  settings: EntityTable<SettingRecord, 'key'>;
  meta: EntityTable<MetaRecord, 'key'>;
  /** v4: per term its df and last postings block; up to v3 its df and all its postings. */
  terms: EntityTable<TermStats, 'term'>;
  /** v4: the postings, in blocks (see PostingBlock). */
  postings: Dexie.Table<PostingBlock, [string, number]>;
  docs: EntityTable<DocVector, 'id'>;
  /** v3: the small fields of each article, kept equal to `articles` (lib/db/article-heads.ts). */
  articleHeads: EntityTable<ArticleHead, 'id'>;
};

/** Schema history. Tests open the database at each version to prove upgrades keep user data. */
export const SCHEMA_VERSIONS = {
  1: {
    articles: 'id, key, titleNorm, origin, date',
    highlights: 'id, articleKey, createdAt, updatedAt, color, *tags',
    settings: 'key',
    meta: 'key',
  },
  2: {
    articles: 'id, key, titleNorm, origin, date, fingerprint, *measureIds',
    terms: 'term',
    docs: 'id',
  },
  3: {
    articleHeads: 'id, key, date, *mentions',
  },
  4: {
    postings: '[term+block]',
  },
} as const;

export const LATEST_VERSION = 4;

/** What an upgrade to a version must do to data already stored, beyond new tables and indexes. */
const UPGRADES: Partial<Record<number, (tx: Transaction) => Promise<void>>> = {
  3: fillArticleHeads,
  4: emptyRelatedIndex,
};

export function openLensDB(name = DB_NAME, upTo: number = LATEST_VERSION): LensDB {
  const db = new Dexie(name) as LensDB;
  for (const [v, stores] of Object.entries(SCHEMA_VERSIONS)) {
    const version = Number(v);
    if (version > upTo) continue;
    const upgrade = UPGRADES[version];
    if (upgrade) db.version(version).stores(stores).upgrade(upgrade);
    else db.version(version).stores(stores);
  }
  if (upTo >= 3) db.use(articleHeadsMiddleware);
  return db;
}

let shared: LensDB | undefined;
/** The database for this extension context, opened once. */
export function lensDB(): LensDB {
  shared ??= openLensDB();
  return shared;
}
