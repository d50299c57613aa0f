/**
 * The messages between the page and the restore worker (restore-worker.ts), and the error
 * shapes that cross it: structured clone keeps an Error's message but not its class, so an
 * ImportError or StorageError is sent as plain data and rebuilt on the page.
 */
import { ImportError, type ImportErrorCode, type ImportIssue } from '../domain/import/import-error';
import { StorageError, type StorageErrorKind, type StorageOperation } from './storage-error';
import type { BackupPreview, BackupProgress } from './streamed-restore';

/** Page → worker: check (preview) or restore `file` into the database named `dbName`. */
export interface RestoreRequest {
  readonly mode: 'preview' | 'restore';
  readonly file: Blob;
  readonly source: string;
  readonly dbName: string;
}

export type SentError =
  | { readonly kind: 'import'; readonly code: ImportErrorCode; readonly source: string; readonly issues: readonly ImportIssue[] }
  | { readonly kind: 'storage'; readonly storageKind: StorageErrorKind; readonly operation: StorageOperation; readonly message: string }
  | { readonly kind: 'other'; readonly message: string };

/** Worker → page. */
export type RestoreReply =
  | { readonly kind: 'progress'; readonly progress: BackupProgress }
  | { readonly kind: 'done'; readonly result: BackupPreview }
  | { readonly kind: 'failed'; readonly error: SentError };

/** An error as data that survives postMessage. */
export function sendError(error: unknown): SentError {
  if (error instanceof ImportError) return { kind: 'import', code: error.code, source: error.source, issues: error.issues };
  if (error instanceof StorageError) return { kind: 'storage', storageKind: error.kind, operation: error.operation, message: error.message };
  return { kind: 'other', message: error instanceof Error ? error.message : String(error) };
}

/** The error a SentError stands for, with its class, so the page handles it as if thrown here. */
export function receiveError(sent: SentError): Error {
  switch (sent.kind) {
    case 'import':
      return new ImportError(sent.code, sent.source, sent.issues);
    case 'storage':
      return new StorageError(sent.storageKind, sent.operation, sent.message);
    case 'other':
      return new Error(sent.message);
  }
}
