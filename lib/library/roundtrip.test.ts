/**
 * The promise of a backup: export → wipe → import gives back the same library, with the real seeds,
 * measure catalogue and related-articles index that the extension uses.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { LensDB } from '../db/schema';
import { setSetting } from '../db/settings';
import { saveColorRename } from '../highlights/color-settings';
import { indexStoredArticle } from '../insight/indexer';
import { catalogue, seededDB } from '../../tests/support/insight';
import { removeFromIndex } from '../related';
import { createBackup, serializeBackup } from './backup';
import { exportAnnotations, serializeAnnotations } from './export-annotations';
import { importLibraryFile } from './import';
import { ARTICLE_A, ARTICLE_C, HIGHLIGHTS } from '../../tests/support/library';
import { wipeLibrary } from './wipe';

let db: LensDB;
afterEach(() => db?.delete());

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const encode = (text: string) => new TextEncoder().encode(text);

/** What a backup must restore: highlights, the reader's articles, settings, and those articles' index entries. */
async function library(target: LensDB) {
  const mine = (await target.articles.where('origin').anyOf('imported', 'read').toArray()).sort(byId);
  return {
    highlights: (await target.highlights.toArray()).sort(byId),
    articles: mine,
    settings: (await target.settings.toArray()).sort((a, b) => (a.key < b.key ? -1 : 1)),
    docs: (await target.docs.bulkGet([ARTICLE_A.id, ARTICLE_C.id])).map(
      (d) => d && { id: d.id, measureIds: d.measureIds, features: d.features },
    ),
  };
}

async function readerLibrary(): Promise<LensDB> {
  db = await seededDB();
  // Stored as the extension stores them: indexed with the real catalogue (measures, fingerprint, related index).
  const { measureIds: _a, ...a } = ARTICLE_A;
  const { measureIds: _c, ...c } = ARTICLE_C;
  await indexStoredArticle(db, a, catalogue);
  await indexStoredArticle(db, c, catalogue);
  await db.highlights.bulkAdd(HIGHLIGHTS);
  await saveColorRename(db, 'blue', '待核实');
  await setSetting(db, 'corpus.addRead', false);
  return db;
}

const index = (target: LensDB) => (a: Parameters<typeof indexStoredArticle>[1]) => indexStoredArticle(target, a, catalogue);
const unindex = (target: LensDB) => (id: string) => removeFromIndex(target, id);

describe('export → wipe → import', () => {
  it('restores the library exactly from a backup', async () => {
    await readerLibrary();
    const before = await library(db);
    // Indexed for real: article C's measures come from the catalogue, not the test data.
    expect(before.articles[1]!.measureIds).toEqual(expect.arrayContaining(['drg-payment']));
    expect(before.docs.every((d) => d !== undefined)).toBe(true);
    const seeds = await db.articles.where('origin').equals('seed').count();

    const text = serializeBackup(await createBackup(db));
    expect(await wipeLibrary(db, { unindex: unindex(db) })).toEqual({ highlights: HIGHLIGHTS.length, articles: 2, settings: 2 });
    expect(await library(db)).toEqual({ highlights: [], articles: [], settings: [], docs: [undefined, undefined] });
    expect(await db.articles.count()).toBe(seeds); // seeds stay

    const report = await importLibraryFile(db, { name: 'backup.json', bytes: encode(text) }, { index: index(db) });
    expect(report.highlights.added).toBe(HIGHLIGHTS.length);
    expect(report.articles.added).toBe(2);
    expect(await library(db)).toEqual(before);
    expect(await db.articles.count()).toBe(seeds + 2);
  });

  it('restores the highlights exactly from a Web Annotation export', async () => {
    await readerLibrary();
    const before = (await db.highlights.toArray()).sort(byId);
    const text = serializeAnnotations(exportAnnotations(before));
    await wipeLibrary(db, { unindex: unindex(db) });
    await importLibraryFile(db, { name: 'highlights.jsonld', bytes: encode(text) });
    expect((await db.highlights.toArray()).sort(byId)).toEqual(before);
  });
});
