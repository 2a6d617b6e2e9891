/**
 * Shared fast-check arbitraries for the property suites in tests/property: the real seed documents
 * and mutations of them (text- and byte-level), Sina URLs and mutations, extension messages and
 * senders, and highlight-store inputs.
 *
 * A mutation is data (a small record), not a closure, so fast-check prints a counterexample that can
 * be replayed by hand: `applyMutations(SEEDS[0].bytes, [{ kind: 'delete-line', at: 0.25 }])` (positions are
 * fractions of the length, so every mutation lands).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { RequestSchema } from '../../lib/messages/contract';

/**
 * numRuns, scaled by PROPERTY_SCALE (default 1): the suite's counts fit the unit-test budget;
 * `PROPERTY_SCALE=20 npx vitest run tests/property` hunts deeper.
 */
export function runs(n: number): number {
  const scale = Number(process.env.PROPERTY_SCALE ?? 1);
  return Math.max(1, Math.round(n * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

// ---------------------------------------------------------------------------------------------
// Seed documents

export const SEEDS_DIR = join(import.meta.dirname, '..', '..', 'seeds');
/** The parser's `now`: after every seed, fixed so "in the future" does not depend on the day the suite runs. */
export const NOW = new Date('2025-01-01T00:00:00Z');

export type Seed = { name: string; text: string; bytes: Uint8Array };

export const SEEDS: Seed[] = readdirSync(SEEDS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((name) => {
    const bytes = new Uint8Array(readFileSync(join(SEEDS_DIR, name)));
    return { name, bytes, text: new TextDecoder().decode(bytes) };
  });

const utf8 = new TextEncoder();
export const encode = (s: string): Uint8Array => utf8.encode(s);

/** Values a front-matter field might be given: the right type, the wrong type, broken YAML, hostile text. */
export const yamlValue = fc.oneof(
  fc.constantFrom(
    '',
    "''",
    '""',
    '~',
    'null',
    '2021',
    '3.14',
    'true',
    'no',
    '[]',
    '{}',
    '[a, b]',
    '{a: 1}',
    '- a',
    '|',
    '>',
    '&a x',
    '*a',
    '!!binary aGVsbG8=',
    '"unterminated',
    "'unterminated",
    'a: b',
    'a: b: c',
    '国办: 加大力度',
    'Fri, 04 Jun 2021 12:30:57 GMT',
    'Fri, 04 Jun 2100 12:30:57 GMT',
    '1989-12-31T23:59:59Z',
    '2021-02-30',
    '2021-06-04T20:30:57+08:00',
    '9999-12-31T23:59:59-14:00',
    '0000-01-01',
    'Mon, 99 Foo 2021 99:99 GMT',
    '<script>alert(1)</script>',
    '---',
    '...',
    '# comment',
    '\t',
    '\u3000',
    '\u2028',
    '\uFEFF',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ maxLength: 40 }).map((s) => JSON.stringify(s)),
  fc.integer().map(String),
);

/** A line a mutation may insert or overwrite with. */
const junkLine = fc.oneof(
  fc.constantFrom(
    '---',
    '',
    '   ',
    '\t',
    'title:',
    'date:',
    'categories:',
    ' - 金融',
    '<p>　　正文。</p>',
    '<script>x</script>',
    '<iframe></iframe>',
    '<p onclick="x">a</p>',
    '<a href="javascript:x">a</a>',
    '<!--',
    '-->',
    '</div>',
    '<div>',
  ),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
);

const FIELDS = ['title', 'date', 'categories', 'author', 'comments', 'headimg'] as const;

/** Invalid UTF-8: lone continuation, overlong NUL, truncated 3-byte, encoded surrogate, 0xFF, GBK. */
export const INVALID_UTF8: number[][] = [
  [0x80],
  [0xc0, 0x80],
  [0xe4, 0xb8],
  [0xed, 0xa0, 0x80],
  [0xff],
  [0xd2, 0xbd, 0xb1, 0xa3],
  [0xf4, 0x90, 0x80, 0x80],
];

/** Positions are fractions (0 ≤ at < 1) of the length at the time the mutation applies, so they always land. */
export type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'delete-line'; at: number }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'swap-lines'; at: number; with: number }
  | { kind: 'replace-line'; at: number; line: string }
  | { kind: 'insert-line'; at: number; line: string }
  | { kind: 'set-field'; field: (typeof FIELDS)[number]; value: string }
  | { kind: 'huge-field'; field: 'title' | 'author'; repeat: number }
  | { kind: 'delete-char'; at: number }
  | { kind: 'insert-text'; at: number; text: string }
  | { kind: 'bom' }
  | { kind: 'crlf' }
  | { kind: 'cr-only' }
  | { kind: 'flip-byte'; at: number; mask: number }
  | { kind: 'insert-bytes'; at: number; bytes: number[] }
  | { kind: 'nul'; at: number };

const frac = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

export const textMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: frac }),
  fc.record({ kind: fc.constant('delete-line' as const), at: frac }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: frac }),
  fc.record({ kind: fc.constant('swap-lines' as const), at: frac, with: frac }),
  fc.record({ kind: fc.constant('replace-line' as const), at: frac, line: junkLine }),
  fc.record({ kind: fc.constant('insert-line' as const), at: frac, line: junkLine }),
  fc.record({ kind: fc.constant('set-field' as const), field: fc.constantFrom(...FIELDS), value: yamlValue }),
  fc.record({
    kind: fc.constant('huge-field' as const),
    field: fc.constantFrom('title' as const, 'author' as const),
    repeat: fc.integer({ min: 100, max: 5000 }),
  }),
  fc.record({ kind: fc.constant('delete-char' as const), at: frac }),
  fc.record({ kind: fc.constant('insert-text' as const), at: frac, text: junkLine }),
  fc.constant({ kind: 'bom' as const }),
  fc.constant({ kind: 'crlf' as const }),
  fc.constant({ kind: 'cr-only' as const }),
);

