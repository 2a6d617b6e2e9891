import { describe, expect, it } from 'vitest';
import { paragraphsOf, readSeeds } from '../../tests/support/related/seeds';
import { bodyFingerprint } from './fingerprint';
import { sameArticle, type CorpusEntry } from './same-article';
import { normalizeTitle } from '../text/normalize';

const seeds = readSeeds();
const seed = (id: string) => seeds.find((s) => s.id === id)!;
/** The corpus as the database holds it: seed titles with `_`, fingerprints computed at seeding. */
const corpus: CorpusEntry[] = seeds.map((s) => ({ id: s.id, title: s.title, fingerprint: bodyFingerprint(s.paragraphs) }));

/** The seed 000 as read on a live Sina page: the original quotes in the title, other markup, another URL. */
const livePage = {
  url: 'https://finance.sina.cn/2021-06-04/detail-ikqcfnaz9071234.d.html',
  key: 'sina:kqcfnaz9071234',
  title: '韩正：医保基金是群众的“救命钱” 要持续加大监管力度',
  paragraphs: paragraphsOf(
    seed('000')
      .bodyHtml.replace(/ cms-style="[^"]*"/g, '')
      .replace(/　　/g, ''),
  ),
};

describe('title comparison (lib/text normalizeTitle)', () => {
  it("equates the corpus's `_` titles with the live titles they came from", () => {
    expect(seed('000').title).toBe('韩正：医保基金是群众的_救命钱_ 要持续加大监管力度');
    expect(normalizeTitle(seed('000').title)).toBe(normalizeTitle(livePage.title));
    expect(normalizeTitle('韩正:医保基金是群众的"救命钱"要持续加大监管力度')).toBe(normalizeTitle(livePage.title));
    expect(normalizeTitle('国家医保局：累计追回医保基金约506亿元')).not.toBe(normalizeTitle('国家医保局：累计追回医保基金约500亿元'));
  });
});

describe('sameArticle', () => {
  it('recognises a seed on a live page under another URL with changed markup, by title and body', () => {
    expect(sameArticle(livePage, corpus)).toEqual({ id: '000', by: 'both', similarity: 1 });
  });

  it('recognises a re-titled copy by its body', () => {
    const retitled = { title: '国家医保局：严打欺诈骗保 五百亿医保基金被追回', paragraphs: seed('004').paragraphs };
    expect(sameArticle(retitled, corpus)).toMatchObject({ id: '004', by: 'fingerprint' });
  });

  it('recognises an edited copy (a sentence rewritten, the last paragraph cut) by its body', () => {
    const ps = seed('002').paragraphs;
    const edited = { title: '另一个标题', paragraphs: [ps[0]!.replace('中新经纬客户端6月17日电', '本报讯'), ...ps.slice(1, -1)] };
    const match = sameArticle(edited, corpus);
    expect(match).toMatchObject({ id: '002', by: 'fingerprint' });
    expect(match!.similarity).toBeGreaterThan(0.5);
  });

  it('recognises by title alone when no body is available', () => {
    expect(sameArticle({ title: livePage.title }, corpus)).toEqual({ id: '000', by: 'title', similarity: null });
    expect(sameArticle({ title: livePage.title, text: seed('000').text }, [{ id: '000', titleNorm: seed('000').title }])).toEqual({
      id: '000',
      by: 'title',
      similarity: null,
    });
  });

  it('does not merge two different articles that share a headline', () => {
    const sameHeadline = { title: seed('004').title, paragraphs: seed('003').paragraphs };
    // The body is seed 003's: it is that article, not 004.
    expect(sameArticle(sameHeadline, corpus)).toMatchObject({ id: '003', by: 'fingerprint' });
    expect(
      sameArticle(
        sameHeadline,
        corpus.filter((e) => e.id !== '003'),
      ),
    ).toBeNull();
  });

  it('answers null for an article the corpus does not hold', () => {
    const other = { title: '长期护理保险试点扩围', text: '国家医保局会同财政部印发指导意见，扩大长期护理保险制度试点，新增14个试点城市。' };
    expect(sameArticle(other, corpus)).toBeNull();
    expect(sameArticle({ title: '' }, [{ id: 'x', title: '' }])).toBeNull();
  });
});
