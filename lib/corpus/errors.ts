/**
 * Why a document was refused. Every refusal names the file and the 1-based line it applies to,
 * so the message (`seeds/005.txt:3: title is empty`) reads the same in the CLI, in the build
 * and in the options page, and editors can jump to it.
 */
export const CORPUS_ERROR_CODES = [
  'file-empty',
  'file-too-large',
  'file-binary',
  'file-not-utf8',
  'frontmatter-missing',
  'frontmatter-unclosed',
  'frontmatter-invalid-yaml',
  'frontmatter-not-mapping',
  'title-missing',
  'title-empty',
  'title-not-string',
  'title-too-long',
  'date-missing',
  'date-invalid',
  'date-out-of-range',
  'categories-not-list',
  'category-not-string',
  'author-not-string',
  'body-empty',
  'body-no-paragraphs',
  'body-too-many-paragraphs',
  'body-script',
  'body-event-handler',
  'body-javascript-url',
  'body-embedded-content',
  'duplicate-article',
] as const;

/** Stable machine code; tests and callers branch on it, never on the message. */
export type CorpusErrorCode = (typeof CORPUS_ERROR_CODES)[number];

export class CorpusError extends Error {
  override readonly name = 'CorpusError';

  constructor(
    readonly code: CorpusErrorCode,
    readonly file: string,
    readonly line: number,
    /** What is wrong, in plain English, without the `file:line:` prefix. */
    readonly reason: string,
    /** The front-matter field it concerns (`title`, `date` …), when it concerns one. */
    readonly field?: string,
    /** What the reason names (`{ length, max }` …), for wording it in the interface language (lib/i18n/errors.ts). */
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(`${file}:${line}: ${reason}`);
  }
}
