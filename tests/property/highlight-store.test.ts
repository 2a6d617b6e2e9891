/**
 * Property tests for lib/highlights/store.ts against a fake-indexeddb Dexie database.
 *
 * - createHighlight, updateHighlight and restoreHighlight refuse bad input with a HighlightStoreError
 *   (nothing else), whose `field` is the field that is wrong and whose message names it
 *   (`Create highlight: quote.exact: must not be empty`).
 * - A refusal leaves the highlights table exactly as it was.
 * - Valid input is accepted and stored exactly as returned (the generators are not all-bad).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openLensDB, type HighlightRecord, type LensDB } from '../../lib/db/schema';
import { createHighlight, HighlightStoreError, restoreHighlight, updateHighlight, type HighlightAction } from '../../lib/highlights/store';
import { corrupt, corruption, hostileValue, unknownKey, validHighlightInput, type Corruption, runs } from './arbitraries';

// Properties run hundreds of cases; the default 5 s is for one example (the folder as a whole stays well under a minute).
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

let db: LensDB;
beforeAll(() => {
  db = openLensDB(`property-highlights-${crypto.randomUUID()}`);
});
afterAll(() => db.delete());

const LABEL: Record<HighlightAction, string> = {
  create: 'Create highlight',
  update: 'Update highlight',
  delete: 'Delete highlight',
  restore: 'Restore highlight',
};

async function snapshot(): Promise<HighlightRecord[]> {
  return db.highlights.orderBy('id').toArray();
}

/** Runs `attempt`, which must be refused; checks the refusal and that the table did not change. Returns the error. */
async function expectRefusal(action: HighlightAction, attempt: () => Promise<unknown>): Promise<HighlightStoreError> {
  const before = await snapshot();
  let error: unknown;
  try {
    await attempt();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(HighlightStoreError);
  const e = error as HighlightStoreError;
  expect(e.action).toBe(action);
  expect(e.message.startsWith(`${LABEL[action]}: `)).toBe(true);
  expect(e.message.length).toBeGreaterThan(LABEL[action].length + 3);
  if (e.field !== undefined) expect(e.message).toContain(`${e.field}: `);
  expect(await snapshot()).toEqual(before);
  return e;
}

/** The refusal names the corrupted field: its path, or the member of it that is wrong, or the object holding a cross-field rule. */
function expectNamesField(e: HighlightStoreError, path: readonly string[]): void {
  const wanted = path.join('.');
  expect(e.field, e.message).toBeDefined();
  const named = e.field!;
  expect(named === wanted || named.startsWith(`${wanted}.`) || wanted.startsWith(`${named}.`), `${e.message} should name ${wanted}`).toBe(
    true,
  );
  expect(named.split('.')[0]).toBe(path[0]);
}

const REQUIRED_ON_CREATE = ['articleKey', 'url', 'title', 'quote', 'position'];
const RECORD_KEYS = [...REQUIRED_ON_CREATE, 'color', 'note', 'tags', 'id', 'createdAt', 'updatedAt'];

describe('createHighlight', () => {
  it('accepts valid input and stores exactly what it returns', async () => {
    await fc.assert(
      fc.asyncProperty(validHighlightInput, async (input) => {
        const h = await createHighlight(db, input);
        expect(await db.highlights.get(h.id)).toEqual(h);
        expect(h).toMatchObject({ articleKey: input.articleKey, url: input.url, quote: input.quote, position: input.position });
        expect(h.createdAt).toBe(h.updatedAt);
        await db.highlights.delete(h.id);
      }),
      { numRuns: runs(100) },
    );
  });

  it('refuses one corrupted field with a HighlightStoreError naming it, and writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(validHighlightInput, corruption, async (input, c) => {
        const e = await expectRefusal('create', () => createHighlight(db, corrupt(input, c)));
        expectNamesField(e, c.path);
      }),
      { numRuns: runs(400) },
    );
  });

  it('refuses a missing required field by name', async () => {
    await fc.assert(
      fc.asyncProperty(validHighlightInput, fc.constantFrom(...REQUIRED_ON_CREATE), async (input, key) => {
        const { [key]: _, ...rest } = input;
        const e = await expectRefusal('create', () => createHighlight(db, rest));
        expect(e.field).toBe(key);
      }),
      { numRuns: runs(100) },
    );
  });

  it('refuses unknown fields (createdAt, id, typos) and names them', async () => {
    await fc.assert(
      fc.asyncProperty(
        validHighlightInput,
        fc.oneof(unknownKey, fc.constantFrom('id', 'createdAt', 'updatedAt', 'colour', 'notes')),
        hostileValue,
        async (input, key, value) => {
          const e = await expectRefusal('create', () => createHighlight(db, { ...input, [key]: value }));
          expect(e.field).toBeUndefined();
          expect(e.message).toContain(`unknown field(s) ${key}`);
        },
      ),
      { numRuns: runs(150) },
    );
  });

  it('refuses anything that is not an object at all', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          hostileValue.filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)),
          fc.anything({ maxDepth: 1 }),
        ),
        async (input) => {
          fc.pre(!(typeof input === 'object' && input !== null && !Array.isArray(input) && REQUIRED_ON_CREATE.every((k) => k in input)));
          await expectRefusal('create', () => createHighlight(db, input));
        },
      ),
      { numRuns: runs(300) },
    );
  });
});

