/**
 * Which articles the reader opens join the corpus ("grow the corpus as I read", on by default): those
 * that touch the medical-security policy family, so that an iPhone launch or a bond column never
 * becomes "related" to 医保 news through words like 更多, 加大, 代表. An article touches the family
 * when the catalogue finds a measure in it, or when policy words make up enough of it
 * (lib/related policyTopicScore, POLICY_TOPIC_THRESHOLD, calibrated on the dev split). An article the
 * reader highlights always joins, policy or not: the reader said it matters (keepHighlightedArticle).
 * The options page says exactly this (settings.addReadHelp).
 */
import type { Article } from '../corpus/article';
import type { LensDB, StoredArticle } from '../db/schema';
import { detectMeasures, type Catalogue } from '../measures';
import { PageArticleSchema, type PageArticle } from '../messages/contract';
import { isPolicyText } from '../related';
import { findSameArticle } from '../identity/find-same-article';
import { articleFromPage } from './page-to-article';
import { storeReadArticle } from './store-read';

/** Why an article the reader opened is not in the corpus. */
export type NotAdded = 'setting-off' | 'not-policy';

export function touchesPolicy(article: Pick<Article, 'title' | 'text'>, catalogue: Catalogue): boolean {
  return detectMeasures(article.text, catalogue).length > 0 || isPolicyText(article);
}

export type GrowOptions = {
  db: LensDB;
  catalogue: Catalogue;
  now?: () => Date;
  /** Index after storing (lib/insight/index-queue.ts); without it, indexed in the same transaction. */
  indexLater?: (id: string) => void;
};

/**
 * Stores an article the reader read (origin 'read') with its derived fields, indexed now or queued:
 * added beside what is stored, never over it (store-read.ts). `added` is false when the same body was
 * stored already; null when the browser had no room for it.
 */
export async function storeRead(article: Article, opts: GrowOptions): Promise<{ article: StoredArticle; added: boolean } | null> {
  const record = { ...article, origin: 'read' as const, addedAt: (opts.now ?? (() => new Date()))().toISOString() };
  const stored = await storeReadArticle(opts.db, record, opts.catalogue, { indexNow: !opts.indexLater });
  if (stored?.added) opts.indexLater?.(stored.article.id);
  return stored;
}

/**
 * The article of a page the reader just highlighted joins the corpus if it is not there yet (the
 * setting off means the reader wants nothing added). Whether it was stored.
 */
export async function keepHighlightedArticle(page: PageArticle, opts: GrowOptions & { addToCorpus: boolean }): Promise<boolean> {
  if (!opts.addToCorpus) return false;
  const article = articleFromPage(page);
  if (await findSameArticle(opts.db, article)) return false;
  return (await storeRead(article, opts))?.added ?? false;
}

/**
 * After the reader highlighted something on a Sina page: asks the page for its article (`askPage`,
 * the content script's `tab:article`) and keeps it, when the corpus does not hold it yet. The answer
 * is checked like any message (PageArticleSchema) and must be the highlighted article. Whether it was
 * stored.
 */
export async function keepArticleOfHighlight(
  articleKey: string,
  askPage: () => Promise<unknown>,
  opts: GrowOptions & { addToCorpus: boolean },
): Promise<boolean> {
  if (!opts.addToCorpus || (await opts.db.articles.where('key').equals(articleKey).count()) > 0) return false;
  const page = PageArticleSchema.safeParse(await askPage());
  if (!page.success || page.data.key !== articleKey) return false;
  return keepHighlightedArticle(page.data, opts);
}
