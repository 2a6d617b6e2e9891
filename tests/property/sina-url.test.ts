/**
 * Property tests for lib/sina/url.ts parseArticleUrl: random strings and mutated real Sina URLs.
 *
 * - It never throws: anything that is not a Sina article URL is `null`.
 * - What it accepts is an http(s) URL on a Sina article host, without credentials, with a key
 *   `sina:<id>` / `sina-cj:<id>` that the message contract accepts too.
 * - The key is stable: the canonical desktop and mobile URLs it returns parse to the same key (and
 *   to themselves), and so does the URL with another query, fragment, scheme, port or host case.
 * - Look-alike hosts, credentials and other schemes are refused.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { PageArticleSchema } from '../../lib/messages/contract';
import { canonicalKey, parseArticleUrl, sameArticle, type ArticleUrl } from '../../lib/sina/url';
import { mutatedSinaUrl, REAL_SINA_URLS, SINA_HOSTS, wellFormedSinaUrl, runs } from './arbitraries';

// Properties run hundreds of cases; the default 5 s is for one example (the folder as a whole stays well under a minute).
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const KEY_PATTERN = /^(sina:[a-z0-9]{8,24}|sina-cj:[a-z0-9]{8,32})$/;
/** 头条 (cj) and 看点 (k) articles share the self-media key space. */
const SELF_MEDIA_HOST = /^(t\.)?(cj|k)\./;
/** The key pattern of the message contract (lib/messages/contract.ts PageArticleSchema.key). */
const contractKey = PageArticleSchema.shape.key;

/** Every property of an accepted URL. */
function checkAccepted(href: string, parsed: ArticleUrl): void {
  const url = new URL(href.trim());
  expect(['http:', 'https:']).toContain(url.protocol);
  expect(url.username + url.password).toBe('');
  expect(SINA_HOSTS).toContain(url.hostname.toLowerCase());
  expect(parsed.host).toBe(url.hostname.toLowerCase());
  expect(parsed.key).toMatch(KEY_PATTERN);
  expect(contractKey.safeParse(parsed.key).success).toBe(true);
  expect(parsed.key).toBe(`${SELF_MEDIA_HOST.test(parsed.host) ? 'sina-cj' : 'sina'}:${parsed.id}`);
  // Stable: the canonical URLs are themselves article URLs of the same article, and canonical.
  // (news/tech/health.sina.com.cn name a mobile twin on news/tech/health.sina.cn, hosts this module
  // does not recognise — see the report; only twins on recognised hosts are parsed again.)
  for (const canonical of [parsed.desktopUrl, parsed.mobileUrl]) {
    if (canonical === undefined) continue;
    expect(canonical.startsWith('https://')).toBe(true);
    if (!SINA_HOSTS.includes(new URL(canonical).hostname)) continue;
    const again = parseArticleUrl(canonical);
    expect(again?.key).toBe(parsed.key);
    expect(again?.desktopUrl ?? parsed.desktopUrl).toBe(parsed.desktopUrl);
    expect(again?.mobileUrl).toBe(parsed.mobileUrl);
  }
  // The desktop URL, when there is one, is always recognised: it is the canonical URL.
  if (parsed.desktopUrl !== undefined) expect(parseArticleUrl(parsed.desktopUrl)?.desktopUrl).toBe(parsed.desktopUrl);
  if (parsed.date !== undefined) expect(parsed.date).toMatch(/^(199\d|2\d{3})-\d{2}-\d{2}$/);
}

function parseSafely(href: string): ArticleUrl | null {
  // A throw fails the property with the input that caused it.
  return parseArticleUrl(href);
}

