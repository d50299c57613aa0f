import { sniffBinary } from './decode-text.ts';

/** Which parser reads a file. */
export type ImportKind = 'json' | 'delimited' | 'markdown' | 'apkg';

const BY_EXTENSION: Readonly<Record<string, ImportKind>> = {
  json: 'json',
  csv: 'delimited',
  tsv: 'delimited',
  txt: 'delimited',
  md: 'markdown',
  markdown: 'markdown',
  apkg: 'apkg',
  colpkg: 'apkg',
};

/** The file's kind: by extension, else by its first bytes (zip -> apkg, "{" -> JSON, "# " -> Markdown). */
export function detectImportKind(fileName: string, bytes: Uint8Array): ImportKind {
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  const byName = extension === undefined ? undefined : BY_EXTENSION[extension];
  if (byName !== undefined) return byName;
  if (sniffBinary(bytes)?.startsWith('a zip')) return 'apkg';
  const head = new TextDecoder().decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{')) return 'json';
  if (/^#\s/.test(head)) return 'markdown';
  return 'delimited';
}
