/**
 * Sina article pages that copy another one's headline and `article:published_time` under a URL of
 * their own, with another body: built from a seed's desktop fixture (the real template), its article
 * body (`div#artibody`) swapped for the given paragraphs and its Sina id for another.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES_DIR, fixture } from '../../../scripts/harness/fixture-server';
import { parseArticleUrl } from '../../../lib/sina/url';
import { BODY_OPEN, withArticleBody } from './article-body';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export type CopiedPage = { url: string; key: string; html: string };

/** The page `template` (a fixture name) under the Sina id `id`, with `paragraphs` as its body; title and time kept. */
export function copiedPage(template: string, id: string, paragraphs: readonly string[]): CopiedPage {
  const source = fixture(template);
  const templateId = parseArticleUrl(source.url)!.id;
  let html = readFileSync(path.join(FIXTURES_DIR, source.file), 'utf8');
  const body = paragraphs.map((p) => `<p cms-style="font-L">　　${escapeHtml(p)}</p>`).join('\n');
  html = withArticleBody(html, `${BODY_OPEN}\n${body}\n</div>`, template);
  html = html.split(templateId).join(id);
  const url = source.url.split(templateId).join(id);
  return { url, key: parseArticleUrl(url)!.key, html };
}
