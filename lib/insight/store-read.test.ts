/**
 * Issue 16 item 1: a page never overwrites a stored article. Ids hash title and date, and a page
 * chooses both; whatever it copies, the seed, the import or the earlier read stays as it was, the
 * page's own article is stored apart, and the heads and the related index follow what is stored.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { articleId } from '../corpus/article';
import { importArticles } from '../db/articles';
import type { LensDB, StoredArticle } from '../db/schema';
import { createHighlight, listForArticle } from '../highlights/store';
import type { PageArticle } from '../messages/contract';
import { analyzePageArticle } from './analyze';
import { createIndexQueue } from './index-queue';
import { catalogue, seedCorpusRecords, seededDB } from '../../tests/support/insight';
import { wrapTables } from '../../tests/support/db/middleware';

let db: LensDB;
afterEach(() => db?.delete());

const seed000 = () => seedCorpusRecords.articles.find((a) => a.title.startsWith('韩正'))!;

/** Another article's body: nothing in common with seed 000 but the topic. */
const FORGED_BODY = [
  '本报讯 记者从市医保局获悉，今年以来全市共检查定点医药机构1200余家，追回医保资金3000万元。',
  '下一步，市医保局将持续开展打击欺诈骗保专项整治行动，畅通举报渠道，对查实的违法违规行为依法严肃处理。',
  '广大参保群众如发现欺诈骗保线索，可拨打12393医保服务热线进行举报，经查实的将按规定给予奖励。',
];

/** A Sina page (another URL) copying seed 000's title and `article:published_time`, with another body. */
function forgedPage(n = 1, paragraphs = FORGED_BODY): PageArticle {
  const id = `kforged0000000${n}`;
  return {
    key: `sina:${id}`,
    id,
    url: `https://finance.sina.com.cn/china/gncj/2021-06-04/doc-i${id}.shtml`,
    mobileUrl: null,
    title: '韩正：医保基金是群众的“救命钱” 要持续加大监管力度',
    publishedAt: '2021-06-04T20:30:57+08:00',
    source: '某网站',
    editor: null,
    originalTitle: null,
    paragraphs,
  };
}

function page(id: string, title: string, paragraphs: string[], publishedAt: string | null): PageArticle {
  return {
    key: `sina:${id}`,
    id,
    url: `https://finance.sina.com.cn/china/2023-01-01/doc-i${id}.shtml`,
    mobileUrl: null,
    title,
    publishedAt,
    source: null,
    editor: null,
    originalTitle: null,
    paragraphs,
  };
}

const opts = (extra: Partial<Parameters<typeof analyzePageArticle>[1]> = {}) => ({ db, catalogue, addToCorpus: true, ...extra });

/** What is stored for an article: its record, its heads row, and its own terms in the related index (weights move with the corpus's IDF). */
async function snapshot(id: string) {
  const doc = await db.docs.get(id);
  return { article: await db.articles.get(id), head: await db.articleHeads.get(id), features: doc?.features, measureIds: doc?.measureIds };
}

