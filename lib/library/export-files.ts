/**
 * The Markdown and Web Annotation exports of what the library shows. They take the groups of the
 * current query, so "my notes on DRG" is one search and one click; with no search or filter that is
 * every highlight. (The full backup is always everything: see LibraryDeps.backup.)
 */
import { colorLabels, type ColorRenames } from '../highlights/colors';
import { t } from '../i18n';
import { exportAnnotations, exportMarkdown, serializeAnnotations, type LibraryGroup } from './';
import { exportFile, type ExportFile } from './download';

export function markdownExport(groups: readonly LibraryGroup[], renames: ColorRenames, at: Date): ExportFile {
  return exportFile('markdown', exportMarkdown(groups, { colorLabels: colorLabels(renames), heading: t('appName') }), at);
}

export function annotationsExport(groups: readonly LibraryGroup[], at: Date): ExportFile {
  const highlights = groups.flatMap((g) => g.highlights);
  return exportFile('annotations', serializeAnnotations(exportAnnotations(highlights, { exportedAt: at })), at);
}
