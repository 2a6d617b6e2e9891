import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLensDB, type HighlightRecord, type LensDB, type StoredArticle } from '../db/schema';
import { BACKUP_FORMAT } from './backup';
import { LibraryImportError, MAX_IMPORT_BYTES, checkImportSize, importLibraryFile, parseLibraryFile, type LibraryFile } from './import';
import { ARTICLE_B, HIGHLIGHTS, URL_A, byId } from '../../tests/support/library';
import { NOTE_SEPARATORS } from '../highlights/note-merge';

const fixture = (name: string) => readFileSync(path.resolve(import.meta.dirname, '../../tests/fixtures/export', name), 'utf8');
const file = (name: string, text: string): LibraryFile => ({ name, bytes: new TextEncoder().encode(text) });
const json = (name: string, data: unknown) => file(name, JSON.stringify(data));
type Row = { id: string } & Record<string, unknown>;
const backupData = () => JSON.parse(fixture('backup.json')) as Record<string, unknown> & { highlights: Row[]; articles: Row[] };
const annotationData = () =>
  JSON.parse(fixture('highlights.jsonld')) as { first: { items: Record<string, unknown>[] } } & Record<string, unknown>;

let db: LensDB;
afterEach(() => db?.delete());
const fresh = () => (db = openLensDB(`test-${crypto.randomUUID()}`));

const byIdOrder = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Everything in the database, in a stable order, to prove a refused file changed nothing. */
async function snapshot(target: LensDB) {
  return {
    highlights: (await target.highlights.toArray()).sort(byIdOrder),
    articles: (await target.articles.toArray()).sort(byIdOrder),
    settings: await target.settings.toArray(),
    meta: await target.meta.toArray(),
    docs: await target.docs.toArray(),
    terms: await target.terms.toArray(),
    postings: await target.postings.toArray(),
  };
}

/** A library with something in every table an import writes. */
async function populated(): Promise<LensDB> {
  fresh();
  await db.articles.add(ARTICLE_B);
  await db.highlights.add({ ...byId('h-b-1'), note: '本地笔记', updatedAt: '2024-06-01T00:00:00.000Z' });
  await db.settings.put({ key: 'corpus.addRead', value: true });
  return db;
}

