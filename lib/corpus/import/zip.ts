/**
 * The files of a `.zip` archive, read with fflate: the central directory first (names and sizes, no
 * inflating), then only the entries an import wants, each no larger than a document may be. A zip
 * that is not one, or is damaged, is refused with its name; an oversized entry with its own.
 */
import { unzipSync } from 'fflate';
import { LensError } from '../../i18n/errors';
import type { ImportEntry } from './entries';

/** Largest zip an import reads into memory, bytes (a 10,000-post archive zips to ~20 MiB). */
export const MAX_ZIP_BYTES = 512 * 1024 * 1024;
/** Largest sum of the wanted entries' sizes once inflated, bytes: a zip bomb stops here. */
export const MAX_UNZIPPED_BYTES = 1024 * 1024 * 1024;

export type ZipListing = { path: string; size: number };

/** Why a zip cannot be read: `import.zip-unreadable` or `import.zip-too-much`, naming the zip. */
export class ZipError extends LensError {
  override readonly name = 'ZipError';
}

/** Names and inflated sizes of the zip's files (directories left out), without inflating any. */
export function listZip(bytes: Uint8Array, zipPath: string): ZipListing[] {
  const listing: ZipListing[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        if (!f.name.endsWith('/')) listing.push({ path: f.name, size: f.originalSize });
        return false;
      },
    });
  } catch (e) {
    throw new ZipError('import.zip-unreadable', { file: zipPath, detail: (e as Error).message });
  }
  return listing;
}

/** The wanted files' bytes, inflated in one pass (the caller leaves out entries too large to read). */
export function unzipWanted(bytes: Uint8Array, zipPath: string, wanted: ReadonlySet<string>): Map<string, Uint8Array> {
  let total = 0;
  try {
    const files = unzipSync(bytes, {
      filter: (f) => {
        if (!wanted.has(f.name)) return false;
        total += f.originalSize;
        if (total > MAX_UNZIPPED_BYTES) throw new ZipError('import.zip-too-much', { file: zipPath, max: MAX_UNZIPPED_BYTES / 1024 / 1024 });
        return true;
      },
    });
    return new Map(Object.entries(files));
  } catch (e) {
    throw e instanceof ZipError ? e : new ZipError('import.zip-unreadable', { file: zipPath, detail: (e as Error).message });
  }
}

/** The zip's files as import entries, named `archive.zip/path/in/zip`, read from the one inflation pass. */
export function zipEntries(bytes: Uint8Array, zipPath: string, want: (paths: ZipListing[]) => ReadonlySet<string>): ImportEntry[] {
  const listing = listZip(bytes, zipPath);
  const wanted = want(listing);
  let inflated: Map<string, Uint8Array> | null = null;
  return listing.map(({ path, size }) => ({
    path: `${zipPath}/${path}`,
    size,
    read: async () => {
      inflated ??= unzipWanted(bytes, zipPath, wanted);
      const data = inflated.get(path);
      if (!data) throw new ZipError('import.unreadable', { file: `${zipPath}/${path}`, detail: 'not in the archive' });
      return data;
    },
  }));
}
