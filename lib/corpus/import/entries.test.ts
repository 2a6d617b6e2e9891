import { describe, expect, it } from 'vitest';
import { classifyEntries, type ImportEntry } from './entries';

const entry = (path: string): ImportEntry => ({ path, size: 1, read: async () => new Uint8Array() });
const paths = (es: ImportEntry[]) => es.map((e) => e.path);

describe('classifyEntries', () => {
  it("takes a Hexo site's posts from _posts only, and passes over its config, pages, scaffolds, themes and generated feed", () => {
    const c = classifyEntries(
      [
        'site/_config.yml',
        'site/scaffolds/post.md',
        'site/source/about/index.md',
        'site/source/_posts/b.md',
        'site/source/_posts/a.txt',
        'site/themes/t/layout.md',
        'site/public/atom.xml',
        'site/.git/HEAD',
      ].map(entry),
    );
    expect([paths(c.posts), paths(c.feeds), c.passedOver]).toEqual([['site/source/_posts/a.txt', 'site/source/_posts/b.md'], [], 6]);
  });

  it('takes every post file and the feed of a folder without _posts', () => {
    const c = classifyEntries(
      ['dump/2021/x.md', 'dump/y.markdown', 'dump/atom.xml', 'dump/other.xml', 'dump/node_modules/p/README.md'].map(entry),
    );
    expect([paths(c.posts), paths(c.feeds), c.passedOver]).toEqual([['dump/2021/x.md', 'dump/y.markdown'], ['dump/atom.xml'], 2]);
  });

  it('takes a file chosen on its own at its word, and zips as zips', () => {
    const c = classifyEntries(['feed-export.xml', 'notes.txt', 'archive.zip', 'image.png'].map(entry));
    expect([paths(c.posts), paths(c.feeds), paths(c.zips), c.passedOver]).toEqual([['notes.txt'], ['feed-export.xml'], ['archive.zip'], 1]);
  });
});
