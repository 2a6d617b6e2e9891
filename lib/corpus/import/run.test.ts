import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLensDB, type LensDB } from '../../db/schema';
import { loadCatalogueFile } from '../../measures/load-catalogue';
import { ARCHIVE_FACTS } from '../../../scripts/fixtures/archive';
import { describeError } from '../../i18n/errors';
import { MAX_DOCUMENT_BYTES } from '../decode';
import type { ImportEntry } from './entries';
import { runImport, type ImportDeps, type ImportOutcome } from './run';
import { indexBatchInRelated } from './store';
import { fileEntry, folderEntries } from '../../../tests/support/corpus/import';
import { parseHtmlWithLinkedom, parseXmlWithLinkedom } from './worker-dom';

const ARCHIVE = path.resolve(import.meta.dirname, '../../../tests/fixtures/archive');
const catalogue = loadCatalogueFile();
let dbs = 0;

function setup(extra: Partial<ImportDeps> = {}) {
  const db = openLensDB(`import-run-${dbs++}-${Date.now()}`);
  const outcomes: ImportOutcome[] = [];
  const deps: ImportDeps = {
    db,
    catalogue,
    parseHtml: parseHtmlWithLinkedom,
    parseXml: parseXmlWithLinkedom,
    now: () => new Date('2025-01-01T00:00:00Z'),
    onOutcomes: (os) => outcomes.push(...os),
    ...extra,
  };
  const run = async (entries: ImportEntry[], more: Partial<ImportDeps> = {}) => {
    outcomes.length = 0;
    const summary = await runImport(entries, { ...deps, ...more });
    return { summary, outcomes: [...outcomes] };
  };
  return { db, run };
}

const statuses = (os: ImportOutcome[]) => Object.fromEntries(os.map((o) => [o.path.split('/').pop()!, o.status]));

async function indexedIds(db: LensDB): Promise<string[]> {
  return (await db.docs.toCollection().primaryKeys()).sort();
}

