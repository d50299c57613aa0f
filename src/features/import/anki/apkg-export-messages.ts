/** What the .apkg export worker and its client say to each other. */
import type { AnkiExportSource } from '../../../domain/export/anki-package';

export interface ApkgExportRequest {
  readonly source: AnkiExportSource;
}

/** How far the export is: building the rows (cards), writing them (rows), zipping. */
export interface ApkgExportProgress {
  readonly stage: 'build' | 'write' | 'zip';
  readonly done: number;
  readonly total: number;
}

export type ApkgExportMessage =
  | ({ readonly type: 'progress' } & ApkgExportProgress)
  | { readonly type: 'done'; readonly bytes: Uint8Array }
  | { readonly type: 'error'; readonly message: string };
