/**
 * The contract between the extension's contexts: every message type, its payload schema and its reply.
 * The background validates each message here, with zod, before it acts; nothing else is trusted.
 * What the background sends content scripts is in content-request.ts (checked there without zod).
 */
import { z } from 'zod';
import type { LensState } from './tab-state';
import type { HighlightRecord } from '../db/schema';
import type { ArticleInsight } from '../insight/analyze';
import { articleTextLength, ID_MAX, MAX_PARAGRAPHS, MAX_TEXT, TARGET_LIMITS, type TextTarget } from './content-request';

export { ALL_ARTICLES, MAX_PARAGRAPHS, MAX_TEXT, STATE_CHANGED, type ContentRequest, type TextTarget } from './content-request';
export { HIGHLIGHTS_CHANGED, type Broadcast, type BroadcastType } from './broadcasts';
export type { Reply } from './reply';

/** The article the content script extracted from the page it runs in. */
export const PageArticleSchema = z
  .object({
    key: z
      .string()
      .refine((k) => /^sina(-cj)?:[\w/]{1,80}$/.test(k), { error: 'must be a Sina article key', params: { code: 'field.sina-key' } }),
    id: z.string().min(1).max(80),
    url: z.string().url().max(2000),
    mobileUrl: z.string().url().max(2000).nullable(),
    title: z.string().min(1).max(500),
    publishedAt: z.string().max(40).nullable(),
    source: z.string().max(200).nullable(),
    editor: z.string().max(100).nullable(),
    originalTitle: z.string().max(500).nullable(),
    /** Empty for an image or video post without a line of text (it still has a title, date and media). */
    paragraphs: z
      .array(z.string().max(MAX_TEXT))
      .max(MAX_PARAGRAPHS)
      .refine((ps) => articleTextLength(ps) <= MAX_TEXT, {
        error: 'article text is larger than 2 MB',
        params: { code: 'field.article-too-large' },
      }),
    images: z
      .array(z.object({ src: z.url().max(2000), alt: z.string().min(1).max(500).optional() }))
      .max(200)
      .optional(),
    videos: z
      .array(z.object({ src: z.url().max(2000).optional(), poster: z.url().max(2000).optional() }))
      .max(50)
      .optional(),
    /** `fallback`: no known Sina template held the body; the extraction fallback (Readability) read it. */
    readBy: z.enum(['sina', 'fallback']).optional(),
  })
  .refine((a) => a.paragraphs.length > 0 || (a.images?.length ?? 0) > 0 || (a.videos?.length ?? 0) > 0, {
    error: 'the article has no text, image or video',
    path: ['paragraphs'],
    params: { code: 'field.article-empty' },
  });
export type PageArticle = z.infer<typeof PageArticleSchema>;

/** Where a piece of the article text is, as W3C selectors over the body text (paragraphs joined by '\n'). */
export const TextTargetSchema = z.object({
  exact: z.string().min(1).max(TARGET_LIMITS.exact),
  prefix: z.string().max(TARGET_LIMITS.context),
  suffix: z.string().max(TARGET_LIMITS.context),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
}) satisfies z.ZodType<TextTarget>;

const TabIdSchema = z.number().int().nonnegative();
const ArticleKeySchema = z.string().min(1).max(ID_MAX);
const HighlightIdSchema = z.string().min(1).max(ID_MAX);

