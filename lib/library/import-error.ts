/**
 * Why an import file was refused. The message names the file and the first bad field in the file's
 * own terms (`backup.json: highlights[3].quote.exact: must not be empty`), because the reader has
 * the file in front of them, not our records.
 */
import type { z } from 'zod';
import type { ErrorCode, ErrorParams } from '../i18n/errors';
import { issueCode } from '../i18n/zod-issues';

export class LibraryImportError extends Error {
  override readonly name = 'LibraryImportError';
  constructor(
    readonly file: string,
    message: string,
    /** Where in the file, e.g. `highlights[3].quote.exact`; absent when the file as a whole is wrong. */
    readonly field?: string,
    /** The reason's code and parameters, for wording it in the interface language (lib/i18n/errors.ts). */
    readonly code?: ErrorCode,
    readonly params: ErrorParams = {},
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${field ? `${field}: ` : ''}${message}`, options);
  }
}

/** A refusal from code that does not know the file name; import.ts adds it. */
export class FieldError extends Error {
  constructor(
    readonly path: readonly PropertyKey[],
    message: string,
    readonly code?: ErrorCode,
    readonly params: ErrorParams = {},
  ) {
    super(message);
  }
}

const PLAIN_KEY = /^[A-Za-z_$@][\w$@:-]*$/;

/** `highlights[3].quote.exact`, `settings["highlights.colorLabels"].purple`, `[0].target`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && PLAIN_KEY.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out;
}

/** The first issue of a failed zod parse as a message and a path below `base`. */
export function firstIssue(error: z.ZodError, base: readonly PropertyKey[] = []): FieldError {
  const issue = error.issues[0];
  const { code, params } = issueCode(issue);
  if (!issue) return new FieldError(base, 'invalid', code, params);
  // Unknown keys come back as one issue on the object: name them, they are usually a typo.
  const message = issue.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.join(', ')}` : issue.message;
  return new FieldError([...base, ...issue.path], message, code, params);
}
