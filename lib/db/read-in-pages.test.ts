import { afterEach, describe, expect, it } from 'vitest';
import { readInPages } from './read-in-pages';
import { openLensDB, type LensDB, type SettingRecord } from './schema';

const opened: LensDB[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('readInPages', () => {
  it.each([0, 1, 6, 7, 8, 20])('reads all %i records in key order, whatever the page size', async (count) => {
    const db = openLensDB(`test-${crypto.randomUUID()}`);
    opened.push(db);
    const records: SettingRecord[] = Array.from({ length: count }, (_, i) => ({ key: `k${String(i).padStart(2, '0')}`, value: i }));
    await db.settings.bulkPut([...records].reverse());
    for (const pageSize of [1, 3, 7, 1000]) {
      expect(await readInPages(db.settings, (r) => r.key, pageSize)).toEqual(records);
    }
  });
});
