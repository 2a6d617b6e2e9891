/**
 * The highlights library (issue 8): search across every highlight, export (Markdown, W3C Web
 * Annotations, full backup), import (backup or Web Annotations), wipe. Extension pages only: it reads
 * and writes IndexedDB directly.
 */
export { buildLibraryIndex, createLibraryIndex, foldForSearch, groupAll, searchTerms } from './search';
export type { LibraryArticle, LibraryGroup, LibraryIndex, LibraryIndexOptions, LibraryQuery, LibraryResult } from './search';
export { escapeMarkdown, exportMarkdown, obsidianTag, type MarkdownOptions } from './export-markdown';
export {
  ANNO_CONTEXT,
  LENS_NAMESPACE,
  annotationId,
  exportAnnotations,
  highlightIdFromAnnotation,
  serializeAnnotations,
  toAnnotation,
  type AnnotationCollection,
  type AnnotationExportOptions,
  type WebAnnotation,
} from './export-annotations';
export {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupSchema,
  backupFileName,
  createBackup,
  serializeBackup,
  type Backup,
  type BackupOptions,
} from './backup';
export {
  MAX_IMPORT_BYTES,
  checkImportSize,
  importLibraryFile,
  parseLibraryFile,
  type LibraryFile,
  type LibraryFileFormat,
  type LibraryImportOptions,
  type LibraryImportReport,
  type ParsedLibraryFile,
} from './import';
export { LibraryImportError } from './import-error';
export type { ImportCounts } from './merge';
export type { IndexArticle } from '../db/articles';
export { wipeLibrary, type WipeOptions, type WipeResult } from './wipe';
