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

const createWorker = (): ApkgExportWorker => new Worker(new URL('./apkg-export.worker.ts', import.meta.url), { type: 'module', name: 'flipdeck-apkg-export' });

/** The .apkg file's bytes for the gathered deck. */
export function exportAnkiPackage(source: AnkiExportSource, options: ApkgExportOptions = {}): Promise<Uint8Array> {
  return runWorkerJob(options.createWorker ?? createWorker, { source }, [], {
    ...options,
    settle: (message) => {
      if (message.type === 'done') return message.bytes;
      throw new Error(`The Anki package could not be written (${message.message}).`);
    },
    startError: (detail) => new Error(`The Anki package writer could not be started (${detail}). Connect to the internet once and try again.`),
  });
}
