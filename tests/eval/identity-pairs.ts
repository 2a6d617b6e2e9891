/**
 * The labelled identity pairs (issue 14 item 7): pairs of whole articles, each saying whether b is
 * the same article as a. Two files, read the same way:
 * - identity-own.json: written by the integrity helper, with a `split` per pair — "dev" pairs were
 *   looked at while choosing the threshold, "held-out" pairs only to test it;
 * - identity.json (when present): written on the eval-dev branch by another helper; calibration only
 *   (its pairs count as dev).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type PairArticle = { title: string; date?: string | null; paragraphs: string[] };
export type IdentityPair = {
  id: string;
  same: boolean;
  split: 'dev' | 'held-out';
  kind: string;
  source: string;
  a: PairArticle;
  b: PairArticle;
};

const DIR = import.meta.dirname;

type RawArticle = { title?: unknown; date?: unknown; publishedAt?: unknown; paragraphs?: unknown; text?: unknown; body?: unknown };

function article(raw: RawArticle, where: string): PairArticle {
  const title = typeof raw.title === 'string' ? raw.title : '';
  const body = raw.paragraphs ?? raw.text ?? raw.body;
  const paragraphs = Array.isArray(body)
    ? body.map(String)
    : typeof body === 'string'
      ? body.split(/\n+/).filter((p) => p.trim() !== '')
      : null;
  if (!paragraphs || paragraphs.length === 0) throw new Error(`${where}: no paragraphs or text`);
  const date = typeof raw.date === 'string' ? raw.date : typeof raw.publishedAt === 'string' ? raw.publishedAt : null;
  return { title, date, paragraphs };
}

function readPairs(file: string, defaultSplit: IdentityPair['split']): IdentityPair[] {
  const full = path.join(DIR, file);
  if (!existsSync(full)) return [];
  const data = JSON.parse(readFileSync(full, 'utf8')) as { pairs?: unknown[] } | unknown[];
  const list = Array.isArray(data) ? data : (data.pairs ?? []);
  return list.map((raw, i) => {
    const p = raw as Record<string, unknown>;
    const where = `${file}: pairs[${i}]`;
    if (typeof p.same !== 'boolean') throw new Error(`${where}.same: must be true or false`);
    return {
      id: typeof p.id === 'string' ? p.id : `${file}#${i}`,
      same: p.same,
      split: p.split === 'held-out' || p.split === 'dev' ? p.split : defaultSplit,
      kind: typeof p.kind === 'string' ? p.kind : '',
      source: file,
      a: article(p.a as RawArticle, `${where}.a`),
      b: article(p.b as RawArticle, `${where}.b`),
    };
  });
}

export function identityPairs(): IdentityPair[] {
  return [...readPairs('identity-own.json', 'held-out'), ...readPairs('identity.json', 'dev')];
}
