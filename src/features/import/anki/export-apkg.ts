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

/** States or reviews per message: copying 2,000 reviews (each with its states before and after) takes about 20 ms. */
export const EXPORT_PART_ROWS = 2000;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Posts the source in parts, a task each (see ApkgExportRequest); stops once `signal` is aborted. */
async function postInParts(worker: ApkgExportWorker, source: AnkiExportSource, signal: AbortSignal | undefined): Promise<void> {
  const parts: ApkgExportRequest[] = [];
  for (let start = 0; start < source.states.length; start += EXPORT_PART_ROWS) parts.push({ type: 'states', states: source.states.slice(start, start + EXPORT_PART_ROWS) });
  for (let start = 0; start < source.reviews.length; start += EXPORT_PART_ROWS) parts.push({ type: 'reviews', reviews: source.reviews.slice(start, start + EXPORT_PART_ROWS) });
  for (const part of parts) {
    if (signal?.aborted) return;
    worker.postMessage(part);
    await nextTask();
  }
  if (!signal?.aborted) worker.postMessage({ type: 'source', source: { ...source, states: [], reviews: [] } });
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
    void postInParts(worker, source, signal);
  });
}