export const byteMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip-byte' as const), at: frac, mask: fc.integer({ min: 1, max: 255 }) }),
  fc.record({
    kind: fc.constant('insert-bytes' as const),
    at: frac,
    bytes: fc.oneof(fc.constantFrom(...INVALID_UTF8), fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 4 })),
  }),
  fc.record({ kind: fc.constant('nul' as const), at: frac }),
);

export const mutation = fc.oneof({ arbitrary: textMutation, weight: 4 }, { arbitrary: byteMutation, weight: 1 });
export const mutations = fc.array(mutation, { minLength: 1, maxLength: 4 });

const index = (at: number, length: number) => Math.min(length - 1, Math.floor(at * length));

function mutateText(text: string, m: Mutation): string {
  const lines = text.split('\n');
  switch (m.kind) {
    case 'truncate':
      return text.slice(0, Math.floor(m.at * text.length));
    case 'delete-line':
      lines.splice(index(m.at, lines.length), 1);
      return lines.join('\n');
    case 'duplicate-line': {
      const i = index(m.at, lines.length);
      lines.splice(i, 0, lines[i]!);
      return lines.join('\n');
    }
    case 'swap-lines': {
      const [i, j] = [index(m.at, lines.length), index(m.with, lines.length)];
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      return lines.join('\n');
    }
    case 'replace-line':
      lines[index(m.at, lines.length)] = m.line;
      return lines.join('\n');
    case 'insert-line':
      lines.splice(index(m.at, lines.length + 1), 0, m.line);
      return lines.join('\n');
    case 'set-field': {
      const i = lines.findIndex((l) => l.startsWith(`${m.field}:`));
      if (i < 0) return text.replace('---\n', `---\n${m.field}: ${m.value}\n`);
      lines[i] = `${m.field}: ${m.value}`;
      return lines.join('\n');
    }
    case 'huge-field': {
      const i = lines.findIndex((l) => l.startsWith(`${m.field}:`));
      const value = `'${'医保'.repeat(m.repeat)}'`;
      if (i < 0) return text.replace('---\n', `---\n${m.field}: ${value}\n`);
      lines[i] = `${m.field}: ${value}`;
      return lines.join('\n');
    }
    case 'delete-char': {
      const i = Math.floor(m.at * text.length);
      return text.slice(0, i) + text.slice(i + 1);
    }
    case 'insert-text': {
      const i = Math.floor(m.at * (text.length + 1));
      return text.slice(0, i) + m.text + text.slice(i);
    }
    case 'bom':
      return `\uFEFF${text}`;
    case 'crlf':
      return text.replace(/(?<!\r)\n/g, '\r\n');
    case 'cr-only':
      return text.replace(/\n/g, '\r');
    default:
      return text;
  }
}

function mutateBytes(bytes: Uint8Array, m: Mutation): Uint8Array {
  switch (m.kind) {
    case 'flip-byte': {
      if (!bytes.length) return bytes;
      const out = bytes.slice();
      const i = index(m.at, out.length);
      out[i] = out[i]! ^ m.mask;
      return out;
    }
    case 'insert-bytes': {
      const i = Math.floor(m.at * (bytes.length + 1));
      return new Uint8Array([...bytes.subarray(0, i), ...m.bytes, ...bytes.subarray(i)]);
    }
    case 'nul': {
      const i = Math.floor(m.at * (bytes.length + 1));
      return new Uint8Array([...bytes.subarray(0, i), 0, ...bytes.subarray(i)]);
    }
    default:
      return bytes;
  }
}

