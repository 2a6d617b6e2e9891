import { describe, expect, it } from 'vitest';
import { confirmArticlePage, recognizeArticlePage } from './recognize';
import { fixtureDoc, fixturePages, lateBodyHtml } from '../../tests/support/sina/fixtures';
import { parseArticleUrl } from './url';

describe('recognizeArticlePage on the fixture pages', () => {
  const complete = fixturePages.filter((p) => p.kind === 'article' && p.layout !== 'late' && p.layout !== 'unknown');

  it.each(complete.map((p) => [p.name, p.layout] as const))('confirms %s (%s)', (name, layout) => {
    expect(recognizeArticlePage(fixtureDoc(name))).toEqual({ status: 'article', layout });
    expect(confirmArticlePage(fixtureDoc(name))).toBe(true);
  });

  it.each([
    ['not-found', { status: 'refused', reason: 'error-page', detail: '页面没有找到' }],
    ['video', { status: 'refused', reason: 'not-news', detail: 'og:type=video' }],
    ['topic-list', { status: 'refused', reason: 'not-news', detail: 'og:type=website' }],
    ['channel-front', { status: 'refused', reason: 'not-news', detail: 'og:type=website' }],
    ['roll-list', { status: 'refused', reason: 'not-news', detail: 'og:type=website' }],
  ])('refuses %s', (name, expected) => {
    expect(recognizeArticlePage(fixtureDoc(name))).toEqual(expected);
    expect(confirmArticlePage(fixtureDoc(name))).toBe(false);
  });

  it('covers every non-article fixture above', () => {
    expect(
      fixturePages
        .filter((p) => p.kind === 'not-article')
        .map((p) => p.name)
        .sort(),
    ).toEqual(['channel-front', 'not-found', 'roll-list', 'topic-list', 'video']);
  });

  it('leaves a page in an unknown template to the fallback, which its meta tags allow', () => {
    expect(recognizeArticlePage(fixtureDoc('unknown-template'))).toEqual({
      status: 'pending',
      reason: 'body-missing',
      fallbackAllowed: true,
    });
  });

  it('keeps the three non-articles at article-looking URLs apart from the URL check', () => {
    // The URL alone lets them through; only the page can refuse them.
    for (const name of ['not-found', 'video', 'topic-list']) {
      expect(parseArticleUrl(fixturePages.find((p) => p.name === name)!.url), name).not.toBeNull();
    }
  });

  it('reports the late page as pending until its body arrives, then confirms it', () => {
    const doc = fixtureDoc('seed-001-late');
    // A known body that stays empty is a page still loading: never read by the fallback.
    expect(recognizeArticlePage(doc)).toEqual({ status: 'pending', reason: 'body-empty', layout: 'desktop', fallbackAllowed: false });
    expect(confirmArticlePage(doc)).toBe(false);
    doc.getElementById('artibody')!.innerHTML = lateBodyHtml('seed-001-late');
    expect(recognizeArticlePage(doc)).toEqual({ status: 'article', layout: 'desktop' });
  });
});

describe('recognizeArticlePage on hand-made pages', () => {
  const page = (head: string, body: string) =>
    new DOMParser().parseFromString(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`, 'text/html');
  const text = '　　国家医保局召开会议，研究部署医保基金监管工作，要求持续保持打击欺诈骗保高压态势，维护基金安全。';

  it('is pending when the body element is not there at all', () => {
    const doc = page(
      '<meta property="og:type" content="news"><meta name="publishid" content="kqcfnaz9077291">',
      '<h1 class="main-title">标题</h1>',
    );
    expect(recognizeArticlePage(doc)).toEqual({ status: 'pending', reason: 'body-missing', fallbackAllowed: true });
  });

  it('lets the fallback read only pages whose meta tags declare an article, not ones with a visible date alone', () => {
    const doc = page(
      '',
      `<h1 class="main-title">标题</h1><span class="date-source"><span class="date">2021年06月04日 20:30</span></span><div class="x"><p>${text}</p></div>`,
    );
    expect(recognizeArticlePage(doc)).toEqual({ status: 'pending', reason: 'body-missing', fallbackAllowed: false });
  });

  it('takes og:title or the only <h1> as the heading of a declared article in an unknown template', () => {
    const head = '<meta property="og:type" content="news"><meta property="og:title" content="标题">';
    expect(recognizeArticlePage(page(head, '<div class="x"></div>'))).toMatchObject({ status: 'pending', fallbackAllowed: true });
    expect(recognizeArticlePage(page('<meta property="og:type" content="news">', '<h1 class="t">标题</h1>'))).toMatchObject({
      status: 'pending',
    });
  });

  it('accepts an image post: a body with an image and a short caption', () => {
    const doc = page(
      '<meta name="publishid" content="x">',
      '<h1 class="main-title">一图看懂</h1><div class="article" id="artibody"><img src="https://n.sinaimg.cn/a.png"><p>图片来源</p></div>',
    );
    expect(recognizeArticlePage(doc)).toEqual({ status: 'article', layout: 'desktop' });
  });

  it("accepts a mobile video post: Sina's player slot and a caption", () => {
    const doc = page(
      '<meta property="og:type" content="news">',
      '<h1 class="art_tit_h1">视频</h1><section class="art_pic_card art_content"><a class="art_video_box"><figure class="art_video"></figure></a><p class="art_p">说明</p></section>',
    );
    expect(recognizeArticlePage(doc)).toEqual({ status: 'article', layout: 'mobile' });
  });

  it('refuses a page with a title and body but no article markers', () => {
    const doc = page('', `<h1 class="main-title">标题</h1><div class="article" id="artibody"><p>${text}</p></div>`);
    expect(recognizeArticlePage(doc)).toEqual({ status: 'refused', reason: 'no-article-markers' });
  });

  it('accepts an old page without og:type when a visible date marks it', () => {
    const doc = page(
      '',
      `<h1 id="artibodyTitle">标题</h1><span id="pub_date">2012年03月05日 10:00</span><div class="blkContainerSblkCon" id="artibody"><p>${text}</p></div>`,
    );
    expect(recognizeArticlePage(doc)).toEqual({ status: 'article', layout: 'old' });
  });

  it('refuses an article-shaped page without a heading', () => {
    const doc = page('<meta property="og:type" content="news">', `<div class="article" id="artibody"><p>${text}</p></div>`);
    expect(recognizeArticlePage(doc)).toEqual({ status: 'refused', reason: 'no-title' });
  });

  it('treats a body with only a loading placeholder as empty', () => {
    const doc = page(
      '<meta name="publishid" content="x">',
      '<h1 class="main-title">标题</h1><div class="article" id="artibody">加载中…</div>',
    );
    expect(recognizeArticlePage(doc)).toMatchObject({ status: 'pending', reason: 'body-empty', fallbackAllowed: false });
  });
});
