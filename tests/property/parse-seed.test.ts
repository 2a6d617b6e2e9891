/**
 * Property tests for the seed-document parser (lib/corpus/parse-seed.ts, decode.ts, front-matter.ts).
 *
 * What the module promises, and what is checked here on thousands of mutated seeds and random inputs:
 * - parseSeedDocument throws a CorpusError and nothing else for a bad document; tryParseSeedDocument
 *   returns `{ ok: false, error }` for the same document with the same error.
 * - Every refusal names the file and a line of it (`file:line: reason`, line within the file), has a
 *   known code and a non-empty reason, and names its field when it concerns one.
 * - Whatever is accepted is a valid Article (ArticleSchema), its derived fields agreeing.
 * - A leading BOM and CRLF line ends change nothing: same article, or same refusal on the same line.
 * - Bytes and the string they decode to parse alike.
 * - Parsing is pure: the input is not changed and the same input always gives the same outcome.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { articleId, ArticleSchema, MAX_TITLE_LENGTH } from '../../lib/corpus/article';
import { CORPUS_ERROR_CODES, CorpusError } from '../../lib/corpus/errors';
import { EARLIEST_DATE, parseSeedDocument, tryParseSeedDocument, type SeedParseResult } from '../../lib/corpus/parse-seed';
import { parseHtmlInNode } from '../../scripts/lens/node-dom';
import { applyMutations, encode, mutatedSeed, NOW, randomDocument, SEEDS, textMutatedSeed, runs } from './arbitraries';

// Properties run hundreds of cases; the default 5 s is for one example (the folder as a whole stays well under a minute).
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const FILE = 'imports/policy/x.txt';
const opts = { file: FILE, now: NOW, origin: 'imported' as const };

const FIELD_WORDS: Record<string, RegExp> = { title: /title/, date: /date/, categories: /categor/, author: /author/ };

function lineCount(input: string | Uint8Array): number {
  const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
  return text.split('\n').length;
}

/** The well-formedness every outcome must have, whatever the input. */
function checkOutcome(input: string | Uint8Array, result: SeedParseResult): void {
  if (result.ok) {
    const a = result.article;
    expect(ArticleSchema.safeParse(a).success).toBe(true);
    expect(a.id).toBe(articleId(a.titleNorm, a.date));
    expect(a.text).toBe(a.paragraphs.join('\n'));
    expect(a.file).toBe('x.txt');
    expect(a.origin).toBe('imported');
    expect(a.date >= EARLIEST_DATE).toBe(true);
    expect(Date.parse(a.date)).toBeLessThanOrEqual(NOW.getTime() + 24 * 3600 * 1000);
    return;
  }
  const e = result.error;
  expect(e).toBeInstanceOf(CorpusError);
  expect(CORPUS_ERROR_CODES).toContain(e.code);
  expect(e.file).toBe(FILE);
  expect(Number.isInteger(e.line)).toBe(true);
  expect(e.line).toBeGreaterThanOrEqual(1);
  // A refusal names a line of the file (the body's first line may be the one after the last '\n').
  expect(e.line).toBeLessThanOrEqual(lineCount(input) + 1);
  expect(e.reason.trim()).not.toBe('');
  expect(e.message).toBe(`${FILE}:${e.line}: ${e.reason}`);
  if (e.field !== undefined) {
    expect(Object.keys(FIELD_WORDS)).toContain(e.field);
    expect(e.reason).toMatch(FIELD_WORDS[e.field]!);
  }
}

/** What callers can observe of an outcome: the article, or the refusal's code, field and message. */
function observable(result: SeedParseResult) {
  return result.ok
    ? { ok: true, article: result.article }
    : { ok: false, code: result.error.code, field: result.error.field, message: result.error.message };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** tryParseSeedDocument, but fails the property on anything other than a CorpusError. */
function tryParse(input: string | Uint8Array): SeedParseResult {
  return tryParseSeedDocument(input, opts);
}

describe('parseSeedDocument on mutated seeds', () => {
  it('the unmutated seeds parse (the base the mutations start from)', () => {
    for (const s of SEEDS) expect(tryParse(s.bytes).ok).toBe(true);
  });

  it('accepts a valid Article or refuses with a CorpusError naming the file and a line; both forms agree; input untouched', () => {
    let refused = 0;
    let accepted = 0;
    fc.assert(
      fc.property(mutatedSeed, ({ bytes }) => {
        const copy = bytes.slice();
        const result = tryParse(bytes);
        checkOutcome(bytes, result);
        expect(sameBytes(bytes, copy)).toBe(true);
        // The throwing form throws exactly that error, or returns exactly that article.
        let thrown: unknown;
        let article: unknown;
        try {
          article = parseSeedDocument(bytes, opts);
        } catch (e) {
          thrown = e;
        }
        if (result.ok) expect(article).toEqual(result.article);
        else {
          expect(thrown).toBeInstanceOf(CorpusError);
          expect(observable({ ok: false, error: thrown as CorpusError })).toEqual(observable(result));
        }
        if (result.ok) accepted++;
        else refused++;
      }),
      { numRuns: runs(800) },
    );
    // The generator must exercise both sides, or the property says little.
    expect(refused).toBeGreaterThan(50);
    expect(accepted).toBeGreaterThan(50);
  });

  it('a leading BOM and CRLF line ends give the same article, or the same refusal on the same line', () => {
    fc.assert(
      fc.property(textMutatedSeed, fc.boolean(), ({ text }, bom) => {
        // The module strips one leading BOM; one already there is part of what we compare.
        fc.pre(!text.startsWith('\uFEFF') && !text.includes('\r'));
        const plain = observable(tryParse(text));
        const crlf = text.replace(/\n/g, '\r\n');
        const variant = bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...encode(crlf)]) : encode(crlf);
        expect(observable(tryParse(variant))).toEqual(plain);
      }),
      { numRuns: runs(250) },
    );
  });

  it('bytes and the string they decode to parse alike (same article or same refusal)', () => {
    fc.assert(
      fc.property(textMutatedSeed, ({ text }) => {
        fc.pre(!text.startsWith('\uFEFF'));
        expect(observable(tryParse(encode(text)))).toEqual(observable(tryParse(text)));
      }),
      { numRuns: runs(200) },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(mutatedSeed, ({ bytes }) => {
        expect(observable(tryParse(bytes))).toEqual(observable(tryParse(bytes)));
      }),
      { numRuns: runs(100) },
    );
  });
});