const BYTE_KINDS = new Set<Mutation['kind']>(['flip-byte', 'insert-bytes', 'nul']);
const isByteMutation = (m: Mutation) => BYTE_KINDS.has(m.kind);

/**
 * Applies the mutations in order. Text mutations work on the text; once a byte mutation has made
 * the bytes invalid UTF-8, later text mutations work on the lossy decoding (U+FFFD), which is still
 * a document worth parsing.
 */
export function applyMutations(bytes: Uint8Array, ms: readonly Mutation[]): Uint8Array {
  let out = bytes;
  for (const m of ms) {
    out = isByteMutation(m) ? mutateBytes(out, m) : encode(mutateText(new TextDecoder().decode(out), m));
  }
  return out;
}

export const seed = fc.constantFrom(...SEEDS);

/** A seed and the mutations applied to it, and the resulting bytes. */
export const mutatedSeed = fc
  .tuple(seed, mutations)
  .map(([s, ms]) => ({ seed: s.name, mutations: ms, bytes: applyMutations(s.bytes, ms) }));

/** Only mutations that keep the document valid text: no byte-level damage. */
export const textMutatedSeed = fc
  .tuple(seed, fc.array(textMutation, { minLength: 1, maxLength: 4 }))
  .map(([s, ms]) => ({ seed: s.name, mutations: ms, text: new TextDecoder().decode(applyMutations(s.bytes, ms)) }));

/** Random documents: arbitrary bytes, arbitrary text, and text shaped like a seed (fences, YAML-ish lines, HTML-ish body). */
export const randomDocument: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 512 }),
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc
    .tuple(
      fc.constantFrom('', '\n', '\uFEFF', '\r\n', '  \n'),
      fc.array(
        fc.tuple(fc.constantFrom(...FIELDS, 'x', ''), yamlValue).map(([k, v]) => `${k}: ${v}`),
        { maxLength: 6 },
      ),
      fc.constantFrom('---', '--- ', '----', ''),
      fc.array(junkLine, { maxLength: 8 }),
    )
    .map(([lead, fields, close, body]) => `${lead}---\n${fields.join('\n')}\n${close}\n${body.join('\n')}`),
);

// ---------------------------------------------------------------------------------------------
// Sina URLs

/** Real article URLs of each form (from tests/fixtures/pages.json and lib/sina/url.test.ts). */
export const REAL_SINA_URLS = [
  'https://finance.sina.com.cn/china/gncj/2021-06-04/doc-ikqcfnaz9077291.shtml',
  'https://finance.sina.com.cn/jjxw/2022-05-07/doc-imcwiwst6153890.shtml',
  'https://finance.sina.com.cn/roll/2021-12-08/doc-ikyakumx2701658.shtml',
  'https://finance.sina.cn/china/gncj/2021-06-04/detail-ikqcfnaz9077291.d.html',
  'https://finance.sina.cn/2021-06-04/detail-ikqcfnaz9077291.d.html?from=wap',
  'http://finance.sina.cn/2021-06-04/detail-ikqcfnaz9077291.d.html',
  'https://news.sina.com.cn/c/2021-06-04/doc-ikqcfnaz9077291.shtml',
  'https://cj.sina.cn/articles/view/1704103183/65928d0f02001xyz?sudaref=x',
  'https://cj.sina.com.cn/articles/view/1704103183/65928d0f02001xyz',
  'https://k.sina.com.cn/article_5638975650_1501bf0a2001016txn.html?from=news',
  'https://news.sina.cn/gn/2019-05-14/detail-ihvhiqax8705021.d.html?vt=4',
  'https://finance.sina.com.cn/china/20120510/155612034567.shtml',
  'https://finance.sina.com.cn/roll/index.d.html?cid=56588',
];

export const SINA_HOSTS = [
  'finance.sina.com.cn',
  'news.sina.com.cn',
  'tech.sina.com.cn',
  'health.sina.com.cn',
  'finance.sina.cn',
  'news.sina.cn',
  'cj.sina.com.cn',
  't.cj.sina.com.cn',
  'cj.sina.cn',
  'k.sina.com.cn',
  'k.sina.cn',
];

