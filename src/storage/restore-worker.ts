/**
 * The restore's dedicated module worker: it opens its own connection to the app's database and
 * runs the streamed preview or restore (streamed-restore.ts) there, so reading, checking and
 * writing a backup of hundreds of thousands of rows never blocks the page. The page hears only
 * progress and the outcome.
 */
import { FlipdeckDb } from './db';
import { sendError, type RestoreReply, type RestoreRequest } from './restore-messages';
import { previewBackupStream, restoreBackupStream, type BackupProgressListener } from './streamed-restore';

// The DOM typings describe a window; this file runs as a dedicated worker, whose global has these.
const scope = self as unknown as {
  postMessage(message: RestoreReply): void;
  onmessage: ((event: MessageEvent<RestoreRequest>) => void) | null;
};

scope.onmessage = (event) => {
  void run(event.data);
};

async function run({ mode, file, source, dbName }: RestoreRequest): Promise<void> {
  const db = new FlipdeckDb({ name: dbName });
  const onProgress: BackupProgressListener = (progress) => scope.postMessage({ kind: 'progress', progress });
  try {
    const result = mode === 'preview' ? await previewBackupStream(db, file, source, { onProgress }) : await restoreBackupStream(db, file, source, { onProgress });
    scope.postMessage({ kind: 'done', result });
  } catch (error) {
    scope.postMessage({ kind: 'failed', error: sendError(error) });
  } finally {
    db.close();
  }
}
