/**
 * Is an imported post one the corpus (or this import) already holds? Forks of one archive carry the
 * same posts under other file names, sometimes with a title re-exported (`“”` ↔ `_`) or a date written
 * another way: the import must report them as already there, by what the article is, not by its file.
 *
 * - the same id (normalised title + instant): the same article;
 * - the same normalised title, and bodies that agree (fingerprintsMatch) — or, for two image or video
 *   posts without text, the same first image or video, or the same day;
 * - the very same body text (equal fingerprints) under any title, when there is text enough to tell.
 */
import type { Article } from '../article';
import { hasNoBodyText } from '../media-post';
import { fingerprintsMatch } from '../../identity';

/** What identity needs of an article, stored or about to be. */
export type Known = Pick<Article, 'id' | 'title' | 'titleNorm' | 'date' | 'text' | 'images' | 'videos'> & { fingerprint?: string | undefined };

/** Below this many characters a body says too little for "the same text under another title". */
const FINGERPRINT_ALONE_MIN_TEXT = 200;

export function sameArticleAs(candidate: Known, known: Known): boolean {
  if (candidate.id === known.id) return true;
  if (candidate.titleNorm && candidate.titleNorm === known.titleNorm) {
    const mediaA = hasNoBodyText(candidate);
    const mediaB = hasNoBodyText(known);
    if (mediaA && mediaB) return firstMedia(candidate) === firstMedia(known) || candidate.date.slice(0, 10) === known.date.slice(0, 10);
    if (!mediaA && !mediaB && candidate.fingerprint && known.fingerprint) return fingerprintsMatch(candidate.fingerprint, known.fingerprint);
    return false;
  }
  return (
    candidate.text.length >= FINGERPRINT_ALONE_MIN_TEXT &&
    candidate.fingerprint !== undefined &&
    candidate.fingerprint === known.fingerprint
  );
}

/** Whether a candidate may match by fingerprint alone (the index lookup is skipped otherwise). */
export function fingerprintCanIdentify(candidate: Known): boolean {
  return candidate.text.length >= FINGERPRINT_ALONE_MIN_TEXT && candidate.fingerprint !== undefined;
}

function firstMedia(a: Known): string {
  return a.images[0]?.src ?? a.videos?.[0]?.src ?? a.videos?.[0]?.poster ?? '';
}
