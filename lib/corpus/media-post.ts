/**
 * Image and video posts (an "一图看懂" infographic, a clip with its caption): articles all the same,
 * but with no body text to find measures in. One rule for the importer, the content script and the
 * panel; kept free of zod so the content script can use it.
 */

/** Below this many characters of text, a post with images or a video is an image or video post. */
export const MEDIA_POST_TEXT = 40;

export type MediaPostShape = { text: string; images: readonly unknown[]; videos?: readonly unknown[] | undefined };

/** An image or video post, or a post holding no text at all (only its 原标题, say). */
export function hasNoBodyText(a: MediaPostShape): boolean {
  return a.text.length < MEDIA_POST_TEXT && (a.images.length > 0 || (a.videos?.length ?? 0) > 0 || a.text.length === 0);
}
