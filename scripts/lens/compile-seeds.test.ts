import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArticleSchema } from '../../lib/corpus/article';
import { CorpusError } from '../../lib/corpus/errors';
import { compileSeeds } from './compile-seeds';

const ROOT = path.join(import.meta.dirname, '..', '..');
const SEEDS = path.join(ROOT, 'seeds');

/** A copy of seeds/ (the originals are never modified). */
function seedCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lens-seeds-'));
  for (const name of readdirSync(SEEDS)) copyFileSync(path.join(SEEDS, name), path.join(dir, name));
  return dir;
}

describe('compileSeeds', () => {
  it('compiles every *.txt seed, in name order, into valid Articles with distinct ids', () => {
    const corpus = compileSeeds(SEEDS, ROOT);
    expect(corpus.articles.map((a) => a.file)).toEqual([
      '000_92f23ab5315a9f72.txt',
      '001_78faee30fd7d3eaa.txt',
      '002_46347148a7041363.txt',
      '003_1aa75d1e9cbd6e08.txt',
      '004_573c72e9b12cefe3.txt',
    ]);
    for (const a of corpus.articles) expect(ArticleSchema.parse(a)).toEqual(a);
    expect(new Set(corpus.articles.map((a) => a.id)).size).toBe(5);
    expect(corpus.version).toMatch(/^[0-9a-f]{16}$/);
  });

  it('gives the same version and JSON for the same files', () => {
    const a = compileSeeds(SEEDS, ROOT);
    const b = compileSeeds(seedCopy(), ROOT);
    expect(b.version).toBe(a.version);
    expect(JSON.stringify(b.articles)).toBe(JSON.stringify(a.articles));
  });

  it('gives a new version when a seed changes, even by one byte that cleaning throws away', () => {
    const dir = seedCopy();
    const before = compileSeeds(dir, ROOT).version;
    const file = path.join(dir, '002_46347148a7041363.txt');
    writeFileSync(file, `${readFileSync(file, 'utf8')} `);
    expect(compileSeeds(dir, ROOT).version).not.toBe(before);
  });

  it('fails on a bad seed with the same file:line: message the CLI prints', () => {
    const dir = seedCopy();
    const file = path.join(dir, '003_1aa75d1e9cbd6e08.txt');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, "title: ''"));
    const relative = path.relative(ROOT, file);
    expect(() => compileSeeds(dir, ROOT)).toThrow(new CorpusError('title-empty', relative, 3, 'title is empty', 'title'));
    expect(() => compileSeeds(dir, ROOT)).toThrow(`${relative}:3: title is empty`);
  });

  it('fails when two seeds are the same article', () => {
    const dir = seedCopy();
    copyFileSync(path.join(dir, '000_92f23ab5315a9f72.txt'), path.join(dir, '005_copy.txt'));
    expect(() => compileSeeds(dir, dir)).toThrow(/^005_copy\.txt:1: same title and date as 000_92f23ab5315a9f72\.txt/);
  });

  it('fails on a folder without seeds', () => {
    expect(() => compileSeeds(mkdtempSync(path.join(tmpdir(), 'lens-empty-')))).toThrow(/no seed files/);
  });
});