describe('runImport: a Hexo site, its zip, a fork and the feeds', () => {
  it('imports the posts of a folder, passes over the rest of the site, names the broken post, notes the image and video posts', async () => {
    const { db, run } = setup();
    const { summary, outcomes } = await run(folderEntries(path.join(ARCHIVE, 'hexo-site')));
    expect(summary).toEqual({
      imported: ARCHIVE_FACTS.sitePosts,
      duplicate: 0,
      refused: 1,
      noted: 2,
      passedOver: ARCHIVE_FACTS.sitePassedOver,
      notReached: 0,
      cancelled: false,
      timings: expect.any(Object),
    });
    const broken = outcomes.find((o) => o.status === 'refused')!;
    expect(broken.path).toBe(`hexo-site/source/_posts/${ARCHIVE_FACTS.siteBroken}`);
    expect(broken.status === 'refused' && [broken.refusal.code, broken.refusal.file, describeError(broken.refusal, 'en')]).toEqual([
      'date-missing',
      `hexo-site/source/_posts/${ARCHIVE_FACTS.siteBroken}`,
      `hexo-site/source/_posts/${ARCHIVE_FACTS.siteBroken}:1: the date is missing or empty`,
    ]);
    // Worded in the interface language on the page.
    expect(broken.status === 'refused' && describeError(broken.refusal, 'zh')).toMatch(/^hexo-site\/source\/_posts\/112_broken\.md:1：/);
    const noted = outcomes.filter((o) => o.status === 'imported' && o.notes.length).map((o) => o.path.split('/').pop());
    expect(noted.sort()).toEqual([...ARCHIVE_FACTS.noBodyText].sort());
    // Every imported article is stored, in the heads table, and in the related index.
    const stored = await db.articles.toArray();
    expect(stored).toHaveLength(ARCHIVE_FACTS.sitePosts);
    expect(stored.every((a) => a.origin === 'imported' && a.fingerprint && Array.isArray(a.measureIds))).toBe(true);
    expect(await indexedIds(db)).toEqual(stored.map((a) => a.id).sort());
    expect(await db.articleHeads.count()).toBe(ARCHIVE_FACTS.sitePosts);
    const image = stored.find((a) => a.title.startsWith('一图看懂'))!;
    expect([image.paragraphs, image.images.length]).toEqual([['图片来源：国家医保局'], 1]);
    const video = stored.find((a) => a.title.startsWith('视频'))!;
    expect(video.videos).toEqual([
      {
        src: 'https://video.sina.com.cn/p/news/2021-12-03/detail-ikyakumx6011498.mp4',
        poster: 'https://n.sinaimg.cn/news/crawl/20211203/video-poster.jpg',
      },
    ]);
  });

  it('reports the zip of the same site, the fork and both feeds as already there by identity, storing only what is new', async () => {
    const { db, run } = setup();
    await run(folderEntries(path.join(ARCHIVE, 'hexo-site')));
    const before = await db.articles.count();

    const zip = await run([fileEntry(path.join(ARCHIVE, 'hexo-site.zip'))]);
    expect(zip.summary).toMatchObject({
      imported: 0,
      duplicate: ARCHIVE_FACTS.sitePosts,
      refused: 1,
      passedOver: ARCHIVE_FACTS.sitePassedOver,
    });
    expect(zip.outcomes.every((o) => o.path.startsWith('hexo-site.zip/hexo-site-main/source/_posts/'))).toBe(true);

    const fork = await run(folderEntries(path.join(ARCHIVE, 'hexo-site-fork')));
    expect(statuses(fork.outcomes)).toEqual({
      '100_news_2019.md': 'duplicate',
      '101_news_2016.md': 'duplicate',
      '102_news_mobile.md': 'duplicate',
      // Renamed, its categories indented another way: the same article.
      '2018-12-24-zhuanxiang-zhili.md': 'duplicate',
      // Its title keeps the “” the site exported as `_`: the same article.
      '107_health_2021.md': 'duplicate',
      [ARCHIVE_FACTS.forkNew]: 'imported',
    });
    const renamed = fork.outcomes.find((o) => o.path.endsWith('zhuanxiang-zhili.md'))!;
    expect(renamed.status === 'duplicate' && renamed.sameAs).toBe('国家医保局部署定点医药机构违法违规使用医保基金专项治理');

    const atom = await run([fileEntry(path.join(ARCHIVE, 'atom.xml'))]);
    expect(atom.summary).toMatchObject({ imported: 0, duplicate: ARCHIVE_FACTS.sitePosts, refused: 0 });
    expect(atom.outcomes[0]!.path).toBe('atom.xml#1');
    const feed = await run([fileEntry(path.join(ARCHIVE, 'rss.xml'))]);
    expect(feed.summary).toMatchObject({ imported: 0, duplicate: ARCHIVE_FACTS.forkPosts - 1, refused: 0 });

    expect(await db.articles.count()).toBe(before + 1);
    expect(await indexedIds(db)).toHaveLength(before + 1);
  });

  it('imports a feed into an empty corpus: every item an article, its categories and author kept', async () => {
    const { db, run } = setup();
    const { summary } = await run([fileEntry(path.join(ARCHIVE, 'atom.xml'))]);
    expect(summary).toMatchObject({ imported: ARCHIVE_FACTS.sitePosts, noted: 2, refused: 0 });
    const a = (await db.articles.toArray()).find((x) => x.title === '国务院办公厅印发深化医改2019年重点工作任务')!;
    expect([a.categories, a.source, a.date, a.editor]).toEqual([['金融', '新浪财经'], '新浪财经', '2019-06-04T09:20:00.000Z', '张建利']);
    // The same posts from the site's folder are then all already there.
    expect((await run(folderEntries(path.join(ARCHIVE, 'hexo-site')))).summary).toMatchObject({
      imported: 0,
      duplicate: ARCHIVE_FACTS.sitePosts,
    });
  });

  it('names a feed item it refuses by feed, item and line', async () => {
    const { run } = setup();
    const xml =
      '<?xml version="1.0"?>\n<rss version="2.0"><channel>\n<item><title>无日期</title><description>&lt;p&gt;正文&lt;/p&gt;</description></item>\n</channel></rss>';
    const { outcomes } = await run([{ path: 'rss.xml', size: xml.length, read: async () => new TextEncoder().encode(xml) }]);
    expect(outcomes).toMatchObject([
      {
        path: 'rss.xml#1',
        status: 'refused',
        title: '无日期',
        refusal: { name: 'CorpusError', code: 'date-missing', file: 'rss.xml#1', line: 3 },
      },
    ]);
  });
});

