/**
 * Issue 16 item 6: a quota error never costs a note. A save the browser refuses for lack of room frees
 * room (old read articles without highlights, lib/db/read-cap.ts) and is tried again; when no room
 * can be freed it is refused with a message that says so, and the stored note is left as it was.
 * The quota error is simulated by a Dexie middleware that refuses the next writes to the highlights
 * table the way IndexedDB does (a DOMException named QuotaExceededError).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DBCore, Middleware } from 'dexie';
import { makeArticle } from '../../tests/support/db/articles';
import { freeRoom } from '../db/read-cap';
import { openLensDB, type LensDB } from '../db/schema';
import { createHighlight, HighlightStoreError, updateHighlight, restoreHighlight, deleteHighlight } from './store';

let db: LensDB;
let refusals = 0;
afterEach(() => db?.delete());

const fullDisk: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'full-disk',
  create(down) {
    return {
      ...down,
      table(name) {
        const table = down.table(name);
        if (name !== 'highlights') return table;
        return {
          ...table,
          async mutate(req) {
            if (refusals > 0) {
              refusals--;
              throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
            }
            return table.mutate(req);
          },
        };
      },
    };
  },
};

async function library(readArticles: number): Promise<LensDB> {
  db = openLensDB(`test-${crypto.randomUUID()}`);
  db.use(fullDisk);
  const read = Array.from({ length: readArticles }, (_, i) => ({
    ...makeArticle(10 + i, { origin: 'read' }),
    addedAt: '2024-01-01T00:00:00.000Z',
  }));
  await db.articles.bulkAdd(read);
  return db;
}

const input = {
  articleKey: 'sina:kqcfnaz9077291',
  url: 'https://finance.sina.com.cn/china/gncj/2021-06-04/doc-ikqcfnaz9077291.shtml',
  title: '韩正：医保基金是群众的“救命钱” 要持续加大监管力度',
  quote: { type: 'TextQuoteSelector', exact: '救命钱', prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start: 0, end: 3 },
};
const room = () => ({ onQuotaExceeded: () => freeRoom(db) });

describe('a note save that hits the storage quota', () => {
  it('frees read-article space and saves the note', async () => {
    await library(3);
    const h = await createHighlight(db, input);
    refusals = 1;
    const saved = await updateHighlight(db, h.id, { note: '存储满了也要保存' }, room());
    expect(saved.note).toBe('存储满了也要保存');
    expect((await db.highlights.get(h.id))?.note).toBe('存储满了也要保存');
    expect(await db.articles.where('origin').equals('read').count()).toBe(0);
  });

  it('frees space for a new highlight and for an undo too', async () => {
    await library(3);
    refusals = 1;
    const h = await createHighlight(db, { ...input, note: '新的' }, room());
    expect((await db.highlights.get(h.id))?.note).toBe('新的');
    await deleteHighlight(db, h.id);
    await db.articles.bulkAdd([{ ...makeArticle(40, { origin: 'read' }), addedAt: '2024-01-01T00:00:00.000Z' }]);
    refusals = 1;
    await restoreHighlight(db, h, room());
    expect(await db.highlights.get(h.id)).toEqual(h);
  });

  it('keeps the stored note and says the change was not saved when no room can be freed', async () => {
    await library(0);
    const h = await createHighlight(db, { ...input, note: '原来的笔记' });
    refusals = 2;
    const failing = updateHighlight(db, h.id, { note: '新写的笔记' }, room());
    await expect(failing).rejects.toThrow(HighlightStoreError);
    await expect(failing).rejects.toThrow(
      /Update highlight: the browser has no room left for Policy Lens, so this change was not saved \(your text is still in the editor\)/,
    );
    refusals = 0;
    expect((await db.highlights.get(h.id))?.note).toBe('原来的笔记');
  });

  it('passes other errors through unchanged', async () => {
    await library(1);
    await expect(updateHighlight(db, 'missing', { note: 'x' }, room())).rejects.toThrow(/no highlight with id missing/);
    expect(await db.articles.count()).toBe(1);
  });
});
