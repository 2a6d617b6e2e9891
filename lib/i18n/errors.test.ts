/**
 * Every reason a reader can be given, in both languages: the message tables (interface strings and
 * error codes) have the same keys and placeholders in English and Chinese, every error code the code
 * base can raise has its words, and describeError words real refusals in Chinese.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CorpusError, CORPUS_ERROR_CODES } from '../corpus/errors';
import { parseSeedDocument } from '../corpus/parse-seed';
import { openLensDB } from '../db/schema';
import { createHighlight, updateHighlight } from '../highlights/store';
import { parseLibraryFile } from '../library/import';
import { contentEn, contentZh } from './content-messages';
import { errorEn, errorZh, type ErrorCode } from './error-messages';
import { describeError, isErrorCode, LensError, valueKind, wordError } from './errors';
import { setLang } from './index';
import { en, zh } from './messages';
import { WordedError } from './worded-error';

const ROOT = path.resolve(import.meta.dirname, '../..');
const holes = (s: string, re: RegExp) => [...s.matchAll(re)].map((m) => m[0]).sort();
const CJK = /[\u4e00-\u9fff]/;

afterEach(() => setLang('en'));

describe('the message tables', () => {
  const tables = [
    { name: 'interface strings (messages.ts)', en: en as Record<string, string>, zh: zh as Record<string, string>, re: /\{\d\}/g },
    {
      name: 'content script strings (content-messages.ts)',
      en: contentEn as Record<string, string>,
      zh: contentZh as Record<string, string>,
      re: /\{\d\}/g,
    },
    {
      name: 'error reasons (error-messages.ts)',
      en: errorEn as Record<string, string>,
      zh: errorZh as Record<string, string>,
      re: /\{\w+\}/g,
    },
  ];
  for (const table of tables) {
    it(`${table.name}: the same keys in both languages, each worded in both, with the same placeholders`, () => {
      expect(Object.keys(table.zh).sort(), 'keys in Chinese but not English, or the reverse').toEqual(Object.keys(table.en).sort());
      for (const [key, english] of Object.entries(table.en)) {
        const chinese = table.zh[key]!;
        expect(english.trim(), `${key} (en)`).not.toBe('');
        expect(chinese.trim(), `${key} (zh)`).not.toBe('');
        expect(holes(chinese, table.re), key).toEqual(holes(english, table.re));
      }
    });
  }

  it('words every Chinese message in Chinese (not an English string copied over)', () => {
    // A few are names or formats that read the same in both languages.
    const same = new Set(['library.export.markdown', 'manifest.command.highlightSelection']);
    for (const [key, text] of [...Object.entries(zh), ...Object.entries(errorZh)]) {
      if (same.has(key) || /^\{\w+\}$/.test(text)) continue;
      expect(CJK.test(text), `${key}: ${text}`).toBe(true);
    }
  });
});

/** Every TypeScript source under lib/ and components/, tests and test support excluded. */
function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) sources(full, out);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !full.includes('test-support')) out.push(full);
  }
  return out;
}

describe('every error code the code base raises', () => {
  it('has its words: every corpus code, every action, every kind, and every code named in the sources', () => {
    for (const code of CORPUS_ERROR_CODES) expect(isErrorCode(`corpus.${code}`), `corpus.${code}`).toBe(true);
    for (const kind of ['empty', 'text', 'scalar', 'list', 'mapping', 'number', 'boolean', 'other'])
      expect(isErrorCode(`kind.${kind}`), kind).toBe(true);
    for (const value of [null, '', 'x', [], {}, 1, true, Symbol('s')]) expect(isErrorCode(`kind.${valueKind(value)}`)).toBe(true);
    // A code is a quoted `area.name` in one of the areas below; each one written in the sources must exist.
    const areas = 'corpus|kind|import|annotations|backup|field|highlight|message|action|open|storage';
    const quoted = new RegExp(`['"\`]((?:${areas})\\.[a-z][a-z0-9:-]*)['"\`]`, 'g');
    // Names in those areas that are not error codes: a meta row, the WebExtension storage areas.
    const notCodes = new Set(['corpus.version', 'storage.local', 'storage.session']);
    const named = new Set<string>();
    for (const file of [...sources(path.join(ROOT, 'lib')), ...sources(path.join(ROOT, 'components'))]) {
      if (
        file.endsWith(path.join('i18n', 'error-messages.ts')) ||
        file.endsWith(path.join('i18n', 'messages.ts')) ||
        file.endsWith('content-messages.ts')
      )
        continue;
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(quoted)) {
        // Interface message keys share some prefixes (`import.heading`): those live in messages.ts.
        if (!(m[1]! in en) && !notCodes.has(m[1]!)) named.add(`${m[1]} (${path.relative(ROOT, file)})`);
      }
    }
    const missing = [...named].filter((n) => !isErrorCode(n.split(' ')[0]));
    expect(missing, 'error codes used in the sources without words in lib/i18n/error-messages.ts').toEqual([]);
    expect(named.size).toBeGreaterThan(30);
  });

  it('words each code in both languages without leaving a placeholder unfilled', () => {
    for (const code of Object.keys(errorEn) as ErrorCode[]) {
      const params = Object.fromEntries(holes(errorEn[code], /\{\w+\}/g).map((h) => [h.slice(1, -1), h.endsWith('Kind}') ? 'list' : 'X']));
      for (const lang of ['en', 'zh'] as const) expect(wordError(code, params, lang), `${code} (${lang})`).not.toMatch(/\{\w+\}/);
    }
  });
});

