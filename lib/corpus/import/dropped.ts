/**
 * The files of a drag and drop, folders included: a dropped folder arrives as one DataTransferItem
 * whose entry (webkitGetAsEntry, in Chrome and Firefox alike) is walked for its files, each named by
 * its path inside the drop (`hexo-site/source/_posts/x.md`), as the folder picker names them.
 */
import type { ChosenFile } from './protocol';

type Entry = { isFile: boolean; isDirectory: boolean; name: string; fullPath: string };
type FileEntry = Entry & { file(ok: (f: File) => void, fail: (e: unknown) => void): void };
type DirectoryEntry = Entry & { createReader(): { readEntries(ok: (entries: Entry[]) => void, fail: (e: unknown) => void): void } };

export async function droppedFiles(data: DataTransfer): Promise<ChosenFile[]> {
  const entries = [...data.items]
    .filter((item) => item.kind === 'file')
    .map((item) => (item as DataTransferItem & { webkitGetAsEntry?(): Entry | null }).webkitGetAsEntry?.() ?? null);
  // Without entries (an old browser, a synthetic drop), the plain file list.
  if (!entries.length || entries.some((e) => e === null)) return [...data.files].map((file) => ({ file, path: file.name }));
  const out: ChosenFile[] = [];
  for (const entry of entries as Entry[]) await walk(entry, out);
  return out;
}

async function walk(entry: Entry, out: ChosenFile[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((ok, fail) => (entry as FileEntry).file(ok, fail));
    out.push({ file, path: entry.fullPath.replace(/^\//, '') || file.name });
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as DirectoryEntry).createReader();
  // readEntries gives a directory in chunks (100 at a time in Chrome) until it gives none.
  for (;;) {
    const chunk = await new Promise<Entry[]>((ok, fail) => reader.readEntries(ok, fail));
    if (!chunk.length) break;
    for (const child of chunk) await walk(child, out);
  }
}

/** The files of an `<input type=file>`, folders' files named by their path inside the chosen folder. */
export function pickedFiles(list: FileList | readonly File[]): ChosenFile[] {
  return [...list].map((file) => ({ file, path: file.webkitRelativePath || file.name }));
}
