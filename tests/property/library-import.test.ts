/**
 * Property tests for importing a backup into a library that already has highlights
 * (lib/library/import.ts importLibraryFile, issue 16 item 5). Whatever the library holds and whatever
 * the file says about the same highlights — other notes, tags and colours, dates before, after or
 * far after now (year 9999) — an import:
 * - loses no note: every note the reader had, and every note of the file's highlights, is in the
 *   library afterwards (whole, as a substring of the kept note);
 * - writes no date later than now;
 * - reports every highlight where both notes were kept;
 * - finds nothing new the second time (the same file twice never appends a note twice).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openLensDB, type HighlightRecord, type LensDB } from '../../lib/db/schema';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../../lib/library/backup';
import { importLibraryFile, LibraryImportError } from '../../lib/library/import';
import { ARTICLE_URL, HIGHLIGHT_TEXT, runs } from './arbitraries';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const NOW = new Date('2025-01-01T00:00:00.000Z');
const KEY = 'sina:kqcfnaz9077291';

const date = fc
  .oneof(
    fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2025-06-01T00:00:00Z'), noInvalidDate: true }),
    fc.constant(new Date('9999-12-31T23:59:59.000Z')),
  )
  .map((d) => d.toISOString());
const note = fc.oneof(fc.constant(''), fc.constantFrom('要核实', '数据来源：公报', '要核实，另见第二段'), fc.string({ maxLength: 40 }));
const tags = fc.uniqueArray(fc.constantFrom('集采', '基金监管', '数据', '待跟进'), { maxLength: 3 });
const color = fc.constantFrom('yellow', 'green', 'blue', 'pink');
/** One of a few passages, so the library and the file meet on the same marks under other ids too. */
const passage = fc.constantFrom([0, 8], [10, 24], [30, 40], [41, 52]);

const record = (id: string) =>
  fc
    .record({ passage, note, tags, color, created: date, updated: date })
    .map(({ passage: [start, end], note: n, tags: t, color: c, created, updated }): HighlightRecord => ({
      id,
      articleKey: KEY,
      url: ARTICLE_URL,
      title: '韩正：医保基金是群众的“救命钱” 要持续加大监管力度',
      quote: {
        type: 'TextQuoteSelector',
        exact: HIGHLIGHT_TEXT.slice(start!, end!),
        prefix: HIGHLIGHT_TEXT.slice(Math.max(0, start! - 32), start!),
        suffix: HIGHLIGHT_TEXT.slice(end!, end! + 32),
      },
      position: { type: 'TextPositionSelector', start: start!, end: end! },
      color: c,
      note: n,
      tags: t,
      createdAt: created < updated ? created : updated,
      updatedAt: created < updated ? updated : created,
    }));

/** A library and a file: ids h0–h3 in the library, h2–h5 in the file, so some meet by id and some by passage. */
const scenario = fc.tuple(
  fc.tuple(record('h0'), record('h1'), record('h2'), record('h3')),
  fc.tuple(record('h2'), record('h3'), record('h4'), record('h5')),
);

let db: LensDB;
beforeAll(() => {
  db = openLensDB(`property-library-import-${crypto.randomUUID()}`);
});
afterAll(() => db?.delete());

function backupFile(highlights: HighlightRecord[]) {
  const backup = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: NOW.toISOString(), highlights, articles: [], settings: {} };
  return { name: 'backup.json', bytes: new TextEncoder().encode(JSON.stringify(backup)) };
}

describe('importLibraryFile into a library with highlights', () => {
  it('loses no note, writes no future date, reports the notes kept twice, and finds nothing new the second time', async () => {
    const seen = { merged: 0, clamped: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(scenario, async ([library, incoming]) => {
        await db.highlights.clear();
        await db.highlights.bulkPut(library);
        const file = backupFile(incoming);
        let report;
        try {
          report = await importLibraryFile(db, file, { now: () => NOW });
        } catch (error) {
          // Only when both notes together would not fit a highlight: refused whole, naming the field.
          expect(error).toBeInstanceOf(LibraryImportError);
          expect((error as Error).message).toMatch(/^backup\.json: highlights\[\d\]\.(note|tags): /);
          expect((await db.highlights.toArray()).sort((a, b) => a.id.localeCompare(b.id))).toEqual(library);
          seen.refused++;
          return;
        }
        const after = await db.highlights.toArray();
        const byId = new Map(after.map((h) => [h.id, h]));
        // The reader's highlights are all still there, each with its note inside the note it has now.
        for (const h of library) expect(byId.get(h.id)?.note, `the library's note on ${h.id}`).toContain(h.note);
        // Each of the file's notes is in the highlight it went to: its own id, else a twin of the reader's.
        for (const h of incoming) {
          const own = byId.get(h.id);
          if (own) expect(own.note, `the file's note on ${h.id}`).toContain(h.note);
          else
            expect(
              after.some((x) => x.note.includes(h.note)),
              `the file's note on ${h.id}, in a twin`,
            ).toBe(true);
        }

        const changed = after.filter((h) => JSON.stringify(h) !== JSON.stringify(library.find((l) => l.id === h.id)));
        for (const h of changed) {
          expect(Date.parse(h.updatedAt), `${h.id}.updatedAt`).toBeLessThanOrEqual(NOW.getTime() + 1);
          expect(Date.parse(h.createdAt), `${h.id}.createdAt`).toBeLessThanOrEqual(Date.parse(h.updatedAt));
        }
        for (const m of report.notesMerged) expect(after.find((h) => h.id === m.id)?.note).toContain('imported note');
        seen.merged += report.notesMerged.length;
        seen.clamped += report.datesClamped;

        const again = await importLibraryFile(db, file, { now: () => new Date(NOW.getTime() + 60_000) });
        expect(again.highlights.added + again.highlights.updated).toBe(0);
        expect(again.notesMerged).toEqual([]);
        expect(await db.highlights.toArray()).toEqual(after);
      }),
      { numRuns: runs(150) },
    );
    expect(seen.merged).toBeGreaterThan(10);
    expect(seen.clamped).toBeGreaterThan(10);
  });
});
