import { describe, expect, it } from 'vitest';
import { compareTrees, type Tree } from './compare-trees';

const tree = (files: Record<string, string>): Tree => new Map(Object.entries(files).map(([k, v]) => [k, Buffer.from(v)]));

describe('compareTrees', () => {
  it('finds nothing between identical trees', () => {
    expect(compareTrees(tree({ 'a.js': 'x', 'b/c.json': '{}' }), tree({ 'b/c.json': '{}', 'a.js': 'x' }))).toEqual([]);
  });
  it('names missing, extra and changed files', () => {
    expect(compareTrees(tree({ 'a.js': 'x', 'gone.js': '' }), tree({ 'a.js': 'xy', 'new.js': '' }))).toEqual([
      'a.js: differs (1 bytes submitted, 2 rebuilt)',
      'gone.js: only in the submitted zip',
      'new.js: only in the rebuild',
    ]);
  });
});
