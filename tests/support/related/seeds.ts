/**
 * The five seed articles for the related and identity tests, read straight from seeds/*.txt: title from
 * the front matter, paragraphs from the body's <p> elements (promo blocks and the editor line dropped).
 * Kept local so these tests do not depend on the corpus parser's paragraph policy. Needs DOMParser
 * (happy-dom in vitest).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type SeedArticle = { file: string; id: string; title: string; bodyHtml: string; paragraphs: string[]; text: string };

const SEEDS_DIR = join(import.meta.dirname, '..', '..', '..', 'seeds');

export function paragraphsOf(bodyHtml: string): string[] {
  const doc = new DOMParser().parseFromString(`<body>${bodyHtml}</body>`, 'text/html');
  for (const el of Array.from(doc.querySelectorAll('style, script, .appendQr_wrap, .app-kaihu-qr, .article-editor'))) el.remove();
  return Array.from(doc.querySelectorAll('p'))
    .map((p) => (p.textContent ?? '').replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, ''))
    .filter(Boolean);
}

export function readSeeds(): SeedArticle[] {
  return readdirSync(SEEDS_DIR)
    .filter((f) => /^\d{3}_[0-9a-f]+\.txt$/.test(f))
    .sort()
    .map((file) => {
      const raw = readFileSync(join(SEEDS_DIR, file), 'utf8');
      const front = /^\s*---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(raw);
      if (!front) throw new Error(`${file}: no front matter`);
      const title = /^title:\s*'?(.*?)'?\s*$/m.exec(front[1]!)?.[1] ?? '';
      const bodyHtml = raw.slice(front[0].length);
      const paragraphs = paragraphsOf(bodyHtml);
      return { file, id: file.slice(0, 3), title, bodyHtml, paragraphs, text: paragraphs.join('\n') };
    });
}

/** The seeds with the measures the catalogue detects in them (id → mentions), ready for indexArticles. */
export function seedEntries(
  detect: (text: string) => Record<string, number>,
): { article: { id: string; title: string; text: string }; measures: Record<string, number> }[] {
  return readSeeds().map((s) => ({ article: { id: s.id, title: s.title, text: s.text }, measures: detect(s.text) }));
}