/** Messages to the background, from the content script or the extension's own pages. */
export const RequestSchema = z.discriminatedUnion('type', [
  /** Content script: here is the article on this tab; what does the corpus know about it? */
  z.object({ type: z.literal('article:analyze'), article: PageArticleSchema }),
  /**
   * Content script: this page's body is in no template I know; load the extraction fallback into my
   * page's isolated world (lib/contexts/background/extraction-fallback.ts).
   */
  z.object({ type: z.literal('page:load-fallback') }),
  /** Content script: a secret for the panel frame it is about to make (lib/contexts/background/frame-secret.ts). */
  z.object({ type: z.literal('frame:secret') }),
  /**
   * Content script: which highlight the library opened this tab to show, if it was for this article
   * (answered once; lib/contexts/background/open-highlight.ts).
   */
  z.object({ type: z.literal('reveal:take'), articleKey: ArticleKeySchema }),
  /**
   * The panel: what does the lens show for my tab? The panel framed in an article page leaves `tabId`
   * out (its own tab is meant); the browser's side panel / sidebar names the active tab it follows.
   */
  z.object({ type: z.literal('panel:state'), tabId: TabIdSchema.optional() }),
  /** The panel: scroll the article in my tab (or `tabId`) to this text and flash it. */
  z.object({ type: z.literal('panel:reveal'), target: TextTargetSchema, tabId: TabIdSchema.optional() }),
  /** The panel: collapse or open the in-page panel of my tab (or `tabId`). */
  z.object({ type: z.literal('panel:set-open'), open: z.boolean(), tabId: TabIdSchema.optional() }),
  /** The popup's "show/hide the panel on this page": toggle the in-page panel of that tab. */
  z.object({ type: z.literal('panel:toggle'), tabId: TabIdSchema }),
  /** The panel, after an error: analyse the article of my tab (or `tabId`) again. */
  z.object({ type: z.literal('panel:retry'), tabId: TabIdSchema.optional() }),
  /**
   * Highlights. Content scripts and extension pages read and write them only through these, so the
   * background can tell every open tab about a change. The record fields are validated by
   * lib/highlights/store.ts, whose refusals name the field; here only the envelope is checked.
   */
  z.object({ type: z.literal('highlights:list'), articleKey: ArticleKeySchema }),
  z.object({ type: z.literal('highlights:create'), highlight: z.record(z.string(), z.unknown()) }),
  z.object({ type: z.literal('highlights:update'), id: HighlightIdSchema, patch: z.record(z.string(), z.unknown()) }),
  z.object({ type: z.literal('highlights:delete'), id: HighlightIdSchema }),
  z.object({ type: z.literal('highlights:restore'), record: z.record(z.string(), z.unknown()) }),
  /** The panel: put the highlight whose note the reader wants to write in front of them (my tab or `tabId`). */
  z.object({ type: z.literal('panel:highlight'), id: HighlightIdSchema, tabId: TabIdSchema.optional() }),
  /** The library (popup, full page): open the article of this highlight (or its tab) and scroll to it. */
  z.object({ type: z.literal('library:open'), highlightId: HighlightIdSchema }),
  /** The library after an import or a wipe: every tab reloads its highlights. */
  z.object({ type: z.literal('highlights:changed-all') }),
  /** The panel: re-attach this orphan to the text selected in the article of my tab (or `tabId`). */
  z.object({ type: z.literal('panel:reattach'), id: HighlightIdSchema, tabId: TabIdSchema.optional() }),
]);
export type Request = z.infer<typeof RequestSchema>;
export type RequestType = Request['type'];
/** The request of one type, as the contract accepts it. */
export type RequestOf<K extends RequestType> = Extract<Request, { type: K }>;

/** What `highlights:list` answers: the article's highlights and the reader's colour renames. */
export type HighlightList = { highlights: HighlightRecord[]; colorRenames: Record<string, string> };

/**
 * What each request is answered with: the `value` of its ok Reply. The background's handler table
 * (lib/contexts/background/handlers.ts) must return these and the client (client.ts) hands them out typed, so a
 * reply of the wrong shape is a compile error on both sides.
 */
export type Replies = {
  'article:analyze': ArticleInsight;
  'page:load-fallback': true;
  'frame:secret': string;
  /** The highlight to show, or null when the library opened this tab for nothing (or another article). */
  'reveal:take': string | null;
  /** Null: the tab has no lens (not a Sina article, or its content script has not started). */
  'panel:state': LensState | null;
  /** Whether the text was found. */
  'panel:reveal': boolean;
  /** The in-page panel's new open state. */
  'panel:set-open': boolean;
  'panel:toggle': boolean;
  /** Whether the tab started over (only after an error). */
  'panel:retry': boolean;
  /** Whether the highlight is on the page. */
  'panel:highlight': boolean;
  /** The highlight as re-attached. */
  'panel:reattach': HighlightRecord;
  'library:open': { tabId: number };
  'highlights:changed-all': null;
  'highlights:list': HighlightList;
  'highlights:create': HighlightRecord;
  'highlights:update': HighlightRecord;
  /** The record as it was (for undo), null when it was already gone. */
  'highlights:delete': HighlightRecord | null;
  'highlights:restore': HighlightRecord;
};
export type ReplyOf<K extends RequestType> = Replies[K];

/** Each message type with its request and reply; a request type without a reply does not compile. */
export type Messages = { [K in RequestType]: { request: RequestOf<K>; reply: ReplyOf<K> } };
/** Replies for request types that do not exist: none (contract.test-d.ts checks it). */
export type StrayReplies = Exclude<keyof Replies, RequestType>;