describe('importLibraryFile: backups', () => {
  it('imports a backup into an empty library, then finds nothing new in it a second time', async () => {
    fresh();
    await db.articles.add(ARTICLE_B); // the seed ships with the extension
    const backup = backupData();
    const report = await importLibraryFile(db, file('backup.json', fixture('backup.json')));
    expect(report).toEqual({
      file: 'backup.json',
      format: 'backup',
      highlights: { added: 6, updated: 0, unchanged: 0, skipped: 0 },
      articles: { added: 2, updated: 0, unchanged: 0, skipped: 0 },
      settings: { added: 2, updated: 0, unchanged: 0, skipped: 0 },
      notesMerged: [],
      datesClamped: 0,
      articlesApart: 0,
    });
    expect((await db.highlights.toArray()).sort(byIdOrder)).toEqual([...backup.highlights].sort(byIdOrder));
    expect(await db.articles.get('a_00000000000000a1')).toEqual(backup.articles[0]);
    expect(await db.settings.get('highlights.colorLabels')).toEqual({ key: 'highlights.colorLabels', value: { blue: '待核实' } });

    const before = await snapshot(db);
    const again = await importLibraryFile(db, file('backup.json', fixture('backup.json')));
    expect(again.highlights).toEqual({ added: 0, updated: 0, unchanged: 6, skipped: 0 });
    expect(again.articles).toEqual({ added: 0, updated: 0, unchanged: 2, skipped: 0 });
    expect(again.settings).toEqual({ added: 0, updated: 0, unchanged: 2, skipped: 0 });
    expect(await snapshot(db)).toEqual(before);
  });

  it("merges: a differing note is kept beside the reader's and listed, an older copy with nothing new is skipped, a setting is replaced", async () => {
    fresh();
    const now = new Date('2024-08-01T00:00:00.000Z');
    // The reader edited h-a-2 after the backup; h-c-1 is older here than in the backup, with another note.
    const newerLocal = { ...byId('h-a-2'), note: '备份之后写的', updatedAt: '2024-06-01T00:00:00.000Z' };
    const olderLocal = { ...byId('h-c-1'), note: '旧笔记', color: 'green', updatedAt: '2024-04-25T11:00:00.000Z' };
    await db.highlights.bulkAdd([newerLocal, olderLocal]);
    await db.settings.put({ key: 'corpus.addRead', value: true });
    const report = await importLibraryFile(db, file('backup.json', fixture('backup.json')), { now: () => now });
    expect(report.highlights).toEqual({ added: 4, updated: 1, unchanged: 0, skipped: 1 });
    expect(report.settings).toEqual({ added: 1, updated: 1, unchanged: 0, skipped: 0 });
    expect(report.notesMerged).toEqual([{ id: 'h-c-1', title: byId('h-c-1').title, quote: byId('h-c-1').quote.exact }]);
    // The file's h-a-2 has no note and an older colour: nothing new.
    expect(await db.highlights.get('h-a-2')).toEqual(newerLocal);
    // Both notes, the reader's first; the newer colour; dated now.
    expect(await db.highlights.get('h-c-1')).toEqual({
      ...byId('h-c-1'),
      note: `旧笔记\n\n${NOTE_SEPARATORS.imported}\n${byId('h-c-1').note}`,
      updatedAt: now.toISOString(),
    });
    expect((await db.settings.get('corpus.addRead'))?.value).toBe(false);

    // The same file again finds nothing new: the notes are not added twice.
    const again = await importLibraryFile(db, file('backup.json', fixture('backup.json')), {
      now: () => new Date('2024-08-02T00:00:00.000Z'),
    });
    expect(again.notesMerged).toEqual([]);
    expect((await db.highlights.get('h-c-1'))?.note).toBe(`旧笔记\n\n${NOTE_SEPARATORS.imported}\n${byId('h-c-1').note}`);
  });

  it("treats the same highlight under another id as a duplicate, keeping the reader's id", async () => {
    fresh();
    const twin: HighlightRecord = {
      ...byId('h-c-1'),
      id: 'local-twin',
      note: '',
      updatedAt: '2024-04-25T12:00:00.000Z',
      createdAt: '2024-04-25T12:00:00.000Z',
    };
    const sameTwin: HighlightRecord = { ...byId('h-d-1'), id: 'local-same' };
    await db.highlights.bulkAdd([twin, sameTwin]);
    const newer = {
      ...backupData(),
      highlights: backupData().highlights.map((h) => (h.id === 'h-c-1' ? { ...h, updatedAt: '2024-07-01T00:00:00.000Z' } : h)),
    };
    const report = await importLibraryFile(db, json('backup.json', newer));
    expect(report.highlights).toEqual({ added: 4, updated: 1, unchanged: 1, skipped: 0 });
    expect(await db.highlights.count()).toBe(6);
    expect(await db.highlights.get('h-c-1')).toBeUndefined();
    expect(await db.highlights.get('local-twin')).toEqual({ ...byId('h-c-1'), id: 'local-twin', updatedAt: '2024-07-01T00:00:00.000Z' });
    expect(await db.highlights.get('local-same')).toEqual(sameTwin);
  });

  it('leaves an article the corpus already has as it is', async () => {
    fresh();
    const mine = { ...(backupData().articles[1] as object), addedAt: '2023-01-01T00:00:00.000Z' };
    await db.articles.add(mine as never);
    const report = await importLibraryFile(db, file('backup.json', fixture('backup.json')));
    expect(report.articles).toEqual({ added: 1, updated: 0, unchanged: 0, skipped: 1 });
    expect(await db.articles.get('a_00000000000000c3')).toEqual(mine);
  });

  it('indexes each added article inside the import, and rolls everything back when indexing fails', async () => {
    await populated();
    const indexed: string[] = [];
    await importLibraryFile(db, file('backup.json', fixture('backup.json')), { index: async (a) => void indexed.push(a.id) });
    expect(indexed).toEqual(['a_00000000000000a1', 'a_00000000000000c3']);

    await populated();
    const before = await snapshot(db);
    const failing = importLibraryFile(db, file('backup.json', fixture('backup.json')), {
      index: async () => {
        throw new Error('index full');
      },
    });
    await expect(failing).rejects.toThrow('backup.json: nothing was imported: index full');
    expect(await snapshot(db)).toEqual(before);
  });
});