export type UrlMutation =
  | { kind: 'delete'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'replace'; at: number; text: string }
  | { kind: 'case'; at: number }
  | { kind: 'host'; host: string };

const urlInsert = fc.oneof(
  fc.constantFrom(
    '/',
    '.',
    '-',
    '@',
    ':',
    '?',
    '#',
    '%',
    '%2F',
    '%00',
    '\\',
    ' ',
    '\t',
    '\n',
    '..',
    'evil.com',
    '.evil.com',
    'user:pw@',
    ':8080',
    'i',
    '0',
    'x',
    '\u0130',
    '\uFF0F',
  ),
  fc.string({ maxLength: 6 }),
);

export const urlMutation: fc.Arbitrary<UrlMutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: frac }),
  fc.record({ kind: fc.constant('insert' as const), at: frac, text: urlInsert }),
  fc.record({ kind: fc.constant('replace' as const), at: frac, text: urlInsert }),
  fc.record({ kind: fc.constant('case' as const), at: frac }),
  fc.record({
    kind: fc.constant('host' as const),
    host: fc.oneof(
      fc.constantFrom(
        ...SINA_HOSTS,
        'sina.com.cn',
        'finance.sina.com.cn.evil.com',
        'evil.com',
        'FINANCE.SINA.COM.CN',
        'finance.sina.com.cn.',
        'xn--finance-sina',
        '127.0.0.1',
        '[::1]',
      ),
      fc.domain(),
    ),
  }),
);

