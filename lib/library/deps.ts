/**
 * What the library view (components/library) needs from the extension: a live view of the data, the
 * background's highlight messages, import/wipe on the database, and opening an article. The view only
 * sees this interface, so its tests pass plain functions and the wiring lives in library-actions.ts.
 */
import type { HighlightRecord } from '../db/schema';
import type { ColorRenames, HighlightColor } from '../highlights/colors';
import type { LibraryArticle, LibraryImportReport, WipeResult } from './';

export type LibraryData = {
  highlights: HighlightRecord[];
  /** The corpus articles the highlights belong to (title, date, source, measures; no body). */
  articles: LibraryArticle[];
  colorRenames: ColorRenames;
  /**
   * False while only the first screen is read (lib/library/feed.ts): the newest highlights and
   * their articles' complete groups, which the list shows first; searching, filtering, counting and
   * exporting wait for everything. Absent means complete.
   */
  complete?: boolean;
  /** Highlights in the whole library (known before all of them are read). */
  total?: number;
};

export type HighlightEdit = {
  note?: string;
  /** The note as the editor opened with it: a save made elsewhere meanwhile is kept beside this one (lib/highlights/store.ts). */
  baseNote?: string;
  color?: HighlightColor;
  tags?: string[];
};

export type MeasureOption = { id: string; label: string; category: string; categoryLabel: string };

export interface LibraryDeps {
  /** Calls `onData` with the first screen, then everything, then whenever highlights, articles or colour names change (in any context). */
  watch(onData: (data: LibraryData) => void, onError: (error: Error) => void): () => void;
  /** Through the background, so open tabs repaint. Rejects with the refusal, which names the field. */
  update(id: string, patch: HighlightEdit): Promise<HighlightRecord>;
  /** Resolves to the deleted record (kept for undo), or null when it was already gone. */
  remove(id: string): Promise<HighlightRecord | null>;
  restore(record: HighlightRecord): Promise<HighlightRecord>;
  /** Opens the article at the highlight (switching to its tab if open); rejects with the reason. */
  open(highlightId: string): Promise<void>;
  /** The full backup as file text (createBackup + serializeBackup). */
  backup(at: Date): Promise<string>;
  /** Checks and imports a backup or Web Annotation file; rejects with a LibraryImportError. */
  importFile(file: File): Promise<LibraryImportReport>;
  wipe(): Promise<WipeResult>;
  /** The catalogue's measures for the measure filter, in display order. */
  measures: MeasureOption[];
  /** Measures a quote mentions, for highlights on articles outside the corpus (see lib/library/search.ts). */
  detectMeasureIds?: (text: string) => readonly string[];
  /** The "highlight the selection" shortcut as the reader has it set, for the empty state. */
  highlightShortcut?(): Promise<string | undefined>;
  /** In the popup only: opens the library as a full tab (with `#import` to go straight to importing). */
  openPage?(section?: 'import'): void;
  now?(): Date;
}
