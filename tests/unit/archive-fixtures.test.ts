import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ARCHIVE_DIR, buildArchives } from '../../scripts/fixtures/archive';

const fixtures = join(__dirname, '..', 'fixtures');
const built = buildArchives();

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [relative(fixtures, full)];
  });
}

describe('test archives (tests/fixtures/archive)', () => {
  it('are up to date with scripts/fixtures/archive.ts (run `npx tsx scripts/fixtures/build-archives.ts`)', () => {
    expect(filesUnder(join(fixtures, ARCHIVE_DIR)).sort()).toEqual([...built.keys()].sort());
    for (const [rel, content] of built) {
      if (typeof content === 'string') expect(readFileSync(join(fixtures, rel), 'utf8'), rel).toBe(content);
      else {
        // A zip's entry times depend on the time zone it is built in: compare what it holds.
        const decode = (bytes: Uint8Array) =>
          Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, new TextDecoder().decode(v)]));
        expect(decode(new Uint8Array(readFileSync(join(fixtures, rel)))), rel).toEqual(decode(content));
      }
    }
  });
});
