import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The article text that the labelled set's offsets refer to: every non-empty <p> of the Sina body
 * (blockquote summaries included, because readers see them), indent and edge whitespace trimmed,
 * joined with '\n'. Promo blocks and the editor line are dropped.
 *
 * Kept local to the measures tests on purpose: the labels must not shift when the corpus parser
 * (lib/corpus) changes its paragraph policy. Needs a DOMParser (happy-dom in vitest).
 */
export function seedParagraphText(raw: string): string {
  const body = stripFrontMatter(raw);
  const doc = new DOMParser().parseFromString(`<body>${body}</body>`, 'text/html');
  for (const el of Array.from(doc.querySelectorAll('style, script, .appendQr_wrap, .app-kaihu-qr, .article-editor'))) {
    el.remove();
  }
  const paragraphs: string[] = [];
  for (const p of Array.from(doc.querySelectorAll('p'))) {
    const text = (p.textContent ?? '').replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, '');
    if (text) paragraphs.push(text);
  }
  return paragraphs.join('\n');
}

function stripFrontMatter(raw: string): string {
  const match = /^\s*---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(raw);
  return match ? raw.slice(match[0].length) : raw;
}

export const SEEDS_DIR = join(import.meta.dirname, '..', '..', 'seeds');

export function seedFiles(): string[] {
  return readdirSync(SEEDS_DIR)
    .filter((f) => /^\d{3}_[0-9a-f]+\.txt$/.test(f))
    .sort();
}

export function readSeedText(file: string): string {
  return seedParagraphText(readFileSync(join(SEEDS_DIR, file), 'utf8'));
}
