/**
 * Two versions of one note — the reader's and an imported one, or the versions two tabs saved — are
 * never settled by dropping one: when neither holds the other, both are kept, the reader's (or the
 * first saved) first, the other after a marked separator, so the reader sees both and can tidy up.
 */
import { NOTE_MAX } from './limits';

/**
 * Where the kept second version starts. Stored in the note itself, so it reads the same whatever the
 * interface language: both languages, on a line of its own.
 */
export const NOTE_SEPARATORS = {
  imported: '——— 导入的笔记 · imported note ———',
  otherTab: '——— 另一处保存的笔记 · saved elsewhere ———',
} as const;
export type NoteSeparator = keyof typeof NOTE_SEPARATORS;

export type MergedNote = {
  note: string;
  /** 'first' / 'second': one version holds the other (or one is empty), that one is kept; 'both': joined. */
  kept: 'first' | 'second' | 'both';
};

/** The note that keeps both `first` and `second`; `second` follows the separator when neither holds the other. */
export function mergeNotes(first: string, second: string, separator: NoteSeparator): MergedNote {
  if (second === '' || first.includes(second)) return { note: first, kept: 'first' };
  if (first === '' || second.includes(first)) return { note: second, kept: 'second' };
  return { note: `${first}\n\n${NOTE_SEPARATORS[separator]}\n${second}`, kept: 'both' };
}

/** Would the merged note still fit a highlight? */
export function fitsNote(note: string): boolean {
  return note.length <= NOTE_MAX;
}
