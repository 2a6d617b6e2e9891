import { describe, expect, it } from 'vitest';
import { cleanBody } from './clean-body';

function body(html: string): HTMLElement {
  return new DOMParser().parseFromString(html, 'text/html').body;
}

describe('cleanBody paragraphs', () => {
  it('gives block text in document order, without the full-width indent, joining inline elements', () => {
    const result = cleanBody(
      body(`<div>
        <p cms-style="font-L">　　第一段，<strong>加粗</strong>的话。</p>
        <blockquote><p>　　摘要</p></blockquote>
        <p>　　<font cms-style="font-L align-Center">居中标题</font></p>
        <div>　　段落在 div 里</div>
      </div>`),
    );
    expect(result.paragraphs).toEqual(['第一段，加粗的话。', '摘要', '居中标题', '段落在 div 里']);
  });

  it('collapses source line breaks and NBSP to one space, keeps inner full-width spaces, splits at <br>', () => {
    const result = cleanBody(body('<p>　　甲\n     乙&nbsp;&nbsp;丙　丁<br>　　第二行</p>'));
    expect(result.paragraphs).toEqual(['甲 乙 丙　丁', '第二行']);
  });

  it('drops empty paragraphs, comments and the article_adlist placeholder', () => {
    const result = cleanBody(
      body(`<p class="ori_titlesource"><!--article_adlist[<p cms-style="font-L">广告</p>]article_adlist--></p>
        <p>　　</p><p>正文</p><!-- news_keyword_pub,stock, --><!-- 正文下iframe -->`),
    );
    expect(result.paragraphs).toEqual(['正文']);
  });

  it('decodes entities through the DOM', () => {
    expect(cleanBody(body('<p>&#123;x&#125; &amp; “引号”</p>')).paragraphs).toEqual(['{x} & “引号”']);
  });

  it('removes <style>, <script> and both Sina promo blocks with everything inside them', () => {
    const result = cleanBody(
      body(`<p>正文</p>
        <style>.appendQr_wrap&#123;border:1px solid #E6E6E6;&#125;</style>
        <script>var x = "不是正文";</script>
        <div class="clearfix appendQr_wrap">
          <div class="appendQr_normal"><img src="https://n.sinaimg.cn/finance/qr.png"></div>
          <div class="appendQr_normal_txt">海量资讯、精准解读，尽在新浪财经APP</div>
        </div>
        <div class="app-kaihu-qr"><div class="app-kaihu-qr-txt">新浪财经开户</div><p>扫码开户</p><img src="https://n.sinaimg.cn/kaihu.png"></div>`),
    );
    expect(result.paragraphs).toEqual(['正文']);
    expect(result.images).toEqual([]);
  });

  it('does not change the tree it reads (it may be the live page)', () => {
    const root = body('<p>　　原标题：甲</p><p>乙</p><style>p{}</style><p class="article-editor">责任编辑：丙</p>');
    const before = root.innerHTML;
    cleanBody(root);
    expect(root.innerHTML).toBe(before);
  });
});

describe('cleanBody editor', () => {
  it('reads the name and the work code, and leaves the line out of the paragraphs', () => {
    const result = cleanBody(body('<p>正文</p><p class="article-editor">责任编辑：刘万里 SF014</p>'));
    expect(result).toEqual({ paragraphs: ['正文'], editor: '刘万里', editorCode: 'SF014', images: [], videos: [] });
  });

  it('reads a name alone, with trailing space, and a bracketed code', () => {
    expect(cleanBody(body('<p>x</p><p class="article-editor">责任编辑：逯文云 </p>')).editor).toBe('逯文云');
    expect(cleanBody(body('<p>x</p><p class="article-editor">责任编辑：逯文云 </p>')).editorCode).toBeUndefined();
    const bracketed = cleanBody(body('<p>x</p><p class="article-editor">责任编辑:张三 [NF008]</p>'));
    expect([bracketed.editor, bracketed.editorCode]).toEqual(['张三', 'NF008']);
  });

  it('reads the p.show_author line of news.sina.com.cn and k.sina.com.cn pages the same way', () => {
    const result = cleanBody(body('<p>正文</p><p class="show_author">责任编辑：张建利 </p>'));
    expect([result.paragraphs, result.editor]).toEqual([['正文'], '张建利']);
  });

  it('has no editor when the line is missing or says something else', () => {
    expect(cleanBody(body('<p>x</p>')).editor).toBeUndefined();
    expect(cleanBody(body('<p>x</p><p class="article-editor">编辑部</p>')).editor).toBeUndefined();
  });
});

