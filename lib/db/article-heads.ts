/**
 * Article heads (schema v3): each corpus article's few small fields, in their own table, kept equal to
 * `articles` on every write. Lists that show thousands of articles (the popup's and library's
 * highlights, the options page's corpus) read heads: reading whole records would carry every body
 * across to the page, and at 10,000 articles that alone held the popup's main thread for 100+ ms.
 *
 * The copy is kept by a Dexie DBCore middleware rather than at each call site, so no write path can
 * forget it: it widens every read-write transaction on `articles` to include the heads table and
 * mirrors each add, put and delete into it in the same transaction (both commit or neither does).
 */
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, Middleware, Transaction } from 'dexie';
import type { StoredArticle } from './schema';

const ARTICLES = 'articles';
const ARTICLE_HEADS = 'articleHeads';

export type ArticleHead = Pick<StoredArticle, 'id' | 'key' | 'url' | 'title' | 'date' | 'source' | 'origin' | 'addedAt' | 'measureIds'> & {
  /**
   * The body's length (StoredArticle.length), for the read-articles budget (lib/db/read-cap.ts). Heads
   * written before it was kept lack it; read-cap fills them in.
   */
  length?: number;
  /**
   * `[measureId, -date in ms]` for each measure it mentions, under a multi-entry index: ascending
   * order is newest first, so a measure's latest mentions are one bounded read of that index
   * (lib/insight/timelines.ts), not a read of every article that mentions it.
   */
  mentions?: [measureId: string, newestFirst: number][];
};

/** The head of a stored article: the fields lists show and filter on, no body. */
export function articleHead(a: StoredArticle): ArticleHead {
  return {
    id: a.id,
    ...(a.key !== undefined && { key: a.key }),
    ...(a.url !== undefined && { url: a.url }),
    title: a.title,
    date: a.date,
    source: a.source,
    origin: a.origin,
    addedAt: a.addedAt,
    length: a.length,
    ...(a.measureIds !== undefined && {
      measureIds: a.measureIds,
      mentions: a.measureIds.map((m): [string, number] => [m, -Date.parse(a.date) || 0]),
    }),
  };
}

/** The heads a request wrote: its values, less those the database refused (a duplicate key on add). */
function written(req: DBCoreMutateRequest & { type: 'add' | 'put' }, res: DBCoreMutateResponse): StoredArticle[] {
  if (res.numFailures === 0) return req.values as StoredArticle[];
  return (req.values as StoredArticle[]).filter((_, i) => !(i in res.failures));
}

async function mirror(heads: DBCoreTable, req: DBCoreMutateRequest, res: DBCoreMutateResponse): Promise<void> {
  const { trans } = req;
  switch (req.type) {
    case 'add':
    case 'put': {
      const values = written(req, res).map(articleHead);
      if (values.length > 0) await heads.mutate({ type: 'put', trans, values });
      return;
    }
    case 'delete':
      if (req.keys.length > 0) await heads.mutate({ type: 'delete', trans, keys: req.keys });
      return;
    case 'deleteRange':
      // Both tables are keyed by article id, so the same range names the same articles.
      await heads.mutate({ type: 'deleteRange', trans, range: req.range });
      return;
  }
}

export const articleHeadsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'articleHeads',
  create(down) {
    // Dexie also builds the stack for an upgrade from a version without the table: leave that alone.
    if (!down.schema.tables.some((t) => t.name === ARTICLE_HEADS)) return {};
    return {
      transaction(stores, mode, options) {
        const widen = mode === 'readwrite' && stores.includes(ARTICLES) && !stores.includes(ARTICLE_HEADS);
        return down.transaction(widen ? [...stores, ARTICLE_HEADS] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name !== ARTICLES) return table;
        const heads = down.table(ARTICLE_HEADS);
        return {
          ...table,
          async mutate(req) {
            const res = await table.mutate(req);
            await mirror(heads, req, res);
            return res;
          },
        };
      },
    };
  },
};

/** The v3 upgrade: a head for every article already stored. */
export async function fillArticleHeads(tx: Transaction): Promise<void> {
  const heads: ArticleHead[] = [];
  await tx.table<StoredArticle>(ARTICLES).each((a) => {
    heads.push(articleHead(a));
  });
  await tx.table<ArticleHead>(ARTICLE_HEADS).bulkPut(heads);
}