export function mutateUrl(url: string, m: UrlMutation): string {
  const i = 'at' in m ? Math.floor(m.at * url.length) : 0;
  switch (m.kind) {
    case 'delete':
      return url.slice(0, i) + url.slice(i + 1);
    case 'insert':
      return url.slice(0, i) + m.text + url.slice(i);
    case 'replace':
      return url.slice(0, i) + m.text + url.slice(i + m.text.length);
    case 'case': {
      const c = url[i] ?? '';
      const flipped = c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase();
      return url.slice(0, i) + flipped + url.slice(i + 1);
    }
    case 'host':
      return url.replace(/^(\w+:\/\/)[^/?#]*/, `$1${m.host}`);
  }
}

export const mutatedSinaUrl = fc
  .tuple(fc.constantFrom(...REAL_SINA_URLS), fc.array(urlMutation, { minLength: 1, maxLength: 3 }))
  .map(([url, ms]) => ms.reduce(mutateUrl, url));

const lowerAlnum = 'abcdefghijklmnopqrstuvwxyz0123456789'.split('');
const alnum = (min: number, max: number) =>
  fc.array(fc.constantFrom(...lowerAlnum, 'A', 'Z', 'Q'), { minLength: min, maxLength: max }).map((cs) => cs.join(''));

/** A calendar date Sina could publish under (1999 onwards). */
export const ymd = fc
  .date({ min: new Date('1999-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const channel = fc.array(fc.stringMatching(/^[a-z0-9_-]{1,8}$/), { maxLength: 3 }).map((segs) => segs.map((s) => `${s}/`).join(''));
const tail = fc.oneof(fc.constant(''), fc.constantFrom('?from=wap', '?vt=4&pos=108#p', '#comment', '?', '?a=%2F..%2F'));
const scheme = fc.constantFrom('https', 'http', 'HTTPS');
const port = fc.constantFrom('', ':443', ':8080');

/** Well-formed article URLs of every recognised form, with the id they name. */
export const wellFormedSinaUrl = fc.oneof(
  fc
    .tuple(
      scheme,
      fc.constantFrom('finance.sina.com.cn', 'news.sina.com.cn', 'tech.sina.com.cn', 'health.sina.com.cn', 'Finance.Sina.com.cn'),
      port,
      channel,
      ymd,
      alnum(8, 24),
      tail,
    )
    .map(([s, h, p, c, d, id, t]) => ({ url: `${s}://${h}${p}/${c}${d}/doc-i${id}.shtml${t}`, key: `sina:${id.toLowerCase()}` })),
  fc.tuple(scheme, port, channel, ymd, alnum(8, 24), tail).map(([s, p, c, d, id, t]) => ({
    url: `${s}://finance.sina.cn${p}/${c}${d}/detail-i${id}.d.html${t}`,
    key: `sina:${id.toLowerCase()}`,
  })),
  fc
    .tuple(
      scheme,
      fc.constantFrom('cj.sina.com.cn', 'cj.sina.cn'),
      port,
      fc.stringMatching(/^\d{5,12}$/),
      alnum(8, 32),
      fc.constantFrom('', '/'),
      tail,
    )
    .map(([s, h, p, uid, id, slash, t]) => ({
      url: `${s}://${h}${p}/articles/view/${uid}/${id}${slash}${t}`,
      key: `sina-cj:${id.toLowerCase()}`,
    })),
  fc
    .tuple(scheme, fc.constantFrom('k.sina.com.cn', 'k.sina.cn'), port, fc.stringMatching(/^\d{5,12}$/), alnum(8, 32), tail)
    .map(([s, h, p, uid, id, t]) => ({ url: `${s}://${h}${p}/article_${uid}_${id}.html${t}`, key: `sina-cj:${id.toLowerCase()}` })),
  fc
    .tuple(
      scheme,
      fc.constantFrom('finance.sina.com.cn', 'news.sina.com.cn'),
      port,
      channel.filter((c) => c !== ''),
      ymd,
      fc.boolean(),
      fc.stringMatching(/^\d{10,16}$/),
      tail,
    )
    .map(([s, h, p, c, d, dashed, serial, t]) => ({
      url: `${s}://${h}${p}/${c}${dashed ? d : d.replace(/-/g, '')}/${serial}.shtml${t}`,
      key: `sina:${d.replace(/-/g, '')}${serial}`,
    })),
);

// ---------------------------------------------------------------------------------------------
// Messages and senders

export const EXT_ID = 'lens-extension-id';
export const EXT_ORIGIN = `chrome-extension://${EXT_ID}/`;
export const ARTICLE_URL = 'https://finance.sina.com.cn/china/gncj/2021-06-04/doc-ikqcfnaz9077291.shtml';

const tabId = fc.nat({ max: 10_000 });
const shortText = fc.string({ maxLength: 30 });
const nullableText = fc.option(shortText, { nil: null });

export const pageArticle = fc.record({
  key: fc.stringMatching(/^sina(-cj)?:[a-z0-9]{8,24}$/),
  id: fc.stringMatching(/^[a-z0-9]{8,24}$/),
  url: fc.constantFrom(ARTICLE_URL, 'https://finance.sina.cn/2021-06-04/detail-ikqcfnaz9077291.d.html'),
  mobileUrl: fc.option(fc.constant('https://finance.sina.cn/2021-06-04/detail-ikqcfnaz9077291.d.html'), { nil: null }),
  title: fc.string({ minLength: 1, maxLength: 40 }),
  publishedAt: fc.option(fc.constant('2021-06-04T20:30:57+08:00'), { nil: null }),
  source: nullableText,
  editor: nullableText,
  originalTitle: nullableText,
  paragraphs: fc.array(fc.string({ maxLength: 60 }), { minLength: 1, maxLength: 5 }),
});

const textTarget = fc
  .tuple(fc.string({ minLength: 1, maxLength: 30 }), shortText, shortText, fc.nat({ max: 5000 }), fc.nat({ max: 100 }))
  .map(([exact, prefix, suffix, start, len]) => ({ exact, prefix, suffix, start, end: start + len }));

const highlightId = fc.string({ minLength: 1, maxLength: 40 });
const record = fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 });
const optTab = fc.option(tabId, { nil: undefined });

/** Drops `undefined` members, as structured cloning a message across contexts keeps them but JSON (Chrome) does not. */
const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** Every message type of the contract, read from the schema itself so new types are not missed. */
export const MESSAGE_TYPES: string[] = RequestSchema.options.map((o) => o.shape.type.value);

/** Types whose every member but `type` is optional: `{ type }` alone is a valid message. */
const TYPE_ONLY: string[] = RequestSchema.options
  .filter((o) =>
    Object.entries(o.shape).every(
      ([k, v]) => k === 'type' || (v as { safeParse(x: unknown): { success: boolean } }).safeParse(undefined).success,
    ),
  )
  .map((o) => o.shape.type.value);

/** Valid messages of the types that need more than `type` (lib/messages/contract.ts). */
const VALID_BY_TYPE: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
  'article:analyze': fc.record({ type: fc.constant('article:analyze'), article: pageArticle }),
  'panel:state': fc.record({ type: fc.constant('panel:state'), tabId: optTab }).map(defined),
  'panel:reveal': fc.record({ type: fc.constant('panel:reveal'), target: textTarget, tabId: optTab }).map(defined),
  'panel:set-open': fc.record({ type: fc.constant('panel:set-open'), open: fc.boolean(), tabId: optTab }).map(defined),
  'panel:toggle': fc.record({ type: fc.constant('panel:toggle'), tabId }),
  'panel:retry': fc.record({ type: fc.constant('panel:retry'), tabId: optTab }).map(defined),
  'highlights:list': fc.record({ type: fc.constant('highlights:list'), articleKey: fc.string({ minLength: 1, maxLength: 40 }) }),
  'highlights:create': fc.record({ type: fc.constant('highlights:create'), highlight: record }),
  'highlights:update': fc.record({ type: fc.constant('highlights:update'), id: highlightId, patch: record }),
  'highlights:delete': fc.record({ type: fc.constant('highlights:delete'), id: highlightId }),
  'highlights:restore': fc.record({ type: fc.constant('highlights:restore'), record }),
  'panel:highlight': fc.record({ type: fc.constant('panel:highlight'), id: highlightId, tabId: optTab }).map(defined),
  'panel:reattach': fc.record({ type: fc.constant('panel:reattach'), id: highlightId, tabId: optTab }).map(defined),
  'library:open': fc.record({ type: fc.constant('library:open'), highlightId }),
  'reveal:take': fc.record({ type: fc.constant('reveal:take'), articleKey: fc.string({ minLength: 1, maxLength: 40 }) }),
};

/** Message types the arbitraries cannot make a valid message of (a new type with required fields: add it above). */
export const UNCOVERED_TYPES = MESSAGE_TYPES.filter((t) => !(t in VALID_BY_TYPE) && !TYPE_ONLY.includes(t));

/** A valid message of each type in lib/messages/contract.ts. */
export const validRequest = fc.oneof(
  ...MESSAGE_TYPES.filter((t) => !UNCOVERED_TYPES.includes(t)).map((t) => VALID_BY_TYPE[t] ?? fc.constant({ type: t })),
) as fc.Arbitrary<Record<string, unknown> & { type: string }>;

/** Values that are wrong for most fields. */
export const hostileValue = fc.oneof(
  fc.constantFrom(null, undefined, '', 0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, true, [], {}, '<script>', 'x'.repeat(5001), -0),
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ maxLength: 20 }),
);

