/**
 * Every reply is either the value or a refusal that says what went wrong, never a thrown error.
 * A refusal's `error` is worded in the interface language (lib/i18n/errors.ts); `code` says which one it is.
 * Apart from contract.ts (zod) so the content script can use it without the schemas.
 */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string; code?: string };

/**
 * Whether an answer has a reply's envelope. Its value is not looked into: whoever answers types it
 * (the background's handler table, contract.ts Replies), and whoever relays it checks what it relays.
 */
export function isReply(answer: unknown): answer is Reply<never> {
  if (typeof answer !== 'object' || answer === null || !('ok' in answer)) return false;
  return answer.ok === true || (answer.ok === false && 'error' in answer && typeof answer.error === 'string');
}

/** A reply's value, or `fallback` when it was refused (a tab without the lens, no answer). */
export function valueOr<T, F>(reply: Reply<T>, fallback: F): T | F {
  return reply.ok ? reply.value : fallback;
}
