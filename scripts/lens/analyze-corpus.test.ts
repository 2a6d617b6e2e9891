/**
 * `lens analyze` against the corpus: `same`, `measures` and `related` for documents and saved pages,
 * with and without --corpus. The corpus is the extension's own seeding, import and indexing on
 * fake-indexeddb (lens-corpus.ts), so these also check that wiring end to end.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentAnalysis, SavedPageAnalysis } from './analyze';
import { runLens } from './cli';
import { compileSeeds } from './compile-seeds';

const ROOT = path.join(import.meta.dirname, '..', '..');
const SEEDS = compileSeeds(path.join(ROOT, 'seeds'), ROOT).articles;
const seed = (n: number) => SEEDS[n]!;
const seedPath = (n: number) => path.join('seeds', seed(n).file!);
const seedBytes = (n: number) => readFileSync(path.join(ROOT, seedPath(n)), 'utf8');

async function lens(args: string[], cwd = ROOT) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runLens(args, { out: (l) => out.push(l), err: (l) => err.push(l), cwd });
  return { status, out, err };
}

async function analyzeJson(args: string[], cwd = ROOT) {
  const r = await lens(['analyze', ...args, '--json'], cwd);
  return { ...r, records: JSON.parse(r.out.join('\n')) as DocumentAnalysis[] };
}

function document(title: string, date: string, paragraphs: string[]): string {
  return `---\ntitle: '${title}'\ndate: ${date}\nauthor: 新浪财经\n---\n<div>\n${paragraphs.map((p) => `<p>　　${p}</p>`).join('\n')}\n</div>\n`;
}

/**
 * A folder `extra/` with one new article on seed 004's subject (fund supervision, fraud crackdown):
 * two of its paragraphs and one of its own, under another title and date.
 */
function corpusFolder(): { dir: string; similarTitle: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'lens-corpus-'));
  mkdirSync(path.join(dir, 'extra'));
  const similarTitle = '医保基金监管持续加码：骗保专项整治延长一年';
  const own = '多地医保部门表示，将继续开展打击欺诈骗保专项整治行动，对定点医药机构开展飞行检查，追回医保基金。';
  const [p1, p2] = [seed(4).paragraphs[0]!, seed(4).paragraphs[seed(4).paragraphs.length - 1]!];
  writeFileSync(path.join(dir, 'extra', 'similar.txt'), document(similarTitle, '2022-01-10T09:00:00+08:00', [p1, own, p2]));
  return { dir, similarTitle };
}