export type MessageMutation =
  | { kind: 'delete-key'; at: number }
  | { kind: 'set-key'; at: number; value: unknown }
  | { kind: 'add-key'; key: string; value: unknown }
  | { kind: 'set-type'; value: unknown }
  | { kind: 'deep'; at: number; key: number; value: unknown };

export const messageMutation: fc.Arbitrary<MessageMutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete-key' as const), at: frac }),
  fc.record({ kind: fc.constant('set-key' as const), at: frac, value: hostileValue }),
  fc.record({ kind: fc.constant('add-key' as const), key: fc.string({ maxLength: 10 }), value: hostileValue }),
  fc.record({
    kind: fc.constant('set-type' as const),
    value: fc.oneof(fc.constantFrom(...MESSAGE_TYPES), hostileValue, fc.constantFrom('Article:analyze', 'panel:state ', 'tab:state')),
  }),
  fc.record({ kind: fc.constant('deep' as const), at: frac, key: frac, value: hostileValue }),
);

export function mutateMessage(msg: Record<string, unknown>, m: MessageMutation): Record<string, unknown> {
  const out = structuredClone(msg);
  const keys = Object.keys(out);
  switch (m.kind) {
    case 'delete-key':
      if (keys.length) delete out[keys[index(m.at, keys.length)]!];
      return out;
    case 'set-key':
      if (keys.length) out[keys[index(m.at, keys.length)]!] = m.value;
      return out;
    case 'add-key':
      out[m.key] = m.value;
      return out;
    case 'set-type':
      out.type = m.value;
      return out;
    case 'deep': {
      const objects = keys
        .map((k) => out[k])
        .filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v));
      if (!objects.length) return out;
      const target = objects[index(m.at, objects.length)]!;
      const inner = Object.keys(target);
      if (inner.length) target[inner[index(m.key, inner.length)]!] = m.value;
      return out;
    }
  }
}

export const mutatedRequest = fc
  .tuple(validRequest, fc.array(messageMutation, { minLength: 1, maxLength: 3 }))
  .map(([msg, ms]) => ms.reduce(mutateMessage, msg));

/** Anything a message could be once it crossed a context boundary (structured-clone-able). */
export const randomMessage = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.anything({ maxDepth: 2, withNullPrototype: false }).filter(isCloneable),
  fc.record({ type: fc.constantFrom(...MESSAGE_TYPES) }, { requiredKeys: [] }),
);

function isCloneable(v: unknown): boolean {
  try {
    structuredClone(v);
    return true;
  } catch {
    return false;
  }
}

