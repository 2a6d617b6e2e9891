/**
 * The Article record: one corpus article as stored in IndexedDB and passed between modules.
 * Seeds, imported files and pages the reader opened all become this one shape.
 */
import { z } from 'zod';
import { fnv1a64 } from '../text/hash';
import { normalizeTitle } from '../text/normalize';
import { hasNoBodyText } from './media-post';

export const MAX_TITLE_LENGTH = 300;
export const MAX_PARAGRAPHS = 5000;

export const ArticleImageSchema = z.object({ src: z.string().min(1), alt: z.string().min(1).optional() });
export type ArticleImage = z.infer<typeof ArticleImageSchema>;
/**
 * A video in the body (Sina's video posts): its file and, when the page names one, its poster image. A
 * player slot that Sina's script fills (mobile pages) names no file: then only its poster, or nothing.
 */
export const ArticleVideoSchema = z.object({ src: z.string().min(1).optional(), poster: z.string().min(1).optional() });
export type ArticleVideo = z.infer<typeof ArticleVideoSchema>;

export const ArticleSchema = z
  .object({
    /**
     * `a_` + FNV-1a 64 of `titleNorm|date` (see articleId): equal for the same article wherever it came
     * from; or, when that id already names another article, one of articleIdCandidates' other ids.
     */
    id: z.string().regex(/^a_[0-9a-f]{16}$/, 'must be a_ and 16 hex digits'),
    /** Canonical Sina key `sina:<id>`, once the article's URL is known (never for seeds). */
    key: z.string().min(1).optional(),
    url: z.url().optional(),
    /** As written in the source (a seed's title keeps its `_` for quotes). */
    title: z.string().min(1).max(MAX_TITLE_LENGTH),
    titleNorm: z.string(),
    /** 原标题 / 原题 named at the top of the body. */
    originalTitle: z.string().min(1).optional(),
    /** ISO 8601 instant, e.g. `2021-06-04T12:30:57.000Z`. */
    date: z.iso.datetime({ offset: true }),
    categories: z.array(z.string()),
    /** The author / 来源 line; may be empty when the source names none. */
    source: z.string(),
    /** 责任编辑 name. */
    editor: z.string().min(1).optional(),
    lead: z.string(),
    /** Empty for an image or video post without a line of text. */
    paragraphs: z.array(z.string().min(1)).max(MAX_PARAGRAPHS),
    images: z.array(ArticleImageSchema),
    videos: z.array(ArticleVideoSchema).optional(),
    text: z.string(),
    /** text.length, in UTF-16 code units (what TextPositionSelector offsets count). */
    length: z.number().int().nonnegative(),
    origin: z.enum(['seed', 'imported', 'read']),
    /** Base name of the file a seed or import came from. */
    file: z.string().min(1).optional(),
  })
  .superRefine((a, ctx) => {
    // The derived fields must agree with the paragraphs, or offsets into `text` would point elsewhere.
    if (a.lead !== (a.paragraphs[0] ?? '')) ctx.addIssue({ code: 'custom', path: ['lead'], message: 'must be the first paragraph' });
    if (a.text !== a.paragraphs.join('\n'))
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'must be the paragraphs joined by \\n' });
    if (a.length !== a.text.length) ctx.addIssue({ code: 'custom', path: ['length'], message: 'must be text.length' });
  });

export type Article = z.infer<typeof ArticleSchema>;

/** `titleNorm` is normalizeTitle(title); `date` the ISO string stored in the record. */
export function articleId(titleNorm: string, date: string): string {
  return `a_${fnv1a64(`${titleNorm}|${date}`)}`;
}

/** How many ids articleIdCandidates offers before giving up (each is checked against the corpus). */
export const ARTICLE_ID_ATTEMPTS = 16;

/**
 * The ids an article may take, best first: its own articleId, then ids salted with its body (so the
 * same text lands on the same id wherever it is stored), then numbered ones. Two different articles
 * can share a title and a time — two undated pages with one headline, a heavily rewritten article,
 * a page copying another's headline and \`article:published_time\` on purpose, even a crafted FNV
 * collision (FNV-1a is not cryptographic) — and each must then be stored under an id of its own,
 * never over the other (lib/db/articles.ts addArticleApart).
 */
export function* articleIdCandidates(titleNorm: string, date: string, text: string): Generator<string> {
  yield articleId(titleNorm, date);
  const body = fnv1a64(text);
  yield `a_${fnv1a64(`${titleNorm}|${date}|${body}`)}`;
  for (let n = 2; n < ARTICLE_ID_ATTEMPTS; n++) yield `a_${fnv1a64(`${titleNorm}|${date}|${body}|${n}`)}`;
}

/** What a source must supply; buildArticle derives the rest. */
export type ArticleFields = Omit<Article, 'id' | 'titleNorm' | 'lead' | 'text' | 'length'>;

/** Derives id, titleNorm, lead, text and length, then validates the whole record (throws ZodError). */
export function buildArticle(fields: ArticleFields): Article {
  const titleNorm = normalizeTitle(fields.title);
  const text = fields.paragraphs.join('\n');
  const { key, url, originalTitle, editor, file, videos } = fields;
  // Fixed key order and no `undefined` members, so the bundled corpus JSON is stable byte for byte.
  return ArticleSchema.parse({
    id: articleId(titleNorm, fields.date),
    ...(key !== undefined && { key }),
    ...(url !== undefined && { url }),
    title: fields.title,
    titleNorm,
    ...(originalTitle !== undefined && { originalTitle }),
    date: fields.date,
    categories: fields.categories,
    source: fields.source,
    ...(editor !== undefined && { editor }),
    lead: fields.paragraphs[0] ?? '',
    paragraphs: fields.paragraphs,
    images: fields.images,
    ...(videos && videos.length > 0 ? { videos } : {}),
    text,
    length: text.length,
    origin: fields.origin,
    ...(file !== undefined && { file }),
  });
}

/** What an importer says about an article it accepted beyond "imported". */
export type ArticleNote = 'no-body-text';

/** The notes in plain English, for the CLI and logs (the options page has them in lib/i18n). */
export const ARTICLE_NOTE_TEXT: Record<ArticleNote, string> = {
  'no-body-text': 'no body text: an image or video post (its title, date, source, images and caption are kept)',
};

/** `no-body-text`: an image or video post, or a post holding only its 原标题 (title, date and media are kept). */
export function articleNotes(a: Pick<Article, 'text' | 'images' | 'videos'>): ArticleNote[] {
  return hasNoBodyText(a) ? ['no-body-text'] : [];
}
