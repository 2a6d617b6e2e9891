/**
 * Every record of a table, read a page at a time in primary-key order. One getAll of 10,000 highlights
 * arrives as one message that the page unpacks in one main-thread task (over 100 ms in the load bench,
 * `npm run bench load`); pages arrive as separate, smaller tasks, so clicks and keys get in between.
 * Inside a transaction the pages are one consistent read.
 */
import type { IndexableType, Table } from 'dexie';

export const READ_PAGE = 1000;

export async function readInPages<T, K extends IndexableType, I>(
  table: Table<T, K, I>,
  keyOf: (record: T) => K,
  pageSize = READ_PAGE,
): Promise<T[]> {
  const all: T[] = [];
  let page = await table.orderBy(':id').limit(pageSize).toArray();
  for (;;) {
    all.push(...page);
    if (page.length < pageSize) return all;
    page = await table
      .where(':id')
      .above(keyOf(page[page.length - 1]!))
      .limit(pageSize)
      .toArray();
  }
}