describe('parseArticleUrl', () => {
  it('the real URLs it starts from are recognised (all but the list page)', () => {
    expect(REAL_SINA_URLS.filter((u) => parseArticleUrl(u) === null)).toEqual(['https://finance.sina.com.cn/roll/index.d.html?cid=56588']);
  });

  it('never throws on random strings, and whatever it accepts is a Sina article URL with a stable key', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 120 }),
          fc.string({ unit: 'binary', maxLength: 120 }),
          fc.webUrl({ withQueryParameters: true, withFragments: true }),
        ),
        (href) => {
          const parsed = parseSafely(href);
          if (parsed) checkAccepted(href, parsed);
        },
      ),
      { numRuns: runs(2000) },
    );
  });

  it('never throws on mutated real Sina URLs; accepted ones keep every property', () => {
    let accepted = 0;
    fc.assert(
      fc.property(mutatedSinaUrl, (href) => {
        const parsed = parseSafely(href);
        if (parsed) {
          accepted++;
          checkAccepted(href, parsed);
        }
      }),
      { numRuns: runs(2000) },
    );
    expect(accepted).toBeGreaterThan(100);
  });

  it('recognises every well-formed article URL, with the key of its id (lowercased)', () => {
    fc.assert(
      fc.property(wellFormedSinaUrl, ({ url, key }) => {
        const parsed = parseArticleUrl(url);
        expect(parsed?.key).toBe(key);
        checkAccepted(url, parsed!);
      }),
      { numRuns: runs(1500) },
    );
  });

  it('the key does not depend on query, fragment, scheme, port, host case or surrounding spaces', () => {
    const variation = fc.record({
      scheme: fc.constantFrom('http', 'https'),
      port: fc.constantFrom('', ':80', ':443', ':3000'),
      query: fc.oneof(
        fc.constant(''),
        fc.webQueryParameters().map((q) => `?${q}`),
      ),
      fragment: fc.oneof(
        fc.constant(''),
        fc.webFragments().map((f) => `#${f}`),
      ),
      upperHost: fc.boolean(),
      pad: fc.constantFrom('', ' ', '\n', '\t '),
    });
    fc.assert(
      fc.property(wellFormedSinaUrl, variation, ({ url, key }, v) => {
        const u = new URL(url);
        const host = v.upperHost ? u.hostname.toUpperCase() : u.hostname;
        const varied = `${v.pad}${v.scheme}://${host}${v.port}${u.pathname}${v.query}${v.fragment}${v.pad}`;
        expect(canonicalKey(varied)).toBe(key);
        expect(sameArticle(url, varied)).toBe(true);
      }),
      { numRuns: runs(1000) },
    );
  });

  it('refuses look-alike hosts, credentials and other schemes, whatever the path', () => {
    const hostile = fc.record({
      url: wellFormedSinaUrl.map((w) => new URL(w.url)),
      attack: fc.oneof(
        fc.constantFrom('.evil.com', '.evil.com.', 'evil', '-x').map((suffix) => ({ kind: 'host-suffix' as const, suffix })),
        fc.constantFrom('evil.', 'x-', 'www.').map((prefix) => ({ kind: 'host-prefix' as const, prefix })),
        fc.constantFrom('user@', 'user:pass@', ':@x@', `finance.sina.com.cn@`).map((cred) => ({ kind: 'credentials' as const, cred })),
        fc
          .constantFrom('ftp', 'file', 'javascript', 'chrome-extension', 'data', 'ws', 'blob:https')
          .map((scheme) => ({ kind: 'scheme' as const, scheme })),
      ),
    });
    fc.assert(
      fc.property(hostile, ({ url, attack }) => {
        const rest = `${url.pathname}${url.search}`;
        const href =
          attack.kind === 'host-suffix'
            ? `https://${url.hostname}${attack.suffix}${rest}`
            : attack.kind === 'host-prefix'
              ? `https://${attack.prefix}${url.hostname}${rest}`
              : attack.kind === 'credentials'
                ? `https://${attack.cred}${url.hostname}${rest}`
                : `${attack.scheme}://${url.hostname}${rest}`;
        expect(parseArticleUrl(href)).toBeNull();
      }),
      { numRuns: runs(1000) },
    );
  });

  it('refuses impossible calendar dates and dates before 1999 on desktop and mobile paths', () => {
    const badDate = fc.oneof(
      fc.tuple(fc.integer({ min: 1000, max: 1998 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })),
      fc.tuple(fc.integer({ min: 1999, max: 2099 }), fc.integer({ min: 13, max: 99 }), fc.integer({ min: 1, max: 28 })),
      fc.tuple(fc.integer({ min: 1999, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 32, max: 99 })),
      fc.tuple(fc.integer({ min: 1999, max: 2099 }), fc.constant(2), fc.constantFrom(30, 31)),
      fc.tuple(fc.integer({ min: 1999, max: 2099 }), fc.integer({ min: 0, max: 12 }), fc.constant(0)),
    );
    fc.assert(
      fc.property(badDate, fc.boolean(), ([y, m, d], mobile) => {
        const date = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const href = mobile
          ? `https://finance.sina.cn/china/${date}/detail-ikqcfnaz9077291.d.html`
          : `https://finance.sina.com.cn/china/${date}/doc-ikqcfnaz9077291.shtml`;
        expect(parseArticleUrl(href)).toBeNull();
      }),
      { numRuns: runs(500) },
    );
  });
});