describe('runImport: bad input and interruptions', () => {
  it('refuses a file over the size limit without reading it, and goes on', async () => {
    const { db, run } = setup();
    const huge: ImportEntry = { path: 'huge.md', size: MAX_DOCUMENT_BYTES + 1, read: () => Promise.reject(new Error('must not be read')) };
    const { outcomes } = await run([huge, fileEntry(path.join(ARCHIVE, 'hexo-site/source/_posts/100_news_2019.md'))]);
    expect(outcomes.map((o) => [o.path, o.status])).toEqual([
      ['huge.md', 'refused'],
      ['100_news_2019.md', 'imported'],
    ]);
    expect(outcomes[0]!.status === 'refused' && describeError(outcomes[0]!.refusal, 'en')).toBe(
      'huge.md:1: file is larger than the 1 MiB limit',
    );
    expect(await db.articles.count()).toBe(1);
  });

  it('refuses a damaged zip and a file that is no feed by name', async () => {
    const { run } = setup();
    const junk = new TextEncoder().encode('not a zip at all');
    const { outcomes } = await run([
      { path: 'broken.zip', size: junk.length, read: async () => junk },
      { path: 'atom.xml', size: 9, read: async () => new TextEncoder().encode('<html/>') },
    ]);
    expect(outcomes.map((o) => [o.path, o.status, o.status === 'refused' && describeError(o.refusal, 'en').split(' (')[0]])).toEqual([
      ['broken.zip', 'refused', 'broken.zip: not a zip archive that can be read'],
      ['atom.xml', 'refused', 'atom.xml: not an RSS or Atom feed'],
    ]);
    expect(outcomes.map((o) => o.status === 'refused' && describeError(o.refusal, 'zh').split('（')[0])).toEqual([
      'broken.zip：不是可以读取的 zip 压缩包',
      'atom.xml：不是 RSS 或 Atom 订阅源',
    ]);
  });

  it('stops after the batches in hand when cancelled: what is reported imported is stored and indexed', async () => {
    const controller = new AbortController();
    const { db, run } = setup();
    const { summary } = await run(folderEntries(path.join(ARCHIVE, 'hexo-site')), {
      batchSize: 4,
      onOutcomes: () => controller.abort(),
      signal: controller.signal,
    });
    expect(summary.cancelled).toBe(true);
    // The batch being stored and the one being parsed when the cancel came: whole batches only.
    expect([4, 8]).toContain(summary.imported);
    expect(summary.notReached).toBeGreaterThan(0);
    expect(await db.articles.count()).toBe(summary.imported);
    expect(await indexedIds(db)).toHaveLength(summary.imported);
  });

  it('leaves nothing of a batch whose transaction fails, and every batch before it whole', async () => {
    const { db, run } = setup();
    let batches = 0;
    const failing = async (d: LensDB, entries: Parameters<typeof indexBatchInRelated>[1]) => {
      if (++batches === 2) throw new Error('the browser quit');
      await indexBatchInRelated(d, entries);
    };
    await expect(run(folderEntries(path.join(ARCHIVE, 'hexo-site')), { batchSize: 5, index: failing })).rejects.toThrow('the browser quit');
    expect(await db.articles.count()).toBe(5);
    expect(await db.articleHeads.count()).toBe(5);
    expect(await indexedIds(db)).toHaveLength(5);
  });
});
