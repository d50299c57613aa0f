/**
 * The page's side of an .apkg import: it hands the package to a worker (apkg.worker.ts), which
 * reads and converts it, and passes on its progress. Cancelling ends the worker at once; nothing
 * has been written by then (writing waits for "Add"). This module and the worker load only when a
 * package is chosen.
 */
import { ImportError, importError } from '../../../domain/import/import-error';
import type { ImportedDeck } from '../../../domain/import/imported-deck';
import type { ApkgMessage, ApkgProgress, ApkgRequest } from './apkg-messages';

export type { ApkgProgress } from './apkg-messages';

/** What the client needs of a Worker (tests pass a fake). */
export interface ApkgWorker {
  onmessage: ((event: MessageEvent<ApkgMessage>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: ApkgRequest, transfer: Transferable[]): void;
  terminate(): void;
}

export interface ApkgImportOptions {
  readonly onProgress?: (progress: ApkgProgress) => void;
  /** Aborting ends the worker; the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  readonly createWorker?: () => ApkgWorker;
}

const createApkgWorker = (): ApkgWorker => new Worker(new URL('./apkg.worker.ts', import.meta.url), { type: 'module', name: 'flipdeck-apkg' });

/** Reads an Anki package into a previewable deck, in a worker. */
export function importAnkiPackage(bytes: Uint8Array, source: string, options: ApkgImportOptions = {}): Promise<ImportedDeck> {
  const { signal, onProgress } = options;
  if (signal?.aborted) return Promise.reject(signal.reason);
  const worker = (options.createWorker ?? createApkgWorker)();
  return new Promise<ImportedDeck>((resolve, reject) => {
    const finish = () => {
      signal?.removeEventListener('abort', abort);
      worker.terminate();
    };
    const abort = () => {
      finish();
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', abort, { once: true });
    worker.onmessage = ({ data }) => {
      if (data.type === 'progress') {
        onProgress?.(data);
        return;
      }
      finish();
      if (data.type === 'done') resolve(data.deck);
      else reject(data.code === null ? importError('malformed', data.source, `the package could not be read (${data.message}).`) : new ImportError(data.code, data.source, data.issues));
    };
    worker.onerror = (event) => {
      finish();
      reject(importError('wrong-type', source, `the Anki package reader could not be started (${event.message || 'worker error'}). Connect to the internet once and try again.`));
    };
    // A copy goes to the worker, so the chosen file's bytes stay usable here.
    const copy = bytes.slice();
    worker.postMessage({ bytes: copy, source }, [copy.buffer]);
  });
}