describe('a page never overwrites a stored article', () => {
  it('leaves a seed as it was when a page copies its title and published time with another body, and stores the page apart', async () => {
    db = await seededDB();
    const seedId = seed000().id;
    expect(articleId(seed000().titleNorm, seed000().date)).toBe(seedId);
    const before = await snapshot(seedId);

    const insight = await analyzePageArticle(forgedPage(), opts());

    expect(await snapshot(seedId)).toEqual(before);
    expect(insight.corpus).toMatchObject({ origin: 'read', addedNow: true });
    expect(insight.corpus!.id).not.toBe(seedId);
    const apart = (await db.articles.get(insight.corpus!.id))!;
    expect(apart.paragraphs).toEqual(FORGED_BODY);
    expect(apart.key).toBe(forgedPage().key);
    // Its heads row and its index entry are its own.
    expect((await db.articleHeads.get(apart.id))?.key).toBe(forgedPage().key);
    expect(await db.docs.get(apart.id)).toBeDefined();
    expect(await db.articles.count()).toBe(6);
    // The seed did not learn the forged page's URL either.
    expect((await db.articles.get(seedId))?.url).toBeUndefined();
  });

  it('leaves an imported article and an earlier read as they were, also when indexing comes later', async () => {
    db = await seededDB();
    const importedParagraphs = [
      '国家医保局发布通知，部署开展医保基金飞行检查工作，重点检查定点医疗机构和医保经办机构。',
      '通知要求各地医保部门加强协同配合，确保检查取得实效。',
    ];
    const imported = page('kimported000001', '医保基金飞行检查启动', importedParagraphs, '2023-03-01T09:00:00+08:00');
    // An earlier read: stored by visiting its page.
    const read = await analyzePageArticle(imported, opts());
    expect(read.corpus).toMatchObject({ addedNow: true });
    const readId = read.corpus!.id;
    // An import through the options page's importer.
    const file = { name: 'import.txt', bytes: new TextEncoder().encode('x') };
    const importedArticle: StoredArticle = {
      ...(await db.articles.get(readId))!,
      title: '长期护理保险试点扩围',
      titleNorm: '长期护理保险试点扩围',
      key: undefined,
      url: undefined,
    };
    delete importedArticle.key;
    delete importedArticle.url;
    const [result] = await importArticles(db, [file], {
      parse: () => ({ ...importedArticle, id: articleId('长期护理保险试点扩围', importedArticle.date), origin: 'imported' }),
    });
    expect(result).toMatchObject({ status: 'imported' });
    const importId = (result as { id: string }).id;

    const queue = createIndexQueue(db, catalogue);
    for (const [n, target] of [
      [2, { id: readId, title: '医保基金飞行检查启动' }],
      [3, { id: importId, title: '长期护理保险试点扩围' }],
    ] as const) {
      const before = await snapshot(target.id);
      const forged = page(`kforged00000${n}0`, target.title, FORGED_BODY, importedArticle.date);
      const insight = await analyzePageArticle(forged, opts({ indexLater: (id) => void queue.add(id) }));
      await queue.idle();
      expect(await snapshot(target.id)).toEqual(before);
      expect(insight.corpus!.id).not.toBe(target.id);
      expect((await db.articles.get(insight.corpus!.id))?.paragraphs).toEqual(FORGED_BODY);
      expect(await db.docs.get(insight.corpus!.id)).toBeDefined();
    }
  });

  it('keeps the highlights of the stored article anchored in the text they were made on', async () => {
    db = await seededDB();
    const seed = seed000();
    const exact = seed.paragraphs[1]!.slice(4, 16);
    const start = seed.text.indexOf(exact);
    await createHighlight(db, {
      articleKey: `corpus:${seed.id}`,
      url: 'chrome-extension://abc/reader.html',
      title: seed.title,
      quote: {
        type: 'TextQuoteSelector',
        exact,
        prefix: seed.text.slice(start - 8, start),
        suffix: seed.text.slice(start + exact.length, start + exact.length + 8),
      },
      position: { type: 'TextPositionSelector', start, end: start + exact.length },
    });
    await analyzePageArticle(forgedPage(), opts());
    const [h] = await listForArticle(db, `corpus:${seed.id}`);
    const stored = (await db.articles.get(seed.id))!;
    expect(stored.text.slice(h!.position.start, h!.position.end)).toBe(exact);
  });

  it('stores two undated pages with one title as two articles', async () => {
    db = await seededDB();
    const a = page(
      'kundated0000001',
      '医保局重要通知',
      ['关于做好2023年城乡居民基本医疗保障工作的通知，各地要按时完成参保缴费工作，财政补助标准提高30元。'],
      null,
    );
    const b = page(
      'kundated0000002',
      '医保局重要通知',
      ['关于开展医保药品目录调整工作的公告，申报企业应于规定时间内通过医保信息平台提交材料，逾期不予受理。'],
      null,
    );
    const first = await analyzePageArticle(a, opts());
    const second = await analyzePageArticle(b, opts());
    expect(first.corpus!.id).not.toBe(second.corpus!.id);
    expect((await db.articles.get(first.corpus!.id))?.paragraphs).toEqual(a.paragraphs);
    expect((await db.articles.get(second.corpus!.id))?.paragraphs).toEqual(b.paragraphs);
  });

  it('stores a heavily rewritten article under another URL apart from the version read before', async () => {
    db = await seededDB();
    const original = page(
      'krewrite0000001',
      '三明医改经验持续推广',
      [
        '三明市以药品耗材治理为突破口，推动医疗、医保、医药联动改革，群众看病负担明显减轻。',
        '改革以来，三明市公立医院医务性收入占比持续提高，医生收入实现阳光化。',
      ],
      '2023-05-01T10:00:00+08:00',
    );
    const rewritten = page(
      'krewrite0000002',
      '三明医改经验持续推广',
      [
        '福建省召开全省深化医改工作会议，总结推广三明经验，部署下一阶段重点任务，要求各地市结合实际抓好落实。',
        '会议强调，要完善薪酬制度改革，建立以公益性为导向的公立医院考核评价机制。',
      ],
      '2023-05-01T10:00:00+08:00',
    );
    const first = await analyzePageArticle(original, opts());
    const second = await analyzePageArticle(rewritten, opts());
    expect(second.corpus!.id).not.toBe(first.corpus!.id);
    expect((await db.articles.get(first.corpus!.id))?.paragraphs).toEqual(original.paragraphs);
  });

  it('stores a page read twice, or in two tabs at once, once', async () => {
    db = await seededDB();
    const [a, b] = await Promise.all([analyzePageArticle(forgedPage(), opts()), analyzePageArticle(forgedPage(), opts())]);
    expect(a.corpus!.id).toBe(b.corpus!.id);
    const again = await analyzePageArticle(forgedPage(), opts());
    expect(again.corpus).toMatchObject({ id: a.corpus!.id, addedNow: false });
    expect(await db.articles.count()).toBe(6);
  });

  it('makes room by evicting old read articles when the browser is full, and answers without storing when it cannot', async () => {
    db = await seededDB();
    // An older read article to make room with, then a browser that refuses the next article writes.
    const older = await analyzePageArticle(
      page('kolder000000001', '旧文章', ['一篇早先读过的文章，讲门诊共济保障机制改革和个人账户使用范围。'], '2022-01-01T00:00:00+08:00'),
      opts({ now: () => new Date('2023-01-01T00:00:00Z') }),
    );
    let refusals = 1;
    // Middleware applies from the next open.
    db.close();
    wrapTables(db, 'full-disk', (table, name) =>
      name !== 'articles'
        ? table
        : {
            ...table,
            mutate: async (req) => {
              if (req.type === 'add' && refusals > 0) {
                refusals--;
                throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
              }
              return table.mutate(req);
            },
          },
    );
    await db.open();
    const stored = await analyzePageArticle(forgedPage(), opts());
    expect(stored.corpus).toMatchObject({ addedNow: true });
    expect(await db.articles.get(older.corpus!.id)).toBeUndefined();
    // No room at all: the panel still gets its answer; nothing is stored and no seed is claimed.
    refusals = 2;
    const unstored = await analyzePageArticle(
      forgedPage(2, ['又一篇不同的文章，讲长期护理保险试点城市扩围，重度失能人员护理费用按比例支付。']),
      opts(),
    );
    expect(unstored.corpus).toBeNull();
    expect(unstored.measures).toBeDefined();
  });
});
