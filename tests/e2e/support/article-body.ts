/**
 * The article body of a desktop Sina fixture page (`div#artibody`), found with its matching </div> and
 * replaced: what the end-to-end pages made from a real template (copied, stressed) change in it.
 */
export const BODY_OPEN = '<div class="article" id="artibody" data-sudaclick="blk_content">';

/** `html` with its `div#artibody` (nested divs and all) replaced by `replacement`; `page` names it in errors. */
export function withArticleBody(html: string, replacement: string, page: string): string {
  const start = html.indexOf(BODY_OPEN);
  if (start < 0) throw new Error(`${page}: no ${BODY_OPEN}`);
  const tag = /<\/?div\b[^>]*>/g;
  tag.lastIndex = start;
  let depth = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    depth += m[0].startsWith('</') ? -1 : 1;
    if (depth === 0) return html.slice(0, start) + replacement + html.slice(m.index + m[0].length);
  }
  throw new Error(`${page}: #artibody is never closed`);
}
