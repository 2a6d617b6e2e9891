/**
 * From file bytes (or an already-decoded string) to the text the parser reads, refusing what is
 * not a text document: empty, over the size limit, binary, or not UTF-8.
 */
import { CorpusError } from './errors';

/** Largest document accepted, in bytes. The seeds are about 5 KiB; a Sina article rarely tops 100 KiB. */
export const MAX_DOCUMENT_BYTES = 1024 * 1024;

const NEWLINE = 0x0a;
const utf8 = new TextEncoder();

/**
 * The document's text with a leading BOM removed and CRLF turned into LF (so line numbers count
 * the same either way).
 */
export function decodeDocument(input: string | Uint8Array, file: string): string {
  const text = typeof input === 'string' ? checkString(input, file) : decodeBytes(input, file);
  const content = text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  if (!content.trim()) throw new CorpusError('file-empty', file, 1, 'file is empty');
  return content;
}

function checkString(text: string, file: string): string {
  // Each UTF-16 unit is at least one UTF-8 byte: only encode when the text might be too large.
  if (text.length > MAX_DOCUMENT_BYTES / 3 && utf8.encode(text).length > MAX_DOCUMENT_BYTES) throw tooLarge(file);
  const nul = text.indexOf('\0');
  if (nul >= 0) throw binary(file, lineAt(text, nul));
  return text;
}

function decodeBytes(bytes: Uint8Array, file: string): string {
  if (bytes.length > MAX_DOCUMENT_BYTES) throw tooLarge(file);
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw binary(file, 1 + count(bytes.subarray(0, nul), NEWLINE));
  try {
    // ignoreBOM false (the default) drops a leading UTF-8 BOM.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CorpusError('file-not-utf8', file, firstBadLine(bytes), 'file is not valid UTF-8 text (save it as UTF-8)');
  }
}

/** A newline byte never occurs inside a UTF-8 sequence, so lines can be checked one by one. */
function firstBadLine(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  for (let line = 1; ; line++) {
    const end = bytes.indexOf(NEWLINE, start);
    try {
      decoder.decode(bytes.subarray(start, end < 0 ? bytes.length : end));
    } catch {
      return line;
    }
    if (end < 0) return line;
    start = end + 1;
  }
}

function tooLarge(file: string): CorpusError {
  return new CorpusError('file-too-large', file, 1, `file is larger than the ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB limit`, undefined, {
    limit: MAX_DOCUMENT_BYTES / 1024 / 1024,
  });
}

function binary(file: string, line: number): CorpusError {
  return new CorpusError('file-binary', file, line, 'file is binary (it contains a NUL byte), not a text document');
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function count(bytes: Uint8Array, value: number): number {
  let n = 0;
  for (const b of bytes) if (b === value) n++;
  return n;
}
