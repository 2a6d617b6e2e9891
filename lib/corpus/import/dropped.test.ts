import { describe, expect, it } from 'vitest';
import { droppedFiles, pickedFiles } from './dropped';

type FakeEntry = { name: string; fullPath: string; isFile: boolean; isDirectory: boolean; [k: string]: unknown };

function fileEntry(fullPath: string): FakeEntry {
  const name = fullPath.split('/').pop()!;
  return { name, fullPath, isFile: true, isDirectory: false, file: (ok: (f: File) => void) => ok(new File(['x'], name)) };
}

/** A directory entry that, like Chrome's, gives its children a few at a time until it gives none. */
function dirEntry(fullPath: string, kids: FakeEntry[]): FakeEntry {
  return {
    name: fullPath.split('/').pop()!,
    fullPath,
    isFile: false,
    isDirectory: true,
    createReader: () => {
      const rest = [...kids];
      return { readEntries: (ok: (es: FakeEntry[]) => void) => ok(rest.splice(0, 2)) };
    },
  };
}

describe('droppedFiles', () => {
  it('walks a dropped folder, every chunk of every directory, naming files by their path in the drop', async () => {
    const folder = dirEntry('/site', [
      fileEntry('/site/_config.yml'),
      dirEntry('/site/source', [
        dirEntry('/site/source/_posts', [
          fileEntry('/site/source/_posts/a.md'),
          fileEntry('/site/source/_posts/b.md'),
          fileEntry('/site/source/_posts/c.md'),
        ]),
      ]),
    ]);
    const data = {
      items: [
        { kind: 'file', webkitGetAsEntry: () => folder },
        { kind: 'file', webkitGetAsEntry: () => fileEntry('/atom.xml') },
      ],
      files: [],
    };
    const files = await droppedFiles(data as unknown as DataTransfer);
    expect(files.map((f) => [f.path, f.file.name])).toEqual([
      ['site/_config.yml', '_config.yml'],
      ['site/source/_posts/a.md', 'a.md'],
      ['site/source/_posts/b.md', 'b.md'],
      ['site/source/_posts/c.md', 'c.md'],
      ['atom.xml', 'atom.xml'],
    ]);
  });

  it('takes the plain file list when the browser gives no entries', async () => {
    const file = new File(['x'], 'dropped.txt');
    const data = { items: [{ kind: 'file', webkitGetAsEntry: () => null }], files: [file] };
    expect(await droppedFiles(data as unknown as DataTransfer)).toEqual([{ file, path: 'dropped.txt' }]);
  });
});

describe('pickedFiles', () => {
  it("names a picked folder's files by their path inside it, and lone files by their name", () => {
    const inFolder = new File(['x'], 'a.md');
    Object.defineProperty(inFolder, 'webkitRelativePath', { value: 'site/source/_posts/a.md' });
    const alone = new File(['x'], 'atom.xml');
    expect(pickedFiles([inFolder, alone]).map((f) => f.path)).toEqual(['site/source/_posts/a.md', 'atom.xml']);
  });
});
