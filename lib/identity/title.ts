/**
 * A title's comparison key. Seed titles had `:/\?*“”<>|[]` replaced by `_` (医保基金是群众的_救命钱_ was
 * 医保基金是群众的“救命钱”), and live pages differ in full/half-width forms and spacing, so the key keeps
 * only Han characters, ASCII letters and digits (after NFKC + lower-case): `_`, quotes and every other
 * punctuation mark vanish on both sides.
 *
 * Deliberately coarser than lib/text's normalizeTitle (which maps the replaced characters to `_`):
 * two titles equal under normalizeTitle are equal here too, and this key also absorbs a `“` that one
 * copy kept and the other lost. Titles that differ only in punctuation are rare enough, and a title
 * match is confirmed by the bodies (see same-article.ts).
 */
import { reducedBody } from './fingerprint';

export function titleKey(title: string): string {
  return reducedBody(title).join('');
}
