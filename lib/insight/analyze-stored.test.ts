import { describe, expect, it } from 'vitest';
import { catalogue, seedCorpusRecords, seededDBPerTest } from '../../tests/support/insight';
import { analyzePageArticle } from './analyze';
import { analyzeStoredArticle, corpusKey } from './analyze-stored';

const corpus = seedCorpusRecords;
const seeded = seededDBPerTest();

describe('analyzeStoredArticle (the reader page)', () => {
  it('describes a corpus article like its live page, without adding anything', async () => {
    const db = await seeded();
    const seed = corpus.articles.find((a) => a.title.startsWith('韩正'))!;
    const before = await db.articles.count();
    const result = await analyzeStoredArticle(db, seed.id, { catalogue });
    expect(result?.article.id).toBe(seed.id);
    const insight = result!.insight;
    expect(insight.key).toBe(corpusKey(seed.id));
    expect(insight.corpus).toMatchObject({ id: seed.id, origin: 'seed', matchedBy: 'id', addedNow: false });
    expect(insight.textLength).toBe(seed.text.length);
    expect(await db.articles.count()).toBe(before);

    // The same measures and related articles as the live page of the same article.
    const page = await analyzePageArticle(
      {
        key: 'sina:kqcfnaz9077291',
        id: 'kqcfnaz9077291',
        url: 'https://finance.sina.com.cn/china/gncj/2021-06-04/doc-ikqcfnaz9077291.shtml',
        mobileUrl: null,
        title: seed.title,
        publishedAt: seed.date,
        source: seed.source,
        editor: null,
        originalTitle: null,
        paragraphs: seed.paragraphs,
      },
      { db, catalogue, addToCorpus: false },
    );
    expect(insight.measures.map((m) => [m.id, m.mentions.length])).toEqual(page.measures.map((m) => [m.id, m.mentions.length]));
    expect(insight.related.map((r) => r.id)).toEqual(page.related.map((r) => r.id));
    expect(insight.related.map((r) => r.id)).not.toContain(seed.id);
    for (const m of insight.measures) {
      expect(m.timeline.map((e) => e.id)).not.toContain(seed.id);
      for (const mention of m.mentions) expect(seed.text.slice(mention.start, mention.end)).toBe(mention.quote);
    }
  });

  it('answers null for an id the corpus does not hold', async () => {
    const db = await seeded();
    expect(await analyzeStoredArticle(db, 'a_0000000000000000', { catalogue })).toBeNull();
  });
});