/** Web pages, other extensions' pages, look-alikes of our origin and Sina article URLs. */
export const foreignUrl = fc.oneof(
  fc.webUrl(),
  fc.constantFrom(
    `chrome-extension://${EXT_ID}x/options.html`,
    `chrome-extension://x${EXT_ID}/options.html`,
    `chrome-extension://${EXT_ID}.evil.com/`,
    `chrome-extension://${EXT_ID}`,
    `CHROME-EXTENSION://${EXT_ID.toUpperCase()}/options.html`,
    `moz-extension://${EXT_ID}/options.html`,
    `https://evil.example/${EXT_ORIGIN}`,
    `https://evil.example/?u=${EXT_ORIGIN}`,
    `https://${EXT_ID}/`,
    'https://finance.sina.com.cn.evil.com/china/2021-06-04/doc-ikqcfnaz9077291.shtml',
    'https://evil.example/doc-i1.shtml',
    'about:blank',
    'data:text/html,<p>x</p>',
    'blob:https://evil.example/1',
    'file:///etc/passwd',
    'javascript:alert(1)',
    '',
  ),
  mutatedSinaUrl,
);

export const ourPageUrl = fc
  .constantFrom('options.html', 'panel.html', 'popup.html', 'reader.html?id=a_0', 'options.html#welcome', '')
  .map((p) => `${EXT_ORIGIN}${p}`);

export type Sender = { id?: string; url?: string; tab?: { id?: number }; frameId?: number };

export const senderId = fc.oneof(
  { arbitrary: fc.constant(EXT_ID), weight: 3 },
  fc.constantFrom(undefined, '', `${EXT_ID} `, EXT_ID.toUpperCase(), 'other-extension', `${EXT_ID}x`),
  fc.string({ maxLength: 20 }),
);

export const sender: fc.Arbitrary<Sender> = fc
  .record(
    {
      id: senderId,
      url: fc.oneof(
        ourPageUrl,
        fc.constant(ARTICLE_URL),
        wellFormedSinaUrl.map((u) => u.url),
        foreignUrl,
      ),
      tab: fc.option(fc.record({ id: fc.option(tabId, { nil: undefined }) }, { requiredKeys: [] }), { nil: undefined }),
      frameId: fc.option(fc.constantFrom(0, 0, 1, 7, -1), { nil: undefined }),
    },
    { requiredKeys: [] },
  )
  .map(defined);

// ---------------------------------------------------------------------------------------------
// Highlights

export const HIGHLIGHT_TEXT =
  '　　国家医保局6月8日发布公报。2021年全国医保基金支出2.4万亿元，比上年增长14.3%。医保基金是人民群众的“救命钱”。';

/** Valid input for createHighlight. */
/** An article key and a URL where that article is: a Sina article's desktop or mobile page, or the reader page. */
const articleKeyAndUrl = fc.oneof(
  fc.tuple(fc.stringMatching(/^[a-z0-9]{8,16}$/), fc.boolean()).map(([id, mobile]) => ({
    articleKey: `sina:${id}`,
    url: mobile
      ? `https://finance.sina.cn/2021-06-04/detail-i${id}.d.html`
      : `https://finance.sina.com.cn/china/gncj/2021-06-04/doc-i${id}.shtml`,
  })),
  fc.stringMatching(/^[0-9a-f]{16}$/).map((hex) => ({ articleKey: `corpus:a_${hex}`, url: `${EXT_ORIGIN}reader.html#a_${hex}` })),
);

export const validHighlightInput = fc
  .record({
    place: articleKeyAndUrl,
    title: fc.string({ minLength: 1, maxLength: 50 }).filter((s) => s.trim() !== ''),
    start: fc.nat({ max: HIGHLIGHT_TEXT.length - 2 }),
    len: fc.integer({ min: 1, max: 20 }),
    color: fc.option(fc.constantFrom('yellow', 'green', 'blue', 'pink'), { nil: undefined }),
    note: fc.option(fc.string({ maxLength: 100 }), { nil: undefined }),
    tags: fc.option(
      fc.uniqueArray(
        fc.string({ minLength: 1, maxLength: 10 }).filter((s) => s.trim() !== ''),
        { maxLength: 5, selector: (s) => s.trim() },
      ),
      { nil: undefined },
    ),
  })
  .map(({ start, len, place, ...rest }) => {
    const end = Math.min(HIGHLIGHT_TEXT.length, start + len);
    return defined({
      ...place,
      ...rest,
      quote: {
        type: 'TextQuoteSelector',
        exact: HIGHLIGHT_TEXT.slice(start, end),
        prefix: HIGHLIGHT_TEXT.slice(Math.max(0, start - 32), start),
        suffix: HIGHLIGHT_TEXT.slice(end, end + 32),
      },
      position: { type: 'TextPositionSelector', start, end },
    });
  }) as fc.Arbitrary<Record<string, unknown>>;

