/**
 * A reason already worded in the interface language: what the background replied when it refused a
 * message (it words its refusals with describeError). Clients rethrow it as this, so describeError
 * shows it as it is. Apart from errors.ts so the content script can use it without the error tables.
 */
export class WordedError extends Error {
  override readonly name = 'WordedError';
  constructor(
    message: string,
    /** The refusal's code, when the background sent one (tests and callers may branch on it). */
    readonly code?: string,
  ) {
    super(message);
  }
}
