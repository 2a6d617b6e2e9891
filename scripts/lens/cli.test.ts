import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentAnalysis } from './analyze';
import { runLens } from './cli';

const ROOT = path.join(import.meta.dirname, '..', '..');
const SEED_TITLES = [
  ['000_92f23ab5315a9f72.txt', '韩正：医保基金是群众的_救命钱_ 要持续加大监管力度'],
  ['001_78faee30fd7d3eaa.txt', '李克强：扩大集中带量采购 让群众更多享受医药费降低的好处'],
  ['002_46347148a7041363.txt', '国办：加大力度推进国家医保谈判药品落地使用'],
  ['003_1aa75d1e9cbd6e08.txt', '国家医保局：全力发挥医保支持疫情防控的作用'],
  ['004_573c72e9b12cefe3.txt', '国家医保局：累计追回医保基金约506亿元'],
];

async function lens(args: string[], cwd = ROOT) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runLens(args, { out: (l) => out.push(l), err: (l) => err.push(l), cwd });
  return { status, out, err };
}

const GOOD = "---\ntitle: '医保基金监管'\ndate: Fri, 04 Jun 2021 12:30:57 GMT\n---\n<p>　　正文。</p>\n";

/** A scratch folder: good.txt, notes/bad.md (empty title), and files a folder walk must skip. */
function scratch(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lens-cli-'));
  writeFileSync(path.join(dir, 'good.txt'), GOOD);
  mkdirSync(path.join(dir, 'notes'));
  writeFileSync(path.join(dir, 'notes', 'bad.md'), "---\ntitle: ''\n---\n<p>x</p>\n");
  writeFileSync(path.join(dir, 'notes', 'ignored.yaml'), 'not: a document\n');
  for (const skipped of ['node_modules', '.git']) {
    mkdirSync(path.join(dir, skipped));
    writeFileSync(path.join(dir, skipped, 'README.md'), '# not a document\n');
  }
  return dir;
}

describe('lens check', () => {
  it('prints one ok line per seed and exits 0', async () => {
    const r = await lens(['check', 'seeds']);
    expect(r.status).toBe(0);
    expect(r.out).toEqual(SEED_TITLES.map(([file, title]) => `ok   ${path.join('seeds', file!)}  ${title}`));
    expect(r.err).toEqual(['5 checked: 5 ok, 0 refused']);
  });

  it('accepts an image-only post and a video post, each with the note that it has no body text', async () => {
    const posts = path.join('tests', 'fixtures', 'archive', 'hexo-site', 'source', '_posts');
    const r = await lens(['check', path.join(posts, '110_image_post.md'), path.join(posts, '111_video_post.md')]);
    expect(r.status).toBe(0);
    const note = '  (note: no body text: an image or video post (its title, date, source, images and caption are kept))';
    expect(r.out).toEqual([
      `ok   ${path.join(posts, '110_image_post.md')}  一图看懂《医疗保障基金使用监督管理条例》${note}`,
      `ok   ${path.join(posts, '111_video_post.md')}  视频｜国家医保局解读2021年医保药品目录调整${note}`,
    ]);
    expect(r.err).toEqual(['2 checked: 2 ok, 0 refused']);
  });

  it('walks folders for *.txt and *.md, prints FAIL file:line: reason, and exits 1', async () => {
    const r = await lens(['check', '.'], scratch());
    expect(r.status).toBe(1);
    expect(r.out).toEqual(['ok   good.txt  医保基金监管', `FAIL ${path.join('notes', 'bad.md')}:2: title is empty`]);
    expect(r.err).toEqual(['2 checked: 1 ok, 1 refused']);
  });

  it('refuses the second of two documents with the same title and date', async () => {
    const dir = scratch();
    writeFileSync(path.join(dir, 'twin.txt'), GOOD);
    const r = await lens(['check', 'good.txt', 'twin.txt'], dir);
    expect(r.status).toBe(1);
    expect(r.out[1]).toMatch(/^FAIL twin\.txt:1: same title and date as good\.txt \(both are a_[0-9a-f]{16}\)$/);
  });

  it('refuses an oversized file without reading it whole', async () => {
    const dir = scratch();
    writeFileSync(path.join(dir, 'huge.txt'), Buffer.alloc(3 * 1024 * 1024, 0x61));
    const r = await lens(['check', 'huge.txt'], dir);
    expect([r.status, r.out]).toEqual([1, ['FAIL huge.txt:1: file is larger than the 1 MiB limit']]);
  });

  it('exits 2 with a clear message on usage errors', async () => {
    const dir = scratch();
    mkdirSync(path.join(dir, 'empty'));
    const cases: [string[], string][] = [
      [['check'], 'lens check: no files or folders given'],
      [['check', 'missing.txt'], 'lens check: no such file or folder: missing.txt'],
      [['check', 'empty'], 'lens check: no *.txt or *.md files in empty'],
      [['check', '--strict', 'good.txt'], "lens check: Unknown option '--strict'"],
      [['frobnicate'], 'lens: unknown command "frobnicate" (commands: check, analyze, eval)'],
    ];
    for (const [args, message] of cases) {
      const r = await lens(args, dir);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.err[0]?.startsWith(message), r.err[0]).toBe(true);
      expect(r.out).toEqual([]);
    }
    const none = await lens([], dir);
    expect([none.status, none.err[0]]).toEqual([2, 'usage: lens <command> …']);
  });

  it('prints help on request and exits 0', async () => {
    expect((await lens(['help'])).status).toBe(0);
    const r = await lens(['check', '--help']);
    expect([r.status, r.out]).toEqual([0, ['usage: lens check <files or folders>…']]);
  });
});

