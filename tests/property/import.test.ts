/**
 * Property tests for importing article files (lib/db/articles.ts importArticles), wired as the options
 * page wires it (lib/insight/corpus-actions.ts): the real seed parser, and indexing by
 * indexStoredArticle (measures, fingerprint, related-articles index) inside the write's transaction.
 *
 * On mutated seed files:
 * - a refused file leaves the articles table and the index tables (terms, docs, meta) exactly as they
 *   were, and its reason is the parser's `file:line: reason`;
 * - a duplicate leaves everything as it was too;
 * - an imported file is stored as the parser read it (origin imported, its file name) and indexed,
 *   under its own id or, when that id names another article, apart: never over a stored article.
 * And when indexing fails halfway, the whole write is rolled back.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseSeedDocument } from '../../lib/corpus/parse-seed';
import { describeError } from '../../lib/i18n/errors';
import { importArticles, type ImportFile, type ParseArticle } from '../../lib/db/articles';
import { openLensDB, type LensDB, type StoredArticle } from '../../lib/db/schema';
import { indexStoredArticle } from '../../lib/insight/indexer';
import type { Catalogue } from '../../lib/measures';
import { loadCatalogueFile } from '../../lib/measures/load-catalogue';
import { applyMutations, mutatedSeed, NOW, seed, SEEDS, runs, type Mutation } from './arbitraries';

// Properties run hundreds of cases; the default 5 s is for one example (the folder as a whole stays well under a minute).
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

let db: LensDB;
let catalogue: Catalogue;

const parse: ParseArticle = (bytes, file) => parseSeedDocument(bytes, { file, origin: 'imported', now: NOW });
const index = (article: StoredArticle) => indexStoredArticle(db, article, catalogue).then(() => undefined);

async function openCorpus(prefix: string): Promise<LensDB> {
  const fresh = openLensDB(`${prefix}-${crypto.randomUUID()}`);
  db = fresh;
  // A corpus to start from, so the index tables are not empty.
  const results = await importArticles(fresh, [{ name: SEEDS[0]!.name, bytes: SEEDS[0]!.bytes }], { parse, index, now });
  expect(results[0]!.status).toBe('imported');
  return fresh;
}
const now = () => NOW;

beforeAll(() => {
  catalogue = loadCatalogueFile();
});
afterAll(() => db?.delete());

/** A seed under a new title (a new article id, so it imports), sometimes with CRLF line ends or a BOM. */
const retitledSeed = fc
  .tuple(
    seed,
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).filter((t) => t.trim() !== ''),
    fc.constantFrom<Mutation[]>([], [{ kind: 'crlf' }], [{ kind: 'bom' }]),
  )
  .map(([s, title, extra]) => ({
    bytes: applyMutations(s.bytes, [{ kind: 'set-field', field: 'title', value: JSON.stringify(title) }, ...extra]),
  }));

/** Everything an import may touch, in a comparable form. */
async function snapshot() {
  return db.transaction('r', [db.articles, db.terms, db.postings, db.docs, db.meta], async () => ({
    articles: await db.articles.orderBy('id').toArray(),
    terms: await db.terms.orderBy('term').toArray(),
    postings: (await db.postings.toArray()).map((b) => ({ ...b, weights: Array.from(b.weights) })),
    docs: await db.docs.orderBy('id').toArray(),
    meta: await db.meta.orderBy('key').toArray(),
  }));
}

describe('importArticles with mutated seed files', () => {
  beforeAll(() => openCorpus('property-import'));
  it('refused and duplicate files change nothing; imported ones are stored as parsed and indexed', async () => {
    const seen = { imported: 0, duplicate: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ arbitrary: mutatedSeed, weight: 3 }, retitledSeed),
        fc.constantFrom('mutated.txt', 'dir/其他.txt', 'x'),
        async ({ bytes }, name) => {
          const before = await snapshot();
          const expected = (() => {
            try {
              return parse(bytes, name);
            } catch (error) {
              return error as Error;
            }
          })();
          const [result] = await importArticles(db, [{ name, bytes }], { parse, index, now });
          seen[result!.status]++;
          expect(result!.file).toBe(name);

          if (result!.status === 'refused') {
            expect(expected).toBeInstanceOf(Error);
            // The reason as the options page shows it: the parser's refusal, worded in the interface language.
            expect(result!.reason).toBe(describeError(expected));
            expect(result!.reason).toMatch(new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: \\S`));
            expect(await snapshot()).toEqual(before);
            return;
          }
          expect(expected).not.toBeInstanceOf(Error);
          const article = expected as Exclude<typeof expected, Error>;
          const id = (result as { id: string }).id;
          if (result!.status === 'duplicate') {
            expect(before.articles.some((a) => a.id === id)).toBe(true);
            expect(await snapshot()).toEqual(before);
            return;
          }
          expect(result).toMatchObject({ title: article.title });
          // Imported: one more article, stored as parsed (under its own id, or apart when that id names
          // another article), with its index entry; nothing else removed or changed.
          const after = await snapshot();
          expect(after.articles).toHaveLength(before.articles.length + 1);
          if (id !== article.id) expect(before.articles.some((a) => a.id === article.id)).toBe(true);
          const stored = await db.articles.get(id);
          expect(stored).toMatchObject({ ...article, id, origin: 'imported', file: name, addedAt: NOW.toISOString() });
          expect(stored!.fingerprint).toEqual(expect.any(String));
          expect(await db.docs.get(id)).toBeDefined();
          for (const a of before.articles) expect(after.articles.find((b) => b.id === a.id)).toEqual(a);
        },
      ),
      { numRuns: runs(40) },
    );
    expect(seen.refused).toBeGreaterThanOrEqual(5);
    expect(seen.imported).toBeGreaterThanOrEqual(3);
  });

  it('a file refused among good ones changes nothing of its own; the good ones still import', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedSeed, async ({ bytes }) => {
        let refusedAlone = true;
        try {
          parse(bytes, 'bad.txt');
          refusedAlone = false;
        } catch {
          // refused, as wanted
        }
        fc.pre(refusedAlone);
        const before = await snapshot();
        const results = await importArticles(
          db,
          [
            { name: 'bad.txt', bytes },
            { name: SEEDS[0]!.name, bytes: SEEDS[0]!.bytes },
          ],
          { parse, index, now },
        );
        expect(results.map((r) => r.status)).toEqual(['refused', 'duplicate']);
        expect(await snapshot()).toEqual(before);
      }),
      { numRuns: runs(12) },
    );
  });
});

describe('importArticles when indexing fails', () => {
  beforeAll(async () => {
    await db.delete();
    await openCorpus('property-import-fail');
  });
  it('rolls back the article and every index row written before the failure', async () => {
    const files: ImportFile[] = SEEDS.slice(1).map((s) => ({ name: `fail-${s.name}`, bytes: s.bytes }));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...files), fc.constantFrom('before', 'after'), async (file, when) => {
        const before = await snapshot();
        const failing = async (article: StoredArticle) => {
          if (when === 'after') await index(article);
          throw new Error('index failed');
        };
        await expect(importArticles(db, [file], { parse, index: failing, now })).rejects.toThrow('index failed');
        expect(await snapshot()).toEqual(before);
      }),
      { numRuns: runs(12) },
    );
  });
});
