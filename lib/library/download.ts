/**
 * Exports are saved with an `<a download>` pointing at a Blob URL: no `downloads` permission needed.
 * The link is rendered (not a detached element) and stays until the next export replaces it, for two
 * reasons: the reader can save the file again from it if the browser dropped the automatic click
 * (Firefox may, when set to ask where to save and the popup closes under its dialog), and a test can
 * read exactly what was downloaded. The Blob URL is revoked only when the link goes.
 */
import { backupFileName } from './';

export type ExportKind = 'markdown' | 'annotations' | 'backup';

export type ExportFile = { kind: ExportKind; fileName: string; mime: string; text: string };

export type Download = { kind: ExportKind; fileName: string; url: string; bytes: number };

const MIME: Record<ExportKind, string> = {
  markdown: 'text/markdown;charset=utf-8',
  annotations: 'application/ld+json;charset=utf-8',
  backup: 'application/json;charset=utf-8',
};

/** `policy-lens-highlights-2024-05-01.md`, `…-annotations-….jsonld`, the backup's own name; UTC dates like the backup's. */
export function exportFileName(kind: ExportKind, at: Date): string {
  const iso = at.toISOString();
  if (kind === 'backup') return backupFileName({ exportedAt: iso });
  const day = iso.slice(0, 10);
  return kind === 'markdown' ? `policy-lens-highlights-${day}.md` : `policy-lens-annotations-${day}.jsonld`;
}

export function exportFile(kind: ExportKind, text: string, at: Date): ExportFile {
  return { kind, fileName: exportFileName(kind, at), mime: MIME[kind], text };
}

type UrlApi = Pick<typeof URL, 'createObjectURL' | 'revokeObjectURL'>;

/** A Blob URL for the file; hand it back to `revokeDownload` when its link is replaced or unmounted. */
export function createDownload(file: ExportFile, urls: UrlApi = URL): Download {
  const blob = new Blob([file.text], { type: file.mime });
  return { kind: file.kind, fileName: file.fileName, url: urls.createObjectURL(blob), bytes: blob.size };
}

export function revokeDownload(download: Download | null | undefined, urls: UrlApi = URL): void {
  if (download) urls.revokeObjectURL(download.url);
}