describe('parseSeedDocument on random input', () => {
  it('never throws anything but a CorpusError, and each refusal is well formed', () => {
    fc.assert(
      fc.property(randomDocument, (input) => {
        checkOutcome(input, tryParse(input));
      }),
      { numRuns: runs(2000) },
    );
  });

  it('invalid UTF-8 anywhere is refused as file-not-utf8 on the line that holds it', () => {
    const seed = SEEDS[0]!;
    const lines = seed.text.split('\n');
    fc.assert(
      fc.property(
        fc.nat({ max: lines.length - 1 }),
        fc.constantFrom([0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xff], [0xe4, 0xb8]),
        (line, bad) => {
          const before = encode(lines.slice(0, line).join('\n') + (line ? '\n' : ''));
          const after = encode(lines.slice(line).join('\n'));
          const result = tryParse(new Uint8Array([...before, ...bad, ...after]));
          expect(!result.ok && [result.error.code, result.error.line]).toEqual(['file-not-utf8', line + 1]);
        },
      ),
      { numRuns: runs(150) },
    );
  });

  it('a NUL anywhere is refused as file-binary on its line, as bytes or as text', () => {
    const seed = SEEDS[1]!;
    fc.assert(
      fc.property(fc.nat({ max: seed.text.length }), (at) => {
        const text = `${seed.text.slice(0, at)}\0${seed.text.slice(at)}`;
        const line = seed.text.slice(0, at).split('\n').length;
        for (const input of [text, encode(text)]) {
          const result = tryParse(input);
          expect(!result.ok && [result.error.code, result.error.line]).toEqual(['file-binary', line]);
        }
      }),
      { numRuns: runs(150) },
    );
  });
});

/** The first seed with its front-matter line `field: …` replaced (or added) and a short body, for speed. */
function withField(field: string, value: string): string {
  const front = SEEDS[0]!.text.split('---\n')[1]!;
  const lines = front.split('\n').filter((l) => l.trim() && !l.startsWith(`${field}:`) && !(field === 'categories' && l.startsWith(' - ')));
  return `---\n${lines.join('\n')}\n${field}: ${value}\n---\n<div><p>　　正文第一段。</p><p>第二段。</p></div>\n`;
}

describe('deeply nested input', () => {
  it('deep YAML nesting is refused as invalid YAML; a deeply nested body parses (linkedom, the Node DOM)', () => {
    // happy-dom's querySelectorAll recurses and overflows near 5,000 levels: a limit of this test DOM, not
    // of the parser (browsers cap parser depth, Chrome at 512; linkedom and cleanBody do not recurse).
    fc.assert(
      fc.property(fc.integer({ min: 1_000, max: 15_000 }), fc.constantFrom('[', '{a: ', '<div>', '<b>', '<blockquote>'), (depth, open) => {
        const doc = open.startsWith('<')
          ? `---\ntitle: a\ndate: 2021-06-04\n---\n${open.repeat(depth)}<p>正文</p>`
          : `---\ntitle: ${open.repeat(depth)}\ndate: 2021-06-04\n---\n<p>正文</p>`;
        const result = tryParseSeedDocument(doc, { ...opts, parseHtml: parseHtmlInNode });
        checkOutcome(doc, result);
        if (open.startsWith('<')) expect(result.ok && result.article.paragraphs).toEqual(['正文']);
        else expect(!result.ok && result.error.code).toBe('frontmatter-invalid-yaml');
      }),
      { numRuns: runs(8) },
    );
  });
});