describe("an import never silently replaces the reader's note", () => {
  const now = new Date('2024-08-01T00:00:00.000Z');
  const withHighlights = (changes: Record<string, Partial<HighlightRecord>>) => ({
    ...backupData(),
    highlights: backupData().highlights.map((h) => (changes[h.id] ? { ...h, ...changes[h.id] } : h)),
  });

  it("keeps the reader's note and a newer file's other note both, visibly, and says which highlight", async () => {
    fresh();
    await db.highlights.add({ ...byId('h-a-0'), note: '我的笔记', tags: ['我的'], updatedAt: '2024-05-01T00:00:00.000Z' });
    const report = await importLibraryFile(
      db,
      json('backup.json', withHighlights({ 'h-a-0': { note: '文件里的笔记', color: 'pink', updatedAt: '2024-07-01T00:00:00.000Z' } })),
      { now: () => now },
    );
    const kept = (await db.highlights.get('h-a-0'))!;
    expect(kept.note).toBe(`我的笔记\n\n${NOTE_SEPARATORS.imported}\n文件里的笔记`);
    expect(kept.tags).toEqual(['我的', ...byId('h-a-0').tags]);
    expect(kept.color).toBe('pink');
    expect(report.notesMerged).toEqual([{ id: 'h-a-0', title: byId('h-a-0').title, quote: byId('h-a-0').quote.exact }]);
  });

  it('takes a note the reader did not have, and keeps one the file lacks, with no separator', async () => {
    fresh();
    await db.highlights.bulkAdd([
      { ...byId('h-a-0'), note: '', updatedAt: '2024-05-01T00:00:00.000Z' },
      { ...byId('h-c-1'), note: '只在本地', updatedAt: '2024-05-01T00:00:00.000Z' },
    ]);
    const report = await importLibraryFile(
      db,
      json(
        'backup.json',
        withHighlights({
          'h-a-0': { note: '只在文件里', updatedAt: '2024-07-01T00:00:00.000Z' },
          'h-c-1': { note: '', updatedAt: '2024-07-01T00:00:00.000Z' },
        }),
      ),
      { now: () => now },
    );
    expect((await db.highlights.get('h-a-0'))?.note).toBe('只在文件里');
    expect((await db.highlights.get('h-c-1'))?.note).toBe('只在本地');
    expect(report.notesMerged).toEqual([]);
  });

  it('sets dates later than now to now, says how many, and lets no year-9999 copy win a later import', async () => {
    fresh();
    await db.highlights.add({ ...byId('h-a-0'), color: 'green', updatedAt: '2024-05-01T00:00:00.000Z' });
    const forged = await importLibraryFile(
      db,
      json(
        'backup.json',
        withHighlights({ 'h-a-0': { color: 'pink', createdAt: '9999-12-31T00:00:00.000Z', updatedAt: '9999-12-31T00:00:00.000Z' } }),
      ),
      { now: () => now },
    );
    expect(forged.datesClamped).toBe(2);
    // The made-up date does not win: the reader's colour stays.
    expect((await db.highlights.get('h-a-0'))?.color).toBe('green');
    for (const h of await db.highlights.toArray()) expect(Date.parse(h.updatedAt)).toBeLessThanOrEqual(now.getTime());
    // A real, newer copy still wins the colour afterwards.
    await importLibraryFile(
      db,
      json('backup.json', withHighlights({ 'h-a-0': { color: 'blue', updatedAt: '2024-07-31T00:00:00.000Z' } })),
      { now: () => now },
    );
    expect((await db.highlights.get('h-a-0'))?.color).toBe('blue');
  });

  it('refuses, naming the file and field and changing nothing, when both notes together would not fit', async () => {
    fresh();
    await db.highlights.add({ ...byId('h-a-0'), note: '本'.repeat(6000) });
    const before = await snapshot(db);
    const failing = importLibraryFile(db, json('big.json', withHighlights({ 'h-a-0': { note: '文'.repeat(6000) } })), { now: () => now });
    await expect(failing).rejects.toThrow(/^big\.json: highlights\[\d\]\.note: nothing was imported: differs from your note/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('keeps both notes from a Web Annotation file too', async () => {
    fresh();
    await db.highlights.add({ ...byId('h-a-0'), note: '本地的批注' });
    const data = annotationData();
    const report = await importLibraryFile(db, json('notes.jsonld', data), { now: () => now });
    expect((await db.highlights.get('h-a-0'))?.note).toBe(`本地的批注\n\n${NOTE_SEPARATORS.imported}\n${byId('h-a-0').note}`);
    expect(report.notesMerged.map((m) => m.id)).toEqual(['h-a-0']);
  });

  it("stores a backup's article apart when its id names another article here, and its reader-page highlights follow it", async () => {
    fresh();
    const backup = backupData();
    const theirs = backup.articles[0] as unknown as StoredArticle;
    // Another article under the same id (the same title and date, another body).
    const mine: StoredArticle = {
      ...theirs,
      paragraphs: ['完全不同的另一篇文章，讲的是长期护理保险制度试点。'],
      lead: '完全不同的另一篇文章，讲的是长期护理保险制度试点。',
      text: '完全不同的另一篇文章，讲的是长期护理保险制度试点。',
      length: 25,
    };
    await db.articles.add(mine);
    const h = {
      ...backup.highlights[0]!,
      id: 'h-reader',
      articleKey: `corpus:${theirs.id}`,
      url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/reader.html',
    };
    const report = await importLibraryFile(db, json('backup.json', { ...backup, articles: [theirs], highlights: [h] }), { now: () => now });
    expect(report.articlesApart).toBe(1);
    expect(await db.articles.get(theirs.id)).toEqual(mine);
    const apart = (await db.articles.where('titleNorm').equals(theirs.titleNorm).toArray()).find((a) => a.id !== theirs.id)!;
    expect(apart.text).toBe(theirs.text);
    expect((await db.highlights.get('h-reader'))?.articleKey).toBe(`corpus:${apart.id}`);
  });
});

describe('URLs in an imported file', () => {
  const refusal = async (data: unknown) =>
    importLibraryFile(db, json('backup.json', data)).then(
      () => 'imported',
      (e: Error) => e.message,
    );

  it("refuses an article URL that is not an https Sina article, or not its key's, naming the file and field", async () => {
    fresh();
    const before = await snapshot(db);
    for (const url of [
      'javascript:alert(document.cookie)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'https://evil.example/china/2022-06-08/doc-ikfwxyuz1234567.shtml',
      'http://finance.sina.com.cn/china/2022-06-08/doc-ikfwxyuz1234567.shtml',
    ]) {
      const backup = backupData();
      backup.articles[0] = { ...backup.articles[0]!, url };
      expect(await refusal(backup)).toBe('backup.json: articles[0].url: must be an https Sina article URL');
    }
    const other = backupData();
    other.articles[0] = { ...other.articles[0]!, url: 'https://finance.sina.com.cn/china/2022-06-08/doc-iotherarticle1.shtml' };
    expect(await refusal(other)).toBe('backup.json: articles[0].key: must be the key of its URL (sina:otherarticle1)');
    expect(await snapshot(db)).toEqual(before);
  });

  it("refuses a highlight whose URL is not its article's, naming the file and field", async () => {
    fresh();
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'https://evil.example/x',
      'https://finance.sina.com.cn/china/2022-06-08/doc-iotherarticle1.shtml',
    ]) {
      const backup = backupData();
      backup.highlights[0] = { ...backup.highlights[0]!, url };
      expect(await refusal(backup)).toMatch(/^backup\.json: highlights\[0\]\.url: (must be|is the Sina article sina:otherarticle1, not)/);
    }
    const annotations = annotationData();
    (annotations.first.items[0]!.target as Record<string, unknown>).source = 'javascript:alert(1)';
    expect(
      await importLibraryFile(db, json('notes.jsonld', annotations)).then(
        () => 'imported',
        (e: Error) => e.message,
      ),
    ).toMatch(/^notes\.jsonld: first\.items\[0\]\.target\.source: must be/);
    expect(await db.highlights.count()).toBe(0);
  });
});

describe('importLibraryFile: Web Annotations', () => {
  it('imports the exported collection back to the same highlights', async () => {
    fresh();
    const report = await importLibraryFile(db, file('highlights.jsonld', fixture('highlights.jsonld')));
    expect(report).toMatchObject({
      format: 'annotations',
      highlights: { added: 6, updated: 0, unchanged: 0, skipped: 0 },
      articles: { added: 0 },
    });
    expect((await db.highlights.toArray()).sort(byIdOrder)).toEqual([...HIGHLIGHTS].sort(byIdOrder));
  });

  it("reads another tool's annotations: a bare list, one body object, tags, no Policy Lens terms", async () => {
    fresh();
    const foreign = [
      {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        id: 'https://hypothes.is/a/Xyz123',
        type: 'Annotation',
        created: '2024-03-01T10:00:00+08:00',
        body: [
          { type: 'TextualBody', value: '值得跟进' },
          { type: 'TextualBody', purpose: 'tagging', value: '医保' },
        ],
        target: {
          source: URL_A,
          selector: [
            { type: 'RangeSelector', startSelector: {}, endSelector: {} },
            { type: 'TextPositionSelector', start: 35, end: 44 },
            { type: 'TextQuoteSelector', exact: '总支出2.4万亿元' },
          ],
        },
      },
    ];
    const report = await importLibraryFile(db, json('hypothesis.json', foreign));
    expect(report.highlights.added).toBe(1);
    expect(await db.highlights.get('https://hypothes.is/a/Xyz123')).toEqual({
      id: 'https://hypothes.is/a/Xyz123',
      articleKey: 'sina:kfwxyuz1234567',
      url: URL_A,
      title: URL_A,
      quote: { type: 'TextQuoteSelector', exact: '总支出2.4万亿元', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 35, end: 44 },
      color: 'yellow',
      note: '值得跟进',
      tags: ['医保'],
      createdAt: '2024-03-01T10:00:00+08:00',
      updatedAt: '2024-03-01T10:00:00+08:00',
    });
  });

  it('reads a single annotation without @context, its source given as a resource, its note as bodyValue', async () => {
    fresh();
    const single = {
      type: 'Annotation',
      id: 'urn:uuid:7e0c2b1a-3d4f-4a5b-8c6d-9e0f1a2b3c4d',
      created: '2024-03-01T02:00:00.000Z',
      modified: '2024-03-02T02:00:00.000Z',
      bodyValue: '第一段\n第二段',
      target: { source: { id: URL_A, type: 'Text' }, selector: { type: 'TextQuoteSelector', exact: '救命钱' } },
    };
    // One selector object and no position: refused, naming the selector.
    await expect(importLibraryFile(db, json('one.json', single))).rejects.toThrow('one.json: target.selector: no TextPositionSelector');
    const withPosition = {
      ...single,
      target: { ...single.target, selector: [single.target.selector, { type: 'TextPositionSelector', start: 70, end: 73 }] },
    };
    await importLibraryFile(db, json('one.json', withPosition));
    expect(await db.highlights.get('7e0c2b1a-3d4f-4a5b-8c6d-9e0f1a2b3c4d')).toMatchObject({
      articleKey: 'sina:kfwxyuz1234567',
      note: '第一段\n第二段',
      createdAt: '2024-03-01T02:00:00.000Z',
      updatedAt: '2024-03-02T02:00:00.000Z',
    });
  });

  it('finds the Policy Lens terms under another prefix for the same namespace', async () => {
    fresh();
    const data = annotationData();
    const text = JSON.stringify({
      ...data,
      '@context': ['http://www.w3.org/ns/anno.jsonld', { pl: 'https://policy-lens.dev/ns#' }],
    }).replaceAll('"policylens:', '"pl:');
    await importLibraryFile(db, file('renamed.jsonld', text));
    expect((await db.highlights.toArray()).sort(byIdOrder)).toEqual([...HIGHLIGHTS].sort(byIdOrder));
  });
});

describe('importLibraryFile: refused files change nothing', () => {
  const mutate = (fn: (d: ReturnType<typeof backupData>) => void) => {
    const d = backupData();
    fn(d);
    return json('backup.json', d);
  };
  const mutateAnno = (fn: (d: ReturnType<typeof annotationData>) => void) => {
    const d = annotationData();
    fn(d);
    return json('notes.jsonld', d);
  };
  const good = fixture('backup.json');

  it.each<[string, () => LibraryFile, string]>([
    [
      'a JSON file of something else',
      () => json('notes.json', { foo: 1 }),
      'notes.json: is neither a Policy Lens backup nor a W3C Web Annotation file',
    ],
    [
      'a CSV file',
      () => file('highlights.csv', 'quote,note\n救命钱,重要\n'),
      'highlights.csv: is not valid JSON (the file may be truncated or damaged)',
    ],
    [
      'another format name',
      () => json('x.json', { format: 'other-app', version: 1 }),
      'x.json: format: "other-app" is not a Policy Lens backup ("policy-lens-backup")',
    ],
    [
      'a newer backup version',
      () => mutate((d) => (d.version = 2)),
      'backup.json: version: 2 was written by a newer Policy Lens; this one reads backups of version 1',
    ],
    [
      'an empty quote',
      () => mutate((d) => ((d.highlights[3]!.quote as { exact: string }).exact = '')),
      'backup.json: highlights[3].quote.exact: must not be empty',
    ],
    [
      'an unknown colour',
      () => mutate((d) => (d.highlights[0]!.color = 'purple')),
      'backup.json: highlights[0].color: colour must be one of yellow, green, blue, pink',
    ],
    ['an unknown highlight field', () => mutate((d) => (d.highlights[2]!.extra = 1)), 'backup.json: highlights[2]: unknown field(s) extra'],
    [
      'a bad date',
      () => mutate((d) => (d.highlights[5]!.updatedAt = 'yesterday')),
      'backup.json: highlights[5].updatedAt: must be an ISO 8601 date-time',
    ],
    [
      'a seed article',
      () => mutate((d) => (d.articles[1]!.origin = 'seed')),
      'backup.json: articles[1].origin: must be "imported" or "read"',
    ],
    [
      'an article whose text disagrees',
      () => mutate((d) => (d.articles[0]!.text = 'x')),
      'backup.json: articles[0].text: must be the paragraphs joined by \\n',
    ],
    [
      'a bad setting',
      () => mutate((d) => ((d.settings as Record<string, unknown>)['corpus.addRead'] = 'yes')),
      'backup.json: settings["corpus.addRead"]: must be a boolean',
    ],
    [
      'a bad colour label',
      () => mutate((d) => ((d.settings as Record<string, unknown>)['highlights.colorLabels'] = { blue: ' ' })),
      'backup.json: settings["highlights.colorLabels"].blue: label must not be empty',
    ],
    [
      'a highlight id twice',
      () => mutate((d) => (d.highlights[4]!.id = d.highlights[1]!.id)),
      'backup.json: highlights[4].id: repeats highlights[1].id "h-c-1"',
    ],
    [
      'no highlights list',
      () => mutate((d) => delete (d as Record<string, unknown>).highlights),
      'backup.json: highlights: must be a list of highlights',
    ],
    [
      'a truncated backup',
      () => file('backup.json', good.slice(0, Math.floor(good.length / 2))),
      'backup.json: is not valid JSON (the file may be truncated or damaged)',
    ],
    ['an empty file', () => file('backup.json', '  \n'), 'backup.json: is empty'],
    [
      'a binary file',
      () => ({ name: 'photo.jpg', bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]) }),
      'photo.jpg: is not UTF-8 text',
    ],
    [
      'an over-size file',
      () => ({ name: 'huge.json', bytes: new Uint8Array(MAX_IMPORT_BYTES + 1) }),
      'huge.json: the file is 50.0 MB; Policy Lens imports files of at most 50 MB',
    ],
    [
      'an annotation without a quote',
      () =>
        mutateAnno(
          (d) => ((d.first.items[2]!.target as { selector: unknown[] }).selector = [{ type: 'TextPositionSelector', start: 1, end: 2 }]),
        ),
      'notes.jsonld: first.items[2].target.selector: no TextQuoteSelector',
    ],
    [
      'an annotation with an empty quote',
      () => mutateAnno((d) => ((d.first.items[0]!.target as { selector: { exact: string }[] }).selector[0]!.exact = '')),
      'notes.jsonld: first.items[0].target.selector[0].exact: must not be empty',
    ],
    [
      'an annotation with a bad colour',
      () => mutateAnno((d) => (d.first.items[1]!['policylens:color'] = 'red')),
      'notes.jsonld: first.items[1].policylens:color: colour must be one of yellow, green, blue, pink',
    ],
    [
      'an annotation with a bad tag',
      () => mutateAnno((d) => ((d.first.items[1]!.body as { value: unknown }[])[2]!.value = 'x'.repeat(51))),
      'notes.jsonld: first.items[1].body[2].value: each tag at most 50 characters',
    ],
    [
      'an annotation id twice',
      () => mutateAnno((d) => (d.first.items[3]!.id = d.first.items[0]!.id)),
      'notes.jsonld: first.items[3].id: repeats the id of first.items[0]',
    ],
    [
      'an annotation on a page that is not a Sina article',
      () =>
        mutateAnno((d) => {
          const target = d.first.items[0]!.target as Record<string, unknown>;
          delete target['policylens:articleKey'];
          target.source = 'https://example.com/post';
        }),
      'notes.jsonld: first.items[0].target.source: not a Sina article URL, and no policylens:articleKey',
    ],
    [
      'a collection in several pages',
      () => mutateAnno((d) => ((d.first as Record<string, unknown>).next = 'https://example.com/page2')),
      'notes.jsonld: first.next: the collection continues on other pages',
    ],
  ])('refuses %s, naming the file and the field', async (_what, make, message) => {
    await populated();
    const before = await snapshot(db);
    const error = await importLibraryFile(db, make()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LibraryImportError);
    expect((error as Error).message).toContain(message);
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses an over-size file by its size alone, before reading it', () => {
    expect(() => checkImportSize('big.json', 80 * 1024 * 1024)).toThrow(
      'big.json: the file is 80.0 MB; Policy Lens imports files of at most 50 MB',
    );
    expect(() => checkImportSize('ok.json', MAX_IMPORT_BYTES)).not.toThrow();
  });

  it('checks a file without writing (parseLibraryFile) and reports the field apart', () => {
    const parsed = parseLibraryFile(file('backup.json', good));
    expect(parsed.format).toBe('backup');
    expect(parsed.highlights).toHaveLength(6);
    try {
      parseLibraryFile(mutate((d) => ((d.highlights[3]!.quote as { exact: string }).exact = '')));
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({
        file: 'backup.json',
        field: 'highlights[3].quote.exact',
        message: 'backup.json: highlights[3].quote.exact: must not be empty',
      });
    }
    expect(BACKUP_FORMAT).toBe('policy-lens-backup');
  });
});
