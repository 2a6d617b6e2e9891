/**
 * Notices sent to every listening extension page (and relayed to in-page panels), with no reply.
 * Checked by hand like content-request.ts: the content script must not load zod.
 */
import { STATE_CHANGED } from './content-request';

/** Broadcast by the background to extension pages (popup, reader) after a highlight changed, with its article key. */
export const HIGHLIGHTS_CHANGED = 'highlights:changed';

export type Broadcasts = {
  /** The highlights of this article (ALL_ARTICLES: of every article) changed. */
  [HIGHLIGHTS_CHANGED]: { type: typeof HIGHLIGHTS_CHANGED; articleKey: string };
  /** What a tab's panel shows changed (sent by its content script); panels ask again. */
  [STATE_CHANGED]: { type: typeof STATE_CHANGED };
};
export type BroadcastType = keyof Broadcasts;
export type Broadcast<K extends BroadcastType = BroadcastType> = Broadcasts[K];

type Fields = { [key: string]: unknown };
const isFields = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);

const PARSERS: { [K in BroadcastType]: (raw: Fields) => Broadcasts[K] | null } = {
  [HIGHLIGHTS_CHANGED]: (raw) => (typeof raw.articleKey === 'string' ? { type: HIGHLIGHTS_CHANGED, articleKey: raw.articleKey } : null),
  [STATE_CHANGED]: () => ({ type: STATE_CHANGED }),
};

/** The broadcast of type `type`, with only its fields; null when `raw` is not one. */
export function parseBroadcast<K extends BroadcastType>(type: K, raw: unknown): Broadcasts[K] | null {
  if (!isFields(raw) || raw.type !== type) return null;
  const parse: (raw: Fields) => Broadcasts[K] | null = PARSERS[type];
  return parse(raw);
}