describe('cleanBody original title', () => {
  it('takes 原标题：X from the first paragraph and drops that paragraph', () => {
    const result = cleanBody(body('<p>　　原标题：国家医疗保障局召开党组会议　迅速传达</p><p>　　正文</p>'));
    expect(result.originalTitle).toBe('国家医疗保障局召开党组会议　迅速传达');
    expect(result.paragraphs).toEqual(['正文']);
  });

  it('takes 原题为《X》 and 原题：X, without the book-title brackets', () => {
    expect(cleanBody(body('<p>　　原题为《韩正在医疗保障工作座谈会上强调》</p><p>正文</p>')).originalTitle).toBe(
      '韩正在医疗保障工作座谈会上强调',
    );
    expect(cleanBody(body('<p>原题：医保改革</p><p>正文</p>')).originalTitle).toBe('医保改革');
    expect(cleanBody(body('<p>原标题：《医保改革》</p><p>正文</p>')).originalTitle).toBe('医保改革');
    expect(cleanBody(body('<p>原题：《甲》与《乙》</p><p>正文</p>')).originalTitle).toBe('《甲》与《乙》');
  });

  it('takes it from p.ori_titlesource after a summary blockquote, keeping the summary', () => {
    const result = cleanBody(
      body(`<blockquote class="fin_reference"><p class="ori_titlesource">　　摘要句。</p></blockquote>
        <p class="ori_titlesource">　　原标题：李克强作出重要批示</p><p>　　正文</p>`),
    );
    expect(result.originalTitle).toBe('李克强作出重要批示');
    expect(result.paragraphs).toEqual(['摘要句。', '正文']);
  });

  it('ignores an 原标题 line in the middle of the text outside p.ori_titlesource', () => {
    const result = cleanBody(body('<p>正文</p><p>原标题：引用</p>'));
    expect(result.originalTitle).toBeUndefined();
    expect(result.paragraphs).toEqual(['正文', '原标题：引用']);
  });

  it('counts only the first original-title line, and needs a title after the colon', () => {
    const result = cleanBody(body('<p>原标题：甲</p><p class="ori_titlesource">原标题：乙</p>'));
    expect([result.originalTitle, result.paragraphs]).toEqual(['甲', ['原标题：乙']]);
    expect(cleanBody(body('<p>原标题：</p><p>正文</p>')).paragraphs).toEqual(['原标题：', '正文']);
  });
});

describe('cleanBody images', () => {
  it('lists body images with alt, reads // as https and data-src for lazy images, skips relative src', () => {
    const result = cleanBody(
      body(`<div class="img_wrapper"><img src="//n.sinaimg.cn/a.jpg" alt=" 会议现场 "><span class="img_descr">会议现场</span></div>
        <img data-src="https://n.sinaimg.cn/b.jpg"><img src="/relative.png"><img src="javascript:alert(1)">`),
    );
    expect(result.images).toEqual([{ src: 'https://n.sinaimg.cn/a.jpg', alt: '会议现场' }, { src: 'https://n.sinaimg.cn/b.jpg' }]);
    expect(result.paragraphs).toEqual(['会议现场']);
  });
});

describe('cleanBody videos and channel widgets', () => {
  it('lists videos by src or <source>, with an http(s) poster, and never reads them as text', () => {
    const result = cleanBody(
      body(`<video src="//video.sina.com.cn/a.mp4" poster="https://n.sinaimg.cn/p.jpg">不支持视频</video>
        <video><source src="https://video.sina.com.cn/b.mp4"></video><video src="blob:x"></video><p>说明</p>`),
    );
    expect(result.videos).toEqual([
      { src: 'https://video.sina.com.cn/a.mp4', poster: 'https://n.sinaimg.cn/p.jpg' },
      { src: 'https://video.sina.com.cn/b.mp4' },
    ]);
    expect(result.paragraphs).toEqual(['说明']);
  });

  it('leaves out the stock-quote box tech.sina.com.cn puts in the body', () => {
    expect(cleanBody(body('<p>正文</p><div class="tech-quotation"><span>苹果 189.98 +1.2%</span></div>')).paragraphs).toEqual(['正文']);
  });
});

describe('cleanBody on mobile pages', () => {
  it('reads a trailing 责任编辑 paragraph as the editor line and leaves out the weibo and app boxes', () => {
    const result = cleanBody(
      body(`<p class="art_p">　　正文。</p><p class="art_p">责任编辑：王鹏</p>
        <div class="weibo_info"><a>关注新浪新闻微博</a></div><div class="look_sub"><span>更多精彩内容</span></div>`),
    );
    expect([result.paragraphs, result.editor]).toEqual([['正文。'], '王鹏']);
  });

  it('keeps a 责任编辑 line that is not the last paragraph, and never counts the video slot as text', () => {
    const result = cleanBody(body('<a class="art_video_box"><figure class="art_video">00:27</figure></a><p>责任编辑：甲</p><p>正文</p>'));
    expect([result.paragraphs, result.editor, result.videos]).toEqual([['责任编辑：甲', '正文'], undefined, [{}]]);
  });

  it("reads the video slot's poster from its data-infos", () => {
    const infos = JSON.stringify({ attrs: { 'data-vid': '1', poster: '//n.sinaimg.cn/p.jpg' } }).replace(/"/g, '&quot;');
    expect(cleanBody(body(`<a class="art_video_box"><figure class="art_video" data-infos="${infos}"></figure></a>`)).videos).toEqual([
      { poster: 'https://n.sinaimg.cn/p.jpg' },
    ]);
  });
});
