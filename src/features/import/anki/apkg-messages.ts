/** What the .apkg worker and its client say to each other. */
import type { ImportedDeck } from '../../../domain/import/imported-deck';
import type { ImportErrorCode, ImportIssue } from '../../../domain/import/import-error';

export interface ApkgRequest {
  readonly bytes: Uint8Array;
  readonly source: string;
}

/** How far the import is: unpacking and reading the collection, then converting its cards. */
export interface ApkgProgress {
  readonly stage: 'read' | 'convert';
  /** Card sides converted so far (convert), 0 while reading. */
  readonly done: number;
  /** Card sides to convert (two per card), 0 while reading. */
  readonly total: number;
}

export type ApkgMessage =
  | ({ readonly type: 'progress' } & ApkgProgress)
  | { readonly type: 'done'; readonly deck: ImportedDeck }
  | { readonly type: 'error'; readonly code: ImportErrorCode | null; readonly source: string; readonly issues: readonly ImportIssue[]; readonly message: string };