describe('lens analyze', () => {
  it('--json prints one record per file, with the paragraphs, and null fields for a refused file', async () => {
    const r = await lens(['analyze', 'good.txt', path.join('notes', 'bad.md'), '--json'], scratch());
    expect(r.status).toBe(1);
    const records = JSON.parse(r.out.join('\n')) as DocumentAnalysis[];
    expect(records).toEqual([
      {
        file: 'good.txt',
        ok: true,
        error: null,
        id: expect.stringMatching(/^a_[0-9a-f]{16}$/),
        title: '医保基金监管',
        date: '2021-06-04T12:30:57.000Z',
        source: '',
        editor: null,
        paragraphs: ['正文。'],
        same: null,
        sameBy: null,
        measures: [],
        // Its title is in the query, as it would be in the index: the seeds on 医保基金监管 come first.
        related: expect.arrayContaining([expect.objectContaining({ title: '国家医保局：累计追回医保基金约506亿元' })]),
      },
      {
        file: path.join('notes', 'bad.md'),
        ok: false,
        error: `${path.join('notes', 'bad.md')}:2: title is empty`,
        id: null,
        title: null,
        date: null,
        source: null,
        editor: null,
        paragraphs: null,
        same: null,
        sameBy: null,
        measures: null,
        related: null,
      },
    ]);
  });

  it('--json on a seed gives its editor, source and every paragraph', async () => {
    const r = await lens(['analyze', path.join('seeds', '002_46347148a7041363.txt'), '--json']);
    const [record] = JSON.parse(r.out.join('\n')) as DocumentAnalysis[];
    expect(r.status).toBe(0);
    expect([record?.title, record?.editor, record?.source, record?.paragraphs?.length]).toEqual([
      '国办：加大力度推进国家医保谈判药品落地使用',
      '刘万里',
      '新浪财经',
      9,
    ]);
  });

  it('without --json prints a short summary', async () => {
    const r = await lens(['analyze', path.join('seeds', '004_573c72e9b12cefe3.txt')]);
    expect(r.status).toBe(0);
    expect(r.out.slice(0, 2)).toEqual([
      path.join('seeds', '004_573c72e9b12cefe3.txt'),
      '  title       国家医保局：累计追回医保基金约506亿元',
    ]);
    expect(r.out).toContain('  editor      刘万里');
    expect(r.out).toContain('  paragraphs  5 (654 characters)');
  });

  it('--url analyses a saved Sina page the way the content script would', async () => {
    const url = 'https://finance.sina.com.cn/china/gncj/2021-06-04/doc-ikqcfnaz9077291.shtml';
    const r = await lens(['analyze', path.join('tests', 'fixtures', 'pages', 'seed-000-desktop.html'), '--url', url, '--json']);
    expect(r.status).toBe(0);
    const [page] = JSON.parse(r.out.join('\n')) as { recognized: boolean; key: string }[];
    expect([page?.recognized, page?.key]).toEqual([true, 'sina:kqcfnaz9077291']);
    expect((await lens(['analyze', 'a.html', 'b.html', '--url', url])).status).toBe(2);
  });
});

describe('scripts/lens.ts as a process', () => {
  // One process only (tsx starts slowly); runLens above covers every path, this covers the wiring.
  it('prints to stdout and sets the exit status', () => {
    const bad = path.join(scratch(), 'notes', 'bad.md');
    const run = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/lens.ts', 'check', 'seeds', bad], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines.slice(0, 5).every((l) => l.startsWith('ok   seeds/'))).toBe(true);
    expect(lines[5]).toBe(`FAIL ${bad}:2: title is empty`);
    expect(run.stderr).toContain('6 checked: 5 ok, 1 refused');
  }, 30_000);
});
