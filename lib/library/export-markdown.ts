/**
 * Highlights as a Markdown note (Obsidian, Typora, any CommonMark reader):
 *
 *     # Policy Lens
 *
 *     ## [Article title](https://finance.sina.com.cn/…)
 *
 *     2022-06-08 · 新浪财经
 *
 *     > the quote, one `>` line per line of text
 *
 *     **重点**
 *
 *     the note
 *
 *     #tag #another_tag
 *
 * Titles, quotes, notes, labels and sources are text, not Markdown: every character that Markdown or
 * Obsidian would act on is escaped, so a `#` in a quote is not a tag, a `_救命钱_` title is not
 * italic and a note line `---` does not end a section. The output depends only on its input (no
 * clock, no locale): dates are Beijing calendar dates, as Sina prints them.
 */
import type { HighlightColor } from '../highlights/colors';
import { colorOrDefault, defaultColorLabels } from '../highlights/colors';
import { toBeijingIso } from '../sina/beijing-time';
import { parseArticleUrl } from '../sina/url';
import type { LibraryGroup } from './search';

export interface MarkdownOptions {
  /** Colour labels with the reader's renames (lib/highlights/colors `colorLabels`); default: the interface language's. */
  colorLabels?: Record<HighlightColor, string>;
  /** The `#` heading of the note. */
  heading?: string;
}

/**
 * CommonMark's inline punctuation, plus what Obsidian adds: `#` (tags), `$` (maths), `^` (block ids),
 * `~` and `|`. Backslash-escaping any ASCII punctuation is valid CommonMark, so over-escaping only
 * costs a backslash in the source; `( ) - . !` are left alone, being harmless once `[ ]` are escaped.
 */
const INLINE_ACTIVE = /[\\`*_[\]<>#~|$^&]/g;

/** One line of text made inert. `==` (Obsidian highlight) and `%%` (Obsidian comment) get their second character escaped. */
function escapeLine(line: string): string {
  let out = line
    .replace(/^[ \t]+|[ \t]+$/g, '') // leading spaces would make an indented code block
    .replace(INLINE_ACTIVE, '\\$&')
    .replace(/(?<==)=/g, '\\=')
    .replace(/(?<=%)%/g, '\\%');
  // Block markers active only at the start of a line: list items (`- `, `+ `, `1. `), setext
  // underlines and thematic breaks (`===`, `---`). `-5%` or `2021.06` stay as they are.
  if (/^([-+=])(?=\s|$|\1)/.test(out)) out = `\\${out}`;
  out = out.replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
  return out;
}

/** Text for a single line (a heading, a label): newlines become spaces. */
export function escapeMarkdown(text: string): string {
  return escapeLine(text.replace(/\s*[\r\n]+\s*/g, ' '));
}

function lines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).map(escapeLine);
}

/** Paragraphs of a note: lines kept, runs of blank lines collapsed to one, none at either end. */
function noteBlock(note: string): string | null {
  const out: string[] = [];
  for (const line of lines(note)) {
    if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.length > 0 ? out.join('\n') : null;
}

/**
 * The article text joins paragraphs with '\n', so each line of a quote is a paragraph of its own
 * (`>` lines between them), without the `　　` indent Sina puts before each: that is layout, not text.
 */
function quoteBlock(exact: string): string {
  return lines(exact.trim())
    .map((line) => line.replace(/^\u3000+/, ''))
    .filter((line) => line !== '')
    .map((line) => `> ${line}`)
    .join('\n>\n');
}

/**
 * An Obsidian tag: `#` then letters, digits, `_`, `-`, `/`, with at least one non-digit. Whitespace
 * and other punctuation become one `_` (`基金 监管` → `#基金_监管`, `DRG (三年)` → `#DRG_三年`),
 * full-width letters and digits ASCII (NFKC). A tag of digits only gets a leading `_`, or Obsidian
 * would not see a tag.
 */
export function obsidianTag(tag: string): string {
  let body = tag
    .normalize('NFKC')
    .trim()
    .replace(/\s+/g, '_')
    // ASCII punctuation except _ - /, and the CJK symbols block (、。《》「」【】…) and full-width punctuation.
    .replace(/[!-,.:-@[-^`{-~\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’…—·]/g, '_');
  body = body.replace(/_{2,}/g, '_').replace(/^_(?=.)|_$/g, '');
  if (/^[0-9_\-/]*$/.test(body)) body = `_${body}`;
  return `#${body}`;
}

const SHANGHAI_DATE = (iso: string): string | undefined => toBeijingIso(iso)?.slice(0, 10);

/** Where a link in the Markdown may not break: parentheses and spaces are percent-encoded. */
function linkTarget(url: string): string {
  return url.replace(/[()\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function articleSection(group: LibraryGroup, labels: Record<HighlightColor, string>): string {
  const title = escapeMarkdown(group.title);
  const parts = [group.url ? `## [${title}](${linkTarget(group.url)})` : `## ${title}`];
  // Publication date from the corpus; for an article outside it, the date in its Sina URL.
  const date = (group.date && SHANGHAI_DATE(group.date)) ?? (group.url ? parseArticleUrl(group.url)?.date : undefined);
  const byline = [date, group.source.trim() ? escapeMarkdown(group.source) : undefined].filter((s): s is string => !!s);
  if (byline.length > 0) parts.push(byline.join(' · '));
  for (const h of group.highlights) {
    parts.push(quoteBlock(h.quote.exact));
    parts.push(`**${escapeMarkdown(labels[colorOrDefault(h.color)])}**`);
    const note = noteBlock(h.note);
    if (note !== null) parts.push(note);
    const tags = [...new Set(h.tags.map(obsidianTag))];
    if (tags.length > 0) parts.push(tags.join(' '));
  }
  return parts.join('\n\n');
}

/** The groups (as LibraryIndex.query returns them, or groupAll) as one Markdown document. */
export function exportMarkdown(groups: readonly LibraryGroup[], options: MarkdownOptions = {}): string {
  const labels = options.colorLabels ?? defaultColorLabels();
  const sections = [`# ${escapeMarkdown(options.heading ?? 'Policy Lens')}`, ...groups.map((g) => articleSection(g, labels))];
  return `${sections.join('\n\n')}\n`;
}