describe('describeError', () => {
  it('words a refused corpus document in Chinese, after its file and line', () => {
    let error: unknown;
    try {
      parseSeedDocument(new TextEncoder().encode('---\ntitle: [a, b]\ndate: 2021-06-04T20:30:57+08:00\n---\n<p>正文</p>\n'), {
        file: 'bad.txt',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CorpusError);
    expect(describeError(error, 'zh')).toBe('bad.txt:2：标题必须是文字，而不是列表（请加上引号）');
    expect(describeError(error, 'en')).toBe('bad.txt:2: title must be text, not a list (put it in quotes)');
  });

  it('words a refused backup and a refused Web Annotation file in Chinese, naming the file and field', () => {
    const file = (name: string, data: unknown) => ({ name, bytes: new TextEncoder().encode(JSON.stringify(data)) });
    const refusal = (f: ReturnType<typeof file>) => {
      try {
        parseLibraryFile(f);
      } catch (e) {
        return e;
      }
      throw new Error('not refused');
    };
    expect(describeError(refusal(file('backup.json', { format: 'policy-lens-backup', version: 99 })), 'zh')).toBe(
      'backup.json：version：99 版由更新的政策透镜写入；本版本只能读取 1 版的备份',
    );
    expect(describeError(refusal({ name: 'x.json', bytes: new Uint8Array([0xff, 0xfe]) }), 'zh')).toBe('x.json：不是 UTF-8 文本');
    const anno = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      target: { source: 'https://example.com/a', selector: [] },
    };
    expect(describeError(refusal(file('notes.jsonld', anno)), 'zh')).toMatch(/^notes\.jsonld：target\.selector：没有 TextQuoteSelector/);
  });

  it('words a refused highlight edit in Chinese, with the action and field', async () => {
    const db = openLensDB(`errors-test-${Math.random()}`);
    try {
      const h = await createHighlight(db, {
        articleKey: 'sina:kqcfnaz9077291',
        url: 'https://finance.sina.com.cn/china/gncj/2021-06-04/doc-ikqcfnaz9077291.shtml',
        title: '标题',
        quote: { type: 'TextQuoteSelector', exact: '医保', prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: 0, end: 2 },
      });
      const refused = await updateHighlight(db, h.id, { note: 'x'.repeat(10_001) }).catch((e: unknown) => e);
      expect(describeError(refused, 'zh')).toBe('修改高亮：note：最多 10000 个字符');
      const missing = await updateHighlight(db, 'nope', { note: 'a' }).catch((e: unknown) => e);
      expect(describeError(missing, 'zh')).toBe('修改高亮：没有 id 为 nope 的高亮（可能已在其他标签页中删除）');
    } finally {
      db.close();
      await Dexie.delete(db.name);
    }
  });

  it('words a storage failure by its kind, a worded reply as it is, and anything else as unexpected', () => {
    const full = new Dexie.AbortError('Transaction aborted', new DOMException('Quota exceeded', 'QuotaExceededError'));
    expect(describeError(full, 'zh', '导入 backup.json')).toMatch(/^导入 backup\.json：浏览器的存储空间已满/);
    expect(describeError(new WordedError('面板没有响应'), 'zh')).toBe('面板没有响应');
    expect(describeError(new TypeError('x is undefined'), 'zh')).toBe('意外错误：x is undefined');
    expect(describeError(new TypeError('x is undefined'), 'en')).toBe('x is undefined');
    expect(describeError(new LensError('open.no-tab'), 'zh')).toBe('浏览器没有打开标签页');
    // Never throws, whatever it is given.
    const hostile = {
      get name() {
        throw new Error('no');
      },
    };
    expect(typeof describeError(hostile, 'zh')).toBe('string');
    expect(typeof describeError(undefined, 'zh')).toBe('string');
  });

  it('follows the interface language when none is given', () => {
    setLang('zh');
    expect(describeError(new LensError('message.not-in-tab'))).toBe('面板不在标签页中');
  });
});
