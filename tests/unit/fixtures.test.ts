import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFixtures, type FixtureEntry } from '../../scripts/fixtures/build';
import { readSeeds } from '../../scripts/fixtures/build-fixtures';
import { readSeedFile } from '../../scripts/fixtures/seed-file';

const root = join(__dirname, '..', '..');
const fixtures = join(root, 'tests', 'fixtures');
const seeds = readSeeds(join(root, 'seeds'));
const built = buildFixtures(seeds);
const manifest = JSON.parse(readFileSync(join(fixtures, 'pages.json'), 'utf8')) as FixtureEntry[];

describe('fixture pages', () => {
  it('are up to date with scripts/fixtures (run `npx tsx scripts/fixtures/build-fixtures.ts`)', () => {
    for (const [rel, content] of built.files) {
      expect(readFileSync(join(fixtures, rel), 'utf8'), rel).toBe(content);
    }
    // No page left behind by an older generator.
    expect(readdirSync(join(fixtures, 'pages')).sort()).toEqual(manifest.map((e) => e.file.replace('pages/', '')).sort());
  });

  it('list every kind of page the lens must handle, seed-000-desktop first', () => {
    expect(manifest[0]?.name).toBe('seed-000-desktop');
    expect(manifest.map((e) => e.name).sort()).toEqual(
      [
        'channel-front',
        'not-found',
        'roll-list',
        'seed-000-desktop',
        'seed-000-mobile',
        'seed-001-desktop',
        'seed-001-late',
        'seed-002-desktop',
        'seed-003-desktop',
        'seed-004-desktop',
        'seed-004-old',
        'topic-list',
        'video',
        // One page per template the seed pages do not show (scripts/fixtures/templates.ts).
        'finance-2018',
        'finance-2014',
        'finance-2012',
        'news-2019',
        'news-2016',
        'news-mobile',
        'tech-2021',
        'tech-2015',
        'health-2021',
        'cj-2021',
        'k-2022',
        'image-post',
        'video-post',
        'unknown-template',
      ].sort(),
    );
    expect(new Set(manifest.map((e) => new URL(e.url).pathname)).size).toBe(manifest.length);
    expect(manifest.find((e) => e.name === 'not-found')?.status).toBe(404);
  });

  it('embed each seed body byte for byte in #artibody', () => {
    for (const e of manifest.filter((x) => x.kind === 'article' && x.seed && x.layout !== 'late')) {
      const html = readFileSync(join(fixtures, e.file), 'utf8');
      const seed = readSeedFile(e.seed!, seeds.get(e.seed!)!);
      expect(html.includes(seed.bodyHtml), e.name).toBe(true);
      expect(seed.bodyHtml.length).toBeGreaterThan(1000);
    }
  });

  it('name the facts a reader sees on every article page, and the template it is', () => {
    for (const e of manifest.filter((x) => x.kind === 'article')) {
      expect(e.facts?.title, e.name).toBeTruthy();
      expect(e.facts?.publishedAt, e.name).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
      expect(e.template, e.name).not.toBe('none');
    }
    expect(new Set(manifest.filter((x) => x.kind === 'article').map((e) => e.template)).size).toBeGreaterThanOrEqual(14);
  });

  it('carry dozens of external scripts on desktop pages, all on Sina hosts', () => {
    const html = readFileSync(join(fixtures, 'pages/seed-000-desktop.html'), 'utf8');
    const srcs = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => new URL(m[1]!).hostname);
    expect(srcs.length).toBeGreaterThanOrEqual(25);
    for (const host of srcs) expect(host).toMatch(/\.(sinaimg\.cn|sina\.com\.cn|sinajs\.cn)$/);
  });

  it('put the Beijing date of the seed in each article URL and page', () => {
    // 000: Fri, 04 Jun 2021 12:30:57 GMT = 20:30:57 in Beijing.
    const e = manifest.find((x) => x.name === 'seed-000-desktop')!;
    expect(e.url).toBe('https://finance.sina.com.cn/china/gncj/2021-06-04/doc-ikqcfnaz9077291.shtml');
    const html = readFileSync(join(fixtures, e.file), 'utf8');
    expect(html).toContain('<meta property="article:published_time" content="2021-06-04T20:30:57+08:00">');
    expect(html).toContain('<span class="date">2021年06月04日 20:30</span>');
  });
});
