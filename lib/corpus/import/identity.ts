/**
 * Is an imported post one the corpus (or this import) already holds? Forks of one archive carry the
 * same posts under other file names, sometimes with a title re-exported (`“”` ↔ `_`) or a date written
 * another way: the import must report them as already there, by what the article is, not by its file.
 * As everywhere in Policy Lens (lib/identity), the body decides:
 *
 * - the same id or the same normalised title, and the same body (lib/identity sameBody: the same text,
 *   or the same text edited) — the same id with another body is another article, stored apart;
 * - the very same text (equal fingerprints) under any title, when there is text enough to tell;
 * - two image or video posts, which have no body to compare: the same title, and the same first image
 *   or video or the same day.
 */
import type { Article } from '../article';
import { hasNoBodyText } from '../media-post';
import { sameBody } from '../../identity';

/** What identity needs of an article, stored or about to be. */
export type Known = Pick<Article, 'id' | 'title' | 'titleNorm' | 'date' | 'text' | 'images' | 'videos'> & {
  fingerprint?: string | undefined;
};

/** Below this many characters a body says too little for "the same text under another title". */
const FINGERPRINT_ALONE_MIN_TEXT = 200;

export function sameArticleAs(candidate: Known, known: Known): boolean {
  const mediaA = hasNoBodyText(candidate);
  const mediaB = hasNoBodyText(known);
  if (mediaA || mediaB) {
    if (!mediaA || !mediaB || !candidate.titleNorm || candidate.titleNorm !== known.titleNorm) return false;
    return firstMedia(candidate) === firstMedia(known) || candidate.date.slice(0, 10) === known.date.slice(0, 10);
  }
  if (candidate.id === known.id || (candidate.titleNorm !== '' && candidate.titleNorm === known.titleNorm))
    return sameBody(candidate.text, known.text);
  return fingerprintCanIdentify(candidate) && candidate.fingerprint === known.fingerprint;
}

/** Whether a candidate may match by fingerprint alone (the index lookup is skipped otherwise). */
export function fingerprintCanIdentify(candidate: Known): boolean {
  return candidate.text.length >= FINGERPRINT_ALONE_MIN_TEXT && candidate.fingerprint !== undefined;
}

function firstMedia(a: Known): string {
  return a.images[0]?.src ?? a.videos?.[0]?.src ?? a.videos?.[0]?.poster ?? '';
}
