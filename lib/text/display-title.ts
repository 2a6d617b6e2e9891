/**
 * A corpus title as a reader should see it. Seed titles had `“ ”` and other characters replaced by
 * `_` (`医保基金是群众的_救命钱_`): a pair of `_` around a short phrase was a pair of quotes, so it is
 * shown as `“救命钱”` again. A lone `_` is left alone (it may have been `:` or `?`; guessing is worse).
 * Display only: matching uses normalizeTitle, which folds both spellings together.
 */
export function displayTitle(title: string): string {
  return title.replace(/_([^_\s]{1,40})_/gu, '“$1”');
}