const notString = fc.oneof(fc.constantFrom(null, 0, 1, true, false, [], {}, ['a']), fc.integer(), fc.double());
const notNonNegInt = fc.oneof(
  notString.filter((v) => typeof v !== 'number' || !Number.isInteger(v) || v < 0),
  fc.constantFrom(-1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, '3', null),
  fc.integer({ max: -1 }),
);
const notUrl = fc.oneof(
  fc.constantFrom(
    '',
    'finance.sina.com.cn/x',
    'javascript:alert(1)',
    'data:text/html,x',
    'file:///etc/passwd',
    'ftp://x.example/',
    'about:blank',
    `https://x.example/${'a'.repeat(2048)}`,
  ),
  fc.string({ maxLength: 20 }).filter((s) => !/^(https?|chrome-extension|moz-extension):/i.test(s.trim())),
);

/**
 * One field corrupted: where it is (the path the refusal must name) and the bad value. `quote` and
 * `position` corruptions are objects replacing the whole selector or one member of it.
 */
export type Corruption = { path: readonly string[]; value: unknown };

const corruptions: Record<string, fc.Arbitrary<unknown>> = {
  articleKey: fc.oneof(notString, fc.constantFrom('', '   ', '\t\n'), fc.constant('k'.repeat(201))),
  url: fc.oneof(notString, notUrl),
  title: fc.oneof(notString, fc.constantFrom('', '  ', '\u3000', '\n'), fc.constant('题'.repeat(501))),
  'quote.exact': fc.oneof(notString, fc.constant(''), fc.constant('x'.repeat(100_001))),
  'quote.prefix': fc.oneof(
    notString.filter((v) => v !== undefined),
    fc.constant('p'.repeat(257)),
  ),
  'quote.suffix': fc.oneof(
    notString.filter((v) => v !== undefined),
    fc.constant('s'.repeat(257)),
  ),
  'quote.type': fc.oneof(notString, fc.constantFrom('TextPositionSelector', 'textquoteselector', '')),
  quote: fc.oneof(notString, fc.constant('a quote')),
  'position.start': notNonNegInt,
  'position.end': notNonNegInt,
  'position.type': fc.oneof(notString, fc.constantFrom('TextQuoteSelector', '')),
  position: fc.oneof(notString, fc.constant('1-3')),
  color: fc.oneof(
    notString,
    fc.string({ maxLength: 10 }).filter((s) => !['yellow', 'green', 'blue', 'pink'].includes(s)),
    fc.constantFrom('Yellow', 'red', ' yellow'),
  ),
  note: fc.oneof(notString, fc.constant('注'.repeat(10_001))),
  tags: fc.oneof(
    fc.constantFrom(null, 'a,b', 1, {}, true),
    fc.array(notString, { minLength: 1, maxLength: 3 }).map((bad) => ['ok', ...bad]),
    fc.constant(Array.from({ length: 21 }, (_, i) => `t${i}`)),
    fc.constant(['长'.repeat(51)]),
  ),
};

export const CORRUPTIBLE_FIELDS = Object.keys(corruptions);

export const corruption: fc.Arbitrary<Corruption> = fc.oneof(
  ...Object.entries(corruptions).map(([path, value]) => value.map((v) => ({ path: path.split('.'), value: v }))),
);

/** A copy of `input` with the value at `path` replaced (the parent object is created if absent). */
export function corrupt(input: Record<string, unknown>, c: Corruption): Record<string, unknown> {
  const out = structuredClone(input);
  let parent: Record<string, unknown> = out;
  for (const key of c.path.slice(0, -1)) {
    const next = parent[key];
    parent = typeof next === 'object' && next !== null ? (next as Record<string, unknown>) : (parent[key] = {});
  }
  parent[c.path.at(-1)!] = c.value;
  return out;
}

/** A key none of the highlight schemas know. */
export const unknownKey = fc
  .string({ minLength: 1, maxLength: 12 })
  .filter(
    (k) =>
      ![
        'articleKey',
        'url',
        'title',
        'quote',
        'position',
        'color',
        'note',
        'tags',
        'id',
        'createdAt',
        'updatedAt',
        '__proto__',
        'constructor',
        'toString',
        'valueOf',
        'hasOwnProperty',
      ].includes(k),
  );