describe('front-matter values', () => {
  it('a quoted title is accepted, trimmed, iff it is not blank and at most 300 characters; otherwise refused naming the title', () => {
    // Printable text (the YAML spec refuses some control characters even when escaped differently).
    const title = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.string({ unit: 'grapheme', minLength: 290, maxLength: 310 }),
      fc.constantFrom('  ', '\u3000医保\u3000', ' \t'),
    );
    fc.assert(
      fc.property(title, (t) => {
        const result = tryParse(withField('title', JSON.stringify(t)));
        const trimmed = t.trim();
        if (trimmed && trimmed.length <= MAX_TITLE_LENGTH) {
          expect(result.ok && result.article.title).toBe(trimmed);
        } else {
          expect(result.ok).toBe(false);
          if (!result.ok) {
            expect(result.error.field).toBe('title');
            expect(result.error.code).toBe(trimmed ? 'title-too-long' : 'title-empty');
          }
        }
      }),
      { numRuns: runs(300) },
    );
  });

  /** The instant, written the ways the module accepts: RFC 822 with a zone, ISO 8601 with an offset. */
  const dateWritten = fc
    .tuple(
      fc.oneof(
        {
          arbitrary: fc.date({ min: new Date('1985-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }),
          weight: 4,
        },
        // Far past and far future, up to the largest year the forms can write (four digits).
        fc.date({ min: new Date('0001-01-02T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }),
        // The edges: the first instant of 1990, the future tolerance, the last writable wall-clock time.
        fc.constantFrom(
          ...[
            '1990-01-01T00:00:00Z',
            '1990-01-01T07:59:59Z',
            '1989-12-31T23:59:59Z',
            '2025-01-02T00:00:00Z',
            '2025-01-02T00:00:01Z',
            '9999-12-31T23:59:59Z',
            '0001-01-01T00:00:00Z',
          ].map((d) => new Date(d)),
        ),
      ),
      fc.integer({ min: -12 * 60, max: 14 * 60 }).map((m) => m - (m % 15)),
      fc.constantFrom('rfc', 'rfc-gmt', 'iso', 'iso-space', 'iso-z'),
    )
    .map(([d, offset, form]) => {
      // d is the wall-clock time as written; the instant is that minus the offset (so year 10000 can come out).
      const local = new Date(Math.floor(d.getTime() / 1000) * 1000);
      const instant = new Date(local.getTime() - (form === 'rfc-gmt' || form === 'iso-z' ? 0 : offset) * 60_000);
      const p = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');
      const sign = offset < 0 ? '-' : '+';
      const hhmm = `${p(Math.trunc(Math.abs(offset) / 60))}${p(Math.abs(offset) % 60)}`;
      const ymd = `${p(local.getUTCFullYear(), 4)}-${p(local.getUTCMonth() + 1)}-${p(local.getUTCDate())}`;
      const hms = `${p(local.getUTCHours())}:${p(local.getUTCMinutes())}:${p(local.getUTCSeconds())}`;
      const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][local.getUTCMonth()];
      const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][local.getUTCDay()];
      const text = {
        rfc: `${day}, ${p(local.getUTCDate())} ${month} ${p(local.getUTCFullYear(), 4)} ${hms} ${sign}${hhmm}`,
        'rfc-gmt': `${day}, ${p(local.getUTCDate())} ${month} ${p(local.getUTCFullYear(), 4)} ${hms} GMT`,
        iso: `${ymd}T${hms}${sign}${hhmm.slice(0, 2)}:${hhmm.slice(2)}`,
        'iso-space': `${ymd} ${hms}${sign}${hhmm}`,
        'iso-z': `${ymd}T${hms}Z`,
      }[form];
      return { instant, text };
    });

  it('a date in an accepted form is read as the instant it names; before 1990 or in the future it is refused naming the date', () => {
    fc.assert(
      fc.property(dateWritten, ({ instant, text }) => {
        const result = tryParse(withField('date', text));
        const iso = instant.toISOString();
        const early = instant.getTime() < Date.parse(EARLIEST_DATE);
        if (!early && instant.getTime() <= NOW.getTime() + 24 * 3600 * 1000) {
          expect(result.ok && result.article.date).toBe(iso);
        } else {
          expect(!result.ok && [result.error.code, result.error.field]).toEqual(['date-out-of-range', 'date']);
          // The reason says which side of the range the date fell.
          expect(!result.ok && result.error.reason).toMatch(early ? /before 1990$/ : /in the future$/);
        }
      }),
      { numRuns: runs(300) },
    );
  });

  it('categories: a list of text is kept in order, trimmed; anything else is refused naming categories', () => {
    const item = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }).filter((s) => s.trim() !== '');
    fc.assert(
      fc.property(fc.array(item, { maxLength: 6 }), (items) => {
        const result = tryParse(withField('categories', `[${items.map((i) => JSON.stringify(i)).join(', ')}]`));
        expect(result.ok && result.article.categories).toEqual(items.map((i) => i.trim()));
      }),
      { numRuns: runs(150) },
    );
  });
});

describe('mutations of every kind are reproducible', () => {
  it('applyMutations is deterministic (counterexamples can be replayed)', () => {
    fc.assert(
      fc.property(mutatedSeed, ({ seed, mutations, bytes }) => {
        expect(sameBytes(applyMutations(SEEDS.find((s) => s.name === seed)!.bytes, mutations), bytes)).toBe(true);
      }),
      { numRuns: runs(50) },
    );
  });
});
