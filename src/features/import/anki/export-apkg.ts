/**
 * The page's side of an .apkg export: the worker (apkg-export.worker.ts) builds and writes the
 * package and reports progress. Cancelling ends the worker at once; nothing has been saved then.
 * This module and the worker load only when "Export to Anki" is pressed.
 */
import type { AnkiExportSource } from '../../../domain/export/anki-package';
import type { ApkgExportMessage, ApkgExportProgress, ApkgExportRequest } from './apkg-export-messages';

export type { ApkgExportProgress } from './apkg-export-messages';

/** What the client needs of a Worker (tests pass a fake). */
export interface ApkgExportWorker {
  onmessage: ((event: MessageEvent<ApkgExportMessage>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: ApkgExportRequest): void;
  terminate(): void;
}

export interface ApkgExportOptions {
  readonly onProgress?: (progress: ApkgExportProgress) => void;
  /** Aborting ends the worker; the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  readonly createWorker?: () => ApkgExportWorker;
}

const createWorker = (): ApkgExportWorker => new Worker(new URL('./apkg-export.worker.ts', import.meta.url), { type: 'module', name: 'flipdeck-apkg-export' });

/** The .apkg file's bytes for the gathered deck. */
export function exportAnkiPackage(source: AnkiExportSource, options: ApkgExportOptions = {}): Promise<Uint8Array> {
  const { signal, onProgress } = options;
  if (signal?.aborted) return Promise.reject(signal.reason);
  const worker = (options.createWorker ?? createWorker)();
  return new Promise<Uint8Array>((resolve, reject) => {
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
      if (data.type === 'done') resolve(data.bytes);
      else reject(new Error(`The Anki package could not be written (${data.message}).`));
    };
    worker.onerror = (event) => {
      finish();
      reject(new Error(`The Anki package writer could not be started (${event.message || 'worker error'}). Connect to the internet once and try again.`));
    };
    worker.postMessage({ source });
  });
}
