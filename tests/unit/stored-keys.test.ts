/**
 * Keys that IndexedDB stores must not move when text folding is refactored: the related index's
 * terms and policy words (schema v4 `terms`/`postings`), the identity fingerprint and its bands
 * (`articles.fingerprint`, the near-duplicate lookup) and the normalised title (`articles.titleNorm`).
 * A change to any of them needs a versioned re-index (lib/db/schema.ts), not a silent drift.
 *
 * The golden file holds one SHA-256 per text, computed on the code before lib/text/fold.ts existed,
 * over the five seeds (as the corpus parser reads them) and every article of tests/eval/dev*.json then
 * (dev.json, dev-b.json, dev-c.json; a part added since has no golden keys and is not compared).
 * To regenerate it after a deliberate, versioned change: LENS_WRITE_GOLDEN=1 npx vitest run tests/unit/stored-keys.test.ts
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSeedDocument } from '../../lib/corpus/parse-seed';
import { bodyFingerprint, fingerprintBands } from '../../lib/identity/fingerprint';
import { articleEntry } from '../../lib/related/layout';
import { tokenize } from '../../lib/related/tokenize';
import { normalizeTitle } from '../../lib/text/normalize';

const ROOT = path.join(import.meta.dirname, '..', '..');
const GOLDEN = path.join(import.meta.dirname, 'stored-keys.golden.json');

type Text = { id: string; title: string; paragraphs: string[] };

function texts(): Text[] {
  const seeds = readdirSync(path.join(ROOT, 'seeds'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file): Text => {
      const a = parseSeedDocument(readFileSync(path.join(ROOT, 'seeds', file)), { file: path.join('seeds', file) });
      return { id: `seed:${file}`, title: a.title, paragraphs: a.paragraphs };
    });
  const dev = readdirSync(path.join(ROOT, 'tests', 'eval'))
    .filter((f) => /^dev.*\.json$/.test(f))
    .sort()
    .flatMap((file) => {
      const data = JSON.parse(readFileSync(path.join(ROOT, 'tests', 'eval', file), 'utf8')) as {
        articles: { id: string; title: string; paragraphs: string[] }[];
      };
      return data.articles.map((a): Text => ({ id: `${file}:${a.id}`, title: a.title, paragraphs: a.paragraphs }));
    });
  return [...seeds, ...dev];
}

/** Everything stored that folding feeds, for one text. */
function storedKeys(t: Text): string {
  const text = t.paragraphs.join('\n');
  const fingerprint = bodyFingerprint(t.paragraphs);
  return JSON.stringify({
    titleNorm: normalizeTitle(t.title),
    fingerprint,
    bands: fingerprintBands(fingerprint),
    // Measures come from the catalogue and are not folding's business here: the index entry without them.
    entry: articleEntry({ article: { id: t.id, title: t.title, text }, measures: {} }),
    tokens: tokenize(`${t.title}\n${text}`),
  });
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe('stored keys', () => {
  const all = texts();
  const actual = Object.fromEntries(all.map((t) => [t.id, sha256(storedKeys(t))]));

  if (process.env.LENS_WRITE_GOLDEN === '1') writeFileSync(GOLDEN, `${JSON.stringify(actual, null, 1)}\n`);

  it('covers the seeds and the dev sets', () => {
    expect(all.filter((t) => t.id.startsWith('seed:'))).toHaveLength(5);
    expect(all.length).toBeGreaterThan(100);
    expect(existsSync(GOLDEN)).toBe(true);
  });

  it('index terms, policy words, fingerprints and title keys are byte-identical to the golden file', () => {
    const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, string>;
    // Every text the golden file was made from is still here (dev parts added later have no golden keys).
    expect(Object.keys(golden).filter((id) => !(id in actual))).toEqual([]);
    const changed = Object.keys(golden).filter((id) => golden[id] !== actual[id]);
    expect(changed).toEqual([]);
  });
});
