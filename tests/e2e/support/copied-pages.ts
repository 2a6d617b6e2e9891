/**
 * Sina article pages that copy another one's headline and `article:published_time` under a URL of
 * their own, with another body: built from a seed's desktop fixture (the real template), its article
 * body (`div#artibody`) swapped for the given paragraphs and its Sina id for another.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES_DIR, fixture } from '../../../scripts/harness/fixture-server';
import { parseArticleUrl } from '../../../lib/sina/url';

const BODY_OPEN = '<div class="article" id="artibody" data-sudaclick="blk_content">';

/** Where `div#artibody` starts and ends (its matching </div>). */
function bodySpan(html: string): { start: number; end: number } {
  const start = html.indexOf(BODY_OPEN);
  if (start < 0) throw new Error(`no ${BODY_OPEN}`);
  const tag = /<\/?div\b[^>]*>/g;
  tag.lastIndex = start;
  let depth = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    depth += m[0].startsWith('</') ? -1 : 1;
    if (depth === 0) return { start, end: m.index + m[0].length };
  }
  throw new Error('#artibody is never closed');
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export type CopiedPage = { url: string; key: string; html: string };

/** The page `template` (a fixture name) under the Sina id `id`, with `paragraphs` as its body; title and time kept. */
export function copiedPage(template: string, id: string, paragraphs: readonly string[]): CopiedPage {
  const source = fixture(template);
  const templateId = parseArticleUrl(source.url)!.id;
  let html = readFileSync(path.join(FIXTURES_DIR, source.file), 'utf8');
  const { start, end } = bodySpan(html);
  const body = paragraphs.map((p) => `<p cms-style="font-L">　　${escapeHtml(p)}</p>`).join('\n');
  html = `${html.slice(0, start)}${BODY_OPEN}\n${body}\n</div>${html.slice(end)}`;
  html = html.split(templateId).join(id);
  const url = source.url.split(templateId).join(id);
  return { url, key: parseArticleUrl(url)!.key, html };
}