describe('updateHighlight', () => {
  let existing: HighlightRecord;
  beforeAll(async () => {
    existing = await createHighlight(db, fc.sample(validHighlightInput, { numRuns: 1, seed: 1 })[0]!, { newId: () => 'update-target' });
  });

  /** Patch corruptions: the fields a patch may carry. */
  const patchCorruption = corruption.filter((c) => ['note', 'color', 'tags', 'quote', 'position'].includes(c.path[0]!));

  it('refuses a corrupted patch naming the field, and the record stays as it was', async () => {
    await fc.assert(
      fc.asyncProperty(validHighlightInput, patchCorruption, async (valid, c) => {
        // A patch re-attaching needs quote and position together; corrupt one of a valid pair.
        const base = c.path[0] === 'quote' || c.path[0] === 'position' ? { quote: valid.quote, position: valid.position } : {};
        const patch = corrupt(base, c);
        const e = await expectRefusal('update', () => updateHighlight(db, existing.id, patch));
        expectNamesField(e, c.path);
        expect(await db.highlights.get(existing.id)).toEqual(existing);
      }),
      { numRuns: runs(300) },
    );
  });

  it('refuses fields a patch may not change, and re-attachment with only one selector', async () => {
    const bad = fc.oneof(
      fc
        .constantFrom('articleKey', 'url', 'title', 'id', 'createdAt', 'updatedAt')
        .map((k) => ({ patch: { [k]: 'x' } as Record<string, unknown>, names: `unknown field(s) ${k}` })),
      validHighlightInput.map((v) => ({
        patch: { quote: v.quote } as Record<string, unknown>,
        names: 'quote: quote and position are re-attached together',
      })),
      validHighlightInput.map((v) => ({
        patch: { position: v.position } as Record<string, unknown>,
        names: 'quote: quote and position are re-attached together',
      })),
    );
    await fc.assert(
      fc.asyncProperty(bad, async ({ patch, names }) => {
        const e = await expectRefusal('update', () => updateHighlight(db, existing.id, patch));
        expect(e.message).toContain(names);
      }),
      { numRuns: runs(100) },
    );
  });

  it('refuses an id that is not there, naming it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 30 }).filter((id) => id !== existing.id),
        async (id) => {
          const e = await expectRefusal('update', () => updateHighlight(db, id, { note: 'n' }));
          expect(e.message).toContain(`no highlight with id ${id}`);
        },
      ),
      { numRuns: runs(100) },
    );
  });
});

describe('restoreHighlight', () => {
  /** A whole valid record, as deleteHighlight returns it. */
  const validRecord = fc
    .tuple(
      validHighlightInput,
      fc.string({ minLength: 1, maxLength: 40 }),
      fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }),
    )
    .map(
      ([input, id, at]) =>
        ({ color: 'yellow', note: '', tags: [], ...input, id, createdAt: at.toISOString(), updatedAt: at.toISOString() }) as Record<
          string,
          unknown
        >,
    );

  const recordCorruption: fc.Arbitrary<Corruption> = fc.oneof(
    corruption,
    fc.record({ path: fc.constant(['id']), value: fc.constantFrom('', null, 1, [], 'i'.repeat(201)) }),
    fc.record({
      path: fc.constantFrom(['createdAt'], ['updatedAt']),
      value: fc.constantFrom('', 'yesterday', '2024-13-01T00:00:00Z', '2024-05-01', 1714550400000, null, '2024-05-01T08:00:00'),
    }),
  );

  it('puts a valid record back exactly', async () => {
    await fc.assert(
      fc.asyncProperty(validRecord, async (record) => {
        const restored = await restoreHighlight(db, record);
        expect(await db.highlights.get(restored.id)).toEqual(restored);
        expect(restored.id).toBe(record.id);
        expect(restored.createdAt).toBe(record.createdAt);
        await db.highlights.delete(restored.id);
      }),
      { numRuns: runs(100) },
    );
  });

  it('refuses a record with one corrupted field, naming it, and writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(validRecord, recordCorruption, async (record, c) => {
        const e = await expectRefusal('restore', () => restoreHighlight(db, corrupt(record, c)));
        expectNamesField(e, c.path);
        expect(await db.highlights.get(String(record.id))).toBeUndefined();
      }),
      { numRuns: runs(400) },
    );
  });

  it('refuses a record missing any field, naming it', async () => {
    await fc.assert(
      fc.asyncProperty(validRecord, fc.constantFrom(...RECORD_KEYS), async (record, key) => {
        const { [key]: _, ...rest } = record;
        const e = await expectRefusal('restore', () => restoreHighlight(db, rest));
        expect(e.field).toBe(key);
      }),
      { numRuns: runs(100) },
    );
  });
});
