/**
 * The page's side of an .apkg export: the worker (apkg-export.worker.ts) builds and writes the
 * package and reports progress. Cancelling ends the worker at once; nothing has been saved then.
 * This module and the worker load only when "Export to Anki" is pressed.
 */
import type { AnkiExportSource } from '../../../domain/export/anki-package';
import type { ApkgExportMessage, ApkgExportProgress, ApkgExportRequest } from './apkg-export-messages';
import { runWorkerJob, type JobWorker } from './worker-client';

export type { ApkgExportProgress } from './apkg-export-messages';

/** What the client needs of a Worker (tests pass a fake). */
export type ApkgExportWorker = JobWorker<ApkgExportRequest, ApkgExportMessage>;

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
  return runWorkerJob(options.createWorker ?? createWorker, (worker) => void postInParts(worker, source, options.signal), {
    ...options,
    settle: (message) => {
      if (message.type === 'done') return message.bytes;
      throw new Error(`The Anki package could not be written (${message.message}).`);
    },
    startError: (detail) => new Error(`The Anki package writer could not be started (${detail}). Connect to the internet once and try again.`),
  });
}
