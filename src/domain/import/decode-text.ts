/**
 * Bytes to text at the import edge: size limit first (before anything is decoded), then the
 * file type (binary files are refused by name), then the encoding. UTF-8 is the default;
 * UTF-16 is accepted with a byte-order mark because Excel's "Unicode text" export writes it.
 */
import { formatBytes } from '../format-bytes.ts';
import { importError } from './import-error.ts';

/** The largest text file (CSV, TSV, Markdown, deck JSON) an import reads. */
export const MAX_TEXT_IMPORT_BYTES = 5 * 1024 * 1024;

/** The largest Anki package an import reads; it is unpacked in memory. */
export const MAX_PACKAGE_IMPORT_BYTES = 100 * 1024 * 1024;

/** The size limit for a file, by name: packages may be larger than text files. */
export const importSizeLimit = (fileName: string): number => (/\.(apkg|colpkg)$/i.test(fileName) ? MAX_PACKAGE_IMPORT_BYTES : MAX_TEXT_IMPORT_BYTES);

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((byte, i) => bytes[i] === byte);

/** Rejects a file over `maxBytes`, naming the limit. */
export function assertSize(byteLength: number, source: string, maxBytes: number): void {
  if (byteLength > maxBytes) {
    throw importError('too-large', source, `the file is ${formatBytes(byteLength)}; the limit is ${formatBytes(maxBytes)}. Split it into smaller decks.`);
  }
}

/** What a binary file looks like, for "this is a zip, not a text file" messages; null for text. */
export function sniffBinary(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'a zip archive (an Anki .apkg is one)';
  if (startsWith(bytes, [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65])) return 'an SQLite database';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'a PDF';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0xff, 0xd8, 0xff])) return 'an image';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return 'an old Office document (save it as CSV instead)';
  if (startsWith(bytes, [0x28, 0xb5, 0x2f, 0xfd])) return 'a zstd-compressed file';
  const head = bytes.subarray(0, 8192);
  return head.includes(0) ? 'a binary file' : null;
}

/**
 * Decodes an imported text file.
 * @throws ImportError `too-large`, `empty-file`, `wrong-type` or `bad-encoding`
 */
export function decodeText(bytes: Uint8Array, source: string, maxBytes = MAX_TEXT_IMPORT_BYTES): string {
  assertSize(bytes.byteLength, source, maxBytes);
  let text: string;
  if (startsWith(bytes, [0xff, 0xfe])) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (startsWith(bytes, [0xfe, 0xff])) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    const binary = sniffBinary(bytes);
    if (binary !== null) throw importError('wrong-type', source, `this is ${binary}, not a text file. Choose a .csv, .tsv, .txt, .md or .json file.`);
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      const lossy = new TextDecoder('utf-8').decode(bytes);
      const line = lossy.slice(0, lossy.indexOf('\uFFFD')).split('\n').length;
      throw importError(
        'bad-encoding',
        source,
        `line ${line} is not UTF-8 text (the file may be in an older encoding such as Windows-1252). Save it as UTF-8 and import it again.`,
        line,
      );
    }
  }
  if (text.trim() === '') throw importError('empty-file', source, 'the file is empty.');
  return text;
}
