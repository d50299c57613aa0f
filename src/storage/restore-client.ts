/**
 * Runs a streamed backup preview or restore in the restore worker, or on this thread where there
 * are no workers (tests) or the database is not one a worker can open (the in-memory fallback).
 */
import type { FlipdeckDb } from './db';
import { receiveError, type RestoreReply, type RestoreRequest } from './restore-messages';
import { previewBackupStream, restoreBackupStream, type BackupPreview, type BackupProgressListener } from './streamed-restore';

export interface RestoreRun {
  readonly mode: RestoreRequest['mode'];
  readonly file: Blob;
  readonly source: string;
  readonly onProgress?: BackupProgressListener;
}

/** In a worker when `canUseWorker` (the database is the browser's own IndexedDB) and workers exist. */
export function runBackupStream(db: FlipdeckDb, run: RestoreRun, canUseWorker: boolean): Promise<BackupPreview> {
  const { mode, file, source, onProgress } = run;
  if (!canUseWorker || typeof Worker === 'undefined') {
    const options = onProgress ? { onProgress } : {};
    return mode === 'preview' ? previewBackupStream(db, file, source, options) : restoreBackupStream(db, file, source, options);
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./restore-worker.ts', import.meta.url), { type: 'module', name: 'flipdeck-restore' });
    const finish = () => worker.terminate();
    worker.onmessage = (event: MessageEvent<RestoreReply>) => {
      const reply = event.data;
      if (reply.kind === 'progress') onProgress?.(reply.progress);
      else if (reply.kind === 'done') {
        finish();
        resolve(reply.result);
      } else {
        finish();
        reject(receiveError(reply.error));
      }
    };
    worker.onerror = (event) => {
      finish();
      reject(new Error(`The restore could not start (${event.message || 'worker error'}), so nothing was restored. Reload the page and try again.`));
    };
    const request: RestoreRequest = { mode, file, source, dbName: db.name };
    worker.postMessage(request);
  });
}
