/** What the .apkg export worker and its client say to each other. */
import type { AnkiExportSource } from '../../../domain/export/anki-package';

/**
 * The source goes over in parts: the states and reviews of a big deck in slices (copying them in
 * one message held the page for about 190 ms at 10,000 cards), then the rest, which starts the work.
 */
export type ApkgExportRequest =
  | { readonly type: 'states'; readonly states: AnkiExportSource['states'] }
  | { readonly type: 'reviews'; readonly reviews: AnkiExportSource['reviews'] }
  | { readonly type: 'source'; readonly source: AnkiExportSource };

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
