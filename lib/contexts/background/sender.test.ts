import { describe, expect, it } from 'vitest';
import { ARTICLE_MATCHES, ARTICLE_ORIGINS } from '../../sina/match-patterns';
import { classifySender } from './sender';

const EXT_ID = 'lens-id';
const ORIGIN = 'chrome-extension://lens-id/';
const ARTICLE = 'finance.sina.com.cn/china/gncj/2021-06-04/doc-ikqcfnaz9077291.shtml';

describe('who sent a message', () => {
  it('accepts the content script of an https Sina article page, top frame', () => {
    expect(classifySender({ id: EXT_ID, url: `https://${ARTICLE}`, tab: { id: 4 }, frameId: 0 }, EXT_ID, ORIGIN)).toEqual({
      kind: 'content-script',
      tabId: 4,
      url: `https://${ARTICLE}`,
    });
  });

  it('refuses the same page served over plain http: anyone on the network path could have written it', () => {
    expect(classifySender({ id: EXT_ID, url: `http://${ARTICLE}`, tab: { id: 4 }, frameId: 0 }, EXT_ID, ORIGIN)).toBeNull();
  });

  it('tells a panel framed in a tab (any frame but the top one) from the extension’s own pages', () => {
    expect(classifySender({ id: EXT_ID, url: `${ORIGIN}panel.html`, tab: { id: 4 }, frameId: 9 }, EXT_ID, ORIGIN)).toEqual({
      kind: 'framed-page',
      tabId: 4,
    });
    expect(classifySender({ id: EXT_ID, url: `${ORIGIN}library.html`, tab: { id: 4 }, frameId: 0 }, EXT_ID, ORIGIN)).toEqual({
      kind: 'extension-page',
      tabId: 4,
    });
    expect(classifySender({ id: EXT_ID, url: `${ORIGIN}popup.html` }, EXT_ID, ORIGIN)).toEqual({
      kind: 'extension-page',
      tabId: undefined,
    });
  });

  it('the manifest injects the content script on https Sina article pages only', () => {
    expect(ARTICLE_MATCHES.length).toBeGreaterThan(0);
    for (const pattern of [...ARTICLE_MATCHES, ...ARTICLE_ORIGINS]) expect(pattern).toMatch(/^https:\/\/[a-z.]+\.sina\.(com\.)?cn\//);
    expect(ARTICLE_ORIGINS).toContain('https://finance.sina.com.cn/*');
  });
});
