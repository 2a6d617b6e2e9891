/**
 * The same seed must give the same Article on every DOM the parser meets: happy-dom here (as a
 * stand-in for the browser's DOMParser in the options page) and linkedom in the build. And a
 * Sina page built from a seed must give, through lib/sina's extraction, the seed's paragraphs,
 * original title and editor, and the seed's article id.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleId } from '../../lib/corpus/article';
import { parseSeedDocument } from '../../lib/corpus/parse-seed';
import { extractArticle } from '../../lib/sina/extract';
import { fixtureDoc, fixturePages } from '../support/sina/fixtures';
import { normalizeTitle } from '../../lib/text/normalize';
import { compileSeeds } from '../../scripts/lens/compile-seeds';

const ROOT = path.join(import.meta.dirname, '..', '..');
const SEEDS = path.join(ROOT, 'seeds');
const seedFiles = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const bundled = compileSeeds(SEEDS, ROOT).articles;

// The late page's body arrives from a script, which a parsed document never runs.
const pages = fixturePages.filter((p) => p.kind === 'article' && p.seed && p.layout !== 'late');

describe('corpus parsing across DOMs', () => {
  it.each(seedFiles)('%s: happy-dom and linkedom give the same Article', (file) => {
    const inHappyDom = parseSeedDocument(readFileSync(path.join(SEEDS, file)), { file: path.join('seeds', file) });
    expect(inHappyDom).toEqual(bundled.find((a) => a.file === file));
  });
});

describe('a live page and its corpus record', () => {
  it.each(pages.map((p) => [p.name, p] as const))('%s gives the seed’s text and id', (_name, page) => {
    const seed = bundled.find((a) => a.file === page.seed)!;
    const extracted = extractArticle(fixtureDoc(page.name), page.url)!;
    expect(extracted.paragraphs).toEqual(seed.paragraphs);
    expect(extracted.originalTitle ?? undefined).toBe(seed.originalTitle);
    expect(extracted.editor ?? undefined).toBe(seed.editor);
    // The page's title has “” where the seed has _, and the page's time is Beijing time.
    const date = new Date(extracted.publishedAt!).toISOString();
    expect(articleId(normalizeTitle(extracted.title), date)).toBe(seed.id);
  });
});
