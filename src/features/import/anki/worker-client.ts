/**
 * The page's side of a one-shot worker job (reading or writing an Anki package): start the worker,
 * post the request (`post`: one message, or several), pass progress on, settle on the worker's final message, and end the worker
 * when the job settles or is cancelled. A message that arrives after that changes nothing.
 */

/** What a job's messages look like: any number of progress messages, then one final message. */
export type JobMessage = { readonly type: string };
type Progress<M extends JobMessage> = Extract<M, { readonly type: 'progress' }>;
type Final<M extends JobMessage> = Exclude<M, { readonly type: 'progress' }>;

/** What a client needs of a Worker (tests pass a fake). */
export interface JobWorker<Request, Message extends JobMessage> {
  onmessage: ((event: MessageEvent<Message>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: Request, transfer?: Transferable[]): void;
  terminate(): void;
}

export interface JobOptions<Message extends JobMessage, Result> {
  readonly onProgress?: (progress: Progress<Message>) => void;
  /** Aborting ends the worker; the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** The result of the worker's final message; throwing rejects with what is thrown. */
  readonly settle: (message: Final<Message>) => Result;
  /** The error to reject with when the worker cannot be started (the browser's detail given). */
  readonly startError: (detail: string) => Error;
}

export function runWorkerJob<Request, Message extends JobMessage, Result>(
  createWorker: () => JobWorker<Request, Message>,
  post: (worker: JobWorker<Request, Message>) => void,
  options: JobOptions<Message, Result>,
): Promise<Result> {
  const { signal, onProgress, settle, startError } = options;
  if (signal?.aborted) return Promise.reject(signal.reason);
  const worker = createWorker();
  return new Promise<Result>((resolve, reject) => {
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
      if (isProgress(data)) {
        onProgress?.(data);
        return;
      }
      finish();
      try {
        resolve(settle(data as Final<Message>));
      } catch (error) {
        reject(error);
      }
    };
    worker.onerror = (event) => {
      finish();
      reject(startError(event.message || 'worker error'));
    };
    post(worker);
  });
}

function isProgress<M extends JobMessage>(message: M): message is Progress<M> {
  return message.type === 'progress';
}
