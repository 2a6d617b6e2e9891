/**
 * What the background sends the content script of a tab, and the constants the content script shares
 * with the rest of the extension. Checked by hand, not with zod: the content script starts on every
 * article page, and building zod's schemas there made its first task take 100 ms and more
 * (scripts/bench/suites/load.ts). The background and extension pages validate with zod (contract.ts).
 */

import type { HighlightRecord } from '../db/schema';
import type { PageArticle } from './contract';
import type { Reply } from './reply';
import type { LensState } from './tab-state';

/** The largest article the background analyses: its paragraphs, and their characters in all. */
export const MAX_PARAGRAPHS = 5000;
export const MAX_TEXT = 2_000_000;

/** The article text's length as the limits count it: its paragraphs' characters, summed. */
export function articleTextLength(paragraphs: readonly string[]): number {
  return paragraphs.reduce((n, p) => n + p.length, 0);
}

/** Broadcast by a content script when what its panel shows has changed; panels then ask again. */
export const STATE_CHANGED = 'tab:state-changed';

/** `tab:highlights-changed` for every article (after an import or a wipe). */
export const ALL_ARTICLES = '*';

/** Where a piece of the article text is, as W3C selectors over the body text (paragraphs joined by '\n'). */
export type TextTarget = { exact: string; prefix: string; suffix: string; start: number; end: number };

/** The limits of a TextTarget (contract.ts's TextTargetSchema uses them too). */
export const TARGET_LIMITS = { exact: 5000, context: 200 } as const;
/** Article keys and highlight ids in messages. */
export const ID_MAX = 200;

/** Messages the background sends the content script of one tab (frame 0). */
export type ContentRequest =
  /** What the panel shows for this tab (LensState). */
  | { type: 'tab:state' }
  /** Scroll to this text and flash it; replies whether it was found. */
  | { type: 'tab:reveal'; target: TextTarget }
  /** Open or collapse the in-page panel, as the reader asked; replies the new open state. */
  | { type: 'tab:set-open'; open: boolean }
  /** Flip the in-page panel (shortcut, popup button); replies the new open state. */
  | { type: 'tab:toggle' }
  /** Ask the background to analyse the article again (after an error). */
  | { type: 'tab:retry' }
  /** The highlights of this article (`*`: of every article) changed: load them again. */
  | { type: 'tab:highlights-changed'; articleKey: string }
  /** Is this tab showing this article? (The library looks for a tab to switch to.) */
  | { type: 'tab:has-article'; articleKey: string }
  /** Context menu or shortcut: highlight the current selection in the default colour. */
  | { type: 'tab:highlight-selection' }
  /** Scroll to a highlight and flash it. */
  | { type: 'tab:highlight'; id: string }
  /** Re-attach an orphan to the reader's current selection; replies the updated record or a reason. */
  | { type: 'tab:reattach'; id: string }
  /** The article of this page as extracted (a PageArticle, null when too large): a highlight on it keeps it in the corpus. */
  | { type: 'tab:article' };

export type ContentRequestType = ContentRequest['type'];
export type ContentRequestOf<K extends ContentRequestType> = Extract<ContentRequest, { type: K }>;

/**
 * What the content script answers each request with. The background cannot trust an answer's shape (an
 * extension page open in the tab hears tabs.sendMessage too), so it checks what it relays with guards
 * typed by this table; the content script's handlers must return exactly these (ContentHandlers).
 */
export type ContentReplies = {
  'tab:state': LensState;
  'tab:reveal': boolean;
  'tab:set-open': boolean;
  'tab:toggle': boolean;
  'tab:retry': boolean;
  'tab:highlights-changed': true;
  'tab:has-article': boolean;
  'tab:highlight-selection': Reply<HighlightRecord>;
  'tab:highlight': boolean;
  'tab:reattach': Reply<HighlightRecord>;
  'tab:article': PageArticle | null;
};
export type ContentReplyOf<K extends ContentRequestType> = ContentReplies[K];

/** The content script's handler of each request: `undefined` when the request is not for this page (no answer). */
export type ContentHandlers = { [K in ContentRequestType]: (req: ContentRequestOf<K>) => Promise<ContentReplyOf<K>> | undefined };

/** Runs the handler of the request's type. */
export function answerContentRequest<K extends ContentRequestType>(
  handlers: ContentHandlers,
  type: K,
  req: ContentRequestOf<K>,
): Promise<ContentReplyOf<K>> | undefined {
  const handler: ContentHandlers[K] = handlers[type];
  return handler(req);
}

type Fields = Record<string, unknown>;
const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is string => typeof v === 'string' && v.length >= 1 && v.length <= ID_MAX;
const isOffset = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isText = (v: unknown, max: number, min = 0): v is string => typeof v === 'string' && v.length >= min && v.length <= max;

export function isTextTarget(v: unknown): v is TextTarget {
  return (
    isObject(v) &&
    isText(v.exact, TARGET_LIMITS.exact, 1) &&
    isText(v.prefix, TARGET_LIMITS.context) &&
    isText(v.suffix, TARGET_LIMITS.context) &&
    isOffset(v.start) &&
    isOffset(v.end)
  );
}

/** The request, with only the fields its type has; null for anything else. */
export function parseContentRequest(raw: unknown): ContentRequest | null {
  if (!isObject(raw)) return null;
  switch (raw.type) {
    case 'tab:state':
    case 'tab:toggle':
    case 'tab:retry':
    case 'tab:highlight-selection':
    case 'tab:article':
      return { type: raw.type };
    case 'tab:reveal':
      return isTextTarget(raw.target) ? { type: raw.type, target: pickTarget(raw.target) } : null;
    case 'tab:set-open':
      return typeof raw.open === 'boolean' ? { type: raw.type, open: raw.open } : null;
    case 'tab:highlights-changed':
    case 'tab:has-article':
      return isId(raw.articleKey) ? { type: raw.type, articleKey: raw.articleKey } : null;
    case 'tab:highlight':
    case 'tab:reattach':
      return isId(raw.id) ? { type: raw.type, id: raw.id } : null;
    default:
      return null;
  }
}

const pickTarget = ({ exact, prefix, suffix, start, end }: TextTarget): TextTarget => ({ exact, prefix, suffix, start, end });
