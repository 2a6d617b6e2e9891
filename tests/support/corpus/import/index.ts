/** Import entries from files on disk, as a folder pick or drop gives them (tests and tools). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ImportEntry } from '../../../../lib/corpus/import/entries';

/** Every file under `dir`, named `<name of dir>/<path inside>` as a browser names a picked folder's files. */
export function folderEntries(dir: string): ImportEntry[] {
  const base = path.basename(dir);
  const walk = (rel: string): ImportEntry[] =>
    readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
      const inner = rel ? `${rel}/${e.name}` : e.name;
      return e.isDirectory() ? walk(inner) : [fileEntry(path.join(dir, inner), `${base}/${inner}`)];
    });
  return walk('');
}

export function fileEntry(file: string, as = path.basename(file)): ImportEntry {
  return { path: as, size: statSync(file).size, read: async () => new Uint8Array(readFileSync(file)) };
}
