/**
 * The page's side of an .apkg import: it hands the package to a worker (apkg.worker.ts), which
 * reads and converts it, and passes on its progress. Cancelling ends the worker at once; nothing
 * has been written by then (writing waits for "Add"). This module and the worker load only when a
 * package is chosen.
 */
import { ImportError, importError } from '../../../domain/import/import-error';
import type { ImportedDeck } from '../../../domain/import/imported-deck';
import type { ApkgMessage, ApkgProgress, ApkgRequest } from './apkg-messages';
import { runWorkerJob, type JobWorker } from './worker-client';

export type { ApkgProgress } from './apkg-messages';

/** What the client needs of a Worker (tests pass a fake). */
export type ApkgWorker = JobWorker<ApkgRequest, ApkgMessage>;

export interface ApkgImportOptions {
  readonly onProgress?: (progress: ApkgProgress) => void;
  /** Aborting ends the worker; the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  readonly createWorker?: () => ApkgWorker;
}

const createApkgWorker = (): ApkgWorker => new Worker(new URL('./apkg.worker.ts', import.meta.url), { type: 'module', name: 'flipdeck-apkg' });

/** Reads an Anki package into a previewable deck, in a worker. */
export function importAnkiPackage(bytes: Uint8Array, source: string, options: ApkgImportOptions = {}): Promise<ImportedDeck> {
  // A copy goes to the worker, so the chosen file's bytes stay usable here.
  const copy = bytes.slice();
  return runWorkerJob(options.createWorker ?? createApkgWorker, (worker) => worker.postMessage({ bytes: copy, source }, [copy.buffer]), {
    ...options,
    settle: (message) => {
      if (message.type === 'done') return message.deck;
      throw message.code === null ? importError('malformed', message.source, `the package could not be read (${message.message}).`) : new ImportError(message.code, message.source, message.issues);
    },
    startError: (detail) => importError('wrong-type', source, `the Anki package reader could not be started (${detail}). Connect to the internet once and try again.`),
  });
}
