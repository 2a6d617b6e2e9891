/**
 * Size limits of a highlight's fields, in their own module so the content script's note editor can
 * check them without bundling the store's schemas.
 */
export const NOTE_MAX = 10_000;
export const TAGS_MAX = 20;
export const TAG_MAX = 50;