describe('lens analyze: same, measures, related', () => {
  it('a seed is the same as its own seed, mentions measures where it says, and is not its own related article', async () => {
    const { status, records } = await analyzeJson([seedPath(0)]);
    const [r] = records;
    expect(status).toBe(0);
    expect([r?.same, r?.sameBy]).toEqual([seed(0).id, 'title']);
    expect(r?.measures?.length).toBeGreaterThan(0);
    const text = r!.paragraphs!.join('\n');
    for (const m of r!.measures!) {
      expect(m.mentions.length, m.id).toBeGreaterThan(0);
      for (const mention of m.mentions) {
        expect(text.slice(mention.start, mention.end)).toBe(mention.quote);
        expect(mention.sentence).toContain(mention.quote);
      }
    }
    expect(r!.measures!.map((m) => m.id)).toContain('fund-supervision');
    const related = r!.related!;
    // Other seeds only, those close enough (lib/insight/related.ts RELATED_THRESHOLD).
    expect(related.length).toBeGreaterThan(0);
    for (const a of related) expect(SEEDS.slice(1).map((s) => s.id)).toContain(a.id);
    expect(related.map((a) => a.score)).toEqual([...related.map((a) => a.score)].sort((a, b) => b - a));
    // 000 and 004 are both about fund supervision: 004 comes first, for shared measures among other things.
    expect(related[0]).toMatchObject({
      id: seed(4).id,
      reasons: { sharedMeasures: expect.arrayContaining([{ id: 'fund-supervision', name: '医保基金监管' }]) },
    });
  });

  it('a copy under another title, body unchanged, is still the same article: by fingerprint', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lens-copy-'));
    writeFileSync(path.join(dir, 'retitled.txt'), seedBytes(2).replace(/^title: .*$/m, "title: '国办发文：谈判药品要进得了医院、用得上'"));
    const { status, records } = await analyzeJson(['retitled.txt'], dir);
    const [r] = records;
    expect(status).toBe(0);
    expect(r?.id).not.toBe(seed(2).id);
    expect([r?.same, r?.sameBy]).toEqual([seed(2).id, 'fingerprint']);
    expect(r?.related?.map((a) => a.id)).not.toContain(seed(2).id);
  });

  it('--corpus adds seed-format files: a similar article shows among the related articles of a seed', async () => {
    const { dir, similarTitle } = corpusFolder();
    const seed4 = path.join(ROOT, seedPath(4));
    const without = await analyzeJson([seed4], dir);
    expect(without.records[0]?.related?.map((a) => a.title)).not.toContain(similarTitle);

    const withCorpus = await analyzeJson([seed4, '--corpus', 'extra'], dir);
    expect(withCorpus.status).toBe(0);
    expect(withCorpus.err).toEqual(['--corpus: 1 file: 1 added, 0 already in the corpus, 0 refused']);
    const [r] = withCorpus.records;
    expect(r?.same).toBe(seed(4).id);
    expect(r?.related?.[0]).toMatchObject({
      title: similarTitle,
      reasons: { sharedMeasures: expect.arrayContaining([{ id: 'fund-supervision', name: '医保基金监管' }]) },
    });
    expect(r!.related![0]!.score).toBeGreaterThan(r!.related![1]!.score);
  });

  it('a file that is in --corpus is the same as itself and not among its own related articles', async () => {
    const { dir, similarTitle } = corpusFolder();
    const { records } = await analyzeJson([path.join('extra', 'similar.txt'), '--corpus', 'extra'], dir);
    const [r] = records;
    expect(r?.title).toBe(similarTitle);
    expect([r?.same, r?.sameBy]).toEqual([r?.id, 'title']);
    expect(r?.related?.map((a) => a.id)).not.toContain(r?.id);
    expect(r?.related?.[0]?.id).toBe(seed(4).id);
  });

  it('a bad --corpus file is named with its line and reason on stderr, the rest still counts, and the exit status is 1', async () => {
    const { dir, similarTitle } = corpusFolder();
    writeFileSync(path.join(dir, 'extra', 'bad.md'), "---\ntitle: ''\ndate: 2022-01-10T09:00:00+08:00\n---\n<p>x</p>\n");
    const r = await analyzeJson([path.join(ROOT, seedPath(4)), '--corpus', 'extra'], dir);
    expect(r.status).toBe(1);
    expect(r.err).toEqual([
      `lens analyze: --corpus file refused: ${path.join('extra', 'bad.md')}:2: title is empty`,
      '--corpus: 2 files: 1 added, 0 already in the corpus, 1 refused',
    ]);
    // stdout is still the whole analysis, as JSON.
    expect(r.records[0]?.related?.[0]?.title).toBe(similarTitle);
  });

  it('--corpus files already in the corpus are counted, not refused', async () => {
    const r = await analyzeJson([seedPath(1), '--corpus', 'seeds']);
    expect(r.status).toBe(0);
    expect(r.err).toEqual(['--corpus: 5 files: 0 added, 5 already in the corpus, 0 refused']);
    const related = r.records[0]?.related?.map((a) => a.id);
    expect(related?.length).toBeGreaterThan(0);
    for (const id of related ?? []) expect(SEEDS.filter((a) => a.id !== seed(1).id).map((a) => a.id)).toContain(id);
  });

  it('an article outside the policy family gets no related article (related: [])', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lens-offtopic-'));
    const paragraphs = [
      '新浪财经讯 5月28日，A股三大指数集体收跌。截至收盘，上证指数跌0.46%，报3109.57点；深证成指跌0.96%；创业板指跌1.3%。',
      '两市全天成交额7000亿元，较上一交易日缩量。北向资金全天净卖出32亿元。板块方面，半导体、汽车整车跌幅居前，银行、电力板块逆势走强。',
    ];
    writeFileSync(path.join(dir, 'market.txt'), document('A股收评：三大指数集体收跌', '2024-05-28T15:30:00+08:00', paragraphs));
    const { status, records } = await analyzeJson(['market.txt'], dir);
    expect(status).toBe(0);
    expect(records[0]).toMatchObject({ same: null, measures: [], related: [] });
  });

  it('a --corpus path that does not exist is a usage error', async () => {
    const r = await lens(['analyze', seedPath(0), '--corpus', 'no-such-folder']);
    expect(r.status).toBe(2);
    expect(r.err[0]).toBe('lens analyze: --corpus: no such file or folder: no-such-folder');
    expect(r.out).toEqual([]);
  });

  it('without --json the summary names the same article, the measures and the related articles', async () => {
    const r = await lens(['analyze', seedPath(4)]);
    expect(r.status).toBe(0);
    expect(r.out).toContain(`  same        ${seed(4).id} (by title)`);
    expect(r.out.find((l) => l.startsWith('  measures    '))).toMatch(/^ {2}measures {4}\d+: .*医保基金监管 ×\d/);
    expect(r.out.find((l) => l.startsWith('  related     '))).toMatch(
      new RegExp(`^ {2}related {5}0\\.\\d\\d {2}${seed(0).title} {2}${seed(0).id}$`),
    );
  });

  it('--url: a saved Sina page gets the same three fields, matched to its seed', async () => {
    const { dir, similarTitle } = corpusFolder();
    const url = 'https://finance.sina.com.cn/china/gncj/2021-06-04/doc-ikqcfnaz9077291.shtml';
    const page = path.join(ROOT, 'tests', 'fixtures', 'pages', 'seed-000-desktop.html');
    const r = await lens(['analyze', page, '--url', url, '--corpus', 'extra', '--json'], dir);
    expect(r.status).toBe(0);
    const [result] = JSON.parse(r.out.join('\n')) as SavedPageAnalysis[];
    expect(result).toMatchObject({ recognized: true, key: 'sina:kqcfnaz9077291', same: seed(0).id });
    expect(result?.measures?.map((m) => m.id)).toContain('fund-supervision');
    const related = result?.related?.map((a) => a.title) ?? [];
    expect(related).toContain(similarTitle);
    expect(related).not.toContain(seed(0).title);

    const refused = await lens(['analyze', page, '--url', 'https://finance.sina.com.cn/roll/index.d.html', '--json']);
    expect(refused.status).toBe(1);
    expect(JSON.parse(refused.out.join('\n'))).toEqual([
      { file: page, recognized: false, reason: 'url-not-article', same: null, sameBy: null, measures: null, related: null },
    ]);
  });
});
