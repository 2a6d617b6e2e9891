import { afterEach, describe, expect, it } from 'vitest';
import { en, zh } from './messages';
import { t as contentT } from './content';
import { formatDate, langFor, setLang, t } from './index';

afterEach(() => setLang('en'));

describe('i18n', () => {
  it('picks Chinese for zh locales and English otherwise', () => {
    expect(langFor('zh-CN')).toBe('zh');
    expect(langFor('zh-TW')).toBe('zh');
    expect(langFor('en-US')).toBe('en');
    expect(langFor('de')).toBe('en');
    expect(langFor(undefined)).toBe('en');
  });

  it('translates every key, with the same placeholders in both languages', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(zh[key], key).toBeTruthy();
      const holes = (s: string) => [...s.matchAll(/\{\d\}/g)].map((m) => m[0]).sort();
      expect(holes(zh[key]), key).toEqual(holes(en[key]));
    }
  });

  it('gives the content script the same strings as the extension pages', () => {
    for (const lang of ['zh', 'en'] as const) {
      setLang(lang);
      expect(contentT('highlights.toolbar.color', '数据')).toBe(t('highlights.toolbar.color', '数据'));
      expect(contentT('panel.tooLarge')).toBe(t('panel.tooLarge'));
    }
  });

  it('fills placeholders', () => {
    setLang('zh');
    expect(t('import.progress', 3, 10)).toBe('正在导入第 3 个，共 10 个…');
    setLang('en');
    expect(t('import.progress', 3, 10)).toBe('Importing 3 of 10…');
  });

  it('formats dates in Beijing time', () => {
    setLang('en');
    expect(formatDate('2021-06-04T20:30:57+08:00')).toBe('4 Jun 2021');
    setLang('zh');
    expect(formatDate('2021-06-03T23:30:00Z')).toBe('2021年6月4日');
  });
});
